// The registry of system classes the runtime implements. Each file under src/library defines
// its classes here (System.Assert in library/Assert.ts ...); the host dispatches to them by the
// class's full name. A member that is not defined is reported unsupported with the Apex line.
import type { Pos } from '../parse/ast';
import type { Interpreter } from './interpreter';
import type { ApexObject, ApexValue } from './values';

export interface CallContext {
  interp: Interpreter;
  pos: Pos;
}

export type StaticMethod = (args: ApexValue[], c: CallContext) => ApexValue;
export type InstanceMethod = (self: ApexObject, args: ApexValue[], c: CallContext) => ApexValue;

export interface NativeClass {
  /** Canonical full name: `System.Assert`, `Database.SaveResult`, `Schema.DescribeFieldResult`. */
  name: string;
  /** For exceptions: the class it extends (`Exception`). */
  parent?: string;
  statics?: Record<string, StaticMethod>;
  props?: Record<string, (c: CallContext) => ApexValue>;
  /**
   * Static properties whose names come from the project's metadata (`System.Label.<name>`):
   * asked after `props`; undefined when there is no such property.
   */
  dynamicProp?: (name: string, c: CallContext) => ApexValue | undefined;
  /** Static properties Apex may assign (`RestContext.request = ...`). */
  setProps?: Record<string, (value: ApexValue, c: CallContext) => void>;
  methods?: Record<string, InstanceMethod>;
  /** Instance properties read with a dot (`result.success` is rare; `e.message` none). */
  fields?: Record<string, (self: ApexObject, c: CallContext) => ApexValue>;
  construct?: (args: ApexValue[], c: CallContext) => ApexValue;
  /** Enum constants, for system enums (`Schema.DisplayType`). */
  enumValues?: string[];
}

const registry = new Map<string, NativeClass>();
/** Names the platform lets Apex write without the namespace: `Pattern` for `System.Pattern`. */
const shortNames = new Map<string, string>();

export function defineNative(cls: NativeClass): NativeClass {
  const key = cls.name.toLowerCase();
  const existing = registry.get(key);
  if (existing) {
    // A class defined in two files merges (statics in one, instances in another).
    existing.statics = { ...existing.statics, ...cls.statics };
    existing.props = { ...existing.props, ...cls.props };
    existing.setProps = { ...existing.setProps, ...cls.setProps };
    existing.methods = { ...existing.methods, ...cls.methods };
    existing.fields = { ...existing.fields, ...cls.fields };
    existing.dynamicProp = cls.dynamicProp ?? existing.dynamicProp;
    existing.construct = cls.construct ?? existing.construct;
    existing.enumValues = cls.enumValues ?? existing.enumValues;
    existing.parent = cls.parent ?? existing.parent;
    return existing;
  }
  registry.set(key, cls);
  const [ns, ...rest] = cls.name.split('.');
  if (rest.length && (ns === 'System' || ns === 'Schema')) {
    const short = rest.join('.').toLowerCase();
    if (!shortNames.has(short)) {
      shortNames.set(short, key);
    }
  }
  return cls;
}

export function nativeClass(name: string): NativeClass | undefined {
  const key = name.toLowerCase();
  return (
    registry.get(key) ??
    registry.get(shortNames.get(key) ?? '') ??
    // `System.Exception`, `System.Database`: classes registered under their bare name.
    (key.startsWith('system.') ? registry.get(key.slice(7)) : undefined)
  );
}

export function allNatives(): NativeClass[] {
  return [...registry.values()];
}
