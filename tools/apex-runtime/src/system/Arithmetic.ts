// The operators on values: arithmetic with Apex's numeric promotion (Integer < Long < Double <
// Decimal, Integer and Long wrapping as Java's int and long), string concatenation, date
// arithmetic, comparison, `==` equality and the conversion applied on assignment (`coerce`).
import { runtimeTypeName } from '../interpreter/values';
import { apexThrow, unsupported } from '../interpreter/errors';
import { collectionKind, primitiveName } from '../interpreter/types';
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
  SObjectValue,
  TypeValue,
  keyOf,
  typeToString,
  type ApexValue,
  type TypeRef,
} from '../interpreter/values';
import type { SystemContext } from './context';
import { apexToString, equalsIgnoreCase, javaCompareIgnoreCase } from './String';

const DAY = 86_400_000;
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

function npe(): never {
  apexThrow('System.NullPointerException', 'Attempt to de-reference a null object');
}

// ---- numbers ---------------------------------------------------------------------------------

/** 0 Integer, 1 Long, 2 Double, 3 Decimal; -1 for anything else. */
export function numericRank(v: ApexValue): number {
  if (typeof v === 'number') {
    return 0;
  }
  if (typeof v === 'bigint') {
    return 1;
  }
  if (v instanceof ApexDouble) {
    return 2;
  }
  if (v instanceof ApexDecimal) {
    return 3;
  }
  return -1;
}

export function wrapInt(n: number): number {
  return n | 0;
}

export function wrapLong(n: bigint): bigint {
  return BigInt.asIntN(64, n);
}

/** The scale Java's BigDecimal.valueOf(double) gives: that of Double.toString (`1.0` has 1). */
export function doubleScale(d: number): number {
  if (!Number.isFinite(d)) {
    return 0;
  }
  const text = String(d);
  if (text.includes('e')) {
    // text holds an `e`: split gives the mantissa and the exponent.
    const [mantissa, exponent] = text.split('e');
    const fraction = (mantissa!.split('.')[1] ?? '').length;
    return Math.max(0, fraction - Number(exponent));
  }
  return Math.max(1, (text.split('.')[1] ?? '').length);
}

/** Rounds a double to a decimal scale (the nearest double to the decimal text). */
export function roundToScale(value: number, scale: number): number {
  if (!Number.isFinite(value) || scale > 100 || scale < 0 || Math.abs(value) >= 1e21) {
    return value;
  }
  return Number(value.toFixed(scale));
}

export function toDecimal(v: ApexValue): ApexDecimal {
  if (v instanceof ApexDecimal) {
    return v;
  }
  if (typeof v === 'number') {
    return new ApexDecimal(v, 0);
  }
  if (typeof v === 'bigint') {
    return new ApexDecimal(Number(v), 0);
  }
  if (v instanceof ApexDouble) {
    return new ApexDecimal(v.value, doubleScale(v.value));
  }
  npe();
}

function toLong(v: ApexValue): bigint {
  if (typeof v === 'bigint') {
    return v;
  }
  if (typeof v === 'number') {
    return BigInt(v);
  }
  npe();
}

function num(v: ApexValue): number {
  if (typeof v === 'number') {
    return v;
  }
  if (typeof v === 'bigint') {
    return Number(v);
  }
  if (v instanceof ApexDouble || v instanceof ApexDecimal) {
    return v.value;
  }
  npe();
}

function divideByZero(): never {
  apexThrow('System.MathException', 'Divide by 0');
}

/** Decimal division: exact quotients keep the preferred scale (s1 - s2), others ~16 digits. */
function decimalDivide(a: ApexDecimal, b: ApexDecimal): ApexDecimal {
  if (b.value === 0) {
    divideByZero();
  }
  const q = a.value / b.value;
  const shortest = decimalScaleOfNumber(q);
  const exact =
    shortest <= 15 && roundToScale(q * b.value, a.scale + shortest + b.scale) === a.value;
  if (exact) {
    return new ApexDecimal(q, Math.max(a.scale - b.scale, shortest, 0));
  }
  return new ApexDecimal(q, Math.min(shortest, 32));
}

function decimalScaleOfNumber(v: number): number {
  return ApexDecimal.of(v).scale;
}

function numericOp(op: string, a: ApexValue, b: ApexValue): ApexValue {
  const rank = Math.max(numericRank(a), numericRank(b));
  switch (rank) {
    case 0: {
      const x = a as number;
      const y = b as number;
      switch (op) {
        case '+':
          return wrapInt(x + y);
        case '-':
          return wrapInt(x - y);
        case '*':
          return Math.imul(x, y);
        case '/':
          if (y === 0) {
            divideByZero();
          }
          return wrapInt(Math.trunc(x / y));
      }
      break;
    }
    case 1: {
      const x = toLong(a);
      const y = toLong(b);
      switch (op) {
        case '+':
          return wrapLong(x + y);
        case '-':
          return wrapLong(x - y);
        case '*':
          return wrapLong(x * y);
        case '/':
          if (y === 0n) {
            divideByZero();
          }
          return wrapLong(x / y);
      }
      break;
    }
    case 2: {
      const x = num(a);
      const y = num(b);
      switch (op) {
        case '+':
          return new ApexDouble(x + y);
        case '-':
          return new ApexDouble(x - y);
        case '*':
          return new ApexDouble(x * y);
        case '/':
          if (y === 0) {
            divideByZero();
          }
          return new ApexDouble(x / y);
      }
      break;
    }
    case 3: {
      const x = toDecimal(a);
      const y = toDecimal(b);
      switch (op) {
        case '+':
        case '-': {
          const scale = Math.max(x.scale, y.scale);
          return new ApexDecimal(
            roundToScale(op === '+' ? x.value + y.value : x.value - y.value, scale),
            scale
          );
        }
        case '*': {
          const scale = x.scale + y.scale;
          return new ApexDecimal(roundToScale(x.value * y.value, scale), scale);
        }
        case '/':
          return decimalDivide(x, y);
      }
      break;
    }
  }
  unsupported(`operator ${op} on ${runtimeTypeName(a)} and ${runtimeTypeName(b)}`);
}

function bitwise(op: string, a: ApexValue, b: ApexValue): ApexValue {
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    switch (op) {
      case '&':
        return a && b;
      case '|':
        return a || b;
      case '^':
        return a !== b;
    }
  }
  if (op === '<<' || op === '>>' || op === '>>>') {
    if (typeof a === 'number' && (typeof b === 'number' || typeof b === 'bigint')) {
      const s = Number(b) & 31;
      return op === '<<' ? a << s : op === '>>' ? a >> s : (a >>> s) | 0;
    }
    if (typeof a === 'bigint' && (typeof b === 'number' || typeof b === 'bigint')) {
      const s = BigInt(Number(b) & 63);
      if (op === '<<') {
        return wrapLong(a << s);
      }
      if (op === '>>') {
        return a >> s;
      }
      return wrapLong(BigInt.asUintN(64, a) >> s);
    }
  }
  if (typeof a === 'number' && typeof b === 'number') {
    return op === '&' ? a & b : op === '|' ? a | b : a ^ b;
  }
  if (
    (typeof a === 'number' || typeof a === 'bigint') &&
    (typeof b === 'number' || typeof b === 'bigint')
  ) {
    const x = BigInt(a);
    const y = BigInt(b);
    return wrapLong(op === '&' ? x & y : op === '|' ? x | y : x ^ y);
  }
  if (a === null || b === null) {
    npe();
  }
  unsupported(`operator ${op} on ${runtimeTypeName(a)} and ${runtimeTypeName(b)}`);
}

/** Adds a number of days (fractions allowed) to a Datetime, as `dt + 1.5` does. */
function addDaysToDatetime(dt: ApexDatetime, days: ApexValue, sign: number): ApexDatetime {
  return new ApexDatetime(dt.millis + Math.round(sign * num(days) * DAY));
}

/**
 * A binary or unary operator. op is `+ - * / & | ^ << >> >>>`, `neg` (unary minus) or `~`
 * (b is ignored for the unary ones).
 */
export function arithmetic(op: string, a: ApexValue, b: ApexValue, ctx?: SystemContext): ApexValue {
  if (op === 'neg') {
    return negate(a);
  }
  if (op === '~') {
    if (typeof a === 'number') {
      return ~a;
    }
    if (typeof a === 'bigint') {
      return wrapLong(~a);
    }
    npe();
  }
  if (op === '+' && (typeof a === 'string' || typeof b === 'string')) {
    return apexToString(a, ctx) + apexToString(b, ctx);
  }
  if (a === null || b === null) {
    npe();
  }
  if (op === '+' || op === '-') {
    const sign = op === '+' ? 1 : -1;
    if (a instanceof ApexDate && (typeof b === 'number' || typeof b === 'bigint')) {
      return ApexDate.fromEpochDay(a.toEpochDay() + sign * Number(b));
    }
    if (a instanceof ApexDatetime && numericRank(b) >= 0) {
      return addDaysToDatetime(a, b, sign);
    }
    if (a instanceof ApexTime && (typeof b === 'number' || typeof b === 'bigint')) {
      return new ApexTime((((a.millis + sign * Number(b)) % DAY) + DAY) % DAY);
    }
  }
  if (['&', '|', '^', '<<', '>>', '>>>'].includes(op)) {
    return bitwise(op, a, b);
  }
  if (numericRank(a) >= 0 && numericRank(b) >= 0) {
    return numericOp(op, a, b);
  }
  unsupported(`operator ${op} on ${runtimeTypeName(a)} and ${runtimeTypeName(b)}`);
}

export const add = (a: ApexValue, b: ApexValue, ctx?: SystemContext) => arithmetic('+', a, b, ctx);
export const subtract = (a: ApexValue, b: ApexValue) => arithmetic('-', a, b);
export const multiply = (a: ApexValue, b: ApexValue) => arithmetic('*', a, b);
export const divide = (a: ApexValue, b: ApexValue) => arithmetic('/', a, b);

export function negate(a: ApexValue): ApexValue {
  if (typeof a === 'number') {
    return wrapInt(-a);
  }
  if (typeof a === 'bigint') {
    return wrapLong(-a);
  }
  if (a instanceof ApexDouble) {
    return new ApexDouble(-a.value);
  }
  if (a instanceof ApexDecimal) {
    return new ApexDecimal(-a.value, a.scale);
  }
  if (a === null) {
    npe();
  }
  unsupported(`unary minus on ${runtimeTypeName(a)}`);
}

// ---- comparison and equality ------------------------------------------------------------------

function compareNumbers(a: ApexValue, b: ApexValue): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (
    (typeof a === 'bigint' && typeof b === 'number') ||
    (typeof a === 'number' && typeof b === 'bigint')
  ) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = num(a);
  const y = num(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `<`-style comparison (-1/0/1 or a sign): numbers across types, strings ignoring case, dates. */
export function compare(a: ApexValue, b: ApexValue): number {
  if (numericRank(a) >= 0 && numericRank(b) >= 0) {
    return compareNumbers(a, b);
  }
  if (typeof a === 'string' && typeof b === 'string') {
    return Math.sign(javaCompareIgnoreCase(a, b));
  }
  if (a instanceof ApexDate && b instanceof ApexDate) {
    return Math.sign(a.toEpochDay() - b.toEpochDay());
  }
  if (a instanceof ApexDatetime && b instanceof ApexDatetime) {
    return Math.sign(a.millis - b.millis);
  }
  if (a instanceof ApexTime && b instanceof ApexTime) {
    return Math.sign(a.millis - b.millis);
  }
  if (a === null || b === null) {
    npe();
  }
  apexThrow(
    'System.TypeException',
    `Comparison arguments must be compatible types: ${runtimeTypeName(a)}, ${runtimeTypeName(b)}`
  );
}

const ID_SHAPE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const ID_SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 18-character form of a 15- or 18-character Id, or null when it is not Id-shaped. */
export function toId18(text: string): string | null {
  if (!ID_SHAPE.test(text)) {
    return null;
  }
  const base = text.slice(0, 15);
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      // base has 15 characters: chunk * 5 + i is below 15.
      const c = base[chunk * 5 + i]!;
      if (c >= 'A' && c <= 'Z') {
        bits |= 1 << i;
      }
    }
    suffix += ID_SUFFIX[bits];
  }
  if (text.length === 18 && text.slice(15).toUpperCase() !== suffix) {
    return null;
  }
  return base + suffix;
}

// Ids are held as their 18-character Strings: the evaluator compares a declared Id with a
// 15-character form itself, since only it knows the declared types. As Strings they differ.
function stringEquals(a: string, b: string): boolean {
  return equalsIgnoreCase(a, b);
}

/** The `==` operator. */
export function apexEquals(a: ApexValue, b: ApexValue, ctx?: SystemContext): boolean {
  if (a === null || b === null) {
    return a === b;
  }
  if (typeof a === 'string' && typeof b === 'string') {
    return stringEquals(a, b);
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    return a === b;
  }
  if (numericRank(a) >= 0 && numericRank(b) >= 0) {
    return compareNumbers(a, b) === 0;
  }
  if (a instanceof ApexDate && b instanceof ApexDate) {
    return a.toEpochDay() === b.toEpochDay();
  }
  if (
    (a instanceof ApexDatetime && b instanceof ApexDatetime) ||
    (a instanceof ApexTime && b instanceof ApexTime)
  ) {
    return a.millis === b.millis;
  }
  if (a instanceof ApexBlob && b instanceof ApexBlob) {
    return a.bytes.length === b.bytes.length && a.bytes.every((x, i) => x === b.bytes[i]);
  }
  if (a instanceof TypeValue && b instanceof TypeValue) {
    return a.key === b.key;
  }
  if (a instanceof ApexList && b instanceof ApexList) {
    return (
      a.values.length === b.values.length &&
      // Same lengths: b has an element at each index of a.
      a.values.every((v, i) => apexEquals(v, b.values[i] ?? null, ctx))
    );
  }
  if (a instanceof ApexSet && b instanceof ApexSet) {
    return a.map.size === b.map.size && [...a.map.keys()].every((k) => b.map.has(k));
  }
  if (a instanceof ApexMap && b instanceof ApexMap) {
    if (a.entries.size !== b.entries.size) {
      return false;
    }
    for (const [k, e] of a.entries) {
      const other = b.entries.get(k);
      if (!other || !apexEquals(e.value, other.value, ctx)) {
        return false;
      }
    }
    return true;
  }
  if (a instanceof SObjectValue && b instanceof SObjectValue) {
    if (a === b) {
      return true;
    }
    if (a.type.toLowerCase() !== b.type.toLowerCase() || a.fields.size !== b.fields.size) {
      return false;
    }
    for (const [k, f] of a.fields) {
      const other = b.fields.get(k);
      if (!other || !apexEquals(f.value, other.value, ctx)) {
        return false;
      }
    }
    return true;
  }
  if (a instanceof ApexObject) {
    if (a === b) {
      return true;
    }
    const custom = ctx?.objectEquals?.(a, b);
    if (custom !== undefined) {
      return custom;
    }
    if (a.keyHook && b instanceof ApexObject && b.keyHook) {
      return keyOf(a) === keyOf(b);
    }
    return false;
  }
  return a === b;
}

/** The `===` operator: reference identity for objects, value identity for primitives. */
export function exactEquals(a: ApexValue, b: ApexValue): boolean {
  if (a === b) {
    return true;
  }
  if (a === null || b === null) {
    return false;
  }
  if (typeof a !== 'object' || typeof b !== 'object') {
    return false;
  }
  if (a instanceof ApexDecimal && b instanceof ApexDecimal) {
    return a.value === b.value;
  }
  if (a instanceof ApexDouble && b instanceof ApexDouble) {
    return a.value === b.value;
  }
  if (a instanceof ApexDate && b instanceof ApexDate) {
    return a.toEpochDay() === b.toEpochDay();
  }
  if (
    (a instanceof ApexDatetime && b instanceof ApexDatetime) ||
    (a instanceof ApexTime && b instanceof ApexTime)
  ) {
    return a.millis === b.millis;
  }
  return false;
}

// ---- types and conversion ---------------------------------------------------------------------

function conversionError(v: ApexValue, target: TypeRef): never {
  apexThrow(
    'System.TypeException',
    `Invalid conversion from runtime type ${runtimeTypeName(v)} to ${typeToString(target)}`
  );
}

/**
 * The value as stored in a variable, field or parameter of `target`: numeric widening
 * (Integer -> Long/Double/Decimal ...), String -> Id (validated, 18 characters), Date ->
 * Datetime. A primitive of the wrong kind throws TypeException; non-primitive targets (classes,
 * SObjects, collections) are left to the interpreter and returned unchanged.
 */
export function coerce(value: ApexValue, target: TypeRef): ApexValue {
  if (value === null) {
    return null;
  }
  const prim = primitiveName(target);
  if (!prim || collectionKind(target)) {
    return value;
  }
  switch (prim) {
    case 'object':
      return value;
    case 'integer':
      if (typeof value === 'number') {
        return value;
      }
      break;
    case 'long':
      if (typeof value === 'bigint') {
        return value;
      }
      if (typeof value === 'number') {
        return BigInt(value);
      }
      break;
    case 'double':
      if (value instanceof ApexDouble) {
        return value;
      }
      if (numericRank(value) >= 0) {
        return new ApexDouble(num(value));
      }
      break;
    case 'decimal':
      if (numericRank(value) >= 0) {
        return toDecimal(value);
      }
      break;
    case 'string':
      if (typeof value === 'string') {
        return value;
      }
      break;
    case 'id':
      if (typeof value === 'string') {
        const id = toId18(value);
        if (id === null) {
          apexThrow('System.StringException', `Invalid id: ${value}`);
        }
        return id;
      }
      break;
    case 'boolean':
      if (typeof value === 'boolean') {
        return value;
      }
      break;
    case 'date':
      if (value instanceof ApexDate) {
        return value;
      }
      break;
    case 'datetime':
      if (value instanceof ApexDatetime) {
        return value;
      }
      if (value instanceof ApexDate) {
        return new ApexDatetime(value.toEpochDay() * DAY);
      }
      break;
    case 'time':
      if (value instanceof ApexTime) {
        return value;
      }
      break;
    case 'blob':
      if (value instanceof ApexBlob) {
        return value;
      }
      break;
  }
  conversionError(value, target);
}

export { INT_MAX, INT_MIN };

export { runtimeTypeName };
