// Date, Datetime, Time and TimeZone. Format letters follow java.text.SimpleDateFormat (which
// Datetime.format uses, Apex Reference Guide: Datetime Class); zone rules come from the IANA
// database (America/Los_Angeles: DST from 2024-03-10 02:00 to 2024-11-03 02:00 local).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApexError } from '../src/interpreter/errors';
import { ApexDate, ApexDatetime, ApexTime, type ApexValue } from '../src/interpreter/values';
import { defaultContext, type SystemContext } from '../src/system/context';
import { dateInstanceMethods as D, dateStaticMethods as DS } from '../src/system/Date';
import {
  datetimeInstanceMethods as DT,
  datetimeStaticMethods as DTS,
  formatJava,
} from '../src/system/Datetime';
import { timeInstanceMethods as T, timeStaticMethods as TS } from '../src/system/Time';
import {
  getTimeZone,
  localToUtc,
  timeZoneInstanceMethods as TZ,
  wrapTimeZone,
  zoneOffset,
} from '../src/system/TimeZone';

const LA = 'America/Los_Angeles';
const now = Date.UTC(2024, 0, 31, 21, 5, 0);
const la: SystemContext = defaultContext({ timeZone: LA, now: () => now });
const gmt: SystemContext = defaultContext({ now: () => now });
// The tables define every method called below by its name (`TZ.getid!`).

/** The table's method `name` (any case): the test fails when the table has none. */
function method<F>(table: Record<string, F>, name: string): F {
  const f = table[name.toLowerCase()];
  assert.ok(f, `no method ${name}`);
  return f;
}

const dt = (name: string, self: ApexDatetime, args: ApexValue[] = [], ctx = la) =>
  method(DT, name)(self, args, ctx);
const dts = (name: string, args: ApexValue[], ctx = la) => method(DTS, name)(args, ctx);
const d = (name: string, self: ApexDate, args: ApexValue[] = [], ctx = la) =>
  method(D, name)(self, args, ctx);
const ds = (name: string, args: ApexValue[], ctx = la) => method(DS, name)(args, ctx);
const gmtDt = (y: number, mo: number, day: number, h = 0, mi = 0, s = 0) =>
  new ApexDatetime(Date.UTC(y, mo - 1, day, h, mi, s));

describe('TimeZone', () => {
  it('offsets across the Los Angeles DST transitions', () => {
    assert.equal(
      zoneOffset(LA, Date.UTC(2024, 2, 10, 9, 59)),
      -8 * 3_600_000,
      'PST just before 02:00 local'
    );
    assert.equal(
      zoneOffset(LA, Date.UTC(2024, 2, 10, 10, 0)),
      -7 * 3_600_000,
      'PDT from 10:00 UTC'
    );
    assert.equal(zoneOffset(LA, Date.UTC(2024, 10, 3, 8, 59)), -7 * 3_600_000);
    assert.equal(zoneOffset(LA, Date.UTC(2024, 10, 3, 9, 0)), -8 * 3_600_000);
    assert.equal(zoneOffset('Asia/Kolkata', now), 5.5 * 3_600_000);
    assert.equal(zoneOffset('GMT', now), 0);
  });

  it('local wall times in a gap move forward; repeated ones take the earlier instant', () => {
    assert.equal(
      localToUtc(LA, Date.UTC(2024, 2, 10, 2, 30)),
      Date.UTC(2024, 2, 10, 10, 30),
      '02:30 does not exist: 03:30 PDT'
    );
    assert.equal(
      localToUtc(LA, Date.UTC(2024, 10, 3, 1, 30)),
      Date.UTC(2024, 10, 3, 8, 30),
      '01:30 happens twice: PDT first'
    );
    assert.equal(localToUtc(LA, Date.UTC(2024, 6, 1, 12, 0)), Date.UTC(2024, 6, 1, 19, 0));
  });

  it('getTimeZone, getID, getOffset, getDisplayName; unknown ids give GMT', () => {
    const tz = getTimeZone(LA);
    assert.equal(TZ.getid!(tz, [], la), LA);
    assert.equal(TZ.getoffset!(tz, [gmtDt(2024, 7, 1)], la), -25_200_000);
    assert.equal(TZ.getdisplayname!(tz, [], la), 'Pacific Standard Time');
    assert.equal(getTimeZone('Not/AZone').id, 'GMT');
    assert.equal(TZ.getoffset!(getTimeZone('GMT+05:30'), [gmtDt(2024, 1, 1)], la), 19_800_000);
  });
});

describe('Datetime', () => {
  it('newInstance is local time, newInstanceGmt is GMT', () => {
    const local = dts('newInstance', [2024, 1, 31, 13, 5, 0]) as ApexDatetime;
    assert.equal(local.millis, now);
    const g = dts('newInstanceGmt', [2024, 1, 31, 21, 5, 0]) as ApexDatetime;
    assert.equal(g.millis, now);
    const fromDate = dts('newInstanceGmt', [
      new ApexDate(2024, 1, 31),
      new ApexTime(0),
    ]) as ApexDatetime;
    assert.equal(fromDate.millis, Date.UTC(2024, 0, 31));
    assert.equal((dts('newInstance', [1706735100000n]) as ApexDatetime).millis, 1706735100000);
    assert.equal((dts('now', []) as ApexDatetime).millis, now);
  });

  it('local and GMT parts', () => {
    const x = new ApexDatetime(now);
    assert.equal(dt('hour', x), 13);
    assert.equal(dt('hourGmt', x), 21);
    assert.equal(
      dt('day', new ApexDatetime(Date.UTC(2024, 0, 1, 3))),
      31,
      'still Dec 31 in Los Angeles'
    );
    assert.equal(dt('dayGmt', new ApexDatetime(Date.UTC(2024, 0, 1, 3))), 1);
    assert.deepEqual(
      dt('date', new ApexDatetime(Date.UTC(2024, 0, 1, 3))),
      new ApexDate(2023, 12, 31)
    );
    assert.deepEqual(
      dt('dateGmt', new ApexDatetime(Date.UTC(2024, 0, 1, 3))),
      new ApexDate(2024, 1, 1)
    );
    assert.equal(dt('getTime', x), BigInt(now));
  });

  it('addDays keeps the local wall time across DST; addHours adds elapsed time', () => {
    const before = dts('newInstance', [2024, 3, 9, 12, 0, 0]) as ApexDatetime;
    const next = dt('addDays', before, [1]) as ApexDatetime;
    assert.equal(dt('hour', next), 12);
    assert.equal(next.millis - before.millis, 23 * 3_600_000);
    const plus24 = dt('addHours', before, [24]) as ApexDatetime;
    assert.equal(dt('hour', plus24), 13);
    assert.equal(
      (dt('addMonths', gmtDt(2024, 1, 31, 12), [1], gmt) as ApexDatetime).millis,
      Date.UTC(2024, 1, 29, 12)
    );
  });

  it('format with SimpleDateFormat patterns, in the user zone or a given one', () => {
    const x = new ApexDatetime(Date.UTC(2024, 0, 31, 21, 5, 9, 7));
    assert.equal(dt('format', x, ['yyyy-MM-dd HH:mm:ss.SSS']), '2024-01-31 13:05:09.007');
    assert.equal(dt('format', x, ["EEE, MMM d, ''yy h:mm a z"]), "Wed, Jan 31, '24 1:05 PM PST");
    assert.equal(dt('format', x, ['EEEE MMMM Z XXX X']), 'Wednesday January -0800 -08:00 -08');
    assert.equal(dt('format', x, ["yyyy-MM-dd'T'HH:mm:ss'Z'", 'GMT']), '2024-01-31T21:05:09Z');
    assert.equal(dt('format', x, ['HH:mm', wrapTimeZone(getTimeZone('Asia/Tokyo'))]), '06:05');
    assert.equal(dt('formatGmt', x, ["yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"]), '2024-01-31T21:05:09.007Z');
    assert.equal(dt('formatGmt', x, ['XXX']), 'Z');
    assert.equal(dt('format', x, ['D k K']), '31 13 1');
    assert.equal(formatJava("'It''s' h a", Date.UTC(2024, 0, 1, 0), 'GMT'), "It's 12 AM");
    assert.throws(() => dt('format', x, ['yyyy-qq']), ApexError);
  });

  it('format() without a pattern uses the user locale (en_US)', () => {
    assert.equal(dt('format', new ApexDatetime(now), []), '1/31/2024, 1:05 PM');
  });

  it('valueOf reads local time, valueOfGmt GMT', () => {
    assert.equal((dts('valueOf', ['2024-01-31 13:05:00']) as ApexDatetime).millis, now);
    assert.equal((dts('valueOfGmt', ['2024-01-31 21:05:00']) as ApexDatetime).millis, now);
    assert.throws(
      () => dts('valueOf', ['01/31/2024']),
      (e: unknown) => e instanceof ApexError && e.exceptionType === 'System.TypeException'
    );
  });
});

describe('Date', () => {
  it('newInstance is lenient; valueOf rolls impossible days over', () => {
    assert.deepEqual(ds('newInstance', [2024, 2, 30]), new ApexDate(2024, 3, 1));
    assert.deepEqual(ds('valueOf', ['2024-01-31']), new ApexDate(2024, 1, 31));
    assert.deepEqual(ds('valueOf', ['2023-02-29']), new ApexDate(2023, 3, 1));
    assert.throws(
      () => ds('valueOf', ['31/01/2024']),
      (e: unknown) => e instanceof ApexError && e.message === 'Invalid date: 31/01/2024'
    );
  });

  it('today() is the local date of the running user', () => {
    const lateEvening = defaultContext({ timeZone: LA, now: () => Date.UTC(2024, 0, 1, 3) });
    assert.deepEqual(ds('today', [], lateEvening), new ApexDate(2023, 12, 31));
  });

  it('arithmetic and parts', () => {
    const x = new ApexDate(2024, 1, 31);
    assert.deepEqual(d('addDays', x, [1]), new ApexDate(2024, 2, 1));
    assert.deepEqual(
      d('addMonths', x, [1]),
      new ApexDate(2024, 2, 29),
      'clamped to the end of February'
    );
    assert.deepEqual(d('addYears', new ApexDate(2024, 2, 29), [1]), new ApexDate(2025, 2, 28));
    assert.equal(d('daysBetween', x, [new ApexDate(2024, 3, 1)]), 30);
    assert.equal(d('monthsBetween', x, [new ApexDate(2024, 3, 1)]), 2);
    assert.equal(d('dayOfYear', new ApexDate(2024, 12, 31)), 366);
    assert.deepEqual(d('toStartOfMonth', x), new ApexDate(2024, 1, 1));
    assert.deepEqual(d('toStartOfWeek', x), new ApexDate(2024, 1, 28), 'Sunday in en_US');
    assert.equal(d('format', x), '1/31/2024');
    assert.equal(ds('daysInMonth', [2023, 2]), 28);
    assert.equal(ds('isLeapYear', [2000]), true);
    assert.equal(ds('isLeapYear', [1900]), false);
  });
});

describe('Time', () => {
  it('newInstance and wrap-around arithmetic', () => {
    const t = TS.newinstance!([23, 30, 0, 0], la) as ApexTime;
    const later = T.addminutes!(t, [45], la) as ApexTime;
    assert.equal(T.hour!(later, [], la), 0);
    assert.equal(T.minute!(later, [], la), 15);
    assert.equal(T.millisecond!(TS.newinstance!([1, 2, 3, 4], la) as ApexTime, [], la), 4);
  });
});
