// Operators, conversion and the number classes. Rules from the Apex Developer Guide (Expression
// Operators; Rules of Conversion: Integer < Long < Double < Decimal) and the Apex Reference Guide
// (Math, Decimal, Integer, Long, Double classes); Integer/Long overflow wraps as Java's int/long.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApexError } from '../src/interpreter/errors';
import {
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexDouble,
  ApexList,
  ApexMap,
  ApexObject,
  ApexSet,
  ApexTime,
  SObjectValue,
  typeRef,
  type ApexValue,
} from '../src/interpreter/values';
import {
  apexEquals,
  arithmetic,
  coerce,
  compare,
  exactEquals,
  toId18,
} from '../src/system/Arithmetic';
import { defaultContext } from '../src/system/context';
import {
  decimalInstanceMethods as DEC,
  decimalStaticMethods as DECS,
  setScale,
} from '../src/system/Decimal';
import { doubleStaticMethods } from '../src/system/Double';
import { integerInstanceMethods, integerStaticMethods } from '../src/system/Integer';
import { longStaticMethods } from '../src/system/Long';
import { mathStaticMethods as M } from '../src/system/Math';

const ctx = defaultContext();
// The tables define every method called below by its name (`DEC.scale!`).
const dec = (value: number, scale: number) => new ApexDecimal(value, scale);

function throwsApex(fn: () => unknown, type: string, message?: string): void {
  assert.throws(
    fn,
    (e: unknown) =>
      e instanceof ApexError && e.exceptionType === type && (!message || e.message === message)
  );
}

describe('arithmetic', () => {
  it('Integer arithmetic wraps and truncates like Java int', () => {
    assert.equal(arithmetic('+', 2147483647, 1), -2147483648);
    assert.equal(arithmetic('*', 65536, 65536), 0);
    assert.equal(arithmetic('/', 7, 2), 3);
    assert.equal(arithmetic('/', -7, 2), -3);
    assert.equal(arithmetic('neg', -2147483648, null), -2147483648);
    throwsApex(() => arithmetic('/', 1, 0), 'System.MathException', 'Divide by 0');
  });

  it('Long arithmetic wraps like Java long; Integer with Long gives Long', () => {
    assert.equal(arithmetic('+', 9223372036854775807n, 1), -9223372036854775808n);
    assert.equal(arithmetic('*', 3, 4n), 12n);
    assert.equal(arithmetic('/', -7n, 2n), -3n);
  });

  it('Decimal keeps scale: sums take the larger, products add them', () => {
    assert.deepEqual(arithmetic('+', dec(0.1, 1), dec(0.2, 1)), dec(0.3, 1));
    assert.deepEqual(arithmetic('+', dec(1.5, 1), 1), dec(2.5, 1));
    assert.deepEqual(arithmetic('*', dec(1.5, 1), dec(2.25, 2)), dec(3.375, 3));
    assert.deepEqual(arithmetic('/', dec(10, 0), dec(4, 0)), dec(2.5, 1));
    assert.equal(arithmetic('+', new ApexDouble(1.5), 1) instanceof ApexDouble, true);
    assert.equal(
      arithmetic('+', new ApexDouble(1.5), dec(1, 0)) instanceof ApexDecimal,
      true,
      'Double < Decimal'
    );
  });

  it('string concatenation converts the other side', () => {
    assert.equal(arithmetic('+', 'n=', 5), 'n=5');
    assert.equal(arithmetic('+', 'x', null), 'xnull');
    assert.equal(arithmetic('+', dec(1, 2), 'x'), '1.00x');
    assert.equal(
      arithmetic('+', 'at ', new ApexDatetime(Date.UTC(2024, 0, 31, 21, 5))),
      'at 2024-01-31 21:05:00'
    );
    throwsApex(() => arithmetic('+', null, 1), 'System.NullPointerException');
  });

  it('date arithmetic', () => {
    assert.deepEqual(arithmetic('+', new ApexDate(2024, 2, 28), 2), new ApexDate(2024, 3, 1));
    assert.deepEqual(arithmetic('-', new ApexDate(2024, 3, 1), 1), new ApexDate(2024, 2, 29));
    assert.equal(
      (arithmetic('+', new ApexDatetime(0), dec(0.5, 1)) as ApexDatetime).millis,
      43_200_000
    );
    assert.equal((arithmetic('+', new ApexTime(86_399_000), 2000) as ApexTime).millis, 1000);
  });

  it('bitwise and shifts', () => {
    assert.equal(arithmetic('&', 6, 3), 2);
    assert.equal(arithmetic('>>>', -1, 28), 15);
    assert.equal(arithmetic('<<', 1, 33), 2, 'the shift count is taken mod 32');
    assert.equal(arithmetic('^', true, false), true);
    assert.equal(arithmetic('~', 0, null), -1);
  });
});

describe('comparison and equality', () => {
  it('== compares strings ignoring case, numbers across types, collections by content', () => {
    assert.equal(apexEquals('Abc', 'aBC'), true);
    assert.equal(apexEquals(1, dec(1, 2)), true);
    assert.equal(apexEquals(1n, new ApexDouble(1)), true);
    assert.equal(apexEquals(null, null), true);
    assert.equal(apexEquals('a', null), false);
    assert.equal(
      apexEquals(new ApexList(typeRef('String'), ['a']), new ApexList(typeRef('String'), ['A'])),
      true
    );
    assert.equal(
      apexEquals(new ApexSet(typeRef('Integer'), [1, 2]), new ApexSet(typeRef('Integer'), [2, 1])),
      true
    );
    const a = new SObjectValue('Contact');
    const b = new SObjectValue('Contact');
    a.set('LastName', 'X');
    b.set('lastname', 'X');
    assert.equal(apexEquals(a, b), true, 'records by field values');
    assert.equal(
      apexEquals(new ApexObject('P', null), new ApexObject('P', null)),
      false,
      'objects by reference'
    );
  });

  it('== on Strings compares the text: the 15 and 18 forms of an Id differ as Strings', () => {
    // A declared Id compares with its other form: the evaluator decides that, knowing the
    // declared types (Ids_Conformance covers both).
    assert.equal(toId18('001000000000001'), '001000000000001AAA');
    assert.equal(apexEquals('001000000000001', '001000000000001AAA'), false);
    assert.equal(apexEquals('001000000000001AAA', '001000000000001aaa'), true);
  });

  it('=== is identity for objects', () => {
    const list = new ApexList(typeRef('String'), []);
    assert.equal(exactEquals(list, list), true);
    assert.equal(exactEquals(list, new ApexList(typeRef('String'), [])), false);
  });

  it('compare orders numbers across types, strings ignoring case, dates', () => {
    assert.equal(compare(1, dec(1.5, 1)), -1);
    assert.equal(compare(3n, 2), 1);
    assert.equal(compare('apple', 'BANANA'), -1);
    assert.equal(compare(new ApexDate(2024, 1, 2), new ApexDate(2024, 1, 1)), 1);
  });
});

describe('coerce', () => {
  it('widens numbers, validates Ids, turns Dates into Datetimes', () => {
    assert.equal(coerce(5, typeRef('Long')), 5n);
    assert.deepEqual(coerce(5, typeRef('Decimal')), dec(5, 0));
    assert.deepEqual(coerce(5, typeRef('Double')), new ApexDouble(5));
    assert.deepEqual(coerce(new ApexDouble(1), typeRef('Decimal')), dec(1, 1));
    assert.equal(coerce('001000000000001', typeRef('Id')), '001000000000001AAA');
    throwsApex(() => coerce('nope', typeRef('Id')), 'System.StringException', 'Invalid id: nope');
    assert.equal(
      (coerce(new ApexDate(1970, 1, 2), typeRef('Datetime')) as ApexDatetime).millis,
      86_400_000
    );
    assert.equal(coerce('x', typeRef('Object')), 'x');
    throwsApex(
      () => coerce(5n, typeRef('Integer')),
      'System.TypeException',
      'Invalid conversion from runtime type Long to Integer'
    );
    throwsApex(
      () => coerce('5', typeRef('Integer')),
      'System.TypeException',
      'Invalid conversion from runtime type String to Integer'
    );
  });
});

describe('number classes', () => {
  it('valueOf wording for bad text', () => {
    throwsApex(
      () => integerStaticMethods.valueof!(['abc'], ctx),
      'System.TypeException',
      'Invalid integer: abc'
    );
    throwsApex(() => DECS.valueof!(['1,5'], ctx), 'System.TypeException', 'Invalid decimal: 1,5');
    assert.equal(integerStaticMethods.valueof!(['-12'], ctx), -12);
    assert.equal(longStaticMethods.valueof!(['1706735100000'], ctx), 1706735100000n);
    assert.deepEqual(DECS.valueof!(['1.50'], ctx), dec(1.5, 2));
    assert.equal((doubleStaticMethods.valueof!(['1e3'], ctx) as ApexDouble).value, 1000);
  });

  it('Decimal scale, rounding and digits', () => {
    assert.deepEqual(
      setScale(dec(5.245, 3), 2),
      dec(5.24, 2),
      'setScale rounds half-even by default'
    );
    assert.deepEqual(setScale(dec(5.235, 3), 2), dec(5.24, 2));
    assert.deepEqual(setScale(dec(-1.5, 1), 0, 'HALF_UP'), dec(-2, 0));
    assert.deepEqual(setScale(dec(1.5, 1), 3), dec(1.5, 3));
    assert.deepEqual(DEC.striptrailingzeros!(dec(1.5, 3), [], ctx), dec(1.5, 1));
    assert.equal(
      DEC.scale!(DEC.striptrailingzeros!(dec(100, 2), [], ctx) as ApexDecimal, [], ctx),
      0
    );
    assert.equal(DEC.precision!(dec(123.45, 2), [], ctx), 5);
    assert.equal(DEC.intvalue!(dec(-2.7, 1), [], ctx), -2);
    assert.equal(DEC.longvalue!(dec(3.9, 1), [], ctx), 3n);
    assert.equal(DEC.toplainstring!(dec(0.0000001, 7), [], ctx), '0.0000001');
    assert.deepEqual(DEC.pow!(dec(10, 0), [3], ctx), dec(1000, 0));
    assert.deepEqual(DEC.divide!(dec(1, 0), [dec(3, 0), 3], ctx), dec(0.333, 3));
    assert.equal(DEC.round!(dec(2.5, 1), [], ctx), 2n);
    assert.equal(DEC.format!(dec(1234567.891, 3), [], ctx), '1,234,567.891');
    assert.equal(integerInstanceMethods.format!(1250000, [], ctx), '1,250,000');
  });

  it('Math', () => {
    assert.equal(M.mod!([-7, 3], ctx), -1, 'the sign of the dividend, as Java %');
    assert.equal(M.mod!([7n, 3], ctx), 1n);
    throwsApex(() => M.mod!([1, 0], ctx), 'System.MathException', 'Divide by 0');
    assert.equal(M.min!([3, 5], ctx), 3);
    assert.equal(M.max!([3, 5n], ctx), 5n);
    assert.equal(M.abs!([-3], ctx), 3);
    assert.equal(M.round!([dec(2.5, 1)], ctx), 2, 'Decimal: half-even');
    assert.equal(M.round!([new ApexDouble(2.5)], ctx), 3, 'Double: Java Math.round');
    assert.equal(M.round!([new ApexDouble(-2.5)], ctx), -2);
    assert.equal(M.roundtolong!([dec(3.5, 1)], ctx), 4n);
    assert.equal((M.pow!([new ApexDouble(2), new ApexDouble(10)], ctx) as ApexDouble).value, 1024);
    assert.deepEqual(M.floor!([dec(2.7, 1)], ctx), dec(2, 0));
  });
});

describe('collections in equality keys', () => {
  it('maps compare by entries', () => {
    const a = new ApexMap(typeRef('String'), typeRef('Integer'));
    const b = new ApexMap(typeRef('String'), typeRef('Integer'));
    a.put('k', 1);
    b.put('k', 1 as ApexValue);
    assert.equal(apexEquals(a, b), true);
    b.put('k', 2);
    assert.equal(apexEquals(a, b), false);
  });
});
