// System.Integer: valueOf (Java's Integer.parseInt syntax) and format (the user's locale).
import { apexThrow } from '../interpreter/errors';
import { ApexDecimal, ApexDouble, type ApexValue } from '../interpreter/values';
import type { InstanceMethod, StaticMethod } from './context';
import { formatNumber } from './Decimal';

/** Java's Integer.parseInt: an optional sign and ASCII digits within int range. */
export function parseInteger(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) {
    apexThrow('System.TypeException', `Invalid integer: ${text}`);
  }
  const n = Number(text);
  if (n > 2147483647 || n < -2147483648) {
    apexThrow('System.TypeException', `Invalid integer: ${text}`);
  }
  return n;
}

export const integerStaticMethods: Record<string, StaticMethod> = {
  valueof: ([v]) => {
    if (v === null) {
      return null;
    }
    if (typeof v === 'string') {
      return parseInteger(v);
    }
    if (typeof v === 'number') {
      return v;
    }
    if (typeof v === 'bigint') {
      return Number(BigInt.asIntN(32, v));
    }
    if (v instanceof ApexDecimal || v instanceof ApexDouble) {
      return Math.trunc(v.value) | 0;
    }
    apexThrow('System.TypeException', 'Invalid integer');
  },
};

export const integerInstanceMethods: Record<string, InstanceMethod<number>> = {
  format: (self, _a, ctx) => formatNumber(self, ctx.locale),
};

export function checkedInt(v: ApexValue): number {
  if (typeof v !== 'number') {
    apexThrow('System.NullPointerException', 'Attempt to de-reference a null object');
  }
  return v;
}
