// System.Long: valueOf (Java's Long.parseLong syntax), format and intValue.
import { apexThrow } from '../interpreter/errors';
import { ApexDecimal, ApexDouble } from '../interpreter/values';
import type { InstanceMethod, StaticMethod } from './context';
import { bcp47 } from './Datetime';

export function parseLong(text: string): bigint {
  if (!/^[+-]?\d+$/.test(text)) {
    apexThrow('System.TypeException', `Invalid long: ${text}`);
  }
  const n = BigInt(text);
  if (n !== BigInt.asIntN(64, n)) {
    apexThrow('System.TypeException', `Invalid long: ${text}`);
  }
  return n;
}

export const longStaticMethods: Record<string, StaticMethod> = {
  valueof: ([v]) => {
    if (v === null) {
      return null;
    }
    if (typeof v === 'string') {
      return parseLong(v);
    }
    if (typeof v === 'bigint') {
      return v;
    }
    if (typeof v === 'number') {
      return BigInt(v);
    }
    if (v instanceof ApexDecimal || v instanceof ApexDouble) {
      return BigInt.asIntN(64, BigInt(Math.trunc(v.value)));
    }
    apexThrow('System.TypeException', 'Invalid long');
  },
};

export const longInstanceMethods: Record<string, InstanceMethod<bigint>> = {
  format: (self, _a, ctx) => new Intl.NumberFormat(bcp47(ctx.locale)).format(self),
  intvalue: (self) => Number(BigInt.asIntN(32, self)),
};
