// System.Datetime: an instant (UTC millis). The local-time methods use the running user's time
// zone from the context; format(pattern) follows java.text.SimpleDateFormat's pattern letters.
import { apexThrow, unsupported } from '../interpreter/errors';
import {
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexDouble,
  ApexTime,
  type ApexValue,
} from '../interpreter/values';
import type { InstanceMethod, LocaleContext, StaticMethod } from './context';
import { ApexTimeZone, localFields, localToUtc, zoneName, zoneOffset } from './TimeZone';

const DAY = 86_400_000;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `en_US` -> `en-US`. */
export function bcp47(locale: string): string {
  return locale.replace(/_/g, '-').replace(/-EURO$/i, '');
}

function isEnglish(locale: string): boolean {
  return /^en([_-]|$)/i.test(locale);
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function offsetText(offsetMillis: number, style: 'Z' | 'X1' | 'X2' | 'X3'): string {
  const total = Math.round(offsetMillis / 60_000);
  if (style !== 'Z' && total === 0) {
    return 'Z';
  }
  const sign = total < 0 ? '-' : '+';
  const abs = Math.abs(total);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  switch (style) {
    case 'Z':
    case 'X2':
      return `${sign}${hh}${mm}`;
    case 'X1':
      return `${sign}${hh}`;
    case 'X3':
      return `${sign}${hh}:${mm}`;
  }
}

function localeName(
  utcMillis: number,
  zone: string,
  locale: string,
  option: Intl.DateTimeFormatOptions
): string {
  return new Intl.DateTimeFormat(bcp47(locale), { timeZone: zone, ...option }).format(
    new Date(utcMillis)
  );
}

/** java.text.SimpleDateFormat.format for an instant in a zone. */
export function formatJava(
  pattern: string,
  utcMillis: number,
  zone: string,
  locale = 'en_US'
): string {
  const f = localFields(utcMillis, zone);
  const english = isEnglish(locale);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const close = pattern.indexOf("'", i + 1);
      if (close < 0) {
        apexThrow('System.IllegalArgumentException', 'Unterminated quote');
      }
      // '' inside quoted text is one quote.
      let j = i + 1;
      let text = '';
      for (;;) {
        const q = pattern.indexOf("'", j);
        if (q < 0) {
          apexThrow('System.IllegalArgumentException', 'Unterminated quote');
        }
        text += pattern.slice(j, q);
        if (pattern[q + 1] === "'") {
          text += "'";
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      out += text;
      continue;
    }
    if (!/[a-zA-Z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) {
      n++;
    }
    i += n;
    switch (c) {
      case 'G':
        out += f.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y': {
        if (c === 'Y') {
          unsupported('Datetime.format: week year (Y)');
        }
        const y = f.year > 0 ? f.year : 1 - f.year;
        out += n === 2 ? pad(y % 100, 2) : pad(y, n);
        break;
      }
      case 'M':
      case 'L':
        if (n >= 3) {
          // month is 1-12.
          const name = english
            ? MONTHS[f.month - 1]!
            : localeName(utcMillis, zone, locale, { month: n >= 4 ? 'long' : 'short' });
          out += n >= 4 || !english ? name : name.slice(0, 3);
        } else {
          out += pad(f.month, n);
        }
        break;
      case 'd':
        out += pad(f.day, n);
        break;
      case 'D': {
        const doy = (Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / DAY + 1;
        out += pad(doy, n);
        break;
      }
      case 'E': {
        // dayOfWeek is 1-7.
        const name = english
          ? DAYS[f.dayOfWeek - 1]!
          : localeName(utcMillis, zone, locale, { weekday: n >= 4 ? 'long' : 'short' });
        out += n >= 4 || !english ? name : name.slice(0, 3);
        break;
      }
      case 'u':
        out += pad(f.dayOfWeek === 1 ? 7 : f.dayOfWeek - 1, n);
        break;
      case 'F':
        out += pad(Math.floor((f.day - 1) / 7) + 1, n);
        break;
      case 'a':
        out += f.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(f.hour, n);
        break;
      case 'k':
        out += pad(f.hour === 0 ? 24 : f.hour, n);
        break;
      case 'K':
        out += pad(f.hour % 12, n);
        break;
      case 'h':
        out += pad(f.hour % 12 === 0 ? 12 : f.hour % 12, n);
        break;
      case 'm':
        out += pad(f.minute, n);
        break;
      case 's':
        out += pad(f.second, n);
        break;
      case 'S':
        out += pad(f.millis, n);
        break;
      case 'z':
        out += zoneName(zone, utcMillis, n >= 4, bcp47(locale));
        break;
      case 'Z':
        out += offsetText(f.offset, 'Z');
        break;
      case 'X':
        if (n > 3) {
          apexThrow('System.IllegalArgumentException', 'invalid ISO 8601 format: length=' + n);
        }
        out += offsetText(f.offset, n === 1 ? 'X1' : n === 2 ? 'X2' : 'X3');
        break;
      case 'w':
      case 'W':
        unsupported(`Datetime.format: week of year/month (${c})`);
        break;
      default:
        apexThrow('System.IllegalArgumentException', `Illegal pattern character '${c}'`);
    }
  }
  return out;
}

/** The running user's short date and time formats (ICU style, as the platform uses them). */
export function localeDateFormat(locale: string): string {
  if (/^en_US$|^en$/i.test(locale)) {
    return 'M/d/yyyy';
  }
  const known: Record<string, string> = {
    en_GB: 'dd/MM/yyyy',
    en_CA: 'yyyy-MM-dd',
    en_AU: 'd/M/yyyy',
    de_DE: 'dd.MM.yyyy',
    fr_FR: 'dd/MM/yyyy',
    ja_JP: 'yyyy/MM/dd',
  };
  const f = known[locale];
  if (!f) {
    unsupported(`date format of locale ${locale}`);
  }
  return f;
}

export function localeTimeFormat(locale: string): string {
  if (/^en_(US|CA|AU)$|^en$/i.test(locale)) {
    return 'h:mm a';
  }
  if (['en_GB', 'de_DE', 'fr_FR'].includes(locale)) {
    return 'HH:mm';
  }
  if (locale === 'ja_JP') {
    return 'H:mm';
  }
  unsupported(`time format of locale ${locale}`);
}

export function localeDatetimeFormat(locale: string): string {
  const sep = isEnglish(locale) ? ', ' : ' ';
  return `${localeDateFormat(locale)}${sep}${localeTimeFormat(locale)}`;
}

// ---- construction -------------------------------------------------------------------------

/** Millis for wall-clock fields read as UTC, lenient like java.util.Calendar (day 32 rolls). */
export function fieldsToMillis(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millis = 0
): number {
  if (year >= 0 && year < 100) {
    // Date.UTC reads years 0-99 as 1900-1999: compute 400 years later (the same calendar).
    return Date.UTC(year + 400, month - 1, day, hour, minute, second, millis) - 146_097 * DAY;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millis);
}

export function newInstanceLocal(ctx: LocaleContext, localMillis: number): ApexDatetime {
  return new ApexDatetime(localToUtc(ctx.timeZone, localMillis));
}

export function dateToMillis(d: ApexDate): number {
  return d.toEpochDay() * DAY;
}

function num(v: ApexValue, what = 'argument'): number {
  if (typeof v === 'number') {
    return v;
  }
  if (v === null || v === undefined) {
    apexThrow('System.NullPointerException', `Argument cannot be null: ${what}`);
  }
  if (typeof v === 'bigint') {
    return Number(v);
  }
  if (v instanceof ApexDecimal || v instanceof ApexDouble) {
    return v.value;
  }
  apexThrow('System.TypeException', `Invalid argument: ${what}`);
}

function dateArg(v: ApexValue): ApexDate {
  if (!(v instanceof ApexDate)) {
    apexThrow('System.NullPointerException', 'Argument cannot be null.');
  }
  return v;
}

function timeArg(v: ApexValue): ApexTime {
  if (!(v instanceof ApexTime)) {
    apexThrow('System.NullPointerException', 'Argument cannot be null.');
  }
  return v;
}

function dtArg(v: ApexValue): ApexDatetime {
  if (!(v instanceof ApexDatetime)) {
    apexThrow('System.NullPointerException', 'Argument cannot be null.');
  }
  return v;
}

/** `yyyy-MM-dd HH:mm:ss` (seconds optional, date alone allowed) as wall-clock millis, or null. */
export function parseDatetimeText(text: string): number | null {
  const m = /^(\d{1,4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$/.exec(
    text.trim()
  );
  if (!m) {
    return null;
  }
  return fieldsToMillis(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0)
  );
}

function valueOfText(v: ApexValue, ctx: LocaleContext, gmt: boolean): ApexDatetime {
  if (v instanceof ApexDatetime) {
    return v;
  }
  if (typeof v !== 'string') {
    apexThrow('System.NullPointerException', 'Argument cannot be null.');
  }
  const local = parseDatetimeText(v);
  if (local === null) {
    apexThrow('System.TypeException', `Invalid date/time: ${v}`);
  }
  return gmt ? new ApexDatetime(local) : newInstanceLocal(ctx, local);
}

/** Adds calendar months in a zone, clamping the day as java.util.Calendar does. */
export function addMonthsInZone(millis: number, months: number, zone: string): number {
  const f = localFields(millis, zone);
  const total = f.year * 12 + (f.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const day = Math.min(f.day, daysInMonth(year, month));
  return localToUtc(zone, fieldsToMillis(year, month, day, f.hour, f.minute, f.second, f.millis));
}

export function addDaysInZone(millis: number, days: number, zone: string): number {
  const f = localFields(millis, zone);
  const local =
    fieldsToMillis(f.year, f.month, f.day, f.hour, f.minute, f.second, f.millis) + days * DAY;
  return localToUtc(zone, local);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(fieldsToMillis(year, month + 1, 0)).getUTCDate();
}

function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((fieldsToMillis(year, month, day) - fieldsToMillis(year, 1, 1)) / DAY) + 1;
}

function tzOf(v: ApexValue): string {
  if (typeof v === 'string') {
    return v;
  }
  if (v && typeof v === 'object' && 'native' in v && v.native instanceof ApexTimeZone) {
    return v.native.id;
  }
  apexThrow('System.NullPointerException', 'Argument cannot be null.');
}

function dateOfMillis(millis: number): ApexDate {
  return ApexDate.fromEpochDay(Math.floor(millis / DAY));
}

function timeOfMillis(millis: number): ApexTime {
  return new ApexTime(((millis % DAY) + DAY) % DAY);
}

export const datetimeStaticMethods: Record<string, StaticMethod> = {
  now: (_args, ctx) => new ApexDatetime(ctx.now()),
  newinstance: (args, ctx) => {
    if (args.length === 1) {
      return new ApexDatetime(num(args[0] ?? null));
    }
    if (args.length === 2) {
      const d = dateArg(args[0] ?? null);
      const t = timeArg(args[1] ?? null);
      return newInstanceLocal(ctx, dateToMillis(d) + t.millis);
    }
    // newInstance(year, month, day) or with hour, minute and second: the first three are given.
    const [y, mo, d, h, mi, s] = args.map((a) => num(a));
    return newInstanceLocal(ctx, fieldsToMillis(y!, mo!, d!, h ?? 0, mi ?? 0, s ?? 0));
  },
  newinstancegmt: (args) => {
    if (args.length === 2) {
      return new ApexDatetime(
        dateToMillis(dateArg(args[0] ?? null)) + timeArg(args[1] ?? null).millis
      );
    }
    // newInstanceGmt(year, month, day) or with hour, minute and second: the first three are given.
    const [y, mo, d, h, mi, s] = args.map((a) => num(a));
    return new ApexDatetime(fieldsToMillis(y!, mo!, d!, h ?? 0, mi ?? 0, s ?? 0));
  },
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  valueof: ([v = null], ctx) => (v === null ? null : valueOfText(v, ctx, false)),
  valueofgmt: ([v = null], ctx) => (v === null ? null : valueOfText(v, ctx, true)),
  parse: () => unsupported('Datetime.parse'),
};

export const datetimeInstanceMethods: Record<string, InstanceMethod<ApexDatetime>> = {
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  gettime: (self) => BigInt(self.millis),
  addseconds: (self, [n = null]) => new ApexDatetime(self.millis + num(n) * 1000),
  addminutes: (self, [n = null]) => new ApexDatetime(self.millis + num(n) * 60_000),
  addhours: (self, [n = null]) => new ApexDatetime(self.millis + num(n) * 3_600_000),
  adddays: (self, [n = null], ctx) =>
    new ApexDatetime(addDaysInZone(self.millis, num(n), ctx.timeZone)),
  addmonths: (self, [n = null], ctx) =>
    new ApexDatetime(addMonthsInZone(self.millis, num(n), ctx.timeZone)),
  addyears: (self, [n = null], ctx) =>
    new ApexDatetime(addMonthsInZone(self.millis, num(n) * 12, ctx.timeZone)),
  date: (self, _a, ctx) => {
    const f = localFields(self.millis, ctx.timeZone);
    return new ApexDate(f.year, f.month, f.day);
  },
  dategmt: (self) => dateOfMillis(self.millis),
  time: (self, _a, ctx) => timeOfMillis(self.millis + zoneOffset(ctx.timeZone, self.millis)),
  timegmt: (self) => timeOfMillis(self.millis),
  year: (self, _a, ctx) => localFields(self.millis, ctx.timeZone).year,
  month: (self, _a, ctx) => localFields(self.millis, ctx.timeZone).month,
  day: (self, _a, ctx) => localFields(self.millis, ctx.timeZone).day,
  hour: (self, _a, ctx) => localFields(self.millis, ctx.timeZone).hour,
  minute: (self, _a, ctx) => localFields(self.millis, ctx.timeZone).minute,
  second: (self, _a, ctx) => localFields(self.millis, ctx.timeZone).second,
  millisecond: (self, _a, ctx) => localFields(self.millis, ctx.timeZone).millis,
  yeargmt: (self) => localFields(self.millis, 'GMT').year,
  monthgmt: (self) => localFields(self.millis, 'GMT').month,
  daygmt: (self) => localFields(self.millis, 'GMT').day,
  hourgmt: (self) => localFields(self.millis, 'GMT').hour,
  minutegmt: (self) => localFields(self.millis, 'GMT').minute,
  secondgmt: (self) => localFields(self.millis, 'GMT').second,
  millisecondgmt: (self) => localFields(self.millis, 'GMT').millis,
  dayofyear: (self, _a, ctx) => {
    const f = localFields(self.millis, ctx.timeZone);
    return dayOfYear(f.year, f.month, f.day);
  },
  dayofyeargmt: (self) => {
    const f = localFields(self.millis, 'GMT');
    return dayOfYear(f.year, f.month, f.day);
  },
  issameday: (self, [other = null], ctx) => {
    const a = localFields(self.millis, ctx.timeZone);
    const b = localFields(dtArg(other).millis, ctx.timeZone);
    return a.year === b.year && a.month === b.month && a.day === b.day;
  },
  format: (self, args, ctx) => {
    if (args.length === 0) {
      return formatJava(localeDatetimeFormat(ctx.locale), self.millis, ctx.timeZone, ctx.locale);
    }
    if (args[0] === null) {
      apexThrow('System.NullPointerException', 'Argument cannot be null.');
    }
    const zone = args.length > 1 ? tzOf(args[1] ?? null) : ctx.timeZone;
    return formatJava(String(args[0]), self.millis, zone, ctx.locale);
  },
  formatgmt: (self, [pattern], ctx) => {
    if (pattern === null) {
      apexThrow('System.NullPointerException', 'Argument cannot be null.');
    }
    return formatJava(String(pattern), self.millis, 'GMT', ctx.locale);
  },
  formatlong: (self, _a, ctx) => {
    if (!isEnglish(ctx.locale)) {
      unsupported(`Datetime.formatLong in locale ${ctx.locale}`);
    }
    return formatJava(
      `${localeDateFormat(ctx.locale)}, h:mm:ss a z`,
      self.millis,
      ctx.timeZone,
      ctx.locale
    );
  },
};

export { DAY as MILLIS_PER_DAY };
