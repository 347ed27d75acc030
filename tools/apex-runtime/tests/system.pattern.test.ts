// Java regular expressions on JS RegExp. Behaviour from the java.util.regex.Pattern and Matcher
// documentation (which Apex's Pattern and Matcher classes follow, Apex Reference Guide: Pattern
// Class, Matcher Class) and the project's own patterns (LinkedInIdentity, HistoryFormatter ...).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApexError, UnsupportedError } from '../src/interpreter/errors';
import {
  ApexMatcher,
  ApexPattern,
  compileJava,
  quote,
  regexReplace,
  regexSplit,
} from '../src/system/Pattern';

const m = (regex: string, input: string) => new ApexMatcher(new ApexPattern(regex), input);
const matches = (regex: string, input: string) => m(regex, input).matches();
const find = (regex: string, input: string) => m(regex, input).find();

function throwsApex(fn: () => unknown, type: string, message?: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof ApexError, `expected ApexError, got ${String(e)}`);
    assert.equal(e.exceptionType, type);
    if (message) {
      assert.match(e.message, message);
    }
    return true;
  });
}

// The project's patterns, copied from force-app/main/identity/classes/LinkedInIdentity.cls.
const WS =
  '[\\x00-\\x20\\x7F\\u00A0\\u1680\\u2000-\\u200B\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]';
const EDGE_WHITESPACE = `^${WS}+|${WS}+$`;
const URN_TAIL = '^([A-Za-z_]+):(.+)$';
const URN_TUPLE = '^\\(([^,()]+)(?:,[^()]*)?\\)$';
const URL_PARTS = '^(?:([A-Za-z][A-Za-z0-9+.-]*)://|//)?([^/?#]*)([^?#]*)(?:\\?[^#]*)?(?:#.*)?$';
const HOST = '^((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63})(?::[0-9]{1,5})?$';
const LINKEDIN_HOST = '^(?:[a-z0-9-]+\\.)*linkedin\\.com$';
const BAD_PERCENT_ESCAPE = '%(?![0-9A-Fa-f]{2})';
const PUBLIC_SLUG = '^(?=.*[\\p{L}\\p{N}])[\\p{L}\\p{M}\\p{N}-]{3,100}$';
const PROFILE_MEMBER_ID = '^ACoAA[A-Za-z0-9_-]{26,95}$';

describe('the project patterns', () => {
  it('trims edge whitespace, including no-break and zero-width spaces', () => {
    assert.equal(
      regexReplace('\u00A0 \u200Bhttps://x\uFEFF\t', EDGE_WHITESPACE, '', true),
      'https://x'
    );
    assert.equal(find(`${WS}`, 'a\u3000b'), true);
    assert.equal(find(`${WS}`, 'ab'), false);
  });

  it('splits URLs into scheme, host and path', () => {
    const parts = m(URL_PARTS, 'https://www.linkedin.com/in/jane-doe/?trk=x#frag');
    assert.equal(parts.matches(), true);
    assert.equal(parts.group(1), 'https');
    assert.equal(parts.group(2), 'www.linkedin.com');
    assert.equal(parts.group(3), '/in/jane-doe/');
    const bare = m(URL_PARTS, 'linkedin.com/in/x');
    assert.equal(bare.matches(), true);
    assert.equal(bare.group(1), null, 'an unmatched group is null');
    assert.equal(bare.start(1), -1);
  });

  it('reads hosts, URNs and tuples', () => {
    assert.equal(matches(HOST, 'www.linkedin.com:443'), true);
    assert.equal(matches(HOST, '-bad.com'), false);
    assert.equal(matches(LINKEDIN_HOST, 'uk.linkedin.com'), true);
    assert.equal(matches(LINKEDIN_HOST, 'linkedin.com.evil.org'), false);
    const tail = m(URN_TAIL, 'fsd_profile:ACoAAB');
    assert.equal(tail.matches(), true);
    assert.deepEqual([tail.group(1), tail.group(2)], ['fsd_profile', 'ACoAAB']);
    const tuple = m(URN_TUPLE, '(ACoAA123,456)');
    assert.equal(tuple.matches(), true);
    assert.equal(tuple.group(1), 'ACoAA123');
  });

  it('finds a percent sign without two hex digits (negative lookahead)', () => {
    assert.equal(find(BAD_PERCENT_ESCAPE, 'a%2Fb'), false);
    assert.equal(find(BAD_PERCENT_ESCAPE, 'a%2'), true);
    assert.equal(find(BAD_PERCENT_ESCAPE, '%zz'), true);
  });

  it('matches Unicode slugs with \\p{L}, \\p{M}, \\p{N}', () => {
    assert.equal(matches(PUBLIC_SLUG, 'jane-doe-42'), true);
    assert.equal(matches(PUBLIC_SLUG, 'josé-müller'), true);
    assert.equal(matches(PUBLIC_SLUG, 'e\u0301ric'), true, 'a combining mark is allowed');
    assert.equal(matches(PUBLIC_SLUG, '---'), false, 'the lookahead wants a letter or digit');
    assert.equal(matches(PUBLIC_SLUG, 'ab'), false);
    assert.equal(matches(PUBLIC_SLUG, 'jane doe'), false);
    assert.equal(matches(PROFILE_MEMBER_ID, `ACoAA${'x'.repeat(26)}`), true);
    assert.equal(matches(PROFILE_MEMBER_ID, `ACoAA${'x'.repeat(25)}`), false);
  });

  it('finds U+FFFD written as \\uFFFD', () => {
    assert.equal(find('\\uFFFD', 'a\uFFFDb'), true);
  });

  it('reads the history formatter patterns', () => {
    const stamp = m(
      '^\\[(\\d{4}-\\d{2}-\\d{2}) (\\d{2}):(\\d{2}) (AM|PM)\\].*',
      '[2025-03-01 09:30 AM] Jane: hi'
    );
    assert.equal(stamp.matches(), true);
    assert.deepEqual(
      [1, 2, 3, 4].map((g) => stamp.group(g)),
      ['2025-03-01', '09', '30', 'AM']
    );
    assert.equal(
      regexReplace('a\r\nb\nc\u2028d', '\\r\\n|[\\r\\n\\u2028\\u2029]', ' ', true),
      'a b c d'
    );
    const iso = '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})';
    assert.equal(matches(iso, '2025-03-01T09:30:00Z'), true);
    assert.equal(matches(iso, '2025-03-01T09:30:00.123+02:00'), true);
    assert.equal(matches(iso, '01/03/2025'), false);
    assert.equal(matches('^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', 'a@b.co'), true);
    assert.equal(matches('^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', 'a b@c.de'), false);
  });
});

describe('Matcher', () => {
  it('matches() needs the whole input; find() any part; lookingAt() a prefix', () => {
    assert.equal(matches('a|ab', 'ab'), true, 'backtracks into the second alternative');
    assert.equal(matches('\\d+', '123x'), false);
    assert.equal(find('\\d+', 'x123x'), true);
    assert.equal(m('\\d+', '12x').lookingAt(), true);
    assert.equal(m('\\d+', 'x12').lookingAt(), false);
  });

  it('$ in matches() does not accept a trailing line break, but find() does', () => {
    assert.equal(matches('^abc$', 'abc\n'), false);
    assert.equal(find('^abc$', 'abc\n'), true, 'Java $ matches before a final line terminator');
    assert.equal(find('abc\\z', 'abc\n'), false);
    assert.equal(find('abc\\Z', 'abc\n'), true);
  });

  it('find() walks successive matches and steps over empty ones', () => {
    const matcher = m('a*', 'baab');
    const seen: string[] = [];
    while (matcher.find()) {
      seen.push(`${matcher.start()}-${matcher.end()}:${matcher.group()}`);
    }
    assert.deepEqual(seen, ['0-0:', '1-3:aa', '3-3:', '4-4:']);
  });

  it('group() before a match throws; a group number out of range throws', () => {
    throwsApex(() => m('a', 'a').group(), 'System.StringException', /No match found/);
    const matcher = m('(a)', 'a');
    matcher.find();
    assert.equal(matcher.groupCount(), 1);
    throwsApex(() => matcher.group(2), 'System.StringException', /No group 2/);
  });

  it('named groups and back references', () => {
    const matcher = m('(?<word>\\w+) \\k<word>', 'hey hey');
    assert.equal(matcher.matches(), true);
    assert.equal(matcher.group('word'), 'hey');
    assert.equal(matches('(a)(b)\\2\\1', 'abba'), true);
    assert.equal(matches('(a)\\11', 'aa1'), true, '\\11 is group 1 then 1 when there is one group');
  });

  it('replaceAll uses Java replacement syntax', () => {
    assert.equal(regexReplace('John Smith', '(\\w+) (\\w+)', '$2, $1', true), 'Smith, John');
    assert.equal(regexReplace('a.b', '\\.', '\\$', true), 'a$b');
    assert.equal(regexReplace('aaa', 'a', 'b', false), 'baa');
    assert.equal(regexReplace('abc', 'x*', '-', true), '-a-b-c-');
    assert.equal(regexReplace('ab', '(a)', '$11', true), 'a1b', '$11 is group 1 then 1');
    throwsApex(() => regexReplace('a', 'a', '$2', true), 'System.StringException', /No group 2/);
    throwsApex(
      () => regexReplace('a', 'a', '$x', true),
      'System.StringException',
      /Illegal group reference/
    );
    throwsApex(
      () => regexReplace('a', 'a', 'x\\', true),
      'System.StringException',
      /character to be escaped is missing/
    );
  });
});

describe('Java syntax translation', () => {
  it('embedded flags at the start', () => {
    assert.equal(matches('(?i)abc', 'ABC'), true);
    assert.equal(matches('(?s)a.b', 'a\nb'), true);
    assert.equal(matches('a.b', 'a\nb'), false);
    assert.equal(find('(?m)^b$', 'a\nb\nc'), true);
    assert.equal(find('^b$', 'a\nb\nc'), false);
    assert.equal(matches('(?x) a b # comment\n c', 'abc'), true);
    assert.equal(matches('a(?s:.)b', 'a\nb'), true, 'a scoped flag group');
  });

  it('a (?i) that does not cover the whole pattern is unsupported', () => {
    assert.throws(() => compileJava('a(?i)b'), UnsupportedError);
  });

  it('\\s, \\d and \\w are ASCII as in Java (no UNICODE_CHARACTER_CLASS)', () => {
    assert.equal(find('\\s', '\u00A0'), false, 'Java \\s does not include NBSP');
    assert.equal(find('\\d', '\u0663'), false, 'Arabic-Indic digit is not \\d');
    assert.equal(find('\\w', 'é'), false);
    assert.equal(find('\\p{L}', 'é'), true);
  });

  it('POSIX classes are ASCII', () => {
    assert.equal(matches('\\p{Alpha}+', 'abcXYZ'), true);
    assert.equal(matches('\\p{Alpha}', 'é'), false);
    assert.equal(matches('\\p{Punct}+', '!?.,;'), true);
    assert.equal(matches('[\\p{Digit}a]+', '1a2'), true);
    assert.equal(matches('\\P{Alpha}', '1'), true);
    assert.equal(matches('\\p{IsLatin}+', 'abc'), true);
    assert.equal(matches('\\p{Lu}', 'A'), true);
  });

  it('quoting with \\Q...\\E and Pattern.quote', () => {
    assert.equal(matches('\\Qa.b\\E', 'a.b'), true);
    assert.equal(matches('\\Qa.b\\E', 'axb'), false);
    assert.equal(matches(quote('1+1=2'), '1+1=2'), true);
    assert.equal(matches(quote('a\\Eb'), 'a\\Eb'), true);
  });

  it('class intersections and nested classes', () => {
    assert.equal(matches('[a-z&&[^aeiou]]+', 'bcd'), true);
    assert.equal(matches('[a-z&&[^aeiou]]', 'a'), false);
    assert.equal(matches('[a-c[x-z]]+', 'axbz'), true);
    assert.equal(matches('[]a]+', ']a]'), true, 'a ] first in a class is literal');
    assert.equal(matches('[-a]+', '-a'), true);
    assert.equal(matches('[a-]+', '-a'), true);
  });

  it('escapes: \\x, \\u, octal, \\t, \\h, \\R, supplementary characters', () => {
    assert.equal(matches('\\x41\\u0042\\0103', 'ABC'), true);
    assert.equal(matches('\\x{1F600}', '\u{1F600}'), true);
    assert.equal(
      matches('\\uD83D\\uDE00', '\u{1F600}'),
      true,
      'a surrogate pair written as two escapes'
    );
    assert.equal(matches('.', '\u{1F600}'), true, 'a dot matches a whole code point');
    assert.equal(matches('a\\Rb', 'a\r\nb'), true);
    assert.equal(matches('\\h', '\u00A0'), true);
  });

  it('possessive quantifiers and atomic groups are unsupported', () => {
    assert.throws(() => compileJava('a*+'), UnsupportedError);
    assert.throws(() => compileJava('(?>a)'), UnsupportedError);
  });

  it('invalid patterns throw StringException', () => {
    throwsApex(() => compileJava('(a'), 'System.StringException', /Invalid regex: Unclosed group/);
    throwsApex(() => compileJava('[a'), 'System.StringException', /Unclosed character class/);
    throwsApex(() => compileJava('a{'), 'System.StringException', /Illegal repetition/);
    throwsApex(() => compileJava('\\y'), 'System.StringException', /Illegal\/unsupported escape/);
  });
});

describe('split (Java String.split / Pattern.split)', () => {
  it('drops trailing empty strings by default and keeps leading ones', () => {
    assert.deepEqual(regexSplit('a,b,,c,,', ','), ['a', 'b', '', 'c']);
    assert.deepEqual(regexSplit(',a', ','), ['', 'a']);
    assert.deepEqual(regexSplit(',,,', ','), []);
  });

  it('returns the input when nothing matches (also for an empty input)', () => {
    assert.deepEqual(regexSplit('abc', ','), ['abc']);
    assert.deepEqual(regexSplit('', ','), ['']);
  });

  it('a zero-width match at the start gives no leading empty string (Java 8+)', () => {
    assert.deepEqual(regexSplit('abc', ''), ['a', 'b', 'c']);
    assert.deepEqual(regexSplit('AbCd', '(?=[A-Z])'), ['Ab', 'Cd']);
  });

  it('limit: positive caps the count, negative keeps trailing empties', () => {
    assert.deepEqual(regexSplit('a,b,c', ',', 2), ['a', 'b,c']);
    assert.deepEqual(regexSplit('a,b,,', ',', -1), ['a', 'b', '', '']);
    assert.deepEqual(regexSplit('a,b,,', ',', 10), ['a', 'b', '', '']);
    assert.deepEqual(regexSplit('a', ',', 1), ['a']);
  });

  it('splits the way the project does', () => {
    assert.deepEqual(regexSplit('/in/jane//x/', '/'), ['', 'in', 'jane', '', 'x']);
    assert.deepEqual(regexSplit('a|b', '\\|'), ['a', 'b']);
    assert.deepEqual(regexSplit('l1\r\nl2\nl3', '\r?\n'), ['l1', 'l2', 'l3']);
    assert.deepEqual(regexSplit('l1\nl2\nl3', '\r?\n', 2), ['l1', 'l2\nl3']);
  });
});
