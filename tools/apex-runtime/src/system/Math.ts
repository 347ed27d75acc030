// System.Math. Results keep Apex's types: Math.abs(Integer) is an Integer, Math.round(Decimal)
// rounds half-even, Math.round(Double) rounds as Java's Math.round (half up).
import { apexThrow } from '../interpreter/errors';
import { ApexDecimal, ApexDouble, type ApexValue } from '../interpreter/values';
import { compare, numericRank, toDecimal, wrapInt, wrapLong } from './Arithmetic';
import type { StaticMethod } from './context';
import { setScale } from './Decimal';
import { javaRound } from './Double';

function npe(): never {
  apexThrow('System.NullPointerException', 'Argument cannot be null.');
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

/** A Double function of Doubles (Math.sin ...). */
const d1 =
  (f: (x: number) => number): StaticMethod =>
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  ([x = null]) =>
    new ApexDouble(f(num(x)));

/** Rounds an Integer, Long, Decimal or Double the way the number's type rounds. */
function roundToLong(v: ApexValue): bigint {
  if (typeof v === 'number' || typeof v === 'bigint') {
    return BigInt(v);
  }
  if (v instanceof ApexDecimal) {
    return BigInt(setScale(v, 0, 'HALF_EVEN').value);
  }
  return javaRound(num(v));
}

function keepType(v: ApexValue, f: (x: number) => number): ApexValue {
  if (v instanceof ApexDecimal) {
    return ApexDecimal.of(f(v.value));
  }
  return new ApexDouble(f(num(v)));
}

/** Math.max/min: the wider type of the two (Integer < Long < Double < Decimal). */
function pick(a: ApexValue, b: ApexValue, wantMax: boolean): ApexValue {
  if (a === null || b === null) {
    npe();
  }
  const chosen = compare(a, b) >= 0 === wantMax ? a : b;
  const rank = Math.max(numericRank(a), numericRank(b));
  switch (rank) {
    case 0:
      return chosen;
    case 1:
      return BigInt(chosen as number | bigint);
    case 2:
      return new ApexDouble(num(chosen));
    default:
      return toDecimal(chosen);
  }
}

export const mathStaticMethods: Record<string, StaticMethod> = {
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  abs: ([v = null]) => {
    if (typeof v === 'number') {
      return wrapInt(Math.abs(v));
    }
    if (typeof v === 'bigint') {
      return wrapLong(v < 0n ? -v : v);
    }
    if (v instanceof ApexDecimal) {
      return new ApexDecimal(Math.abs(v.value), v.scale);
    }
    return new ApexDouble(Math.abs(num(v)));
  },
  mod: ([a, b]) => {
    if (typeof a === 'number' && typeof b === 'number') {
      if (b === 0) {
        apexThrow('System.MathException', 'Divide by 0');
      }
      return (a % b) | 0;
    }
    if (
      (typeof a === 'number' || typeof a === 'bigint') &&
      (typeof b === 'number' || typeof b === 'bigint')
    ) {
      if (BigInt(b) === 0n) {
        apexThrow('System.MathException', 'Divide by 0');
      }
      return BigInt(a) % BigInt(b);
    }
    npe();
  },
  max: ([a = null, b = null]) => pick(a, b, true),
  min: ([a = null, b = null]) => pick(a, b, false),
  round: ([v = null]) => {
    const r = roundToLong(v);
    if (r > 2147483647n || r < -2147483648n) {
      apexThrow('System.MathException', 'Integer overflow');
    }
    return Number(r);
  },
  roundtolong: ([v = null]) => roundToLong(v),
  ceil: ([v = null]) => keepType(v, Math.ceil),
  floor: ([v = null]) => keepType(v, Math.floor),
  rint: ([v = null]) =>
    keepType(v, (x) => {
      const f = Math.floor(x);
      const diff = x - f;
      return diff > 0.5 ? f + 1 : diff < 0.5 ? f : f % 2 === 0 ? f : f + 1;
    }),
  signum: ([v = null]) => keepType(v, Math.sign),
  pow: ([a = null, b = null]) => new ApexDouble(Math.pow(num(a), num(b))),
  sqrt: ([v = null]) => keepType(v, Math.sqrt),
  cbrt: d1(Math.cbrt),
  exp: d1(Math.exp),
  log: d1(Math.log),
  log10: d1(Math.log10),
  sin: d1(Math.sin),
  cos: d1(Math.cos),
  tan: d1(Math.tan),
  asin: d1(Math.asin),
  acos: d1(Math.acos),
  atan: d1(Math.atan),
  atan2: ([y = null, x = null]) => new ApexDouble(Math.atan2(num(y), num(x))),
  sinh: d1(Math.sinh),
  cosh: d1(Math.cosh),
  tanh: d1(Math.tanh),
  random: (_a, ctx) => new ApexDouble(ctx.random ? ctx.random() : Math.random()),
};
