// System.EncodingUtil: Base64, hex and URL encoding. urlEncode/urlDecode follow Java's
// URLEncoder/URLDecoder (form encoding: a space is '+', '*' '-' '.' '_' stay as they are).
import { apexThrow, unsupported } from '../interpreter/errors';
import { ApexBlob, type ApexValue } from '../interpreter/values';
import type { StaticMethod } from './context';

function str(v: ApexValue): string {
  if (typeof v !== 'string') {
    apexThrow('System.NullPointerException', 'Argument cannot be null.');
  }
  return v;
}

function blob(v: ApexValue): ApexBlob {
  if (!(v instanceof ApexBlob)) {
    apexThrow('System.NullPointerException', 'Argument cannot be null.');
  }
  return v;
}

function checkEncoding(encoding: ApexValue): 'utf8' | 'latin1' {
  const e = str(encoding).toUpperCase().replace(/_/g, '-');
  if (e === 'UTF-8' || e === 'UTF8') {
    return 'utf8';
  }
  if (e === 'ISO-8859-1' || e === 'LATIN1') {
    return 'latin1';
  }
  unsupported(`EncodingUtil with encoding ${String(encoding)}`);
}

/** Java's URLEncoder.encode(s, enc). */
export function urlEncode(s: string, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  let out = '';
  for (const ch of s) {
    if (/[a-zA-Z0-9.\-*_]/.test(ch)) {
      out += ch;
    } else if (ch === ' ') {
      out += '+';
    } else {
      const cp = ch.codePointAt(0)!;
      // A lone surrogate, or a character the charset lacks, is encoded as '?' as Java does.
      let bytes: Iterable<number>;
      if (cp >= 0xd800 && cp <= 0xdfff) {
        bytes = [0x3f];
      } else if (encoding === 'latin1') {
        bytes = [cp > 0xff ? 0x3f : cp];
      } else {
        bytes = Buffer.from(ch, 'utf8');
      }
      for (const b of bytes) {
        out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
  }
  return out;
}

/** Java's URLDecoder.decode(s, enc): malformed UTF-8 becomes U+FFFD; a bad escape throws. */
export function urlDecode(s: string, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '+') {
      out += ' ';
      i++;
    } else if (c === '%') {
      const bytes: number[] = [];
      while (i < s.length && s[i] === '%') {
        if (i + 2 >= s.length) {
          apexThrow(
            'System.IllegalArgumentException',
            'URLDecoder: Incomplete trailing escape (%) pattern'
          );
        }
        const hex = s.slice(i + 1, i + 3);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
          apexThrow(
            'System.IllegalArgumentException',
            `URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "${hex}"`
          );
        }
        bytes.push(parseInt(hex, 16));
        i += 3;
      }
      out +=
        encoding === 'latin1'
          ? Buffer.from(bytes).toString('latin1')
          : new TextDecoder('utf-8').decode(new Uint8Array(bytes));
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export const encodingUtilStaticMethods: Record<string, StaticMethod> = {
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  base64encode: ([b = null]) => Buffer.from(blob(b).bytes).toString('base64'),
  base64decode: ([s = null]) => new ApexBlob(new Uint8Array(Buffer.from(str(s), 'base64'))),
  converttohex: ([b = null]) => Buffer.from(blob(b).bytes).toString('hex'),
  convertfromhex: ([s = null]) => {
    const text = str(s);
    if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) {
      apexThrow('System.InvalidParameterValueException', `Invalid hex string: ${text}`);
    }
    return new ApexBlob(new Uint8Array(Buffer.from(text, 'hex')));
  },
  urlencode: ([s = null, e = null]) => urlEncode(str(s), checkEncoding(e)),
  urldecode: ([s = null, e = null]) => urlDecode(str(s), checkEncoding(e)),
};
