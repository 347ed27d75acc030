// System.Time: a time of day in milliseconds, wrapping around midnight.
import { apexThrow } from '../interpreter/errors';
import { ApexTime, type ApexValue } from '../interpreter/values';
import type { InstanceMethod, StaticMethod } from './context';

const DAY = 86_400_000;

export function newTime(millis: number): ApexTime {
  return new ApexTime(((millis % DAY) + DAY) % DAY);
}

function num(v: ApexValue): number {
  if (typeof v === 'number') {
    return v;
  }
  if (v === null || v === undefined) {
    apexThrow('System.NullPointerException', 'Argument cannot be null.');
  }
  if (typeof v === 'bigint') {
    return Number(v);
  }
  apexThrow('System.TypeException', 'Invalid argument');
}

/** `HH:mm:ss.SSSZ`, as a Time converts to a String. */
export function timeToString(t: ApexTime): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const ms = t.millis;
  return `${p(Math.floor(ms / 3_600_000))}:${p(Math.floor(ms / 60_000) % 60)}:${p(Math.floor(ms / 1000) % 60)}.${p(ms % 1000, 3)}Z`;
}

export const timeStaticMethods: Record<string, StaticMethod> = {
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  newinstance: ([h = null, m = null, s = null, ms = null]) =>
    newTime(num(h) * 3_600_000 + num(m) * 60_000 + num(s) * 1000 + num(ms)),
};

export const timeInstanceMethods: Record<string, InstanceMethod<ApexTime>> = {
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  addhours: (self, [n = null]) => newTime(self.millis + num(n) * 3_600_000),
  addminutes: (self, [n = null]) => newTime(self.millis + num(n) * 60_000),
  addseconds: (self, [n = null]) => newTime(self.millis + num(n) * 1000),
  addmilliseconds: (self, [n = null]) => newTime(self.millis + num(n)),
  hour: (self) => Math.floor(self.millis / 3_600_000),
  minute: (self) => Math.floor(self.millis / 60_000) % 60,
  second: (self) => Math.floor(self.millis / 1000) % 60,
  millisecond: (self) => self.millis % 1000,
};
