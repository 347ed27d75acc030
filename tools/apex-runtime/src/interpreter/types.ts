// Type names as the runtime resolves them: primitives, collections, SObjects, user classes and
// the system classes the library implements. A TypeRef from the source becomes a ResolvedType.
import type { ClassDecl } from '../parse/ast';
import type { TypeRef } from './values';

export const PRIMITIVES = new Set([
  'string',
  'id',
  'integer',
  'long',
  'double',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'time',
  'blob',
  'object',
]);

/** Lower-cased primitive name of a TypeRef, with System. dropped: `System.String` -> `string`. */
const primitiveNames = new Map<string, string | null>();

export function primitiveName(type: TypeRef): string | null {
  const cached = primitiveNames.get(type.name);
  if (cached !== undefined) {
    return cached;
  }
  let name = type.name.toLowerCase();
  if (name.startsWith('system.')) {
    name = name.slice(7);
  }
  const result = PRIMITIVES.has(name) ? name : null;
  primitiveNames.set(type.name, result);
  return result;
}

export function collectionKind(type: TypeRef): 'list' | 'set' | 'map' | null {
  const name = type.name.toLowerCase().replace(/^system\./, '');
  return name === 'list' || name === 'set' || name === 'map' ? name : null;
}

export const OBJECT_TYPE: TypeRef = { name: 'Object', args: [] };

/** A user class at run time: its declaration with the links the resolver filled in. */
export interface RuntimeClass {
  decl: ClassDecl;
  /** Lower-cased full name: `linkedinidentity.result`. */
  key: string;
  superclass: RuntimeClass | null;
  /** The system exception this class ultimately extends (`Exception`), when it is one. */
  nativeSuper: string | null;
  interfaces: RuntimeClass[];
  /** System interfaces implemented: `database.batchable`, `queueable`, `comparable` ... */
  nativeInterfaces: Set<string>;
  inner: Map<string, RuntimeClass>;
  outer: RuntimeClass | null;
  isTest: boolean;
}
