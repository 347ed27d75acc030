// System.UUID: random (version 4) UUIDs in their lower-case 36-character form.
import { randomUUID } from 'node:crypto';
import { apexThrow } from '../interpreter/errors';
import { ApexObject, type ApexValue } from '../interpreter/values';
import { wrapNative, type InstanceMethod, type StaticMethod } from './context';

export class ApexUUID {
  constructor(readonly value: string) {}

  apexToString(): string {
    return this.value;
  }
}

export const wrapUUID = (u: ApexUUID) => wrapNative('System.UUID', u);

const SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const uuidStaticMethods: Record<string, StaticMethod> = {
  randomuuid: () => wrapUUID(new ApexUUID(randomUUID())),
  fromstring: ([s]) => {
    if (typeof s !== 'string') {
      apexThrow('System.NullPointerException', 'Argument cannot be null.');
    }
    if (!SHAPE.test(s)) {
      apexThrow('System.IllegalArgumentException', `Invalid UUID string: ${s}`);
    }
    return wrapUUID(new ApexUUID(s.toLowerCase()));
  },
};

export const uuidInstanceMethods: Record<string, InstanceMethod<ApexUUID>> = {
  tostring: (self) => self.value,
  equals: (self, [other]) =>
    other instanceof ApexObject &&
    other.native instanceof ApexUUID &&
    other.native.value === self.value,
  hashcode: (self) => {
    let h = 0;
    for (let i = 0; i < self.value.length; i++) {
      h = (Math.imul(31, h) + self.value.charCodeAt(i)) | 0;
    }
    return h;
  },
};

export function uuidKey(v: ApexValue): string | null {
  return v instanceof ApexObject && v.native instanceof ApexUUID ? v.native.value : null;
}
