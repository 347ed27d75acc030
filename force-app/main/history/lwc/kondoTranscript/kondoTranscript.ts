/**
 * Pure transcript logic of the conversation history component (template-less, no DOM): merging
 * pages, searching, windowing, day grouping, and cutting a body into text, link and match
 * segments for the template. Every function is linear in what it is given (plus one sort-free
 * merge), so a 10,000-message history stays fast; only the rendered window is segmented.
 */
import type { ConversationMessage } from 'types/dto/conversationHistory';

/** A run of characters of a segment; `isMatch` marks a search hit. */
export interface TextPart {
  key: string;
  text: string;
  isMatch: boolean;
  className: string;
}

/** Text or an http(s) link (`href` set only for links), cut into parts for highlighting. */
export interface BodySegment {
  key: string;
  isLink: boolean;
  href: string | null;
  parts: TextPart[];
}

/** One message ready for the template. */
export interface MessageView {
  id: string;
  isOutbound: boolean;
  senderName: string;
  sentAtIso: string;
  timeLabel: string;
  fullTimeLabel: string;
  segments: BodySegment[];
  /** No text was kept for this message (its conversation is metadata only). */
  textWithheld: boolean;
  rowClass: string;
  bubbleClass: string;
}

/** A row of the rendered transcript: a day separator or a message. */
export interface TranscriptItem {
  key: string;
  isDay: boolean;
  dayLabel: string;
  message: MessageView | null;
}

export interface TranscriptView {
  items: TranscriptItem[];
  /** Messages of the source (loaded, or matching when searching) older than the window. */
  hiddenCount: number;
  /** Messages of the source newer than the window (the reader scrolled back far). */
  newerHiddenCount: number;
  /** Messages the view is drawn from: all loaded ones, or those matching the query. */
  sourceCount: number;
}

export interface ViewOptions {
  query: string;
  windowSize: number;
  /** Messages of the source newer than the window; 0 (the default) ends it at the newest. */
  newerHidden?: number;
  newestFirst: boolean;
  formatters: DateFormatters;
}

/**
 * The run of the source that is rendered, counted from the newest message: loading older pages
 * puts messages before the source and leaves these counts valid.
 */
export interface WindowRange {
  /** Messages of the source newer than the window. */
  newerHidden: number;
  /** Messages in the window. */
  size: number;
}

/** The window's first and after-last index in a source of `sourceLength` messages, oldest first. */
export function windowBounds(
  sourceLength: number,
  range: WindowRange
): { start: number; end: number } {
  const end = Math.max(0, sourceLength - Math.max(0, Math.floor(range.newerHidden)));
  const start = Math.max(0, end - Math.max(1, Math.floor(range.size)));
  return { start, end };
}

function rangeOf(sourceLength: number, start: number, end: number): WindowRange {
  return { newerHidden: sourceLength - end, size: end - start };
}

/**
 * The window moved `step` messages earlier: it gains them at its older edge and, past
 * `maxSize`, gives up as many at its newer edge, so the rendered rows stay bounded. Its size
 * grows by `step` even where fewer messages are there, so messages arriving at the newest end
 * (a refresh) are added rather than pushing the oldest shown out.
 */
export function widenEarlier(
  range: WindowRange,
  sourceLength: number,
  step: number,
  maxSize: number
): WindowRange {
  const { start, end } = windowBounds(sourceLength, range);
  const newStart = Math.max(0, start - step);
  const newEnd = Math.min(end, newStart + maxSize);
  return {
    newerHidden: sourceLength - newEnd,
    size: Math.min(maxSize, Math.max(newEnd - newStart, range.size + step)),
  };
}

/** The mirror of widenEarlier: gains newer messages, gives up older ones past `maxSize`. */
export function widenNewer(
  range: WindowRange,
  sourceLength: number,
  step: number,
  maxSize: number
): WindowRange {
  const { start, end } = windowBounds(sourceLength, range);
  const newEnd = Math.min(sourceLength, end + step);
  return rangeOf(sourceLength, Math.max(start, newEnd - maxSize), newEnd);
}

/**
 * The window after the source changed at its newer end (a refresh): it keeps ending at the
 * message it ended at (`newestShownId`) when the reader was away from the newest, so arrivals do
 * not move it; at the newest, or when that message is gone, it ends at the newest.
 */
export function followWindow(
  range: WindowRange,
  newestShownId: string | undefined,
  source: ConversationMessage[]
): WindowRange {
  if (range.newerHidden <= 0 || newestShownId === undefined) {
    return { newerHidden: 0, size: range.size };
  }
  for (let index = source.length - 1; index >= 0; index--) {
    if (source[index]?.id === newestShownId) {
      return { newerHidden: source.length - 1 - index, size: range.size };
    }
  }
  return { newerHidden: 0, size: range.size };
}

export interface DateFormatters {
  /** Key of the calendar day in the viewer's time zone; '' for no date. */
  dayKey(iso: string | null): string;
  dayLabel(iso: string | null): string;
  time(iso: string | null): string;
  full(iso: string | null): string;
}

const UNDATED_DAY_LABEL = 'Date unknown';
const MATCH_CLASS = 'kondo-match';
// http(s) only; stops at whitespace and at characters that cannot end a link in prose.
const LINK_PATTERN = /\bhttps?:\/\/[^\s<>"]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'"\])}]+$/;

function safeFormatter(
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions
): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone });
  } catch {
    // An unknown locale or time zone must not blank the component: fall back to the browser's.
    return new Intl.DateTimeFormat(undefined, options);
  }
}

function toDate(iso: string | null): Date | null {
  if (!iso) {
    return null;
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Formatters for the viewer's locale and time zone (`@salesforce/i18n/locale`, `/timeZone`). */
export function createDateFormatters(locale: string, timeZone: string): DateFormatters {
  const dayKeyFormat = safeFormatter(locale, timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const dayLabelFormat = safeFormatter(locale, timeZone, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
  const timeFormat = safeFormatter(locale, timeZone, { hour: 'numeric', minute: '2-digit' });
  const fullFormat = safeFormatter(locale, timeZone, { dateStyle: 'full', timeStyle: 'short' });
  const format = (formatter: Intl.DateTimeFormat, iso: string | null, empty: string): string => {
    const date = toDate(iso);
    return date ? formatter.format(date) : empty;
  };
  return {
    dayKey: (iso) => format(dayKeyFormat, iso, ''),
    dayLabel: (iso) => format(dayLabelFormat, iso, UNDATED_DAY_LABEL),
    time: (iso) => format(timeFormat, iso, ''),
    full: (iso) => format(fullFormat, iso, ''),
  };
}

/**
 * Older messages (a page read with a cursor) put before the loaded ones, skipping any already
 * there. Both lists are oldest first and the older page ends where the loaded ones begin.
 */
export function prependOlder(
  loaded: ConversationMessage[],
  older: ConversationMessage[]
): ConversationMessage[] {
  const known = new Set(loaded.map((message) => message.id));
  return [...older.filter((message) => !known.has(message.id)), ...loaded];
}

/**
 * The newest page read again (refresh) merged with what is loaded. If the page overlaps the
 * loaded messages, everything loaded before the overlap is kept and the page replaces the rest
 * (so edits and deletions within the newest page show). If it does not overlap (more new
 * messages arrived than a page holds), the loaded ones would leave a gap: start again from the page.
 */
export function mergeNewest(
  loaded: ConversationMessage[],
  newestPage: ConversationMessage[]
): { messages: ConversationMessage[]; keptOlder: boolean } {
  const oldestOfPage = newestPage[0];
  if (!oldestOfPage) {
    return { messages: [], keptOlder: false };
  }
  const overlapAt = loaded.findIndex((message) => message.id === oldestOfPage.id);
  if (overlapAt < 0) {
    return { messages: newestPage, keptOlder: false };
  }
  return { messages: [...loaded.slice(0, overlapAt), ...newestPage], keptOlder: true };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A case-insensitive global pattern for the query, or null for a blank query. */
export function queryPattern(query: string): RegExp | null {
  const trimmed = query.trim();
  return trimmed ? new RegExp(escapeRegExp(trimmed), 'giu') : null;
}

/** Number of times the query occurs in the bodies of the messages. */
export function countMatches(messages: ConversationMessage[], query: string): number {
  const pattern = queryPattern(query);
  if (!pattern) {
    return 0;
  }
  let count = 0;
  for (const message of messages) {
    count += (message.body ?? '').match(pattern)?.length ?? 0;
  }
  return count;
}

/** Messages whose body contains the query (all of them for a blank query). */
export function filterMatching(
  messages: ConversationMessage[],
  query: string
): ConversationMessage[] {
  const pattern = queryPattern(query);
  if (!pattern) {
    return messages;
  }
  const test = new RegExp(pattern.source, 'iu');
  return messages.filter((message) => test.test(message.body ?? ''));
}

/** Cuts text into parts, marking the query's occurrences. */
export function highlight(text: string, pattern: RegExp | null, keyPrefix: string): TextPart[] {
  const parts: TextPart[] = [];
  const push = (part: string, isMatch: boolean): void => {
    if (part) {
      parts.push({
        key: `${keyPrefix}-${parts.length}`,
        text: part,
        isMatch,
        className: isMatch ? MATCH_CLASS : '',
      });
    }
  };
  if (!pattern) {
    push(text, false);
    return parts;
  }
  let last = 0;
  for (const match of text.matchAll(new RegExp(pattern.source, 'giu'))) {
    const start = match.index;
    push(text.slice(last, start), false);
    push(match[0], true);
    last = start + match[0].length;
  }
  push(text.slice(last), false);
  return parts;
}

/** The URL if it is a well-formed http(s) link, else null. */
export function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

interface RawSegment {
  text: string;
  href: string | null;
}

/** Splits a body into plain text and http(s) links; the text is never interpreted as HTML. */
export function linkSegments(body: string): RawSegment[] {
  const segments: RawSegment[] = [];
  const pushText = (text: string): void => {
    if (!text) {
      return;
    }
    const previous = segments[segments.length - 1];
    if (previous && previous.href === null) {
      previous.text += text;
    } else {
      segments.push({ text, href: null });
    }
  };
  let last = 0;
  for (const match of body.matchAll(LINK_PATTERN)) {
    const start = match.index;
    const link = match[0].replace(TRAILING_PUNCTUATION, '');
    const href = safeHref(link);
    pushText(body.slice(last, start));
    if (href) {
      segments.push({ text: link, href });
    } else {
      pushText(link);
    }
    last = start + link.length;
  }
  pushText(body.slice(last));
  return segments;
}

/** Body segments with links and search matches, keyed for the template. */
export function segmentBody(
  body: string,
  pattern: RegExp | null,
  keyPrefix: string
): BodySegment[] {
  return linkSegments(body).map((segment, index) => {
    const key = `${keyPrefix}-s${index}`;
    return {
      key,
      isLink: segment.href !== null,
      href: segment.href,
      parts: highlight(segment.text, pattern, key),
    };
  });
}

function toMessageView(
  message: ConversationMessage,
  pattern: RegExp | null,
  formatters: DateFormatters
): MessageView {
  const isOutbound = message.direction === 'outbound';
  return {
    id: message.id,
    isOutbound,
    senderName: message.senderName ?? (isOutbound ? 'You' : 'Unknown sender'),
    sentAtIso: message.sentAt ?? '',
    timeLabel: formatters.time(message.sentAt),
    fullTimeLabel: formatters.full(message.sentAt),
    segments: segmentBody(message.body ?? '', pattern, message.id),
    textWithheld: message.body === null || message.body === undefined,
    rowClass: isOutbound ? 'message-row message-row_outbound' : 'message-row message-row_inbound',
    bubbleClass: isOutbound ? 'bubble bubble_outbound' : 'bubble bubble_inbound',
  };
}

/**
 * The rendered transcript: `windowSize` messages of the source (all loaded messages, or only
 * those matching the query) ending `newerHidden` before its newest, grouped under day
 * separators, oldest or newest first.
 */
export function buildView(messages: ConversationMessage[], options: ViewOptions): TranscriptView {
  const source = filterMatching(messages, options.query);
  const { start, end } = windowBounds(source.length, {
    newerHidden: options.newerHidden ?? 0,
    size: options.windowSize,
  });
  const visible = source.slice(start, end);
  const pattern = queryPattern(options.query);

  const groups: { key: string; dayKey: string; label: string; messages: MessageView[] }[] = [];
  for (const message of visible) {
    const dayKey = options.formatters.dayKey(message.sentAt);
    let group = groups[groups.length - 1];
    if (!group || group.dayKey !== dayKey) {
      group = {
        key: `day-${dayKey || 'undated'}-${message.id}`,
        dayKey,
        label: options.formatters.dayLabel(message.sentAt),
        messages: [],
      };
      groups.push(group);
    }
    group.messages.push(toMessageView(message, pattern, options.formatters));
  }
  if (options.newestFirst) {
    groups.reverse();
    for (const group of groups) {
      group.messages.reverse();
    }
  }

  const items: TranscriptItem[] = [];
  for (const group of groups) {
    items.push({
      key: group.key,
      isDay: true,
      dayLabel: group.label,
      message: null,
    });
    for (const message of group.messages) {
      items.push({ key: message.id, isDay: false, dayLabel: '', message });
    }
  }
  return {
    items,
    hiddenCount: start,
    newerHiddenCount: source.length - end,
    sourceCount: source.length,
  };
}
