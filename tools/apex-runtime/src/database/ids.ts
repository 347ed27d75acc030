// Record Ids: 15-character case-sensitive Ids and their 18-character case-safe form.
//
// Rules emulated (Apex Reference Guide: "Id Class" valueOf / to15; Salesforce Help: "What is a
// Salesforce record ID"; Object Reference: "Field Types" > ID):
// - An Id starts with its object's 3-character key prefix.
// - The 18-character form appends 3 characters: for each 5-character chunk of the 15, a 5-bit
//   number whose bit i is set when character i is an uppercase letter A-Z, written with the
//   alphabet ABCDEFGHIJKLMNOPQRSTUVWXYZ012345.
// - Id.valueOf / assignment of a String to an Id accepts 15 or 18 alphanumeric characters, the
//   18-character suffix matching; anything else throws System.StringException `Invalid id: x`.
import { ApexError } from '../interpreter/errors';
import type { Schema } from '../schema/schema';
import type { ObjectDescribe } from '../schema/types';

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function checksumOf(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) {
        flags |= 1 << i;
      }
    }
    suffix += SUFFIX_ALPHABET[flags];
  }
  return suffix;
}

const ALNUM = /^[A-Za-z0-9]+$/;

/** Whether text is an Id as Id.valueOf accepts it. */
export function isValidId(text: string): boolean {
  if ((text.length !== 15 && text.length !== 18) || !ALNUM.test(text)) {
    return false;
  }
  if (text.length === 18) {
    return checksumOf(text.slice(0, 15)) === text.slice(15).toUpperCase();
  }
  return true;
}

/** The 18-character form; throws System.StringException for text that is not an Id. */
export function to18(id: string): string {
  if (!isValidId(id)) {
    throw new ApexError('System.StringException', `Invalid id: ${id}`);
  }
  const id15 = id.slice(0, 15);
  return id15 + checksumOf(id15);
}

/** Id.valueOf: the 18-character Id of a 15- or 18-character text. */
export function idValueOf(text: string): string {
  return to18(text);
}

export function to15(id: string): string {
  return id.slice(0, 15);
}

/** Two Ids are the same record when their first 15 characters match exactly. */
export function sameId(a: string, b: string): boolean {
  return a.slice(0, 15) === b.slice(0, 15);
}

/** The object an Id belongs to, by key prefix (the first of several sharing a prefix). */
export function sobjectTypeOf(schema: Schema, id: string): ObjectDescribe | undefined {
  return schema.objectByKeyPrefix(id.slice(0, 3));
}

/**
 * Deterministic Id generator: one org-wide counter, so Ids are unique across objects and sort in
 * creation order within an object (as the platform's do, in practice).
 */
export class IdGenerator {
  counter = 0;

  next(keyPrefix: string): string {
    this.counter++;
    let n = this.counter;
    let digits = '';
    for (let i = 0; i < 7; i++) {
      digits = BASE62[n % 62] + digits;
      n = Math.floor(n / 62);
    }
    // prefix (3) + instance (2) + reserved (3) + counter (7) = 15
    const id15 = `${keyPrefix}8d000${digits}`.slice(0, 15);
    return id15 + checksumOf(id15);
  }
}

/** The organization's own Id: fixed, so a test run is reproducible. */
export const ORG_ID = (() => {
  const id15 = '00D8d000000ORGA';
  return id15 + checksumOf(id15);
})();
