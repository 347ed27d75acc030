// System.Blob: bytes. valueOf(String) encodes UTF-8; toString() decodes UTF-8 and rejects bytes
// that are not UTF-8, as the platform does.
import { apexThrow, unsupported } from '../interpreter/errors';
import { ApexBlob } from '../interpreter/values';
import type { InstanceMethod, StaticMethod } from './context';

export function blobOf(text: string): ApexBlob {
  return new ApexBlob(new TextEncoder().encode(text));
}

export function blobToString(blob: ApexBlob): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(blob.bytes);
  } catch {
    apexThrow('System.StringException', 'BLOB is not a valid UTF-8 string');
  }
}

export const blobStaticMethods: Record<string, StaticMethod> = {
  valueof: ([s]) => {
    if (typeof s !== 'string') {
      apexThrow('System.NullPointerException', 'Argument cannot be null.');
    }
    return blobOf(s);
  },
  topdf: () => unsupported('Blob.toPdf'),
};

export const blobInstanceMethods: Record<string, InstanceMethod<ApexBlob>> = {
  size: (self) => self.bytes.length,
  tostring: (self) => blobToString(self),
};
