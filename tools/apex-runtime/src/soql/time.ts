// Calendar arithmetic in a named time zone (IANA ids, as TimeZoneSidKey holds them), through
// the JavaScript Intl API. SOQL evaluates date literals and convertTimezone() in the running
// user's time zone (SOQL and SOSL Reference: "Date Formats and Date Literals", "Converting Time
// Zones in Date Functions").
import { ApexDate } from '../interpreter/values';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function localParts(millis: number, tz: string): LocalParts {
  if (tz === 'GMT' || tz === 'UTC') {
    const d = new Date(millis);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    };
  }
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(millis))) {
    if (p.type !== 'literal') {
      parts[p.type] = Number(p.value);
    }
  }
  // The formatter asks for all six parts: formatToParts always returns them.
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour === 24 ? 0 : parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Milliseconds to add to UTC to get local wall time at that instant. */
export function offsetAt(millis: number, tz: string): number {
  const p = localParts(millis, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(millis / 1000) * 1000;
}

/** The local calendar date of an instant. */
export function localDate(millis: number, tz: string): ApexDate {
  const p = localParts(millis, tz);
  return new ApexDate(p.year, p.month, p.day);
}

/** The instant a local date starts (00:00 local). */
export function startOfDay(date: ApexDate, tz: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day);
  let guess = wall - offsetAt(wall, tz);
  guess = wall - offsetAt(guess, tz);
  return guess;
}

/** Adds months to a date's first day: used for month, quarter and year literals. */
export function firstOfMonth(year: number, month: number, addMonths: number): ApexDate {
  const index = year * 12 + (month - 1) + addMonths;
  return new ApexDate(Math.floor(index / 12), (index % 12) + 1, 1);
}
