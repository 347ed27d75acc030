// TypeScript twin of force-app/main/identity/classes/LinkedInIdentity.cls. Apex cannot run outside
// an org, so this port follows the Apex step by step with the same regular expressions (the test
// checks that every pattern source here equals the one in the Apex class) and both are held to
// the one vector table, force-app/tests/identity/staticresources/LinkedInUrlVectors.json.
//
// Rules (same order as the Apex):
//  1. null, empty or only whitespace -> EMPTY. Leading and trailing whitespace (ASCII controls,
//     no-break and zero-width spaces) is trimmed; whitespace left inside -> INVALID_URL.
//  2. Longer than 2,048 characters -> INVALID_URL.
//  3. `urn:li:<type>:<id>` (prefix and type case-insensitive, id case-preserving; a tuple id
//     `(<id>,...)` keeps its first element): fsd_profile, fs_profile, fs_miniProfile -> the
//     ACoAA member id as `urn:li:fsd_profile:<id>`; fs_salesProfile -> the ACwAA id as
//     `urn:li:fs_salesProfile:<id>`; member -> `urn:li:member:<digits>`; a malformed id ->
//     INVALID_URL; person (another id space) -> UNRESOLVABLE_LINK; any other type -> NOT_A_PROFILE.
//  4. Otherwise a URL, with or without `http://` / `https://` (or `//`); another scheme, no
//     host or a malformed host -> INVALID_URL; `lnkd.in` -> UNRESOLVABLE_LINK; any host other
//     than linkedin.com or one of its subdomains -> NOT_LINKEDIN. Port, query string and
//     fragment are ignored.
//  5. The path is split on `/`, empty segments (double or trailing slashes) dropped, and each
//     segment percent-decoded as UTF-8. `+` stays a literal `+` (LinkedIn never puts `+` or
//     spaces in a profile path, so it is not read as a space and the slug rule rejects it).
//     A `%` not followed by two hex digits, or bytes that are not UTF-8 -> INVALID_URL.
//     A leading `mwlite` segment (LinkedIn's lite mobile site) is skipped.
//  6. `/in/<segment>/...` (later segments such as /details/..., /recent-activity/...,
//     /overlay/... ignored): a segment of `ACoAA` plus 26 to 95 of [A-Za-z0-9_-] (so longer
//     than 30 characters, case-sensitive) is a member id -> `urn:li:fsd_profile:<id>`;
//     anything else is a public slug -> its lower case (locale-independent) when it is 3 to 100
//     Unicode letters, combining marks, digits and hyphens with at least one letter or digit,
//     else INVALID_URL. No slug -> INVALID_URL. No Unicode normalisation (Apex has none): an
//     NFD-encoded slug keys differently from its NFC form.
//  7. `/pub/<name>/<a>/<b>/<c>/...` (each of a, b, c 1 to 3 hex digits) -> the slug
//     `<name>-<c><b><a>` it redirects to, then rule 6's slug check; `/pub/dir/...` (directory
//     search) or `/pub` alone -> NOT_A_PROFILE; fewer parts or non-hex parts -> INVALID_URL.
//  8. `/sales/lead/<id>,...` and `/sales/people/<id>,...` -> the ACwAA id before the first
//     comma as `urn:li:fs_salesProfile:<id>` (else INVALID_URL); `/sales/profile/...` ->
//     UNRESOLVABLE_LINK; other `/sales/...` pages -> NOT_A_PROFILE.
//  9. `/profile/...` (legacy numeric links), and `/talent/...` or `/recruiter/...` paths with a
//     `profile` segment -> UNRESOLVABLE_LINK.
// 10. Anything else on LinkedIn (company, school, feed, posts, jobs, the home page) -> NOT_A_PROFILE.

export type LinkedInIdentityResult =
  | { valid: true; key: string; isMemberId: boolean }
  | { valid: false; errorCode: string; message: string };

export const ERROR_EMPTY = 'EMPTY';
export const ERROR_INVALID_URL = 'INVALID_URL';
export const ERROR_NOT_LINKEDIN = 'NOT_LINKEDIN';
export const ERROR_NOT_A_PROFILE = 'NOT_A_PROFILE';
export const ERROR_UNRESOLVABLE_LINK = 'UNRESOLVABLE_LINK';

const MAX_INPUT_LENGTH = 2048;
const URN_PREFIX = 'urn:li:';
const PROFILE_URN_PREFIX = 'urn:li:fsd_profile:';
const SALES_URN_PREFIX = 'urn:li:fs_salesProfile:';
const MEMBER_URN_PREFIX = 'urn:li:member:';

/**
 * Pattern sources, written exactly as the Apex class holds them (after Apex string unescaping),
 * so the test can compare the two. Every one is compiled with the `u` flag so that JavaScript,
 * like Java, matches code points and understands \p{...}.
 */
export const PATTERN_SOURCES = {
  EDGE_WHITESPACE:
    '^[\\x00-\\x20\\x7F\\u00A0\\u1680\\u2000-\\u200B\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]+|[\\x00-\\x20\\x7F\\u00A0\\u1680\\u2000-\\u200B\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]+$',
  INNER_WHITESPACE:
    '[\\x00-\\x20\\x7F\\u00A0\\u1680\\u2000-\\u200B\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]',
  URN_TAIL: '^([A-Za-z_]+):(.+)$',
  URN_TUPLE: '^\\(([^,()]+)(?:,[^()]*)?\\)$',
  URL_PARTS: '^(?:([A-Za-z][A-Za-z0-9+.-]*)://|//)?([^/?#]*)([^?#]*)(?:\\?[^#]*)?(?:#.*)?$',
  HOST: '^((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63})(?::[0-9]{1,5})?$',
  LINKEDIN_HOST: '^(?:[a-z0-9-]+\\.)*linkedin\\.com$',
  SHORT_LINK_HOST: '^(?:[a-z0-9-]+\\.)*lnkd\\.in$',
  BAD_PERCENT_ESCAPE: '%(?![0-9A-Fa-f]{2})',
  REPLACEMENT_CHARACTER: '\\uFFFD',
  PROFILE_MEMBER_ID: '^ACoAA[A-Za-z0-9_-]{26,95}$',
  SALES_MEMBER_ID: '^ACwAA[A-Za-z0-9_-]{26,95}$',
  MEMBER_NUMBER: '^[0-9]{1,19}$',
  PUBLIC_SLUG: '^(?=.*[\\p{L}\\p{N}])[\\p{L}\\p{M}\\p{N}-]{3,100}$',
  PUB_PART: '^[0-9a-f]{1,3}$',
} as const;

type PatternName = keyof typeof PATTERN_SOURCES;

function compile(name: PatternName, flags = 'u'): RegExp {
  return new RegExp(PATTERN_SOURCES[name], flags);
}

// Compiled once, as the Apex holds them in static finals.
const EDGE_WHITESPACE = compile('EDGE_WHITESPACE', 'gu');
const INNER_WHITESPACE = compile('INNER_WHITESPACE');
const URN_TAIL = compile('URN_TAIL');
const URN_TUPLE = compile('URN_TUPLE');
const URL_PARTS = compile('URL_PARTS');
const HOST = compile('HOST');
const LINKEDIN_HOST = compile('LINKEDIN_HOST');
const SHORT_LINK_HOST = compile('SHORT_LINK_HOST');
const BAD_PERCENT_ESCAPE = compile('BAD_PERCENT_ESCAPE');
const REPLACEMENT_CHARACTER = compile('REPLACEMENT_CHARACTER');
const PROFILE_MEMBER_ID = compile('PROFILE_MEMBER_ID');
const SALES_MEMBER_ID = compile('SALES_MEMBER_ID');
const MEMBER_NUMBER = compile('MEMBER_NUMBER');
const PUBLIC_SLUG = compile('PUBLIC_SLUG');
const PUB_PART = compile('PUB_PART');

function valid(key: string, isMemberId: boolean): LinkedInIdentityResult {
  return { valid: true, key, isMemberId };
}

function invalid(errorCode: string, message: string): LinkedInIdentityResult {
  return { valid: false, errorCode, message };
}

/** Java's matcher.matches(): the whole string must match (every pattern used this way is anchored). */
function matches(pattern: RegExp, value: string): RegExpExecArray | null {
  return pattern.exec(value);
}

export function parseLinkedInIdentity(input: string | null | undefined): LinkedInIdentityResult {
  if (input === null || input === undefined) {
    return invalid(ERROR_EMPTY, 'No LinkedIn profile URL was given.');
  }
  const trimmed = input.replace(EDGE_WHITESPACE, '');
  if (trimmed.length === 0) {
    return invalid(ERROR_EMPTY, 'No LinkedIn profile URL was given.');
  }
  if (trimmed.length > MAX_INPUT_LENGTH) {
    return invalid(ERROR_INVALID_URL, 'The LinkedIn profile URL is too long.');
  }
  if (INNER_WHITESPACE.test(trimmed)) {
    return invalid(ERROR_INVALID_URL, 'A LinkedIn profile URL cannot contain spaces.');
  }
  if (trimmed.toLowerCase().startsWith(URN_PREFIX)) {
    return parseUrn(trimmed.substring(URN_PREFIX.length));
  }
  return parseUrl(trimmed);
}

export function keyOf(input: string | null | undefined): string | null {
  const result = parseLinkedInIdentity(input);
  return result.valid ? result.key : null;
}

function parseUrn(tail: string): LinkedInIdentityResult {
  const parts = matches(URN_TAIL, tail);
  if (parts === null) {
    return invalid(ERROR_INVALID_URL, 'The LinkedIn URN is malformed.');
  }
  const urnType = (parts[1] ?? '').toLowerCase();
  let id = parts[2] ?? '';
  const tuple = matches(URN_TUPLE, id);
  if (tuple !== null) {
    id = tuple[1] ?? '';
  }
  if (urnType === 'fsd_profile' || urnType === 'fs_profile' || urnType === 'fs_miniprofile') {
    return matches(PROFILE_MEMBER_ID, id) !== null
      ? valid(PROFILE_URN_PREFIX + id, true)
      : invalid(ERROR_INVALID_URL, 'The LinkedIn profile URN does not hold a member id.');
  }
  if (urnType === 'fs_salesprofile') {
    return matches(SALES_MEMBER_ID, id) !== null
      ? valid(SALES_URN_PREFIX + id, true)
      : invalid(ERROR_INVALID_URL, 'The Sales Navigator URN does not hold a member id.');
  }
  if (urnType === 'member') {
    return matches(MEMBER_NUMBER, id) !== null
      ? valid(MEMBER_URN_PREFIX + id, true)
      : invalid(ERROR_INVALID_URL, 'The LinkedIn member URN does not hold a member number.');
  }
  if (urnType === 'person') {
    return invalid(
      ERROR_UNRESOLVABLE_LINK,
      'A LinkedIn person URN cannot be matched to a profile offline.'
    );
  }
  return invalid(ERROR_NOT_A_PROFILE, 'The LinkedIn URN does not name a member profile.');
}

function parseUrl(url: string): LinkedInIdentityResult {
  const parts = matches(URL_PARTS, url);
  if (parts === null) {
    return invalid(ERROR_INVALID_URL, 'The value is not a URL.');
  }
  const scheme = parts[1];
  if (scheme !== undefined && scheme.toLowerCase() !== 'http' && scheme.toLowerCase() !== 'https') {
    return invalid(ERROR_INVALID_URL, 'A LinkedIn profile URL must use http or https.');
  }
  const hostParts = matches(HOST, (parts[2] ?? '').toLowerCase());
  if (hostParts === null) {
    return invalid(ERROR_INVALID_URL, 'The value is not a URL with a valid host name.');
  }
  const hostName = hostParts[1] ?? '';
  if (matches(SHORT_LINK_HOST, hostName) !== null) {
    return invalid(ERROR_UNRESOLVABLE_LINK, 'A lnkd.in short link cannot be resolved offline.');
  }
  if (matches(LINKEDIN_HOST, hostName) === null) {
    return invalid(ERROR_NOT_LINKEDIN, 'The URL is not on linkedin.com.');
  }
  const segments = decodeSegments(parts[3] ?? '');
  if (segments === null) {
    return invalid(ERROR_INVALID_URL, 'The URL path holds a malformed percent-escape.');
  }
  if (segments.length > 0 && segments[0]?.toLowerCase() === 'mwlite') {
    segments.shift();
  }
  if (segments.length === 0) {
    return invalid(ERROR_NOT_A_PROFILE, 'The URL does not point to a member profile.');
  }
  const section = (segments[0] ?? '').toLowerCase();
  if (section === 'in') {
    return parseInPath(segments);
  }
  if (section === 'pub') {
    return parsePubPath(segments);
  }
  if (section === 'sales') {
    return parseSalesPath(segments);
  }
  if (section === 'profile') {
    return invalid(
      ERROR_UNRESOLVABLE_LINK,
      'A legacy LinkedIn profile link cannot be resolved offline.'
    );
  }
  if ((section === 'talent' || section === 'recruiter') && containsProfileSegment(segments)) {
    return invalid(
      ERROR_UNRESOLVABLE_LINK,
      'A LinkedIn Recruiter profile link cannot be resolved offline.'
    );
  }
  return invalid(ERROR_NOT_A_PROFILE, 'The URL does not point to a member profile.');
}

/** Splits the path on '/', drops empty segments and percent-decodes each; null when one is malformed. */
function decodeSegments(path: string): string[] | null {
  const segments: string[] = [];
  for (const rawSegment of path.split('/')) {
    if (rawSegment.length === 0) {
      continue;
    }
    const decoded = percentDecode(rawSegment);
    if (decoded === null) {
      return null;
    }
    segments.push(decoded);
  }
  return segments;
}

function percentDecode(value: string): string | null {
  if (BAD_PERCENT_ESCAPE.test(value)) {
    return null;
  }
  let decoded: string;
  try {
    // decodeURIComponent leaves '+' alone, which is the behaviour the Apex gets by escaping '+' first.
    decoded = decodeURIComponent(value);
  } catch {
    return null;
  }
  // Java's decoder turns bytes that are not UTF-8 into U+FFFD instead of failing.
  return REPLACEMENT_CHARACTER.test(decoded) ? null : decoded;
}

function containsProfileSegment(segments: string[]): boolean {
  for (let index = 1; index < segments.length; index++) {
    if ((segments[index] ?? '').toLowerCase() === 'profile') {
      return true;
    }
  }
  return false;
}

function parseInPath(segments: string[]): LinkedInIdentityResult {
  if (segments.length < 2) {
    return invalid(ERROR_INVALID_URL, 'The LinkedIn profile URL has no public profile name.');
  }
  const segment = segments[1] ?? '';
  if (matches(PROFILE_MEMBER_ID, segment) !== null) {
    return valid(PROFILE_URN_PREFIX + segment, true);
  }
  return slugResult(segment);
}

function parsePubPath(segments: string[]): LinkedInIdentityResult {
  if (segments.length < 2 || (segments[1] ?? '').toLowerCase() === 'dir') {
    return invalid(ERROR_NOT_A_PROFILE, 'A LinkedIn directory page is not a member profile.');
  }
  if (segments.length < 5) {
    return invalid(ERROR_INVALID_URL, 'The legacy /pub/ profile URL is incomplete.');
  }
  const first = (segments[2] ?? '').toLowerCase();
  const second = (segments[3] ?? '').toLowerCase();
  const third = (segments[4] ?? '').toLowerCase();
  if (
    matches(PUB_PART, first) === null ||
    matches(PUB_PART, second) === null ||
    matches(PUB_PART, third) === null
  ) {
    return invalid(ERROR_INVALID_URL, 'The legacy /pub/ profile URL is malformed.');
  }
  // LinkedIn redirects /pub/<name>/<a>/<b>/<c> to /in/<name>-<c><b><a>.
  return slugResult((segments[1] ?? '') + '-' + third + second + first);
}

function parseSalesPath(segments: string[]): LinkedInIdentityResult {
  const page = (segments[1] ?? '').toLowerCase();
  if (page === 'lead' || page === 'people') {
    const reference = segments[2] ?? '';
    const commaIndex = reference.indexOf(',');
    const id = commaIndex >= 0 ? reference.substring(0, commaIndex) : reference;
    return matches(SALES_MEMBER_ID, id) !== null
      ? valid(SALES_URN_PREFIX + id, true)
      : invalid(ERROR_INVALID_URL, 'The Sales Navigator URL does not hold a member id.');
  }
  if (page === 'profile') {
    return invalid(
      ERROR_UNRESOLVABLE_LINK,
      'A Sales Navigator profile link cannot be resolved offline.'
    );
  }
  return invalid(ERROR_NOT_A_PROFILE, 'The Sales Navigator URL does not point to a member.');
}

function slugResult(rawSlug: string): LinkedInIdentityResult {
  // JavaScript's toLowerCase is locale-independent, like Apex toLowerCase('en_US').
  const slug = rawSlug.toLowerCase();
  return matches(PUBLIC_SLUG, slug) !== null
    ? valid(slug, false)
    : invalid(ERROR_INVALID_URL, 'A public profile name has 3 to 100 letters, digits and hyphens.');
}
