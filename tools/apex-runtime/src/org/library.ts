// Which function table of the system library answers a call. The tables and the choice of
// instance table by runtime type live in system/index.ts; this file only maps the names Apex
// writes (`System.Pattern`, `Pattern`, `JSON`) to them and makes the non-primitive ones resolve
// as type names.
import { defineNative } from '../interpreter/natives';
import type { StaticMethod } from '../system/context';
import { staticTables } from '../system/index';
import type { JsonHost } from '../system/JSON';

/** Classes of the library that are not primitives: they must resolve as type names. */
const TYPE_NAMES = [
  'Pattern',
  'Matcher',
  'TimeZone',
  'Math',
  'EncodingUtil',
  'Crypto',
  'UUID',
  'URL',
  'JSON',
];
for (const name of TYPE_NAMES) {
  defineNative({ name: `System.${name}` });
}

let tables: Record<string, Record<string, StaticMethod>> = staticTables();

/** JSON needs the interpreter (for classes and SObjects): the local org binds it once built. */
export function bindJsonHost(host: JsonHost): void {
  tables = staticTables(host);
}

export function libraryStatics(className: string): Record<string, StaticMethod> | undefined {
  return tables[className.toLowerCase().replace(/^system\./, '')];
}
