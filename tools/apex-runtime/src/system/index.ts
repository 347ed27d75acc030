// One place to find the system library's method tables: static methods by class name, and the
// instance methods that apply to a value. Names are lower-cased without the `System.` prefix.
import {
  ApexBlob,
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexDouble,
  ApexList,
  ApexMap,
  ApexObject,
  ApexSet,
  ApexTime,
  type ApexValue,
} from '../interpreter/values';
import { blobInstanceMethods, blobStaticMethods } from './Blob';
import { booleanStaticMethods } from './Boolean';
import type { StaticMethod, SystemContext } from './context';
import { cryptoStaticMethods } from './Crypto';
import { dateInstanceMethods, dateStaticMethods } from './Date';
import { datetimeInstanceMethods, datetimeStaticMethods } from './Datetime';
import { decimalInstanceMethods, decimalStaticMethods } from './Decimal';
import { doubleInstanceMethods, doubleStaticMethods } from './Double';
import { encodingUtilStaticMethods } from './EncodingUtil';
import { integerInstanceMethods, integerStaticMethods } from './Integer';
import { jsonStaticMethods, type JsonHost } from './JSON';
import { listInstanceMethods } from './List';
import { longInstanceMethods, longStaticMethods } from './Long';
import { mapInstanceMethods } from './Map';
import { mathStaticMethods } from './Math';
import {
  ApexMatcher,
  ApexPattern,
  matcherInstanceMethods,
  matcherStaticMethods,
  patternInstanceMethods,
  patternStaticMethods,
} from './Pattern';
import { setInstanceMethods } from './Set';
import { stringInstanceMethods, stringStaticMethods } from './String';
import { timeInstanceMethods, timeStaticMethods } from './Time';
import { ApexTimeZone, timeZoneInstanceMethods, timeZoneStaticMethods } from './TimeZone';
import { ApexUrl, urlInstanceMethods, urlStaticMethods } from './Url';
import { ApexUUID, uuidInstanceMethods, uuidStaticMethods } from './UUID';

/** Static method tables by lower-cased class name (`string`, `datetime`, `encodingutil` ...). */
export function staticTables(jsonHost?: JsonHost): Record<string, Record<string, StaticMethod>> {
  return {
    string: stringStaticMethods,
    pattern: patternStaticMethods,
    matcher: matcherStaticMethods,
    date: dateStaticMethods,
    datetime: datetimeStaticMethods,
    time: timeStaticMethods,
    timezone: timeZoneStaticMethods,
    decimal: decimalStaticMethods,
    integer: integerStaticMethods,
    long: longStaticMethods,
    double: doubleStaticMethods,
    boolean: booleanStaticMethods,
    math: mathStaticMethods,
    blob: blobStaticMethods,
    encodingutil: encodingUtilStaticMethods,
    crypto: cryptoStaticMethods,
    uuid: uuidStaticMethods,
    url: urlStaticMethods,
    json: jsonStaticMethods(jsonHost),
  };
}

type Bound = (args: ApexValue[], ctx: SystemContext) => ApexValue;

function bind<T>(
  table: Record<string, (self: T, args: ApexValue[], ctx: SystemContext) => ApexValue>,
  self: T,
  name: string
): Bound | undefined {
  const f = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  return f ? (args, ctx) => f(self, args, ctx) : undefined;
}

/**
 * The instance method `name` (lower-cased) of a value, bound to it, or undefined when the
 * library has none (the interpreter then reports it unsupported or handles it itself).
 * Integers, Longs, Doubles and Decimals share no table: each has its own, chosen by runtime type.
 */
export function instanceMethod(value: ApexValue, name: string): Bound | undefined {
  if (typeof value === 'string') {
    return bind(stringInstanceMethods, value, name);
  }
  if (typeof value === 'number') {
    return bind(integerInstanceMethods, value, name);
  }
  if (typeof value === 'bigint') {
    return bind(longInstanceMethods, value, name);
  }
  if (value instanceof ApexDecimal) {
    return bind(decimalInstanceMethods, value, name);
  }
  if (value instanceof ApexDouble) {
    return bind(doubleInstanceMethods, value, name);
  }
  if (value instanceof ApexDate) {
    return bind(dateInstanceMethods, value, name);
  }
  if (value instanceof ApexDatetime) {
    return bind(datetimeInstanceMethods, value, name);
  }
  if (value instanceof ApexTime) {
    return bind(timeInstanceMethods, value, name);
  }
  if (value instanceof ApexBlob) {
    return bind(blobInstanceMethods, value, name);
  }
  if (value instanceof ApexList) {
    return bind(listInstanceMethods, value, name);
  }
  if (value instanceof ApexSet) {
    return bind(setInstanceMethods, value, name);
  }
  if (value instanceof ApexMap) {
    return bind(mapInstanceMethods, value, name);
  }
  if (value instanceof ApexObject) {
    const n = value.native;
    if (n instanceof ApexPattern) {
      return bind(patternInstanceMethods, n, name);
    }
    if (n instanceof ApexMatcher) {
      return bind(matcherInstanceMethods, n, name);
    }
    if (n instanceof ApexTimeZone) {
      return bind(timeZoneInstanceMethods, n, name);
    }
    if (n instanceof ApexUUID) {
      return bind(uuidInstanceMethods, n, name);
    }
    if (n instanceof ApexUrl) {
      return bind(urlInstanceMethods, n, name);
    }
  }
  return undefined;
}
