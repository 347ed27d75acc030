// String methods and value-to-text conversion. Expected values follow the Apex Reference Guide
// (String Class; Primitive Data Types) and, where Apex defers to them, java.lang.String,
// java.lang.Double.toString, java.math.BigDecimal.toString and commons-lang StringUtils.
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
import { defaultContext } from '../src/system/context';
import {
  apexToString,
  formatDouble,
  stringInstanceMethods as S,
  stringStaticMethods as SS,
} from '../src/system/String';

const ctx = defaultContext({ timeZone: 'America/Los_Angeles' });
/** The table's method `name` (any case): the test fails when the table has none. */
function method<F>(table: Record<string, F>, name: string): F {
  const f = table[name.toLowerCase()];
  assert.ok(f, `no method ${name}`);
  return f;
}

const call = (self: string, name: string, ...args: ApexValue[]) => method(S, name)(self, args, ctx);
const stat = (name: string, ...args: ApexValue[]) => method(SS, name)(args, ctx);
const list = (...items: ApexValue[]) => new ApexList(typeRef('String'), items);

function throwsApex(fn: () => unknown, type: string, message?: string): void {
  assert.throws(
    fn,
    (e: unknown) =>
      e instanceof ApexError && e.exceptionType === type && (!message || e.message === message)
  );
}

describe('String instance methods', () => {
  it('substring and its bounds', () => {
    assert.equal(call('hamburger', 'substring', 4, 8), 'urge');
    assert.equal(call('hamburger', 'substring', 4), 'urger');
    throwsApex(
      () => call('abc', 'substring', 1, 10),
      'System.StringException',
      'Ending position out of bounds: 10'
    );
    throwsApex(
      () => call('abc', 'substring', -1),
      'System.StringException',
      'Starting position out of bounds: -1'
    );
  });

  it('left, right, mid, leftPad, rightPad, repeat (StringUtils rules)', () => {
    assert.equal(call('abcdef', 'left', 3), 'abc');
    assert.equal(call('ab', 'left', 5), 'ab');
    assert.equal(call('abc', 'left', -1), '');
    assert.equal(call('abcdef', 'right', 2), 'ef');
    assert.equal(call('abcdef', 'mid', 2, 3), 'cde');
    assert.equal(call('7', 'leftPad', 3, '0'), '007');
    assert.equal(call('7', 'leftPad', 3), '  7');
    assert.equal(call('ab', 'rightPad', 5, 'xy'), 'abxyx');
    assert.equal(call('ab', 'repeat', 3), 'ababab');
    assert.equal(call('ab', 'repeat', '-', 3), 'ab-ab-ab');
    assert.equal(call('ab', 'repeat', 0), '');
  });

  it('trim removes chars <= U+0020 only; normalizeSpace and deleteWhitespace use Java whitespace', () => {
    assert.equal(call('\t a \n', 'trim'), 'a');
    assert.equal(call('\u00A0a\u00A0', 'trim'), '\u00A0a\u00A0');
    assert.equal(call('  a \t\n b  ', 'normalizeSpace'), 'a b');
    assert.equal(call(' a b\tc ', 'deleteWhitespace'), 'abc');
  });

  it('case and comparison', () => {
    assert.equal(call('ABC', 'equals', 'abc'), false);
    assert.equal(call('ABC', 'equalsIgnoreCase', 'abc'), true);
    assert.equal(call('ABC', 'equalsIgnoreCase', null), false);
    assert.equal(call('a', 'compareTo', 'b'), -1);
    assert.equal(call('B', 'compareTo', 'a'), -31, 'by UTF-16 code unit, case-sensitive');
    assert.equal(call('TITLE', 'toLowerCase', 'en_US'), 'title');
    assert.equal(call('TITLE', 'toLowerCase', 'tr_TR'), 'tıtle', 'Turkish dotless i');
    assert.equal(call('Hello', 'containsIgnoreCase', 'ELL'), true);
    assert.equal(call('Hello', 'startsWithIgnoreCase', 'hE'), true);
    assert.equal(call('Hello.TXT', 'removeEndIgnoreCase', '.txt'), 'Hello');
  });

  it('search', () => {
    assert.equal(call('abcabc', 'indexOf', 'c'), 2);
    assert.equal(call('abcabc', 'indexOf', 'c', 3), 5);
    assert.equal(call('abcabc', 'lastIndexOf', 'a'), 3);
    assert.equal(call('abcabc', 'countMatches', 'bc'), 2);
    assert.equal(call('aaaa', 'countMatches', 'aa'), 2, 'non-overlapping');
    assert.equal(call('abc', 'containsAny', 'xc'), true);
    assert.equal(call('abc', 'containsNone', 'xy'), true);
    assert.equal(call('aab', 'containsOnly', 'ab'), true);
    assert.equal(call('a b', 'containsWhitespace'), true);
    assert.equal(call('abc', 'charAt', 1), 98);
    assert.equal(call('\u{1F600}', 'codePointAt', 0), 0x1f600);
    assert.equal(call('\u{1F600}', 'length'), 2, 'UTF-16 code units');
  });

  it('substringBefore/After(Last), substringBetween', () => {
    assert.equal(call('a.b.c', 'substringBefore', '.'), 'a');
    assert.equal(call('a.b.c', 'substringAfter', '.'), 'b.c');
    assert.equal(call('a.b.c', 'substringBeforeLast', '.'), 'a.b');
    assert.equal(call('a.b.c', 'substringAfterLast', '.'), 'c');
    assert.equal(call('abc', 'substringAfter', 'x'), '');
    assert.equal(call('abc', 'substringBefore', 'x'), 'abc');
    assert.equal(call('<a>x</a>', 'substringBetween', '<a>', '</a>'), 'x');
    assert.equal(call('abc', 'substringBetween', '[', ']'), null);
  });

  it('remove, removeStart, removeEnd, replace (literal), abbreviate, capitalize, reverse', () => {
    assert.equal(call('banana', 'remove', 'an'), 'ba');
    assert.equal(call('www.x.com', 'removeStart', 'www.'), 'x.com');
    assert.equal(call('x.com', 'removeEnd', '.com'), 'x');
    assert.equal(call('a.b.c', 'replace', '.', '/'), 'a/b/c');
    assert.equal(call('a+b', 'replace', '+', '%2B'), 'a%2Bb');
    assert.equal(call('ab', 'replace', '', '-'), '-a-b-');
    assert.equal(call('abcdefghij', 'abbreviate', 6), 'abc...');
    assert.equal(call('abc', 'abbreviate', 6), 'abc');
    throwsApex(() => call('abcdef', 'abbreviate', 3), 'System.IllegalArgumentException');
    assert.equal(call('hello', 'capitalize'), 'Hello');
    assert.equal(call('Hello', 'uncapitalize'), 'hello');
    assert.equal(call('ab\u{1F600}', 'reverse'), '\u{1F600}ba', 'surrogate pairs kept together');
  });

  it('character classes (isAlpha, isNumeric ...)', () => {
    assert.equal(call('abcé', 'isAlpha'), true);
    assert.equal(call('ab1', 'isAlpha'), false);
    assert.equal(call('123', 'isNumeric'), true);
    assert.equal(call('1.5', 'isNumeric'), false, 'a decimal point is not a digit');
    assert.equal(call('a1', 'isAlphanumeric'), true);
    assert.equal(call('abc', 'isAllLowerCase'), true);
    assert.equal(call('ABC', 'isAllUpperCase'), true);
  });

  it('split with Java semantics', () => {
    const parts = call('a;b;;', 'split', ';') as ApexList;
    assert.deepEqual(parts.values, ['a', 'b']);
    assert.equal(parts.elementType.name, 'String');
    assert.deepEqual((call('1.2.3', 'split', '\\.') as ApexList).values, ['1', '2', '3']);
    assert.deepEqual((call('a b', 'split', ' ', 1) as ApexList).values, ['a b']);
  });

  it('replaceAll / replaceFirst use Java regex and replacement syntax', () => {
    assert.equal(call('a1b22', 'replaceAll', '\\d+', '#'), 'a#b#');
    assert.equal(call('a1b22', 'replaceFirst', '\\d', '#'), 'a#b22');
    assert.equal(call('x', 'replaceAll', 'x', '\\$1'), '$1');
  });

  it('escapes', () => {
    assert.equal(call("it's", 'escapeSingleQuotes'), "it\\'s");
    assert.equal(
      call('<a href="x">&</a>', 'escapeXml'),
      '&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;'
    );
    assert.equal(call('a"b\n', 'escapeJava'), 'a\\"b\\n');
    assert.equal(call('é', 'escapeJava'), '\\u00E9');
    assert.equal(call('a\\nb\\u0041', 'unescapeJava'), 'a\nbA');
    assert.equal(call('a,b', 'escapeCsv'), '"a,b"');
    assert.equal(call('&lt;&#65;&#x42;&amp;', 'unescapeHtml4'), '<AB&');
  });

  it('splitByCharacterType(CamelCase)', () => {
    assert.deepEqual((call('ab de fg', 'splitByCharacterType') as ApexList).values, [
      'ab',
      ' ',
      'de',
      ' ',
      'fg',
    ]);
    assert.deepEqual((call('fooBarBAZ', 'splitByCharacterTypeCamelCase') as ApexList).values, [
      'foo',
      'Bar',
      'BAZ',
    ]);
  });

  it('null arguments throw NullPointerException', () => {
    throwsApex(() => call('abc', 'contains', null), 'System.NullPointerException');
    throwsApex(() => call('abc', 'startsWith', null), 'System.NullPointerException');
  });
});

describe('String static methods', () => {
  it('isBlank / isEmpty and their negations', () => {
    assert.equal(stat('isBlank', null), true);
    assert.equal(stat('isBlank', ' \t\n'), true);
    assert.equal(stat('isBlank', '\u00A0'), false, 'NBSP is not Java whitespace');
    assert.equal(stat('isEmpty', ' '), false);
    assert.equal(stat('isNotBlank', 'a'), true);
    assert.equal(stat('isNotEmpty', ''), false);
  });

  it('join over lists and sets of any values', () => {
    assert.equal(stat('join', list('a', 'b'), ', '), 'a, b');
    assert.equal(
      stat('join', new ApexList(typeRef('Object'), [1, null, new ApexDecimal(1.5, 2)]), '|'),
      '1|null|1.50'
    );
    assert.equal(stat('join', new ApexSet(typeRef('Integer'), [3, 1, 3]), '-'), '3-1');
  });

  it('format with MessageFormat quoting', () => {
    assert.equal(
      stat('format', 'Hello {0}, you are {1}', list('Jane', 'late')),
      'Hello Jane, you are late'
    );
    assert.equal(stat('format', "It''s {0}", list('x')), "It's x");
    assert.equal(stat('format', "'{0}' is {0}", list('x')), '{0} is x');
    assert.equal(stat('format', '{0}{1}', list('a')), 'a{1}');
    assert.equal(
      stat('format', '{0}', new ApexList(typeRef('Object'), [new ApexDecimal(2, 1)])),
      '2.0'
    );
  });

  it('valueOf of every kind of value', () => {
    assert.equal(stat('valueOf', 5), '5');
    assert.equal(stat('valueOf', 5n), '5');
    assert.equal(stat('valueOf', new ApexDecimal(1.5, 2)), '1.50');
    assert.equal(stat('valueOf', new ApexDouble(5)), '5.0');
    assert.equal(stat('valueOf', true), 'true');
    assert.equal(stat('valueOf', null), 'null');
    assert.equal(stat('valueOf', new ApexDate(2024, 1, 31)), '2024-01-31');
    // String.valueOf(Datetime) is in the user's zone (here Los Angeles, UTC-8 in January) ...
    const dt = new ApexDatetime(Date.UTC(2024, 0, 31, 21, 5, 0));
    assert.equal(stat('valueOf', dt), '2024-01-31 13:05:00');
    assert.equal(stat('valueOfGmt', dt), '2024-01-31 21:05:00');
    // ... while concatenation prints GMT.
    assert.equal(apexToString(dt, ctx), '2024-01-31 21:05:00');
  });

  it('fromCharArray, getCommonPrefix, escapeSingleQuotes', () => {
    assert.equal(stat('fromCharArray', new ApexList(typeRef('Integer'), [72, 105])), 'Hi');
    assert.equal(stat('getCommonPrefix', list('interspace', 'interstate')), 'inters');
    assert.equal(stat('escapeSingleQuotes', "a'b"), "a\\'b");
  });
});

describe('apexToString', () => {
  it('numbers: Double as Java prints it, Decimal with its scale', () => {
    assert.equal(formatDouble(1), '1.0');
    assert.equal(formatDouble(0.001), '0.001');
    assert.equal(formatDouble(0.0001), '1.0E-4');
    assert.equal(formatDouble(12345678), '1.2345678E7');
    assert.equal(formatDouble(1234567), '1234567.0');
    assert.equal(formatDouble(-0), '-0.0');
    assert.equal(apexToString(new ApexDecimal(100, 2)), '100.00');
    assert.equal(
      apexToString(new ApexDecimal(0.0000001, 7)),
      '1E-7',
      'BigDecimal.toString uses an exponent below 1E-6'
    );
    assert.equal(apexToString(new ApexDecimal(0.000001, 6)), '0.000001');
    assert.equal(apexToString(new ApexDecimal(-2.5, 1)), '-2.5');
  });

  it('time, collections, records and objects', () => {
    assert.equal(apexToString(new ApexTime(13 * 3_600_000 + 5 * 60_000)), '13:05:00.000Z');
    assert.equal(apexToString(list('a', null)), '(a, null)');
    assert.equal(apexToString(new ApexSet(typeRef('Integer'), [1, 2])), '{1, 2}');
    const map = new ApexMap(typeRef('String'), typeRef('Integer'));
    map.put('a', 1);
    map.put('b', 2);
    assert.equal(apexToString(map), '{a=1, b=2}');
    const contact = new SObjectValue('Contact');
    contact.set('LastName', 'Doe');
    contact.set('Id', '003000000000001AAA');
    assert.equal(apexToString(contact), 'Contact:{LastName=Doe, Id=003000000000001AAA}');
    const obj = new ApexObject('Point', null);
    obj.fields.set('x', 1);
    obj.fields.set('y', null);
    assert.equal(apexToString(obj), 'Point:[x=1, y=null]');
    assert.equal(apexToString(obj, defaultContext({ objectToString: () => 'custom' })), 'custom');
  });
});
