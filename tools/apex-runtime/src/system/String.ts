// System.String: the instance and static methods, and the conversion of every value to text
// (`apexToString`, which string concatenation and collection printing use). Strings are JS
// strings: UTF-16 code units are the unit of length and index, as on the platform.
import { apexThrow, unsupported } from '../interpreter/errors';
import {
  ApexBlob,
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
  TypeValue,
  typeRef,
  typeToString,
  type ApexValue,
} from '../interpreter/values';
import type { InstanceMethod, StaticMethod, SystemContext } from './context';
import { bcp47, formatJava } from './Datetime';
import { regexReplace, regexSplit } from './Pattern';
import { timeToString } from './Time';

// ---- numbers as text ----------------------------------------------------------------------

/** java.lang.Double.toString: `1.0`, `0.001`, `1.0E7`, `1.234E-5`, `NaN`, `Infinity`. */
export function formatDouble(d: number): string {
  if (Number.isNaN(d)) {
    return 'NaN';
  }
  if (!Number.isFinite(d)) {
    return d > 0 ? 'Infinity' : '-Infinity';
  }
  if (d === 0) {
    return Object.is(d, -0) ? '-0.0' : '0.0';
  }
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(d);
    return s.includes('.') ? s : `${s}.0`;
  }
  // toExponential always writes an `e`: split gives the mantissa and the exponent.
  const [digits, exponent] = d.toExponential().split('e');
  const mantissa = digits!;
  const m = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${m}E${Number(exponent)}`;
}

/** A decimal's digits without exponent: `1234.50` for (1234.5, scale 2). */
export function decimalToPlainString(d: ApexDecimal): string {
  const { value, scale } = d;
  if (!Number.isFinite(value)) {
    apexThrow('System.MathException', 'Decimal is not a finite number');
  }
  if (scale < 0) {
    return decimalToPlainString(new ApexDecimal(value, 0));
  }
  if (Math.abs(value) < 1e21 && scale <= 100) {
    const s = value.toFixed(scale);
    return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
  }
  const whole = BigInt(Math.round(value)).toString();
  return scale > 0 ? `${whole}.${'0'.repeat(scale)}` : whole;
}

/** java.math.BigDecimal.toString: plain unless the exponent is below -6 (then `1E-7`). */
export function decimalToString(d: ApexDecimal): string {
  const plain = decimalToPlainString(d);
  const negative = plain.startsWith('-');
  const digits = plain
    .replace(/^-/, '')
    .replace('.', '')
    .replace(/^0+(?=\d)/, '');
  const scale = Math.max(0, d.scale);
  const adjusted = -scale + (digits.length - 1);
  if (adjusted >= -6) {
    return plain;
  }
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${negative ? '-' : ''}${mantissa}E${adjusted}`;
}

// ---- values as text -------------------------------------------------------------------------

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function dateToString(d: ApexDate): string {
  const y = d.year < 0 ? `-${String(-d.year).padStart(4, '0')}` : String(d.year).padStart(4, '0');
  return `${y}-${pad2(d.month)}-${pad2(d.day)}`;
}

/** `yyyy-MM-dd HH:mm:ss` of an instant in a zone. */
export function datetimeToString(dt: ApexDatetime, zone: string): string {
  return formatJava('yyyy-MM-dd HH:mm:ss', dt.millis, zone);
}

/**
 * Text of any value as string concatenation and String.valueOf(Object) give it. Datetimes print
 * in GMT here (`'' + now`); String.valueOf(Datetime) uses the user's zone (see valueOf below).
 */
export function apexToString(value: ApexValue, ctx?: SystemContext): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  switch (typeof value) {
    case 'string':
      return value;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return String(value);
    case 'bigint':
      return value.toString();
  }
  if (value instanceof ApexDecimal) {
    return decimalToString(value);
  }
  if (value instanceof ApexDouble) {
    return formatDouble(value.value);
  }
  if (value instanceof ApexDate) {
    return dateToString(value);
  }
  if (value instanceof ApexDatetime) {
    return datetimeToString(value, 'GMT');
  }
  if (value instanceof ApexTime) {
    return timeToString(value);
  }
  if (value instanceof ApexBlob) {
    return `Blob[${value.bytes.length}]`;
  }
  if (value instanceof ApexList) {
    return `(${value.values.map((v) => apexToString(v, ctx)).join(', ')})`;
  }
  if (value instanceof ApexSet) {
    return `{${value
      .items()
      .map((v) => apexToString(v, ctx))
      .join(', ')}}`;
  }
  if (value instanceof ApexMap) {
    return `{${[...value.entries.values()]
      .map((e) => `${apexToString(e.key, ctx)}=${apexToString(e.value, ctx)}`)
      .join(', ')}}`;
  }
  if (value instanceof SObjectValue) {
    const fields = [...value.fields.values()].map((f) => `${f.name}=${apexToString(f.value, ctx)}`);
    return `${value.type}:{${fields.join(', ')}}`;
  }
  if (value instanceof TypeValue) {
    return typeToString(value.type);
  }
  if (value instanceof ApexObject) {
    const custom = ctx?.objectToString?.(value);
    if (custom !== undefined) {
      return custom;
    }
    const native = value.native as { apexToString?: () => string } | undefined;
    if (native && typeof native.apexToString === 'function') {
      return native.apexToString();
    }
    if (value.native !== undefined) {
      const source = (value.native as { source?: unknown }).source;
      if (typeof source === 'string') {
        return source;
      }
      const id = (value.native as { id?: unknown }).id;
      if (typeof id === 'string') {
        return id;
      }
    }
    const fields = ctx?.objectFields ? ctx.objectFields(value) : [...value.fields.entries()];
    return `${value.className}:[${fields.map(([k, v]) => `${k}=${apexToString(v, ctx)}`).join(', ')}]`;
  }
  return String(value);
}

// ---- helpers ----------------------------------------------------------------------------------

function nullArg(): never {
  apexThrow('System.NullPointerException', 'Argument cannot be null.');
}

function str(v: ApexValue | undefined): string {
  if (v === null || v === undefined) {
    nullArg();
  }
  if (typeof v !== 'string') {
    apexThrow('System.TypeException', `Invalid conversion to String`);
  }
  return v;
}

function int(v: ApexValue | undefined): number {
  if (typeof v === 'number') {
    return v;
  }
  if (v === null || v === undefined) {
    nullArg();
  }
  if (typeof v === 'bigint') {
    return Number(v);
  }
  apexThrow('System.TypeException', 'Invalid conversion to Integer');
}

/** java.lang.Character.isWhitespace. */
export function isJavaWhitespace(cp: number): boolean {
  if ((cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x20)) {
    return true;
  }
  if (cp === 0xa0 || cp === 0x2007 || cp === 0x202f) {
    return false;
  }
  return /[\p{Zs}\p{Zl}\p{Zp}]/u.test(String.fromCodePoint(cp));
}

function codePoints(s: string): number[] {
  return [...s].map((c) => c.codePointAt(0)!);
}

const isLetter = (cp: number) => /\p{L}/u.test(String.fromCodePoint(cp));
const isDigit = (cp: number) => /\p{Nd}/u.test(String.fromCodePoint(cp));
const isLower = (cp: number) => /\p{Lowercase}/u.test(String.fromCodePoint(cp));
const isUpper = (cp: number) => /\p{Uppercase}/u.test(String.fromCodePoint(cp));

function all(s: string, test: (cp: number) => boolean, emptyResult = false): boolean {
  if (s.length === 0) {
    return emptyResult;
  }
  return codePoints(s).every(test);
}

function caseLocale(locale: string): string | undefined {
  // split always yields at least one part.
  const lang = locale.split(/[_-]/)[0]!.toLowerCase();
  return ['tr', 'az', 'lt'].includes(lang) ? bcp47(locale) : undefined;
}

export function toLowerCase(s: string, locale: string): string {
  const l = caseLocale(locale);
  return l ? s.toLocaleLowerCase(l) : s.toLowerCase();
}

export function toUpperCase(s: string, locale: string): string {
  const l = caseLocale(locale);
  return l ? s.toLocaleUpperCase(l) : s.toUpperCase();
}

/** java.lang.String.trim: drops chars <= U+0020 at both ends. */
export function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) {
    start++;
  }
  while (end > start && s.charCodeAt(end - 1) <= 0x20) {
    end--;
  }
  return s.slice(start, end);
}

function stripWhitespace(s: string): string {
  const cps = [...s];
  let a = 0;
  let b = cps.length;
  // 0 <= a < b <= cps.length: a and b - 1 are indices of cps.
  while (a < b && isJavaWhitespace(cps[a]!.codePointAt(0)!)) {
    a++;
  }
  while (b > a && isJavaWhitespace(cps[b - 1]!.codePointAt(0)!)) {
    b--;
  }
  return cps.slice(a, b).join('');
}

/** Java's String.compareTo: by UTF-16 code unit, then by length. */
export function javaCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) {
      return d;
    }
  }
  return a.length - b.length;
}

/** Java's String.compareToIgnoreCase. */
export function javaCompareIgnoreCase(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    // i is below both lengths.
    let x = a[i]!;
    let y = b[i]!;
    if (x !== y) {
      x = x.toUpperCase();
      y = y.toUpperCase();
      if (x !== y) {
        x = x.toLowerCase();
        y = y.toLowerCase();
        if (x !== y) {
          return x.charCodeAt(0) - y.charCodeAt(0);
        }
      }
    }
  }
  return a.length - b.length;
}

export function equalsIgnoreCase(a: string, b: string): boolean {
  return a.length === b.length && javaCompareIgnoreCase(a, b) === 0;
}

function indexOfIgnoreCase(s: string, sub: string, from = 0): number {
  const start = Math.max(0, from);
  for (let i = start; i + sub.length <= s.length; i++) {
    if (equalsIgnoreCase(s.substr(i, sub.length), sub)) {
      return i;
    }
  }
  return -1;
}

function lastIndexOfIgnoreCase(s: string, sub: string, from = s.length): number {
  for (let i = Math.min(from, s.length - sub.length); i >= 0; i--) {
    if (equalsIgnoreCase(s.substr(i, sub.length), sub)) {
      return i;
    }
  }
  return -1;
}

function javaHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) {
    h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  }
  return h;
}

function substring(s: string, start: number, end = s.length): string {
  if (start < 0 || start > s.length) {
    apexThrow('System.StringException', `Starting position out of bounds: ${start}`);
  }
  if (end > s.length || end < start) {
    apexThrow('System.StringException', `Ending position out of bounds: ${end}`);
  }
  return s.slice(start, end);
}

function leftPad(s: string, size: number, padStr = ' '): string {
  const pad = padStr === '' ? ' ' : padStr;
  const missing = size - s.length;
  if (missing <= 0) {
    return s;
  }
  return pad.repeat(Math.ceil(missing / pad.length)).slice(0, missing) + s;
}

function rightPad(s: string, size: number, padStr = ' '): string {
  const pad = padStr === '' ? ' ' : padStr;
  const missing = size - s.length;
  if (missing <= 0) {
    return s;
  }
  return s + pad.repeat(Math.ceil(missing / pad.length)).slice(0, missing);
}

function abbreviate(s: string, maxWidth: number, offset = 0): string {
  if (maxWidth < 4) {
    apexThrow('System.IllegalArgumentException', 'Minimum abbreviation width is 4');
  }
  if (s.length <= maxWidth) {
    return s;
  }
  let off = Math.min(Math.max(offset, 0), s.length);
  if (s.length - off < maxWidth - 3) {
    off = s.length - (maxWidth - 3);
  }
  if (off <= 4) {
    return `${s.slice(0, maxWidth - 3)}...`;
  }
  if (maxWidth < 7) {
    apexThrow('System.IllegalArgumentException', 'Minimum abbreviation width with offset is 7');
  }
  if (off + maxWidth - 3 < s.length) {
    return `...${abbreviate(s.slice(off), maxWidth - 3)}`;
  }
  return `...${s.slice(s.length - (maxWidth - 3))}`;
}

function countMatches(s: string, sub: string): number {
  if (!s || !sub) {
    return 0;
  }
  let count = 0;
  let i = s.indexOf(sub);
  while (i >= 0) {
    count++;
    i = s.indexOf(sub, i + sub.length);
  }
  return count;
}

/** Java's String.replace(CharSequence, CharSequence): every literal occurrence. */
export function replaceLiteral(s: string, target: string, replacement: string): string {
  if (target === '') {
    // Java inserts the replacement before every char and at the end.
    return replacement + s.split('').join(replacement) + (s ? replacement : '');
  }
  return s.split(target).join(replacement);
}

function capitalizeFirst(s: string, upper: boolean): string {
  if (!s) {
    return s;
  }
  const first = String.fromCodePoint(s.codePointAt(0)!);
  const changed = upper ? titleCase(first) : first.toLowerCase();
  return changed + s.slice(first.length);
}

function titleCase(ch: string): string {
  // Character.toTitleCase differs from upper case for the digraphs DŽ/Dž/dž, LJ, NJ, DZ.
  const map: Record<string, string> = {
    '\u01c4': '\u01c5',
    '\u01c5': '\u01c5',
    '\u01c6': '\u01c5',
    '\u01c7': '\u01c8',
    '\u01c8': '\u01c8',
    '\u01c9': '\u01c8',
    '\u01ca': '\u01cb',
    '\u01cb': '\u01cb',
    '\u01cc': '\u01cb',
    '\u01f1': '\u01f2',
    '\u01f2': '\u01f2',
    '\u01f3': '\u01f2',
  };
  const up = ch.toUpperCase();
  return map[ch] ?? (up.length === ch.length ? up : ch);
}

function swapCase(s: string): string {
  return [...s]
    .map((c) => {
      const cp = c.codePointAt(0)!;
      if (isUpper(cp)) {
        return c.toLowerCase();
      }
      if (isLower(cp)) {
        return c.toUpperCase();
      }
      return c;
    })
    .join('');
}

function charType(cp: number): string {
  const ch = String.fromCodePoint(cp);
  for (const cat of [
    'Lu',
    'Ll',
    'Lt',
    'Lm',
    'Lo',
    'Mn',
    'Me',
    'Mc',
    'Nd',
    'Nl',
    'No',
    'Zs',
    'Zl',
    'Zp',
    'Cc',
    'Cf',
    'Co',
    'Cs',
    'Pd',
    'Ps',
    'Pe',
    'Pc',
    'Po',
    'Sm',
    'Sc',
    'Sk',
    'So',
    'Pi',
    'Pf',
  ]) {
    if (new RegExp(`\\p{${cat}}`, 'u').test(ch)) {
      return cat;
    }
  }
  return 'Cn';
}

/** commons-lang StringUtils.splitByCharacterType(CamelCase). */
function splitByCharacterType(s: string, camelCase: boolean): string[] {
  if (!s) {
    return [];
  }
  const chars = [...s];
  const list: string[] = [];
  let tokenStart = 0;
  // s is not empty: chars has a first element.
  let current = charType(chars[0]!.codePointAt(0)!);
  for (let pos = 1; pos < chars.length; pos++) {
    const type = charType(chars[pos]!.codePointAt(0)!);
    if (type === current) {
      continue;
    }
    if (camelCase && type === 'Ll' && current === 'Lu') {
      const newStart = pos - 1;
      if (newStart !== tokenStart) {
        list.push(chars.slice(tokenStart, newStart).join(''));
        tokenStart = newStart;
      }
    } else {
      list.push(chars.slice(tokenStart, pos).join(''));
      tokenStart = pos;
    }
    current = type;
  }
  list.push(chars.slice(tokenStart).join(''));
  return list;
}

function levenshtein(a: string, b: string): number {
  // prev has b.length + 1 entries: every index below is in range.
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

const hex4 = (cp: number) => cp.toString(16).toUpperCase().padStart(4, '0');

function escapeJavaLike(s: string, ecma: boolean): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const code = s.charCodeAt(i);
    switch (c) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\r':
        out += '\\r';
        continue;
    }
    if (ecma && (c === "'" || c === '/')) {
      out += `\\${c}`;
    } else if (code < 32 || code > 0x7f) {
      out += `\\u${hex4(code)}`;
    } else {
      out += c;
    }
  }
  return out;
}

function unescapeJava(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i === s.length - 1) {
      out += c;
      continue;
    }
    // c is not the last character: i + 1 is in range.
    const n = s[++i]!;
    switch (n) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'u': {
        let j = i;
        while (s[j + 1] === 'u') {
          j++;
        }
        const hex = s.slice(j + 1, j + 5);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          apexThrow('System.IllegalArgumentException', `Unable to parse unicode value: ${hex}`);
        }
        out += String.fromCharCode(parseInt(hex, 16));
        i = j + 4;
        break;
      }
      default:
        if (/[0-7]/.test(n)) {
          const m = /^[0-3]?[0-7]{1,2}|^[0-7]/.exec(s.slice(i))!;
          out += String.fromCharCode(parseInt(m[0], 8));
          i += m[0].length - 1;
        } else {
          out += n;
        }
    }
  }
  return out;
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
const HTML_NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function unescapeEntities(s: string, names: Record<string, string>): string {
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const cp =
        body[1] === 'x' || body[1] === 'X'
          ? parseInt(body.slice(2), 16)
          : parseInt(body.slice(1), 10);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return names[body] ?? whole;
  });
}

function escapeHtml(s: string): string {
  let out = '';
  for (const c of s) {
    if (c.codePointAt(0)! > 0x7f) {
      unsupported('String.escapeHtml for non-ASCII text');
    }
    out += c === "'" ? c : (XML_ESCAPES[c] ?? c);
  }
  return out;
}

function escapeCsv(s: string): string {
  if (!/[,"\r\n]/.test(s)) {
    return s;
  }
  return `"${s.replace(/"/g, '""')}"`;
}

function unescapeCsv(s: string): string {
  if (s.length < 2 || !s.startsWith('"') || !s.endsWith('"')) {
    return s;
  }
  const inner = s.slice(1, -1);
  if (!/[,"\r\n]/.test(inner)) {
    return s;
  }
  return inner.replace(/""/g, '"');
}

function normalizeSpace(s: string): string {
  let out = '';
  let inSpace = false;
  for (const c of stripWhitespace(s)) {
    const cp = c.codePointAt(0)!;
    if (isJavaWhitespace(cp) || cp === 0xa0) {
      if (!inSpace) {
        out += ' ';
      }
      inSpace = true;
    } else {
      out += c;
      inSpace = false;
    }
  }
  return out;
}

function substringBetween(s: string, open: string, close: string): string | null {
  const start = s.indexOf(open);
  if (start < 0) {
    return null;
  }
  const end = s.indexOf(close, start + open.length);
  return end < 0 ? null : s.slice(start + open.length, end);
}

function checkedIndex(s: string, index: number): void {
  if (index < 0 || index >= s.length) {
    apexThrow('System.StringException', `String index out of range: ${index}`);
  }
}

const stringList = (items: string[]) => new ApexList(typeRef('String'), items);

// ---- String.format (MessageFormat) ------------------------------------------------------------

/** java.text.MessageFormat over String arguments: `{0}`, quotes `'...'` and `''`. */
export function messageFormat(pattern: string, args: string[]): string {
  let out = '';
  let i = 0;
  let quoted = false;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
      } else {
        quoted = !quoted;
        i++;
      }
      continue;
    }
    if (quoted || c !== '{') {
      out += c;
      i++;
      continue;
    }
    const close = pattern.indexOf('}', i);
    if (close < 0) {
      apexThrow('System.IllegalArgumentException', 'Unmatched braces in the pattern.');
    }
    const body = pattern.slice(i + 1, close);
    const m = /^\s*(\d+)\s*(,.*)?$/.exec(body);
    if (!m) {
      apexThrow('System.IllegalArgumentException', `can't parse argument number: ${body}`);
    }
    if (m[2]) {
      unsupported('String.format with a format type ({n,number} ...)');
    }
    const n = Number(m[1]);
    out += n < args.length ? args[n] : `{${n}}`;
    i = close + 1;
  }
  return out;
}

// ---- String.valueOf ---------------------------------------------------------------------------

/** String.valueOf(x): null gives 'null'; a Datetime is printed in the user's zone. */
export function stringValueOf(value: ApexValue, ctx: SystemContext): string {
  if (value instanceof ApexDatetime) {
    return datetimeToString(value, ctx.timeZone);
  }
  return apexToString(value, ctx);
}

function iterableItems(v: ApexValue): ApexValue[] {
  if (v instanceof ApexList || v instanceof ApexSet) {
    return v.items();
  }
  if (v === null) {
    nullArg();
  }
  unsupported('String.join over a custom Iterable');
}

export const stringStaticMethods: Record<string, StaticMethod> = {
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  isblank: ([s]) => s === null || (typeof s === 'string' && all(s, isJavaWhitespace, true)),
  isnotblank: ([s]) => !(s === null || (typeof s === 'string' && all(s, isJavaWhitespace, true))),
  isempty: ([s]) => s === null || s === '',
  isnotempty: ([s]) => !(s === null || s === ''),
  valueof: ([v = null], ctx) => stringValueOf(v, ctx),
  valueofgmt: ([v = null], ctx) =>
    v instanceof ApexDatetime ? datetimeToString(v, 'GMT') : apexToString(v, ctx),
  join: ([items = null, sep], ctx) =>
    iterableItems(items)
      .map((v) => apexToString(v, ctx))
      .join(sep === null ? 'null' : str(sep)),
  format: ([pattern, args = null], ctx) => {
    const list = args instanceof ApexList ? args.values : args === null ? nullArg() : [args];
    return messageFormat(
      str(pattern),
      list.map((v) => apexToString(v, ctx))
    );
  },
  fromchararray: ([chars]) => {
    if (!(chars instanceof ApexList)) {
      nullArg();
    }
    return String.fromCodePoint(...chars.values.map((v) => int(v)));
  },
  escapesinglequotes: ([s]) => str(s).replace(/'/g, "\\'"),
  getcommonprefix: ([list]) => {
    if (!(list instanceof ApexList) || list.values.length === 0) {
      return '';
    }
    const items = list.values.map((v) => (v === null ? '' : str(v)));
    let prefix = items[0]!;
    for (const s of items) {
      while (!s.startsWith(prefix)) {
        prefix = prefix.slice(0, -1);
      }
    }
    return prefix;
  },
};

// ---- instance methods --------------------------------------------------------------------------

export const stringInstanceMethods: Record<string, InstanceMethod<string>> = {
  length: (s) => s.length,
  substring: (s, [start, end]) => substring(s, int(start), end === undefined ? s.length : int(end)),
  indexof: (s, [sub, from]) => s.indexOf(str(sub), from === undefined ? 0 : Math.max(0, int(from))),
  lastindexof: (s, [sub, from]) => {
    const f = from === undefined ? Infinity : int(from);
    return f < 0 ? -1 : s.lastIndexOf(str(sub), f);
  },
  indexofignorecase: (s, [sub, from]) =>
    indexOfIgnoreCase(s, str(sub), from === undefined ? 0 : int(from)),
  lastindexofignorecase: (s, [sub, from]) =>
    lastIndexOfIgnoreCase(s, str(sub), from === undefined ? s.length : int(from)),
  indexofchar: (s, [cp, from]) =>
    s.indexOf(String.fromCodePoint(int(cp)), from === undefined ? 0 : Math.max(0, int(from))),
  lastindexofchar: (s, [cp, from]) =>
    s.lastIndexOf(String.fromCodePoint(int(cp)), from === undefined ? Infinity : int(from)),
  indexofany: (s, [chars]) => {
    const set = new Set(str(chars));
    return s.split('').findIndex((c) => set.has(c));
  },
  indexofanybut: (s, [chars]) => {
    const set = new Set(str(chars));
    return s === '' ? -1 : s.split('').findIndex((c) => !set.has(c));
  },
  indexofdifference: (s, [other]) => {
    const o = str(other);
    if (s === o) {
      return -1;
    }
    let i = 0;
    while (i < s.length && i < o.length && s[i] === o[i]) {
      i++;
    }
    return i;
  },
  contains: (s, [sub]) => s.includes(str(sub)),
  containsignorecase: (s, [sub]) => indexOfIgnoreCase(s, str(sub)) >= 0,
  containsany: (s, [chars]) => [...str(chars)].some((c) => s.includes(c)),
  containsnone: (s, [chars]) => ![...str(chars)].some((c) => s.includes(c)),
  containsonly: (s, [chars]) => {
    const set = new Set(str(chars));
    return [...s].every((c) => set.has(c));
  },
  containswhitespace: (s) => codePoints(s).some(isJavaWhitespace),
  startswith: (s, [p]) => s.startsWith(str(p)),
  endswith: (s, [p]) => s.endsWith(str(p)),
  startswithignorecase: (s, [p]) => equalsIgnoreCase(s.slice(0, str(p).length), str(p)),
  endswithignorecase: (s, [p]) => {
    const suffix = str(p);
    return s.length >= suffix.length && equalsIgnoreCase(s.slice(s.length - suffix.length), suffix);
  },
  equals: (s, [other]) => typeof other === 'string' && s === other,
  equalsignorecase: (s, [other]) => typeof other === 'string' && equalsIgnoreCase(s, other),
  compareto: (s, [other]) => javaCompare(s, str(other)),
  hashcode: (s) => javaHash(s),
  tolowercase: (s, [locale], ctx) =>
    toLowerCase(s, locale === undefined ? ctx.locale : str(locale)),
  touppercase: (s, [locale], ctx) =>
    toUpperCase(s, locale === undefined ? ctx.locale : str(locale)),
  trim: (s) => javaTrim(s),
  normalizespace: (s) => normalizeSpace(s),
  deletewhitespace: (s) => [...s].filter((c) => !isJavaWhitespace(c.codePointAt(0)!)).join(''),
  split: (s, [regex, limit]) =>
    stringList(regexSplit(s, str(regex), limit === undefined ? 0 : int(limit))),
  splitbycharactertype: (s) => stringList(splitByCharacterType(s, false)),
  splitbycharactertypecamelcase: (s) => stringList(splitByCharacterType(s, true)),
  replace: (s, [target, replacement]) => replaceLiteral(s, str(target), str(replacement)),
  replaceall: (s, [regex, replacement]) => regexReplace(s, str(regex), str(replacement), true),
  replacefirst: (s, [regex, replacement]) => regexReplace(s, str(regex), str(replacement), false),
  left: (s, [n]) => (int(n) < 0 ? '' : s.slice(0, int(n))),
  right: (s, [n]) => (int(n) <= 0 ? '' : s.slice(Math.max(0, s.length - int(n)))),
  mid: (s, [start, len]) => {
    let st = int(start);
    const l = int(len);
    if (l < 0 || st > s.length) {
      return '';
    }
    if (st < 0) {
      st = 0;
    }
    return s.slice(st, st + l);
  },
  abbreviate: (s, [max, offset]) => abbreviate(s, int(max), offset === undefined ? 0 : int(offset)),
  capitalize: (s) => capitalizeFirst(s, true),
  uncapitalize: (s) => capitalizeFirst(s, false),
  center: (s, [size, pad]) => {
    const n = int(size);
    const p = pad === undefined ? ' ' : str(pad);
    if (n <= s.length) {
      return s;
    }
    const left = s.length + Math.floor((n - s.length) / 2);
    return rightPad(leftPad(s, left, p), n, p);
  },
  remove: (s, [sub]) => (str(sub) === '' ? s : replaceLiteral(s, str(sub), '')),
  removestart: (s, [p]) => (str(p) && s.startsWith(str(p)) ? s.slice(str(p).length) : s),
  removestartignorecase: (s, [p]) =>
    str(p) && equalsIgnoreCase(s.slice(0, str(p).length), str(p)) ? s.slice(str(p).length) : s,
  removeend: (s, [p]) => (str(p) && s.endsWith(str(p)) ? s.slice(0, s.length - str(p).length) : s),
  removeendignorecase: (s, [p]) => {
    const suffix = str(p);
    return suffix &&
      s.length >= suffix.length &&
      equalsIgnoreCase(s.slice(s.length - suffix.length), suffix)
      ? s.slice(0, s.length - suffix.length)
      : s;
  },
  leftpad: (s, [size, pad]) => leftPad(s, int(size), pad === undefined ? ' ' : str(pad)),
  rightpad: (s, [size, pad]) => rightPad(s, int(size), pad === undefined ? ' ' : str(pad)),
  repeat: (s, args) => {
    if (args.length === 2) {
      const n = int(args[1]);
      return n <= 0 ? '' : Array(n).fill(s).join(str(args[0]));
    }
    const n = int(args[0]);
    return n <= 0 ? '' : s.repeat(n);
  },
  reverse: (s) => [...s].reverse().join(''),
  isalpha: (s) => all(s, isLetter),
  isalphaspace: (s) => all(s, (cp) => isLetter(cp) || cp === 0x20, true),
  isalphanumeric: (s) => all(s, (cp) => isLetter(cp) || isDigit(cp)),
  isalphanumericspace: (s) => all(s, (cp) => isLetter(cp) || isDigit(cp) || cp === 0x20, true),
  isnumeric: (s) => all(s, isDigit),
  isnumericspace: (s) => all(s, (cp) => isDigit(cp) || cp === 0x20, true),
  iswhitespace: (s) => all(s, isJavaWhitespace, true),
  isasciiprintable: (s) => all(s, (cp) => cp >= 32 && cp < 127, true),
  isalllowercase: (s) => all(s, isLower),
  isalluppercase: (s) => all(s, isUpper),
  countmatches: (s, [sub]) => countMatches(s, str(sub)),
  substringbefore: (s, [sep]) => {
    const p = str(sep);
    if (!s) {
      return s;
    }
    if (!p) {
      return '';
    }
    const i = s.indexOf(p);
    return i < 0 ? s : s.slice(0, i);
  },
  substringafter: (s, [sep]) => {
    const p = str(sep);
    if (!s) {
      return s;
    }
    const i = s.indexOf(p);
    return i < 0 ? '' : s.slice(i + p.length);
  },
  substringbeforelast: (s, [sep]) => {
    const p = str(sep);
    if (!s || !p) {
      return s;
    }
    const i = s.lastIndexOf(p);
    return i < 0 ? s : s.slice(0, i);
  },
  substringafterlast: (s, [sep]) => {
    const p = str(sep);
    if (!s) {
      return s;
    }
    if (!p) {
      return '';
    }
    const i = s.lastIndexOf(p);
    return i < 0 || i === s.length - p.length ? '' : s.slice(i + p.length);
  },
  substringbetween: (s, [open, close]) =>
    substringBetween(s, str(open), close === undefined ? str(open) : str(close)),
  swapcase: (s) => swapCase(s),
  charat: (s, [i]) => {
    checkedIndex(s, int(i));
    return s.charCodeAt(int(i));
  },
  codepointat: (s, [i]) => {
    checkedIndex(s, int(i));
    return s.codePointAt(int(i))!;
  },
  codepointbefore: (s, [i]) => {
    const idx = int(i);
    if (idx < 1 || idx > s.length) {
      apexThrow('System.StringException', `String index out of range: ${idx}`);
    }
    const low = s.charCodeAt(idx - 1);
    if (low >= 0xdc00 && low <= 0xdfff && idx >= 2) {
      const high = s.charCodeAt(idx - 2);
      if (high >= 0xd800 && high <= 0xdbff) {
        return s.codePointAt(idx - 2)!;
      }
    }
    return low;
  },
  codepointcount: (s, [begin, end]) => [...substring(s, int(begin), int(end))].length,
  offsetbycodepoints: (s, [index, offset]) => {
    let i = int(index);
    let n = int(offset);
    while (n > 0) {
      i += s.codePointAt(i)! > 0xffff ? 2 : 1;
      n--;
    }
    while (n < 0) {
      const low = s.charCodeAt(i - 1);
      i -= low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
      n++;
    }
    return i;
  },
  getchars: (s) =>
    new ApexList(
      typeRef('Integer'),
      s.split('').map((c) => c.charCodeAt(0))
    ),
  difference: (s, [other]) => {
    const o = str(other);
    let i = 0;
    while (i < s.length && i < o.length && s[i] === o[i]) {
      i++;
    }
    return s === o ? '' : o.slice(i);
  },
  getlevenshteindistance: (s, [other, threshold]) => {
    const d = levenshtein(s, str(other));
    return threshold !== undefined && d > int(threshold) ? -1 : d;
  },
  escapesinglequotes: (s) => s.replace(/'/g, "\\'"),
  escapejava: (s) => escapeJavaLike(s, false),
  escapeecmascript: (s) => escapeJavaLike(s, true),
  unescapejava: (s) => unescapeJava(s),
  unescapeecmascript: (s) => unescapeJava(s),
  // The pattern matches only characters XML_ESCAPES has.
  escapexml: (s) => s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!),
  unescapexml: (s) => unescapeEntities(s, { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }),
  escapehtml3: (s) => escapeHtml(s),
  escapehtml4: (s) => escapeHtml(s),
  unescapehtml3: (s) => unescapeEntities(s, HTML_NAMED),
  unescapehtml4: (s) => unescapeEntities(s, HTML_NAMED),
  escapecsv: (s) => escapeCsv(s),
  unescapecsv: (s) => unescapeCsv(s),
  escapeunicode: (s) =>
    s
      .split('')
      .map((c) => (c.charCodeAt(0) > 0x7f ? `\\u${hex4(c.charCodeAt(0))}` : c))
      .join(''),
  unescapeunicode: (s) =>
    s.replace(/\\u+([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
  striphtmltags: () => unsupported('String.stripHtmlTags'),
  tostring: (s) => s,
  // The static table above defines format; a missing argument reads as null.
  format: (s, [args = null], ctx) => stringStaticMethods.format!([s, args], ctx),
};
