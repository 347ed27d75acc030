// System.Date: a calendar day without a zone. Construction is lenient like java.util.Calendar
// (Date.newInstance(2024, 2, 30) is March 1st); today() is the running user's local date.
import { apexThrow, unsupported } from '../interpreter/errors';
import { ApexDate, ApexDatetime, type ApexValue } from '../interpreter/values';
import type { InstanceMethod, LocaleContext, StaticMethod } from './context';
import {
  bcp47,
  daysInMonth,
  fieldsToMillis,
  formatJava,
  localeDateFormat,
  MILLIS_PER_DAY,
} from './Datetime';
import { localFields } from './TimeZone';

export function newDate(year: number, month: number, day: number): ApexDate {
  return ApexDate.fromEpochDay(Math.floor(fieldsToMillis(year, month, day) / MILLIS_PER_DAY));
}

export function today(ctx: LocaleContext): ApexDate {
  const f = localFields(ctx.now(), ctx.timeZone);
  return new ApexDate(f.year, f.month, f.day);
}

export function addMonths(d: ApexDate, months: number): ApexDate {
  const total = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return new ApexDate(year, month, Math.min(d.day, daysInMonth(year, month)));
}

export function addDays(d: ApexDate, days: number): ApexDate {
  return ApexDate.fromEpochDay(d.toEpochDay() + days);
}

/** `yyyy-MM-dd` (a time part after a space is ignored), lenient; TypeException otherwise. */
export function dateValueOf(text: string): ApexDate {
  const m = /^(\d{1,4})-(\d{1,2})-(\d{1,2})(?: \d{1,2}:\d{1,2}(?::\d{1,2})?)?$/.exec(text.trim());
  if (!m) {
    apexThrow('System.TypeException', `Invalid date: ${text}`);
  }
  return newDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** First day of the week in a locale: 1 = Sunday, 2 = Monday (java.util.Calendar numbering). */
export function firstDayOfWeek(locale: string): number {
  try {
    const info = (new Intl.Locale(bcp47(locale)) as unknown as { weekInfo?: { firstDay: number } })
      .weekInfo;
    if (info) {
      return info.firstDay === 7 ? 1 : info.firstDay + 1;
    }
  } catch {
    // fall through
  }
  return /_US$|^en$/i.test(locale) ? 1 : 2;
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

function dateArg(v: ApexValue): ApexDate {
  if (!(v instanceof ApexDate)) {
    apexThrow('System.NullPointerException', 'Argument cannot be null.');
  }
  return v;
}

export function formatDate(d: ApexDate, pattern: string, locale: string): string {
  return formatJava(pattern, d.toEpochDay() * MILLIS_PER_DAY, 'GMT', locale);
}

export const dateStaticMethods: Record<string, StaticMethod> = {
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  newinstance: ([y = null, m = null, d = null]) => newDate(num(y), num(m), num(d)),
  today: (_a, ctx) => today(ctx),
  valueof: ([v]) => {
    if (v === null) {
      return null;
    }
    if (v instanceof ApexDate) {
      return v;
    }
    if (v instanceof ApexDatetime) {
      unsupported('Date.valueOf(Datetime)');
    }
    if (typeof v !== 'string') {
      apexThrow('System.TypeException', 'Invalid date');
    }
    return dateValueOf(v);
  },
  daysinmonth: ([y = null, m = null]) => daysInMonth(num(y), num(m)),
  isleapyear: ([y = null]) => isLeapYear(num(y)),
  parse: ([text], ctx) => {
    if (typeof text !== 'string') {
      apexThrow('System.NullPointerException', 'Argument cannot be null.');
    }
    if (localeDateFormat(ctx.locale) !== 'M/d/yyyy') {
      unsupported(`Date.parse in locale ${ctx.locale}`);
    }
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{1,4})$/.exec(text.trim());
    if (!m) {
      apexThrow('System.TypeException', `Invalid date: ${text}`);
    }
    const year = Number(m[3]);
    // All three groups always take part in a match.
    return newDate(m[3]!.length <= 2 ? 2000 + year : year, Number(m[1]), Number(m[2]));
  },
};

export const dateInstanceMethods: Record<string, InstanceMethod<ApexDate>> = {
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  adddays: (self, [n = null]) => addDays(self, num(n)),
  addmonths: (self, [n = null]) => addMonths(self, num(n)),
  addyears: (self, [n = null]) => addMonths(self, num(n) * 12),
  day: (self) => self.day,
  month: (self) => self.month,
  year: (self) => self.year,
  dayofyear: (self) => self.toEpochDay() - newDate(self.year, 1, 1).toEpochDay() + 1,
  daysbetween: (self, [other = null]) => dateArg(other).toEpochDay() - self.toEpochDay(),
  monthsbetween: (self, [other = null]) => {
    const o = dateArg(other);
    return (o.year - self.year) * 12 + (o.month - self.month);
  },
  issameday: (self, [other = null]) => dateArg(other).toEpochDay() === self.toEpochDay(),
  tostartofmonth: (self) => new ApexDate(self.year, self.month, 1),
  tostartofweek: (self, _a, ctx) => {
    const first = firstDayOfWeek(ctx.locale);
    const dow = ((((self.toEpochDay() + 4) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday (5)
    return addDays(self, -((dow - first + 7) % 7));
  },
  format: (self, _a, ctx) => formatDate(self, localeDateFormat(ctx.locale), ctx.locale),
};
