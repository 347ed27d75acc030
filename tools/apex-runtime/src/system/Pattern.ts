// System.Pattern and System.Matcher: Java regular expressions (java.util.regex, which Apex uses)
// run on JavaScript's RegExp. A Java pattern is translated once into an equivalent JS source in
// `v` mode (set notation, nested classes, \p{...}); what cannot be translated faithfully throws
// UnsupportedError instead of matching differently. Divergences are listed in DIVERGENCES.md.
import { apexThrow, unsupported } from '../interpreter/errors';
import { ApexList, typeRef, type ApexValue } from '../interpreter/values';
import { nativeOf, wrapNative, type InstanceMethod, type StaticMethod } from './context';

export interface CompiledPattern {
  /** The Java source, as given to Pattern.compile. */
  javaSource: string;
  /** The translated JS source (no flags). */
  jsSource: string;
  /** JS flags apart from g/y/d: `v`, plus `i` for (?i). */
  jsFlags: string;
  groupCount: number;
  groupNames: Map<string, number>;
  /** For find(): global, with match indices. */
  global: RegExp;
  /** For matches(): the whole input. */
  whole: RegExp;
  /** For lookingAt(): anchored at the start. */
  prefix: RegExp;
}

const cache = new Map<string, CompiledPattern>();

const LINE_TERMINATORS = '\\n\\r\\u{85}\\u{2028}\\u{2029}';

function invalidRegex(description: string, source: string, index: number): never {
  // Java's PatternSyntaxException message: description, index, the pattern and a caret.
  const caret = index >= 0 ? `\n${' '.repeat(index)}^` : '';
  apexThrow(
    'System.StringException',
    `Invalid regex: ${description} near index ${index}\n${source}${caret}`
  );
}

function lit(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) {
    return String.fromCharCode(cp);
  }
  return `\\u{${cp.toString(16)}}`;
}

const POSIX: Record<string, string> = {
  lower: 'a-z',
  upper: 'A-Z',
  ascii: '\\u{0}-\\u{7f}',
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  punct: '\\u{21}-\\u{2f}\\u{3a}-\\u{40}\\u{5b}-\\u{60}\\u{7b}-\\u{7e}',
  graph: '\\u{21}-\\u{7e}',
  print: '\\u{20}-\\u{7e}',
  blank: '\\u{20}\\u{9}',
  cntrl: '\\u{0}-\\u{1f}\\u{7f}',
  xdigit: '0-9a-fA-F',
  space: '\\u{20}\\u{9}\\u{a}\\u{b}\\u{c}\\u{d}',
};

const CATEGORIES = new Set(
  'L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp C Cc Cf Co Cs Cn LC'.split(
    ' '
  )
);

const BINARY: Record<string, string> = {
  alphabetic: 'Alphabetic',
  ideographic: 'Ideographic',
  letter: 'L',
  lowercase: 'Lowercase',
  uppercase: 'Uppercase',
  titlecase: 'Lt',
  punctuation: 'P',
  control: 'Cc',
  white_space: 'White_Space',
  whitespace: 'White_Space',
  digit: 'Nd',
  hex_digit: 'Hex_Digit',
  hexdigit: 'Hex_Digit',
  join_control: 'Join_Control',
  joincontrol: 'Join_Control',
  noncharacter_code_point: 'Noncharacter_Code_Point',
  noncharactercodepoint: 'Noncharacter_Code_Point',
  assigned: 'Assigned',
  emoji: 'Emoji',
};

const JAVA_CHARACTER: Record<string, string> = {
  javalowercase: '\\p{Lowercase}',
  javauppercase: '\\p{Uppercase}',
  javaalphabetic: '\\p{Alphabetic}',
  javaletter: '\\p{L}',
  javadigit: '\\p{Nd}',
  javaletterordigit: '[\\p{L}\\p{Nd}]',
  javaspacechar: '\\p{Z}',
  javatitlecase: '\\p{Lt}',
  javamirrored: '\\p{Bidi_Mirrored}',
  javaidentifierignorable: '[\\u{0}-\\u{8}\\u{e}-\\u{1b}\\u{7f}-\\u{9f}\\p{Cf}]',
};

function scriptName(name: string): string | null {
  const candidates = [name, name.charAt(0).toUpperCase() + name.slice(1).toLowerCase()];
  candidates.push(
    name
      .toLowerCase()
      .split('_')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join('_')
  );
  for (const c of candidates) {
    try {
      new RegExp(`\\p{Script=${c}}`, 'v');
      return c;
    } catch {
      // try the next spelling
    }
  }
  return null;
}

/** A Java \p{name} as a JS class element (valid inside and outside a v-mode class). */
function property(name: string, negated: boolean, source: string, at: number): string {
  const neg = negated ? '^' : '';
  const prop = (p: string) => (negated ? `\\P{${p}}` : `\\p{${p}}`);
  const posix = POSIX[name.toLowerCase()];
  if (posix && /^[A-Z][a-z]+$|^ASCII$|^XDigit$/.test(name)) {
    return `[${neg}${posix}]`;
  }
  if (CATEGORIES.has(name)) {
    return prop(name);
  }
  const lower = name.toLowerCase();
  if (JAVA_CHARACTER[lower] && name.startsWith('java')) {
    const cls = JAVA_CHARACTER[lower];
    return negated ? `[^${cls}]` : cls;
  }
  const eq = name.indexOf('=');
  if (eq > 0) {
    const key = name.slice(0, eq).toLowerCase();
    const value = name.slice(eq + 1);
    if (key === 'general_category' || key === 'gc') {
      if (CATEGORIES.has(value)) {
        return prop(value);
      }
    } else if (key === 'script' || key === 'sc') {
      const s = scriptName(value);
      if (s) {
        return prop(`Script=${s}`);
      }
    } else if (key === 'block' || key === 'blk') {
      unsupported(`Pattern: Unicode block \\p{${name}}`);
    }
    invalidRegex(`Unknown character property name {${name}}`, source, at);
  }
  if (name.startsWith('In')) {
    unsupported(`Pattern: Unicode block \\p{${name}}`);
  }
  if (name.startsWith('Is')) {
    const rest = name.slice(2);
    if (CATEGORIES.has(rest)) {
      return prop(rest);
    }
    const binary = BINARY[rest.toLowerCase()];
    if (binary) {
      return prop(binary);
    }
    const s = scriptName(rest);
    if (s) {
      return prop(`Script=${s}`);
    }
  }
  invalidRegex(`Unknown character property name {${name}}`, source, at);
}

interface Flags {
  s: boolean;
  m: boolean;
  x: boolean;
  d: boolean;
}

type Escape =
  { kind: 'char'; cp: number } | { kind: 'class'; text: string } | { kind: 'raw'; text: string };

class Translator {
  private i = 0;
  private groups = 0;
  readonly names = new Map<string, number>();
  caseInsensitive = false;
  private flags: Flags = { s: false, m: false, x: false, d: false };
  private readonly flagStack: Flags[] = [];
  /** Whether anything but leading flag groups has been read (global flags only before). */
  private started = false;

  constructor(private readonly p: string) {}

  translate(): { source: string; groups: number } {
    let out = '';
    const p = this.p;
    while (this.i < p.length) {
      const c = p[this.i];
      if (this.flags.x && this.skipComment()) {
        continue;
      }
      if (c === '(' && p.startsWith('(?', this.i)) {
        const flagGroup = this.tryFlagGroup();
        if (flagGroup !== null) {
          out += flagGroup;
          continue;
        }
      }
      this.started = true;
      switch (c) {
        case '\\': {
          const at = this.i;
          const e = this.escape(false);
          if (e.kind === 'char') {
            out += lit(e.cp);
          } else {
            out += e.text;
          }
          if (at === this.i) {
            this.i++;
          }
          break;
        }
        case '[':
          out += this.charClass();
          break;
        case '(':
          out += this.openGroup();
          break;
        case ')':
          if (!this.flagStack.length) {
            invalidRegex("Unmatched closing ')'", p, this.i - 1);
          }
          this.flags = this.flagStack.pop()!;
          this.i++;
          out += ')';
          break;
        case '.':
          this.i++;
          out += this.flags.s ? '[\\s\\S]' : this.flags.d ? '[^\\n]' : `[^${LINE_TERMINATORS}]`;
          break;
        case '^':
          this.i++;
          out += this.flags.m ? this.multilineCaret() : '^';
          break;
        case '$':
          this.i++;
          out += this.dollar(this.flags.m);
          break;
        case '*':
        case '+':
        case '?':
          this.i++;
          out += c + this.quantifierSuffix();
          break;
        case '{': {
          const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(this.i));
          if (!m) {
            invalidRegex('Illegal repetition', p, this.i);
          }
          this.i += m[0].length;
          out += m[0] + this.quantifierSuffix();
          break;
        }
        case '|':
          this.i++;
          out += '|';
          break;
        default: {
          const cp = p.codePointAt(this.i)!;
          this.i += cp > 0xffff ? 2 : 1;
          out += lit(cp);
        }
      }
    }
    if (this.flagStack.length) {
      invalidRegex('Unclosed group', p, p.length);
    }
    // Back references are resolved once the number of groups is known.
    out = out.replace(/\u0000BR(\d+)\u0000/g, (_, n: string) =>
      Number(n) <= this.groups ? `(?:\\${n})` : '(?!)'
    );
    return { source: out, groups: this.groups };
  }

  private skipComment(): boolean {
    const c = this.p[this.i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\x0B' || c === '\f' || c === '\r') {
      this.i++;
      return true;
    }
    if (c === '#') {
      while (this.i < this.p.length && this.p[this.i] !== '\n' && this.p[this.i] !== '\r') {
        this.i++;
      }
      return true;
    }
    return false;
  }

  private quantifierSuffix(): string {
    const next = this.p[this.i];
    if (next === '?') {
      this.i++;
      return '?';
    }
    if (next === '+') {
      unsupported('Pattern: possessive quantifier');
    }
    return '';
  }

  private multilineCaret(): string {
    if (this.flags.d) {
      return '(?:^|(?<=\\n)(?!$))';
    }
    return '(?:^|(?<=[\\n\\u{85}\\u{2028}\\u{2029}]|\\r(?!\\n))(?!$))';
  }

  private dollar(multiline: boolean): string {
    if (this.flags.d) {
      return multiline ? '(?=\\n|$)' : '(?=\\n?$)';
    }
    if (multiline) {
      return `(?=[${LINE_TERMINATORS}]|$)(?!(?<=\\r)\\n)`;
    }
    return `(?=(?:\\r\\n|[${LINE_TERMINATORS}])?$)(?!(?<=\\r)\\n)`;
  }

  /** `(?idmsux-idmsux)` or `(?flags:...)` as JS; null when the group is something else. */
  private tryFlagGroup(): string | null {
    const m = /^\(\?([idmsuxU]*)(?:-([idmsuxU]*))?([:)])/.exec(this.p.slice(this.i));
    if (!m || (!m[1] && m[2] === undefined && m[3] === ':')) {
      return null;
    }
    // The first group always takes part in a match (it may match nothing).
    const on = m[1]!;
    const off = m[2] ?? '';
    const scoped = m[3] === ':';
    const next: Flags = { ...this.flags };
    for (const f of on) {
      this.applyFlag(next, f, true, scoped);
    }
    for (const f of off) {
      this.applyFlag(next, f, false, scoped);
    }
    this.i += m[0].length;
    if (scoped) {
      this.started = true;
      this.flagStack.push(this.flags);
      this.flags = next;
      return '(?:';
    }
    this.flags = next;
    return '';
  }

  private applyFlag(target: Flags, f: string, on: boolean, scoped: boolean): void {
    switch (f) {
      case 'i':
        if (on !== this.caseInsensitive) {
          if (on && !this.started && !scoped) {
            this.caseInsensitive = true;
          } else {
            unsupported('Pattern: (?i) that does not apply to the whole pattern');
          }
        }
        return;
      case 'u':
      case 'U':
        // Unicode case folding / character classes: JS v-mode folds Unicode already.
        if (f === 'U' && on) {
          unsupported('Pattern: UNICODE_CHARACTER_CLASS (?U)');
        }
        return;
      case 's':
        target.s = on;
        return;
      case 'm':
        target.m = on;
        return;
      case 'x':
        target.x = on;
        return;
      case 'd':
        target.d = on;
        return;
    }
  }

  private openGroup(): string {
    const p = this.p;
    const rest = p.slice(this.i);
    this.flagStack.push(this.flags);
    if (!rest.startsWith('(?')) {
      this.i++;
      this.groups++;
      return '(';
    }
    const forms = ['(?:', '(?=', '(?!', '(?<=', '(?<!'];
    for (const f of forms) {
      if (rest.startsWith(f)) {
        this.i += f.length;
        return f;
      }
    }
    const named = /^\(\?<([a-zA-Z][a-zA-Z0-9]*)>/.exec(rest);
    if (named) {
      // The name's group always takes part in a match.
      const name = named[1]!;
      this.i += named[0].length;
      this.groups++;
      if (this.names.has(name)) {
        invalidRegex(`Named capturing group <${name}> is already defined`, p, this.i - 1);
      }
      this.names.set(name, this.groups);
      return `(?<${name}>`;
    }
    if (rest.startsWith('(?>')) {
      unsupported('Pattern: atomic group (?>...)');
    }
    this.flagStack.pop();
    invalidRegex('Unknown inline modifier', p, this.i + 2);
  }

  private hex(from: number, length: number): number {
    const text = this.p.slice(from, from + length);
    if (text.length !== length || !/^[0-9a-fA-F]+$/.test(text)) {
      invalidRegex('Illegal hexadecimal escape sequence', this.p, from);
    }
    return parseInt(text, 16);
  }

  /** Reads an escape at this.i (the backslash) and moves past it. */
  private escape(inClass: boolean): Escape {
    const p = this.p;
    const start = this.i;
    const c = p[this.i + 1];
    if (c === undefined) {
      invalidRegex('Unexpected internal error', p, p.length);
    }
    this.i += 2;
    switch (c) {
      case 't':
        return { kind: 'char', cp: 9 };
      case 'n':
        return { kind: 'char', cp: 10 };
      case 'r':
        return { kind: 'char', cp: 13 };
      case 'f':
        return { kind: 'char', cp: 12 };
      case 'a':
        return { kind: 'char', cp: 7 };
      case 'e':
        return { kind: 'char', cp: 27 };
      case 'c': {
        const x = p.charCodeAt(this.i);
        if (Number.isNaN(x)) {
          invalidRegex('Illegal control escape sequence', p, this.i);
        }
        this.i++;
        return { kind: 'char', cp: x ^ 64 };
      }
      case 'x': {
        if (p[this.i] === '{') {
          const close = p.indexOf('}', this.i);
          if (close < 0) {
            invalidRegex('Unclosed hexadecimal escape sequence', p, this.i);
          }
          const cp = this.hex(this.i + 1, close - this.i - 1);
          this.i = close + 1;
          return { kind: 'char', cp };
        }
        const cp = this.hex(this.i, 2);
        this.i += 2;
        return { kind: 'char', cp };
      }
      case 'u': {
        let cp = this.hex(this.i, 4);
        this.i += 4;
        if (cp >= 0xd800 && cp <= 0xdbff && p.startsWith('\\u', this.i)) {
          const low = parseInt(p.slice(this.i + 2, this.i + 6), 16);
          if (low >= 0xdc00 && low <= 0xdfff) {
            cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
            this.i += 6;
          }
        }
        return { kind: 'char', cp };
      }
      case '0': {
        const m = /^([0-3][0-7]{2}|[0-7]{1,2})/.exec(p.slice(this.i));
        if (!m) {
          invalidRegex('Illegal octal escape sequence', p, this.i);
        }
        this.i += m[0].length;
        return { kind: 'char', cp: parseInt(m[0], 8) };
      }
      case 'd':
        return { kind: 'class', text: '[0-9]' };
      case 'D':
        return { kind: 'class', text: '[^0-9]' };
      case 'w':
        return { kind: 'class', text: '[a-zA-Z_0-9]' };
      case 'W':
        return { kind: 'class', text: '[^a-zA-Z_0-9]' };
      case 's':
        return { kind: 'class', text: `[${POSIX.space}]` };
      case 'S':
        return { kind: 'class', text: `[^${POSIX.space}]` };
      case 'h':
        return {
          kind: 'class',
          text: '[\\u{20}\\u{9}\\u{a0}\\u{1680}\\u{180e}\\u{2000}-\\u{200a}\\u{202f}\\u{205f}\\u{3000}]',
        };
      case 'H':
        return {
          kind: 'class',
          text: '[^\\u{20}\\u{9}\\u{a0}\\u{1680}\\u{180e}\\u{2000}-\\u{200a}\\u{202f}\\u{205f}\\u{3000}]',
        };
      case 'v':
        return { kind: 'class', text: '[\\n\\u{b}\\u{c}\\r\\u{85}\\u{2028}\\u{2029}]' };
      case 'V':
        return { kind: 'class', text: '[^\\n\\u{b}\\u{c}\\r\\u{85}\\u{2028}\\u{2029}]' };
      case 'p':
      case 'P': {
        let name: string;
        if (p[this.i] === '{') {
          const close = p.indexOf('}', this.i);
          if (close < 0) {
            invalidRegex('Unclosed character family', p, p.length);
          }
          name = p.slice(this.i + 1, close);
          this.i = close + 1;
        } else {
          name = p[this.i] ?? '';
          this.i++;
        }
        return { kind: 'class', text: property(name, c === 'P', p, start) };
      }
      case 'Q': {
        const end = p.indexOf('\\E', this.i);
        const quoted = end < 0 ? p.slice(this.i) : p.slice(this.i, end);
        this.i = end < 0 ? p.length : end + 2;
        if (inClass) {
          return { kind: 'raw', text: [...quoted].map((ch) => lit(ch.codePointAt(0)!)).join('') };
        }
        return {
          kind: 'raw',
          text: quoted ? `(?:${[...quoted].map((ch) => lit(ch.codePointAt(0)!)).join('')})` : '',
        };
      }
      case 'E':
        // A stray \E is ignored by Java.
        return { kind: 'raw', text: '' };
    }
    if (inClass) {
      if (/[a-zA-Z0-9]/.test(c)) {
        unsupported(`Pattern: escape \\${c} inside a character class`);
      }
      return { kind: 'char', cp: p.codePointAt(start + 1)! };
    }
    switch (c) {
      case 'b':
        if (p[this.i] === '{') {
          unsupported('Pattern: \\b{g}');
        }
        return { kind: 'raw', text: '\\b' };
      case 'B':
        return { kind: 'raw', text: '\\B' };
      case 'A':
        return { kind: 'raw', text: '^' };
      case 'z':
        return { kind: 'raw', text: '$' };
      case 'Z':
        return { kind: 'raw', text: this.dollar(false) };
      case 'G':
        unsupported('Pattern: \\G');
        break;
      case 'R':
        return { kind: 'raw', text: '(?:\\r\\n|[\\n\\u{b}\\u{c}\\r\\u{85}\\u{2028}\\u{2029}])' };
      case 'X':
        unsupported('Pattern: \\X');
        break;
      case 'N':
        unsupported('Pattern: \\N{name}');
        break;
      case 'k': {
        const m = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(p.slice(this.i));
        if (!m) {
          invalidRegex("\\k is not followed by '<' for named capturing group", p, this.i);
        }
        // The name's group always takes part in a match.
        if (!this.names.has(m[1]!)) {
          invalidRegex(`named capturing group <${m[1]}> does not exist`, p, this.i);
        }
        this.i += m[0].length;
        return { kind: 'raw', text: `\\k<${m[1]}>` };
      }
    }
    if (c >= '1' && c <= '9') {
      let n = Number(c);
      while (this.i < p.length && /[0-9]/.test(p[this.i]!)) {
        const next = n * 10 + Number(p[this.i]);
        if (next > this.groups) {
          break;
        }
        n = next;
        this.i++;
      }
      return { kind: 'raw', text: `\u0000BR${n}\u0000` };
    }
    if (/[a-zA-Z]/.test(c)) {
      invalidRegex('Illegal/unsupported escape sequence', p, start + 1);
    }
    return { kind: 'char', cp: p.codePointAt(start + 1)! };
  }

  /** Reads a Java character class at this.i (`[`) into a v-mode JS class. */
  private charClass(): string {
    const p = this.p;
    const open = this.i;
    this.i++;
    let negated = false;
    if (p[this.i] === '^') {
      negated = true;
      this.i++;
    }
    const operands: string[] = [];
    let current = '';
    let first = true;
    for (;;) {
      if (this.i >= p.length) {
        invalidRegex('Unclosed character class', p, p.length - 1);
      }
      const c = p[this.i];
      if (this.flags.x && this.skipComment()) {
        continue;
      }
      if (c === ']' && !first) {
        this.i++;
        break;
      }
      if (c === ']' && first) {
        // Java reads a `]` right after `[` or `[^` as a literal.
        this.i++;
        current += lit(0x5d);
        first = false;
        continue;
      }
      first = false;
      if (c === '&' && p[this.i + 1] === '&') {
        this.i += 2;
        operands.push(current);
        current = '';
        continue;
      }
      if (c === '[') {
        current += this.charClass();
        continue;
      }
      let from: Escape;
      if (c === '\\') {
        from = this.escape(true);
      } else {
        const cp = p.codePointAt(this.i)!;
        this.i += cp > 0xffff ? 2 : 1;
        from = { kind: 'char', cp };
      }
      if (from.kind !== 'char') {
        current += from.text;
        continue;
      }
      if (
        p[this.i] === '-' &&
        p[this.i + 1] !== ']' &&
        p[this.i + 1] !== undefined &&
        p[this.i + 1] !== '['
      ) {
        this.i++;
        let to: Escape;
        if (p[this.i] === '\\') {
          to = this.escape(true);
        } else {
          const cp = p.codePointAt(this.i)!;
          this.i += cp > 0xffff ? 2 : 1;
          to = { kind: 'char', cp };
        }
        if (to.kind !== 'char') {
          invalidRegex('Illegal character range', p, this.i - 1);
        }
        if (to.cp < from.cp) {
          invalidRegex('Illegal character range', p, this.i - 1);
        }
        current += `${lit(from.cp)}-${lit(to.cp)}`;
        continue;
      }
      current += lit(from.cp);
    }
    operands.push(current);
    const parts = operands.filter((o) => o !== '');
    const neg = negated ? '^' : '';
    if (parts.length === 0) {
      invalidRegex('Unclosed character class', p, open);
    }
    if (parts.length === 1) {
      return `[${neg}${parts[0]}]`;
    }
    return `[${neg}${parts.map((o) => `[${o}]`).join('&&')}]`;
  }
}

/** Compiles a Java regular expression (cached by source). Invalid ones throw StringException. */
export function compileJava(source: string): CompiledPattern {
  const cached = cache.get(source);
  if (cached) {
    return cached;
  }
  const t = new Translator(source);
  const { source: js, groups } = t.translate();
  const flags = 'v' + (t.caseInsensitive ? 'i' : '');
  let global: RegExp;
  let whole: RegExp;
  let prefix: RegExp;
  try {
    global = new RegExp(js, flags + 'gd');
    whole = new RegExp(`^(?:${js})$`, flags + 'd');
    prefix = new RegExp(`^(?:${js})`, flags + 'd');
  } catch (e) {
    invalidRegex((e as Error).message, source, -1);
  }
  const compiled: CompiledPattern = {
    javaSource: source,
    jsSource: js,
    jsFlags: flags,
    groupCount: groups,
    groupNames: t.names,
    global,
    whole,
    prefix,
  };
  if (cache.size > 500) {
    cache.clear();
  }
  cache.set(source, compiled);
  return compiled;
}

export class ApexPattern {
  readonly compiled: CompiledPattern;

  constructor(readonly source: string) {
    this.compiled = compileJava(source);
  }
}

/** Java's Matcher over a whole input (regions are not supported). */
export class ApexMatcher {
  private match: RegExpExecArray | null = null;
  /** Bounds of the last match; first is -1 when there is none. */
  private first = -1;
  private last = 0;

  constructor(
    public pattern: ApexPattern,
    public input: string
  ) {}

  reset(input?: string): void {
    if (input !== undefined) {
      this.input = input;
    }
    this.match = null;
    this.first = -1;
    this.last = 0;
  }

  private record(m: RegExpExecArray | null): boolean {
    this.match = m;
    if (m) {
      this.first = m.index;
      this.last = m.index + m[0].length;
      return true;
    }
    this.first = -1;
    return false;
  }

  matches(): boolean {
    return this.record(this.pattern.compiled.whole.exec(this.input));
  }

  lookingAt(): boolean {
    return this.record(this.pattern.compiled.prefix.exec(this.input));
  }

  find(start?: number): boolean {
    let from: number;
    if (start !== undefined) {
      if (start < 0 || start > this.input.length) {
        apexThrow('System.StringException', 'Illegal start index');
      }
      this.reset();
      from = start;
    } else {
      from = this.last;
      if (from === this.first) {
        from++;
      }
      if (from > this.input.length) {
        this.match = null;
        this.first = -1;
        return false;
      }
    }
    const re = this.pattern.compiled.global;
    re.lastIndex = from;
    return this.record(re.exec(this.input));
  }

  private current(): RegExpExecArray {
    if (!this.match) {
      apexThrow('System.StringException', 'No match found');
    }
    return this.match;
  }

  private groupIndex(group: ApexValue): number {
    if (typeof group === 'string') {
      const n = this.pattern.compiled.groupNames.get(group);
      if (n === undefined) {
        apexThrow('System.IllegalArgumentException', `No group with name <${group}>`);
      }
      return n;
    }
    if (typeof group !== 'number') {
      apexThrow('System.NullPointerException', 'Attempt to de-reference a null object');
    }
    if (group < 0 || group > this.pattern.compiled.groupCount) {
      apexThrow('System.StringException', `No group ${group}`);
    }
    return group;
  }

  group(group: ApexValue = 0): string | null {
    const m = this.current();
    return m[this.groupIndex(group)] ?? null;
  }

  start(group: ApexValue = 0): number {
    const m = this.current();
    const span = m.indices?.[this.groupIndex(group)];
    return span ? span[0] : -1;
  }

  end(group: ApexValue = 0): number {
    const m = this.current();
    const span = m.indices?.[this.groupIndex(group)];
    return span ? span[1] : -1;
  }

  groupCount(): number {
    return this.pattern.compiled.groupCount;
  }

  replace(replacement: string, all: boolean): string {
    this.reset();
    const parts = parseReplacement(replacement, this.pattern.compiled);
    let out = '';
    let appendPos = 0;
    while (this.find()) {
      const m = this.match!;
      out += this.input.slice(appendPos, m.index) + expandReplacement(parts, m);
      appendPos = m.index + m[0].length;
      if (!all) {
        break;
      }
    }
    out += this.input.slice(appendPos);
    this.reset();
    return out;
  }
}

type ReplacementPart = string | number;

/** Java's replacement syntax: `$n`, `${name}`, `\x` for a literal x. */
export function parseReplacement(
  replacement: string,
  compiled: CompiledPattern
): ReplacementPart[] {
  const parts: ReplacementPart[] = [];
  let text = '';
  let i = 0;
  while (i < replacement.length) {
    const c = replacement[i];
    if (c === '\\') {
      i++;
      if (i >= replacement.length) {
        apexThrow('System.StringException', 'character to be escaped is missing');
      }
      text += replacement[i];
      i++;
    } else if (c === '$') {
      i++;
      if (i >= replacement.length) {
        apexThrow('System.StringException', 'Illegal group reference: group index is missing');
      }
      let ref: number;
      if (replacement[i] === '{') {
        const close = replacement.indexOf('}', i);
        const name = close < 0 ? '' : replacement.slice(i + 1, close);
        if (close < 0 || !/^[a-zA-Z][a-zA-Z0-9]*$/.test(name)) {
          apexThrow('System.StringException', "named capturing group is missing trailing '}'");
        }
        const n = compiled.groupNames.get(name);
        if (n === undefined) {
          apexThrow('System.StringException', `No group with name {${name}}`);
        }
        ref = n;
        i = close + 1;
      } else {
        const d = replacement.charCodeAt(i) - 48;
        if (d < 0 || d > 9) {
          apexThrow('System.StringException', 'Illegal group reference');
        }
        ref = d;
        i++;
        if (ref > compiled.groupCount) {
          apexThrow('System.StringException', `No group ${ref}`);
        }
        while (i < replacement.length) {
          const next = replacement.charCodeAt(i) - 48;
          if (next < 0 || next > 9 || ref * 10 + next > compiled.groupCount) {
            break;
          }
          ref = ref * 10 + next;
          i++;
        }
      }
      if (text) {
        parts.push(text);
        text = '';
      }
      parts.push(ref);
    } else {
      text += c;
      i++;
    }
  }
  if (text) {
    parts.push(text);
  }
  return parts;
}

function expandReplacement(parts: ReplacementPart[], m: RegExpExecArray): string {
  let out = '';
  for (const part of parts) {
    out += typeof part === 'string' ? part : (m[part] ?? '');
  }
  return out;
}

/** Java's String.replaceAll / replaceFirst. */
export function regexReplace(
  input: string,
  regex: string,
  replacement: string,
  all: boolean
): string {
  return new ApexMatcher(new ApexPattern(regex), input).replace(replacement, all);
}

/** Java's Pattern.split(input, limit), which String.split uses. */
export function regexSplit(input: string, regex: string, limit = 0): string[] {
  const compiled = compileJava(regex);
  const list: string[] = [];
  let index = 0;
  const limited = limit > 0;
  const re = compiled.global;
  let from = 0;
  let lastFirst = -1;
  let lastEnd = 0;
  for (;;) {
    from = lastEnd === lastFirst ? lastEnd + 1 : lastEnd;
    if (from > input.length) {
      break;
    }
    re.lastIndex = from;
    const m = re.exec(input);
    if (!m) {
      break;
    }
    const start = m.index;
    const end = start + m[0].length;
    lastFirst = start;
    lastEnd = end;
    if (!limited || list.length < limit - 1) {
      if (index === 0 && start === 0 && start === end) {
        // A zero-width match at the beginning never gives a leading empty string.
        continue;
      }
      list.push(input.slice(index, start));
      index = end;
    } else {
      break;
    }
  }
  if (index === 0) {
    return [input];
  }
  list.push(input.slice(index));
  if (limit === 0) {
    while (list.length && list[list.length - 1] === '') {
      list.pop();
    }
  }
  return list;
}

/** Java's Pattern.quote: `\Q...\E`, with any `\E` inside kept literal. */
export function quote(s: string): string {
  if (!s.includes('\\E')) {
    return `\\Q${s}\\E`;
  }
  return `\\Q${s.split('\\E').join('\\E\\\\E\\Q')}\\E`;
}

function str(v: ApexValue, what = 'argument'): string {
  if (v === null) {
    apexThrow('System.NullPointerException', `Argument cannot be null: ${what}`);
  }
  return String(v);
}

function int(v: ApexValue): number {
  if (typeof v !== 'number') {
    apexThrow('System.NullPointerException', 'Attempt to de-reference a null object');
  }
  return v;
}

const stringList = (items: string[]) => new ApexList(typeRef('String'), items);

export const wrapPattern = (p: ApexPattern) => wrapNative('System.Pattern', p);
export const wrapMatcher = (m: ApexMatcher) => wrapNative('System.Matcher', m);

export const patternStaticMethods: Record<string, StaticMethod> = {
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  compile: ([regex = null]) => wrapPattern(new ApexPattern(str(regex, 'regex'))),
  matches: ([regex = null, input = null]) =>
    new ApexMatcher(new ApexPattern(str(regex, 'regex')), str(input, 'input')).matches(),
  quote: ([s = null]) => quote(str(s)),
};

export const patternInstanceMethods: Record<string, InstanceMethod<ApexPattern>> = {
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  matcher: (self, [input = null]) => wrapMatcher(new ApexMatcher(self, str(input, 'input'))),
  pattern: (self) => self.source,
  tostring: (self) => self.source,
  split: (self, [input = null, limit]) =>
    stringList(regexSplit(str(input), self.source, limit === undefined ? 0 : int(limit))),
};

export const matcherStaticMethods: Record<string, StaticMethod> = {
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  quotereplacement: ([s = null]) => str(s).replace(/[\\$]/g, (c) => `\\${c}`),
};

export const matcherInstanceMethods: Record<string, InstanceMethod<ApexMatcher>> = {
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  matches: (self) => self.matches(),
  find: (self, [start]) => self.find(start === undefined ? undefined : int(start)),
  lookingat: (self) => self.lookingAt(),
  group: (self, [g]) => self.group(g === undefined ? 0 : g),
  groupcount: (self) => self.groupCount(),
  start: (self, [g]) => self.start(g === undefined ? 0 : g),
  end: (self, [g]) => self.end(g === undefined ? 0 : g),
  replaceall: (self, [r = null]) => self.replace(str(r, 'replacement'), true),
  replacefirst: (self, [r = null]) => self.replace(str(r, 'replacement'), false),
  reset: (self, [input]) => {
    self.reset(input === undefined ? undefined : str(input, 'input'));
    return wrapMatcher(self);
  },
  pattern: (self) => wrapPattern(self.pattern),
  usepattern: (self, [p = null]) => {
    const pattern = nativeOf(p, ApexPattern);
    if (!pattern) {
      apexThrow('System.IllegalArgumentException', 'Pattern cannot be null');
    }
    self.pattern = pattern;
    self.reset();
    return wrapMatcher(self);
  },
  regionstart: () => 0,
  regionend: (self) => self.input.length,
  hasanchoringbounds: () => true,
  hastransparentbounds: () => false,
  region: () => unsupported('Matcher.region'),
  hitend: () => unsupported('Matcher.hitEnd'),
  requireend: () => unsupported('Matcher.requireEnd'),
  useanchoringbounds: () => unsupported('Matcher.useAnchoringBounds'),
  usetransparentbounds: () => unsupported('Matcher.useTransparentBounds'),
};
