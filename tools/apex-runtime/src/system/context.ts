// What the system library needs from the running transaction: the running user's time zone and
// locale, a clock, and callbacks into the interpreter for user objects. The interpreter builds one
// SystemContext per transaction (or per System.runAs user) and passes it to every library call.
import { ApexObject, type ApexValue } from '../interpreter/values';

export interface LocaleContext {
  /** IANA zone id of the running user (`America/Los_Angeles`); `GMT` when unknown. */
  timeZone: string;
  /** Salesforce locale key of the running user (`en_US`). */
  locale: string;
  /** Milliseconds since the epoch: the transaction's clock (tests may freeze it). */
  now(): number;
}

/** Callbacks into the interpreter; every one is optional so the library runs without them. */
export interface SystemContext extends LocaleContext {
  /** A user object's toString(): its override when it has one, else undefined for the default. */
  objectToString?(obj: ApexObject): string | undefined;
  /** An object's fields in declaration order (the default toString and JSON.serialize). */
  objectFields?(obj: ApexObject): [string, ApexValue][];
  /** `a.equals(b)` for a user object that defines equals; undefined when it does not. */
  objectEquals?(a: ApexObject, b: ApexValue): boolean | undefined;
  /** `a.compareTo(b)` for a Comparable user object (List.sort); undefined when not Comparable. */
  objectCompare?(a: ApexObject, b: ApexValue): number | undefined;
  /** `https://<my domain>.my.salesforce.com` for URL.getOrgDomainUrl(). */
  orgDomainUrl?: string;
  /** Random source in [0, 1) (Math.random); Math.random when absent. */
  random?(): number;
  /** Calls an Apex method on an object (a Comparator's compare for List.sort(comparator)). */
  invoke?(obj: ApexObject, method: string, args: ApexValue[]): ApexValue;
}

export type InstanceMethod<T> = (self: T, args: ApexValue[], ctx: SystemContext) => ApexValue;
export type StaticMethod = (args: ApexValue[], ctx: SystemContext) => ApexValue;

/** A plain context for tests and tools: GMT, en_US, the real clock. */
export function defaultContext(overrides: Partial<SystemContext> = {}): SystemContext {
  return { timeZone: 'GMT', locale: 'en_US', now: () => Date.now(), ...overrides };
}

/**
 * Wraps a library object (a Pattern, a Matcher, a TimeZone ...) as the Apex value the program
 * holds. `className` is the canonical name the interpreter dispatches on (`System.Matcher`).
 */
export function wrapNative(className: string, native: unknown): ApexObject {
  const obj = new ApexObject(className, 'native');
  obj.native = native;
  return obj;
}

/** The native payload of a wrapped library object, checked against its class. */
export function nativeOf<T>(
  value: ApexValue,
  ctor: abstract new (...args: never[]) => T
): T | null {
  if (value instanceof ApexObject && value.native instanceof ctor) {
    return value.native as T;
  }
  return null;
}
