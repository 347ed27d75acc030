// System.TimeZone and the zone arithmetic every date class uses. Offsets come from the ICU data in
// Node (Intl.DateTimeFormat), so they follow the IANA database like the platform's Java zones.
import { apexThrow } from '../interpreter/errors';
import { ApexDatetime, type ApexValue } from '../interpreter/values';
import { wrapNative, type InstanceMethod, type StaticMethod } from './context';

const HOUR = 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** A fixed offset written `GMT+05:30`, `GMT-8`, as Java's TimeZone.getTimeZone reads custom ids. */
function fixedOffset(id: string): number | null {
  const m = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(id);
  if (!m) {
    return null;
  }
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 23 || minutes > 59) {
    return null;
  }
  return (m[1] === '-' ? -1 : 1) * (hours * HOUR + minutes * 60_000);
}

/** Whether Node knows the zone id. */
export function isKnownZone(id: string): boolean {
  if (fixedOffset(id) !== null) {
    return true;
  }
  try {
    formatterFor(id);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in milliseconds (DST included). */
const QUARTER_HOUR = 15 * 60 * 1000;
const offsetCache = new Map<string, number>();

export function zoneOffset(zone: string, utcMillis: number): number {
  if (zone === 'GMT' || zone === 'UTC') {
    return 0;
  }
  const fixed = fixedOffset(zone);
  if (fixed !== null) {
    return fixed;
  }
  // Since 1970 every zone changes its offset on a quarter hour: one lookup per zone and
  // quarter hour (Intl is slow, and a transaction asks for the same instants again and again).
  if (utcMillis >= 0) {
    const key = `${zone}|${Math.floor(utcMillis / QUARTER_HOUR)}`;
    let cached = offsetCache.get(key);
    if (cached === undefined) {
      cached = computeOffset(zone, utcMillis);
      if (offsetCache.size > 100_000) {
        offsetCache.clear();
      }
      offsetCache.set(key, cached);
    }
    return cached;
  }
  return computeOffset(zone, utcMillis);
}

function computeOffset(zone: string, utcMillis: number): number {
  const seconds = Math.floor(utcMillis / 1000) * 1000;
  const parts = formatterFor(zone).formatToParts(new Date(seconds));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? '0');
  let year = get('year');
  if (parts.find((p) => p.type === 'era')?.value === 'BC') {
    year = 1 - year;
  }
  const local = Date.UTC(
    year,
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second')
  );
  // Date.UTC maps years 0-99 to 1900-1999.
  const d = new Date(local);
  if (year >= 0 && year < 100) {
    d.setUTCFullYear(year);
  }
  return d.getTime() - seconds;
}

/**
 * The instant at which a wall-clock time (given as if it were UTC millis) happens in a zone.
 * A time skipped by a DST gap is read with the offset before the gap (02:30 becomes 03:30 DST);
 * a time that happens twice takes the earlier instant.
 */
export function localToUtc(zone: string, localMillis: number): number {
  const before = zoneOffset(zone, localMillis - 12 * HOUR - 14 * HOUR);
  const after = zoneOffset(zone, localMillis + 12 * HOUR + 14 * HOUR);
  const candidates: number[] = [];
  for (const o of [before, after]) {
    const utc = localMillis - o;
    if (zoneOffset(zone, utc) === o && !candidates.includes(utc)) {
      candidates.push(utc);
    }
  }
  if (candidates.length) {
    return Math.min(...candidates);
  }
  return localMillis - before;
}

/** Wall-clock fields of an instant in a zone. */
export interface LocalFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  /** 1 = Sunday ... 7 = Saturday, as java.util.Calendar numbers days. */
  dayOfWeek: number;
  offset: number;
}

export function localFields(utcMillis: number, zone: string): LocalFields {
  const offset = zoneOffset(zone, utcMillis);
  const d = new Date(utcMillis + offset);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millis: d.getUTCMilliseconds(),
    dayOfWeek: d.getUTCDay() + 1,
    offset,
  };
}

/** The zone's standard (non-DST) offset: the smaller of its January and July offsets. */
export function rawOffset(zone: string, year = new Date().getUTCFullYear()): number {
  return Math.min(zoneOffset(zone, Date.UTC(year, 0, 1)), zoneOffset(zone, Date.UTC(year, 6, 1)));
}

/** Java's time zone names: `PST`, `Pacific Standard Time`; GMT for offset-0 GMT zones. */
export function zoneName(zone: string, utcMillis: number, long: boolean, locale = 'en-US'): string {
  const fixed = fixedOffset(zone);
  if (zone === 'GMT' || zone === 'UTC' || zone === 'Etc/GMT') {
    return long
      ? zone === 'UTC'
        ? 'Coordinated Universal Time'
        : 'Greenwich Mean Time'
      : zone === 'UTC'
        ? 'UTC'
        : 'GMT';
  }
  if (fixed !== null) {
    return zone;
  }
  const parts = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    timeZoneName: long ? 'long' : 'short',
  }).formatToParts(new Date(utcMillis));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

export class ApexTimeZone {
  constructor(readonly id: string) {}
}

export const wrapTimeZone = (tz: ApexTimeZone) => wrapNative('System.TimeZone', tz);

/** TimeZone.getTimeZone: unknown ids give GMT, as Java's TimeZone does. */
export function getTimeZone(id: string): ApexTimeZone {
  return new ApexTimeZone(isKnownZone(id) ? id : 'GMT');
}

function datetimeArg(v: ApexValue): ApexDatetime {
  if (!(v instanceof ApexDatetime)) {
    apexThrow('System.NullPointerException', 'Argument cannot be null.');
  }
  return v;
}

export const timeZoneStaticMethods: Record<string, StaticMethod> = {
  gettimezone: ([id]) => {
    if (typeof id !== 'string') {
      apexThrow('System.NullPointerException', 'Argument cannot be null.');
    }
    return wrapTimeZone(getTimeZone(id));
  },
};

export const timeZoneInstanceMethods: Record<string, InstanceMethod<ApexTimeZone>> = {
  getid: (self) => self.id,
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  getoffset: (self, [dt = null]) => zoneOffset(self.id, datetimeArg(dt).millis),
  getdisplayname: (self, _args, ctx) => {
    const year = new Date(ctx.now()).getUTCFullYear();
    const jan = Date.UTC(year, 0, 1);
    const jul = Date.UTC(year, 6, 1);
    const standard = zoneOffset(self.id, jan) <= zoneOffset(self.id, jul) ? jan : jul;
    return zoneName(self.id, standard, true);
  },
  tostring: (self) => self.id,
};
