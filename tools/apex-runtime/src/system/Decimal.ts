// System.Decimal. A Decimal is a double with a scale (see values.ts); rounding and rescaling work
// on its decimal text at that scale with BigInt, so they are exact for what the value prints as.
import { apexThrow, unsupported } from '../interpreter/errors';
import { ApexDecimal, ApexDouble, ApexObject, type ApexValue } from '../interpreter/values';
import { doubleScale, roundToScale, toDecimal } from './Arithmetic';
import type { InstanceMethod, StaticMethod } from './context';
import { bcp47 } from './Datetime';
import { decimalToPlainString, decimalToString } from './String';

export type RoundingMode =
  'CEILING' | 'DOWN' | 'FLOOR' | 'HALF_DOWN' | 'HALF_EVEN' | 'HALF_UP' | 'UNNECESSARY' | 'UP';

const MODES = new Set([
  'CEILING',
  'DOWN',
  'FLOOR',
  'HALF_DOWN',
  'HALF_EVEN',
  'HALF_UP',
  'UNNECESSARY',
  'UP',
]);

/** A System.RoundingMode argument: its name as a string, or an enum object holding it. */
export function roundingModeOf(v: ApexValue): RoundingMode {
  let name: unknown = v;
  if (v instanceof ApexObject) {
    const enumName = (v.native as { enumName?: unknown } | undefined)?.enumName;
    name =
      typeof v.native === 'string'
        ? v.native
        : typeof enumName === 'string'
          ? enumName
          : (v.fields.get('name') ?? v.fields.get('$name'));
  }
  if (typeof name === 'string') {
    const upper = name.toUpperCase().replace(/^(SYSTEM\.)?ROUNDINGMODE\./, '');
    if (MODES.has(upper)) {
      return upper as RoundingMode;
    }
  }
  if (v === null) {
    apexThrow('System.NullPointerException', 'Argument cannot be null.');
  }
  unsupported('RoundingMode value of this shape');
}

/** Unscaled digits and scale of a Decimal: 1.50 -> (150n, 2). */
export function unscaled(d: ApexDecimal): { digits: bigint; scale: number } {
  const plain = decimalToPlainString(d);
  const negative = plain.startsWith('-');
  const [whole, fraction = ''] = plain.replace('-', '').split('.');
  const digits = BigInt(whole + fraction);
  return { digits: negative ? -digits : digits, scale: fraction.length };
}

function fromUnscaled(digits: bigint, scale: number): ApexDecimal {
  const negative = digits < 0n;
  let text = (negative ? -digits : digits).toString();
  if (scale > 0) {
    text = text.padStart(scale + 1, '0');
    text = `${text.slice(0, text.length - scale)}.${text.slice(text.length - scale)}`;
  } else if (scale < 0) {
    text += '0'.repeat(-scale);
  }
  return new ApexDecimal(Number((negative ? '-' : '') + text), Math.max(0, scale));
}

function divideRounded(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) {
    return q;
  }
  const positive = n < 0n === d < 0n;
  const away = positive ? q + 1n : q - 1n;
  const twice = (r < 0n ? -r : r) * 2n;
  const absD = d < 0n ? -d : d;
  switch (mode) {
    case 'DOWN':
      return q;
    case 'UP':
      return away;
    case 'CEILING':
      return positive ? away : q;
    case 'FLOOR':
      return positive ? q : away;
    case 'HALF_UP':
      return twice >= absD ? away : q;
    case 'HALF_DOWN':
      return twice > absD ? away : q;
    case 'HALF_EVEN':
      if (twice === absD) {
        return q % 2n === 0n ? q : away;
      }
      return twice > absD ? away : q;
    case 'UNNECESSARY':
      apexThrow('System.MathException', 'Rounding necessary');
  }
}

/** BigDecimal.setScale(scale, mode). */
export function setScale(
  d: ApexDecimal,
  scale: number,
  mode: RoundingMode = 'HALF_EVEN'
): ApexDecimal {
  const { digits, scale: current } = unscaled(d);
  if (scale >= current) {
    return fromUnscaled(digits * 10n ** BigInt(scale - current), scale);
  }
  const rounded = divideRounded(digits, 10n ** BigInt(current - scale), mode);
  return fromUnscaled(rounded, scale);
}

export function stripTrailingZeros(d: ApexDecimal): ApexDecimal {
  let { digits, scale } = unscaled(d);
  if (digits === 0n) {
    return new ApexDecimal(0, 0);
  }
  while (scale > 0 && digits % 10n === 0n) {
    digits /= 10n;
    scale--;
  }
  return fromUnscaled(digits, scale);
}

export function precision(d: ApexDecimal): number {
  const { digits } = unscaled(d);
  return (digits < 0n ? -digits : digits).toString().length;
}

/** Decimal text in Java's BigDecimal(String) syntax; TypeException `Invalid decimal: x`. */
export function parseDecimal(text: string): ApexDecimal {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) {
    apexThrow('System.TypeException', `Invalid decimal: ${text}`);
  }
  const fraction = m[3] ?? '';
  const exponent = Number(m[4] ?? '0');
  const scale = fraction.length - exponent;
  return new ApexDecimal(Number(text), Math.max(0, scale));
}

/** Locale number text with up to 3 fraction digits, as NumberFormat.getInstance gives it. */
export function formatNumber(value: number, locale: string, maxFraction = 3): string {
  return new Intl.NumberFormat(bcp47(locale), {
    maximumFractionDigits: maxFraction,
    roundingMode: 'halfEven',
  } as Intl.NumberFormatOptions).format(value);
}

function intArg(v: ApexValue): number {
  if (typeof v === 'number') {
    return v;
  }
  if (v === null || v === undefined) {
    apexThrow('System.NullPointerException', 'Argument cannot be null.');
  }
  if (v instanceof ApexDecimal || v instanceof ApexDouble) {
    return Math.trunc(v.value);
  }
  return Number(v);
}

function toInt(d: ApexDecimal): number {
  return Number(BigInt.asIntN(32, BigInt(Math.trunc(d.value))));
}

function toLong(d: ApexDecimal): bigint {
  return BigInt.asIntN(64, BigInt(Math.trunc(d.value)));
}

export const decimalStaticMethods: Record<string, StaticMethod> = {
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  valueof: ([v = null]) => {
    if (v === null) {
      apexThrow('System.NullPointerException', 'Argument cannot be null.');
    }
    if (typeof v === 'string') {
      return parseDecimal(v);
    }
    if (v instanceof ApexDouble) {
      return new ApexDecimal(v.value, doubleScale(v.value));
    }
    return toDecimal(v);
  },
};

export const decimalInstanceMethods: Record<string, InstanceMethod<ApexDecimal>> = {
  abs: (self) => new ApexDecimal(Math.abs(self.value), self.scale),
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  divide: (self, [divisor = null, scale = null, mode]) => {
    const d = toDecimal(divisor);
    if (d.value === 0) {
      apexThrow('System.MathException', 'Divide by 0');
    }
    const s = intArg(scale);
    const m = mode === undefined ? 'HALF_UP' : roundingModeOf(mode);
    // Exact to the requested scale: scale both operands to integers and divide with rounding.
    const a = unscaled(self);
    const b = unscaled(d);
    const shift = s + b.scale - a.scale;
    const numerator = shift >= 0 ? a.digits * 10n ** BigInt(shift) : a.digits;
    const denominator = shift >= 0 ? b.digits : b.digits * 10n ** BigInt(-shift);
    return fromUnscaled(divideRounded(numerator, denominator, m), s);
  },
  doublevalue: (self) => new ApexDouble(self.value),
  format: (self, _a, ctx) => formatNumber(self.value, ctx.locale),
  intvalue: (self) => toInt(self),
  longvalue: (self) => toLong(self),
  pow: (self, [exponent = null]) => {
    const n = intArg(exponent);
    if (n < 0 || n > 32767) {
      apexThrow('System.MathException', 'Invalid operation');
    }
    const { digits, scale } = unscaled(self);
    return fromUnscaled(digits ** BigInt(n), scale * n);
  },
  precision: (self) => precision(self),
  round: (self, [mode]) => {
    const r = setScale(self, 0, mode === undefined ? 'HALF_EVEN' : roundingModeOf(mode));
    return BigInt(r.value);
  },
  scale: (self) => self.scale,
  setscale: (self, [scale = null, mode]) =>
    setScale(self, intArg(scale), mode === undefined ? 'HALF_EVEN' : roundingModeOf(mode)),
  striptrailingzeros: (self) => stripTrailingZeros(self),
  toplainstring: (self) => decimalToPlainString(self),
  tostring: (self) => decimalToString(self),
};

export { roundToScale };
