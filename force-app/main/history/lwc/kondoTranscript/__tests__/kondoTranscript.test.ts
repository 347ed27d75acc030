import {
  buildView,
  countMatches,
  createDateFormatters,
  filterMatching,
  followWindow,
  highlight,
  linkSegments,
  mergeNewest,
  prependOlder,
  queryPattern,
  safeHref,
  segmentBody,
  widenEarlier,
  widenNewer,
  windowBounds,
} from 'c/kondoTranscript';
import type { WindowRange } from 'c/kondoTranscript';
import type { ConversationMessage } from 'types/dto/conversationHistory';

const formatters = createDateFormatters('en-US', 'America/Los_Angeles');

function message(
  id: string,
  sentAt: string | null,
  body: string | null = `Body ${id}`
): ConversationMessage {
  return { id, direction: 'inbound', senderName: 'Jane', sentAt, body };
}

function many(count: number): ConversationMessage[] {
  const start = Date.UTC(2025, 0, 1);
  return Array.from({ length: count }, (_, index) =>
    message(
      `m${index}`,
      new Date(start + index * 3_600_000).toISOString(),
      `Message ${index} about https://example.com/${index} and pricing`
    )
  );
}

describe('c/kondoTranscript', () => {
  describe('date formatters', () => {
    it('formats in the viewer time zone and keys days there', () => {
      // 03:00 UTC on March 2 is still March 1 in Los Angeles.
      expect(formatters.dayKey('2025-03-02T03:00:00.000Z')).toBe(
        formatters.dayKey('2025-03-01T17:00:00.000Z')
      );
      expect(formatters.dayKey('2025-03-02T09:00:00.000Z')).not.toBe(
        formatters.dayKey('2025-03-02T03:00:00.000Z')
      );
      expect(formatters.dayLabel('2025-03-02T03:00:00.000Z')).toBe('Saturday, March 1, 2025');
      expect(formatters.time('2025-03-02T03:00:00.000Z')).toBe('7:00 PM');
      expect(formatters.full('2025-03-02T03:00:00.000Z')).toContain('March 1, 2025');
    });

    it('treats missing or invalid times as undated', () => {
      expect(formatters.dayKey(null)).toBe('');
      expect(formatters.dayKey('not a date')).toBe('');
      expect(formatters.dayLabel(null)).toBe('Date unknown');
      expect(formatters.time(null)).toBe('');
      expect(formatters.full('garbage')).toBe('');
    });

    it('falls back to the browser time zone when the given one is unknown', () => {
      const fallback = createDateFormatters('en-US', 'Not/AZone');
      expect(fallback.time('2025-03-02T03:00:00.000Z')).not.toBe('');
    });
  });

  describe('paging merges', () => {
    it('puts an older page before the loaded messages, skipping duplicates', () => {
      const loaded = [message('c', null), message('d', null)];
      const older = [message('a', null), message('b', null), message('c', null)];
      expect(prependOlder(loaded, older).map((m) => m.id)).toEqual(['a', 'b', 'c', 'd']);
    });

    it('merges a refreshed newest page that overlaps what is loaded', () => {
      const loaded = ['a', 'b', 'c', 'd'].map((id) => message(id, null));
      const page = ['c', 'd', 'e'].map((id) => message(id, null));
      const merged = mergeNewest(loaded, page);
      expect(merged.keptOlder).toBe(true);
      expect(merged.messages.map((m) => m.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    });

    it('starts again from a refreshed page that does not overlap', () => {
      const loaded = ['a', 'b'].map((id) => message(id, null));
      const page = ['x', 'y'].map((id) => message(id, null));
      expect(mergeNewest(loaded, page)).toEqual({ messages: page, keptOlder: false });
    });

    it('empties the transcript when the refreshed page is empty', () => {
      expect(mergeNewest([message('a', null)], [])).toEqual({ messages: [], keptOlder: false });
    });
  });

  describe('search', () => {
    const messages = [
      message('1', null, 'Pricing? PRICING! (pricing)'),
      message('2', null, 'Nothing here'),
      message('3', null, null),
      message('4', null, 'a.b*c price'),
    ];

    it('counts case-insensitive matches across messages', () => {
      expect(countMatches(messages, 'pricing')).toBe(3);
      expect(countMatches(messages, '  ')).toBe(0);
      expect(countMatches(messages, 'a.b*c')).toBe(1);
    });

    it('keeps only matching messages, or all for a blank query', () => {
      expect(filterMatching(messages, 'PRIC').map((m) => m.id)).toEqual(['1', '4']);
      expect(filterMatching(messages, '')).toBe(messages);
    });

    it('escapes regular expression characters in the query', () => {
      expect(queryPattern('a.b*c')?.test('axbbc')).toBe(false);
      expect(queryPattern('')).toBeNull();
    });

    it('cuts text into plain and matching parts', () => {
      const parts = highlight('Price, price and PRICE', queryPattern('price'), 'k');
      expect(parts.map((part) => [part.text, part.isMatch])).toEqual([
        ['Price', true],
        [', ', false],
        ['price', true],
        [' and ', false],
        ['PRICE', true],
      ]);
      expect(parts[0]?.className).toBe('kondo-match');
      expect(parts[1]?.className).toBe('');
      expect(new Set(parts.map((part) => part.key)).size).toBe(parts.length);
      expect(highlight('', null, 'k')).toEqual([]);
    });
  });

  describe('links', () => {
    it('accepts only well-formed http and https links', () => {
      expect(safeHref('https://example.com/a?b=c')).toBe('https://example.com/a?b=c');
      expect(safeHref('http://example.com')).toBe('http://example.com/');
      // eslint-disable-next-line no-script-url -- proving such a URL is refused
      expect(safeHref('javascript:alert(1)')).toBeNull();
      expect(safeHref('ftp://example.com')).toBeNull();
      expect(safeHref('not a url')).toBeNull();
    });

    it('splits a body into text and links, leaving trailing punctuation out of links', () => {
      expect(
        linkSegments('See https://example.com/a, and (http://x.example/b). javascript:alert(1)')
      ).toEqual([
        { text: 'See ', href: null },
        { text: 'https://example.com/a', href: 'https://example.com/a' },
        { text: ', and (', href: null },
        { text: 'http://x.example/b', href: 'http://x.example/b' },
        { text: '). javascript:alert(1)', href: null },
      ]);
      expect(linkSegments('')).toEqual([]);
    });

    it('keeps a link-looking text that is not a valid URL as text', () => {
      expect(linkSegments('go to http://[bad and back')).toEqual([
        { text: 'go to http://[bad and back', href: null },
      ]);
    });

    it('never interprets markup in a body', () => {
      const segments = segmentBody('<img src=x onerror=alert(1)> hi', null, 'k');
      expect(segments).toHaveLength(1);
      expect(segments[0]?.isLink).toBe(false);
      expect(segments[0]?.parts[0]?.text).toBe('<img src=x onerror=alert(1)> hi');
    });

    it('highlights matches inside links', () => {
      const segments = segmentBody('at https://pricing.example now', queryPattern('pricing'), 'k');
      expect(segments[1]?.isLink).toBe(true);
      expect(segments[1]?.parts.map((part) => part.isMatch)).toEqual([false, true, false]);
    });
  });

  describe('view', () => {
    const options = { query: '', windowSize: 100, newestFirst: false, formatters };

    it('groups messages under day separators, oldest first', () => {
      const messages = [
        message('a', '2025-03-01T17:00:00.000Z'),
        message('b', '2025-03-01T18:00:00.000Z'),
        { ...message('c', '2025-03-03T17:00:00.000Z'), direction: 'outbound', senderName: null },
      ];
      const view = buildView(messages, options);
      expect(view.items.map((item) => (item.isDay ? item.dayLabel : item.message?.id))).toEqual([
        'Saturday, March 1, 2025',
        'a',
        'b',
        'Monday, March 3, 2025',
        'c',
      ]);
      const outbound = view.items[4]?.message;
      expect(outbound?.isOutbound).toBe(true);
      expect(outbound?.senderName).toBe('You');
      expect(outbound?.bubbleClass).toContain('bubble_outbound');
      expect(view.items[1]?.message?.rowClass).toContain('message-row_inbound');
      expect(view.hiddenCount).toBe(0);
    });

    it('reverses days and messages for newest first', () => {
      const messages = [
        message('a', '2025-03-01T17:00:00.000Z'),
        message('b', '2025-03-01T18:00:00.000Z'),
        message('c', '2025-03-03T17:00:00.000Z'),
      ];
      const view = buildView(messages, { ...options, newestFirst: true });
      expect(view.items.map((item) => (item.isDay ? 'day' : item.message?.id))).toEqual([
        'day',
        'c',
        'day',
        'b',
        'a',
      ]);
    });

    it('labels undated messages and names unknown inbound senders', () => {
      const view = buildView([{ ...message('a', null, null), senderName: null }], options);
      expect(view.items[1]?.message?.segments).toEqual([]);
      expect(view.items[0]?.dayLabel).toBe('Date unknown');
      expect(view.items[0]?.key).toBe('day-undated-a');
      expect(view.items[1]?.message?.senderName).toBe('Unknown sender');
    });

    it('renders only the newest window and reports the rest as hidden', () => {
      const view = buildView(many(250), { ...options, windowSize: 100 });
      const rendered = view.items.filter((item) => !item.isDay);
      expect(rendered).toHaveLength(100);
      expect(rendered[0]?.message?.id).toBe('m150');
      expect(view.hiddenCount).toBe(150);
      expect(view.sourceCount).toBe(250);
      expect(buildView(many(3), { ...options, windowSize: 0 }).hiddenCount).toBe(2);
    });

    it('draws the view from the matching messages when searching', () => {
      const messages = many(20);
      const view = buildView(messages, { ...options, query: 'message 1' });
      expect(view.sourceCount).toBe(11);
    });

    it('renders a window of 10,000 messages, counts and merges them all', () => {
      const messages = many(10_000);
      const view = buildView(messages, { ...options, query: 'pricing' });
      const count = countMatches(messages, 'pricing');
      const merged = prependOlder(messages.slice(5_000), messages.slice(0, 5_000));
      expect(view.items.filter((item) => !item.isDay)).toHaveLength(100);
      expect(count).toBe(10_000);
      expect(merged).toHaveLength(10_000);
      expect(merged[0]?.id).toBe('m0');
    });

    it('renders a window that ends before the newest messages', () => {
      const view = buildView(many(1_000), { ...options, windowSize: 300, newerHidden: 250 });
      const rendered = view.items.filter((item) => !item.isDay).map((item) => item.message?.id);
      expect(rendered).toHaveLength(300);
      expect(rendered[0]).toBe('m450');
      expect(rendered[299]).toBe('m749');
      expect(view.hiddenCount).toBe(450);
      expect(view.newerHiddenCount).toBe(250);
    });
  });

  describe('rendered window', () => {
    const ids = (count: number, range: WindowRange): string[] => {
      const { start, end } = windowBounds(count, range);
      return [`m${start}`, `m${end - 1}`];
    };

    it('places the window from the newest message and keeps it inside the source', () => {
      expect(windowBounds(250, { newerHidden: 0, size: 100 })).toEqual({ start: 150, end: 250 });
      expect(windowBounds(250, { newerHidden: 200, size: 100 })).toEqual({ start: 0, end: 50 });
      expect(windowBounds(50, { newerHidden: 0, size: 100 })).toEqual({ start: 0, end: 50 });
      expect(windowBounds(50, { newerHidden: 80, size: 100 })).toEqual({ start: 0, end: 0 });
      expect(windowBounds(5, { newerHidden: 0, size: 0 })).toEqual({ start: 4, end: 5 });
    });

    it('grows earlier up to the bound, then gives up the newest rows', () => {
      let range: WindowRange = { newerHidden: 0, size: 100 };
      range = widenEarlier(range, 10_000, 100, 300);
      expect(range).toEqual({ newerHidden: 0, size: 200 });
      range = widenEarlier(range, 10_000, 100, 300);
      expect(range).toEqual({ newerHidden: 0, size: 300 });
      range = widenEarlier(range, 10_000, 100, 300);
      expect(range).toEqual({ newerHidden: 100, size: 300 });
      expect(ids(10_000, range)).toEqual(['m9600', 'm9899']);
    });

    it('stops at the oldest message, keeping its nominal size for messages to come', () => {
      const range = widenEarlier({ newerHidden: 0, size: 100 }, 150, 100, 300);
      expect(windowBounds(150, range)).toEqual({ start: 0, end: 150 });
      expect(range).toEqual({ newerHidden: 0, size: 200 });
      const atOldest = widenEarlier({ newerHidden: 9_700, size: 300 }, 10_000, 100, 300);
      expect(windowBounds(10_000, atOldest)).toEqual({ start: 0, end: 300 });
    });

    it('grows newer up to the bound, then gives up the oldest rows, and stops at the newest', () => {
      let range: WindowRange = { newerHidden: 500, size: 300 };
      range = widenNewer(range, 10_000, 100, 300);
      expect(range).toEqual({ newerHidden: 400, size: 300 });
      expect(ids(10_000, range)).toEqual(['m9300', 'm9599']);
      range = widenNewer({ newerHidden: 30, size: 100 }, 10_000, 100, 300);
      expect(range).toEqual({ newerHidden: 0, size: 130 });
      expect(widenNewer(range, 10_000, 100, 300)).toEqual(range);
    });

    it('stays bounded over a whole scroll back and forth', () => {
      let range: WindowRange = { newerHidden: 0, size: 100 };
      let largest = 0;
      for (let step = 0; step < 120; step++) {
        range = widenEarlier(range, 10_000, 100, 300);
        const { start, end } = windowBounds(10_000, range);
        largest = Math.max(largest, end - start);
      }
      expect(windowBounds(10_000, range)).toEqual({ start: 0, end: 300 });
      for (let step = 0; step < 120; step++) {
        range = widenNewer(range, 10_000, 100, 300);
        const { start, end } = windowBounds(10_000, range);
        largest = Math.max(largest, end - start);
      }
      expect(windowBounds(10_000, range)).toEqual({ start: 9_700, end: 10_000 });
      expect(largest).toBe(300);
    });

    it('keeps a window away from the newest on its messages when new ones arrive', () => {
      const before = many(1_000);
      const after = [...before, ...many(1_003).slice(1_000)];
      const range = { newerHidden: 400, size: 300 };
      const newestShown = before[windowBounds(1_000, range).end - 1]?.id;
      const followed = followWindow(range, newestShown, after);
      expect(followed).toEqual({ newerHidden: 403, size: 300 });
      expect(ids(1_003, followed)).toEqual(['m300', 'm599']);
    });

    it('ends at the newest when it was there, or when its newest message is gone', () => {
      const source = many(10);
      expect(followWindow({ newerHidden: 0, size: 100 }, 'm9', source)).toEqual({
        newerHidden: 0,
        size: 100,
      });
      expect(followWindow({ newerHidden: 4, size: 100 }, 'gone', source)).toEqual({
        newerHidden: 0,
        size: 100,
      });
      expect(followWindow({ newerHidden: 4, size: 100 }, undefined, source).newerHidden).toBe(0);
    });
  });
});
