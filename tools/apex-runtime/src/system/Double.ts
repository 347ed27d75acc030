// System.Double: valueOf (Java's Double.parseDouble syntax), format, intValue, longValue, round.
import { apexThrow } from '../interpreter/errors';
import { ApexDecimal, ApexDouble } from '../interpreter/values';
import type { InstanceMethod, StaticMethod } from './context';
import { formatNumber } from './Decimal';

/** Java's Double.parseDouble (decimal forms, NaN, Infinity, an optional d/f suffix; trimmed). */
export function parseDouble(text: string): number {
  const t = text.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
  if (/^[+-]?(NaN|Infinity)$/.test(t)) {
    return Number(t.replace('+', ''));
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?$/.test(t)) {
    apexThrow('System.TypeException', `Invalid double: ${text}`);
  }
  return Number(t.replace(/[fFdD]$/, ''));
}

/** Java's Math.round(double) as a long: floor(x + 0.5). */
export function javaRound(x: number): bigint {
  if (Number.isNaN(x)) {
    return 0n;
  }
  return BigInt.asIntN(64, BigInt(Math.floor(x + 0.5)));
}

export const doubleStaticMethods: Record<string, StaticMethod> = {
  valueof: ([v]) => {
    if (v === null) {
      return null;
    }
    if (typeof v === 'string') {
      return new ApexDouble(parseDouble(v));
    }
    if (typeof v === 'number' || typeof v === 'bigint') {
      return new ApexDouble(Number(v));
    }
    if (v instanceof ApexDecimal || v instanceof ApexDouble) {
      return new ApexDouble(v.value);
    }
    apexThrow('System.TypeException', 'Invalid double');
  },
};

export const doubleInstanceMethods: Record<string, InstanceMethod<ApexDouble>> = {
  format: (self, _a, ctx) => formatNumber(self.value, ctx.locale),
  intvalue: (self) => Math.trunc(self.value) | 0,
  longvalue: (self) => BigInt.asIntN(64, BigInt(Math.trunc(self.value))),
  round: (self) => javaRound(self.value),
};
