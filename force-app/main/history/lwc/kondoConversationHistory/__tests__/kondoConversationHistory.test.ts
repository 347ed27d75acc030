import { createElement } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getHistory from '@salesforce/apex/ConversationHistoryController.getHistory';
import getMessages from '@salesforce/apex/ConversationHistoryController.getMessages';
import KondoConversationHistory from 'c/kondoConversationHistory';
import type {
  ConversationHistory,
  ConversationMessage,
  ConversationSummary,
  MessagePage,
} from 'types/dto/conversationHistory';

/* eslint-disable @typescript-eslint/no-require-imports */
const CONVERSATIONS: ConversationSummary[] = require('./data/ConversationHistoryController.getConversations.json');
const NEWEST_PAGE: MessagePage = require('./data/ConversationHistoryController.getMessages.json');
const OLDER_PAGE: MessagePage = require('./data/ConversationHistoryController.getMessages.older.json');
/* eslint-enable @typescript-eslint/no-require-imports */

jest.mock(
  '@salesforce/apex/ConversationHistoryController.getHistory',
  () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.mock factories cannot use imports
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/ConversationHistoryController.getMessages',
  () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.mock factories cannot use imports
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), {
  virtual: true,
});

interface ApexMock extends jest.Mock {
  emit(value: unknown): void;
  getLastConfig(): Record<string, unknown>;
  error(body?: unknown, status?: number, statusText?: string): void;
}
const historyAdapter = getHistory as unknown as ApexMock;
const messagesAdapter = getMessages as unknown as ApexMock;
const refreshApexMock = refreshApex as unknown as jest.Mock;

type HistoryElement = HTMLElement & {
  recordId?: string;
  height?: number;
  newestFirst?: boolean;
  showNotes?: boolean;
};

const CONTACT_ID = '003000000000001AAA';
const FIRST_CONVERSATION = 'a01000000000001AAA';
const SECOND_CONVERSATION = 'a01000000000002AAA';
const NO_MESSAGES: MessagePage = { messages: [], hasOlder: false, olderCursor: null };

/** What getHistory answers: the conversations and the newest page of the first one. */
function historyOf(
  conversations: ConversationSummary[],
  firstPage: MessagePage = NO_MESSAGES
): ConversationHistory {
  return { conversations, openConversationId: conversations[0]?.id ?? null, firstPage };
}

/** The getHistory wire answers again (a refresh) with this newest page of the first thread. */
function emitNewestPage(page: MessagePage): void {
  historyAdapter.emit(historyOf(CONVERSATIONS, page));
}

function create(props: Partial<HistoryElement> = {}): HistoryElement {
  const element = createElement('c-kondo-conversation-history', {
    is: KondoConversationHistory,
  }) as HistoryElement;
  element.recordId = CONTACT_ID;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

// Handlers, imperative promises and re-renders settle over several microtask turns.
function settle(): Promise<void> {
  let chain = Promise.resolve();
  for (let turn = 0; turn < 16; turn++) {
    chain = chain.then(() => undefined);
  }
  return chain;
}

function root(element: HTMLElement): ShadowRoot {
  return element.shadowRoot as ShadowRoot;
}

function q<T extends Element = HTMLElement>(element: HTMLElement, selector: string): T | null {
  return root(element).querySelector<T>(selector);
}

function qa(element: HTMLElement, selector: string): Element[] {
  return Array.from(root(element).querySelectorAll(selector));
}

async function showConversation(
  props: Partial<HistoryElement> = {},
  page: MessagePage = NEWEST_PAGE
) {
  const element = create(props);
  historyAdapter.emit(historyOf(CONVERSATIONS, page));
  await settle();
  return element;
}

function messagesOf(count: number, prefix = 'm'): ConversationMessage[] {
  const start = Date.UTC(2025, 0, 1);
  return Array.from({ length: count }, (_, index) => ({
    id: `${prefix}${String(index).padStart(6, '0')}`,
    direction: index % 2 === 0 ? 'inbound' : 'outbound',
    senderName: index % 2 === 0 ? 'Jane Doe' : 'Sam Rep',
    sentAt: new Date(start + index * 60_000).toISOString(),
    body: `Message number ${index}`,
  }));
}

/**
 * jsdom has no layout: each message row is laid out `rowHeight` tall, one under the other, as
 * the transcript's scroll code reads them (offsetTop, offsetHeight, scrollHeight). The rows'
 * ids end in consecutive serials, so a row's place is its serial minus the first row's.
 */
function layOutRows(element: HTMLElement, rowHeight: number, clientHeight = 480): void {
  const rows = (): HTMLElement[] => qa(element, '.message-row') as HTMLElement[];
  const serial = (row: Element | null): number =>
    Number(/\d+/.exec(row?.getAttribute('data-id') ?? '')?.[0] ?? 0);
  jest.spyOn(HTMLElement.prototype, 'offsetTop', 'get').mockImplementation(function offsetTop(
    this: HTMLElement
  ) {
    if (!this.classList.contains('message-row')) {
      return 0;
    }
    return rowHeight * Math.abs(serial(this) - serial(q(element, '.message-row')));
  });
  jest.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(rowHeight);
  const transcript = q(element, '.transcript') as HTMLElement;
  Object.defineProperty(transcript, 'scrollHeight', {
    configurable: true,
    get: () => rowHeight * rows().length,
  });
  Object.defineProperty(transcript, 'clientHeight', { configurable: true, value: clientHeight });
}

function click(element: Element | null): void {
  expect(element).not.toBeNull();
  element?.dispatchEvent(new CustomEvent('click'));
}

/** Shows a conversation, types a search term, and holds the next page until `release`. */
async function searchWithPendingPage(
  term: string
): Promise<{ element: HistoryElement; release: (page: MessagePage) => void }> {
  const element = await showConversation();
  let resolvePage: (page: MessagePage) => void = () => undefined;
  messagesAdapter.mockImplementation(
    () =>
      new Promise<MessagePage>((resolve) => {
        resolvePage = resolve;
      })
  );
  const search = q(element, 'lightning-input.search') as HTMLElement;
  search.dispatchEvent(new CustomEvent('change', { detail: { value: term } }));
  await settle();
  return { element, release: (page) => resolvePage(page) };
}

describe('c-kondo-conversation-history', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    jest.restoreAllMocks();
  });

  it('shows a spinner while the conversations load', async () => {
    const element = create();
    await settle();

    expect(q(element, '.state_loading lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('explains how syncing works when no conversation is synced', async () => {
    const element = create();
    historyAdapter.emit(historyOf([]));
    await settle();

    const empty = q(element, '.state_empty');
    expect(empty?.textContent).toContain('No LinkedIn conversation has been synced');
    expect(empty?.textContent).toContain('Kondo sends it to Salesforce');
    await expect(element).toBeAccessible();
  });

  it('tells a viewer without access, without showing the error code', async () => {
    const element = create();
    historyAdapter.error({
      message: 'NO_ACCESS: You do not have access to Kondo conversations.',
    });
    await settle();

    expect(q(element, '.state_no-access')).not.toBeNull();
    expect(q(element, '.state_error')).toBeNull();
    expect(root(element).textContent).not.toContain('NO_ACCESS');
    await expect(element).toBeAccessible();
  });

  it('shows a clean error message when the conversations fail to load', async () => {
    const element = create();
    historyAdapter.error({ message: 'UNSUPPORTED_RECORD: Contacts and Leads only.' });
    await settle();

    const panel = q(element, 'c-kondo-error-panel.state_error');
    expect(panel).not.toBeNull();
    const panelRoot = (panel as HTMLElement).shadowRoot as ShadowRoot;
    expect(panelRoot.querySelector('.friendly')?.textContent).toBe(
      'The LinkedIn conversations could not be loaded.'
    );
    expect(panelRoot.querySelector('.error-line')?.textContent).toBe('Contacts and Leads only.');
    await expect(element).toBeAccessible();
  });

  it('says a private conversation of another rep exists without reading its messages', async () => {
    const element = create();
    historyAdapter.emit(
      historyOf([
        { ...(CONVERSATIONS[0] as ConversationSummary), privacy: 'private', messagesHidden: true },
        CONVERSATIONS[1] as ConversationSummary,
      ])
    );
    await settle();

    expect(q(element, '.state_private')?.textContent).toContain('This conversation is private');
    expect(q(element, '.state_loading-messages')).toBeNull();
    expect(q(element, '.conversation-name')?.textContent).toBe('Jane Doe');
    expect(messagesAdapter.getLastConfig().conversationId).toBeUndefined();
    await expect(element).toBeAccessible();
  });

  it('reads a private conversation for the rep who synced it', async () => {
    const element = create();
    historyAdapter.emit(
      historyOf(
        [
          {
            ...(CONVERSATIONS[0] as ConversationSummary),
            privacy: 'private',
            messagesHidden: false,
          },
        ],
        NEWEST_PAGE
      )
    );
    await settle();
    expect(messagesAdapter.getLastConfig().conversationId).toBeUndefined();

    expect(q(element, '.state_private')).toBeNull();
    expect(qa(element, '.message-row').length).toBe(NEWEST_PAGE.messages.length);
  });

  it('marks the messages of a metadata-only conversation as kept without text', async () => {
    const element = create();
    const withheld = messagesOf(3).map((message) => ({ ...message, body: null }));
    historyAdapter.emit(
      historyOf(
        [
          {
            ...(CONVERSATIONS[0] as ConversationSummary),
            privacy: 'metadataOnly',
            messagesHidden: false,
          },
        ],
        { messages: withheld, hasOlder: false, olderCursor: null }
      )
    );
    await settle();

    expect(q(element, '.privacy-note')?.textContent).toContain('Metadata only');
    expect(qa(element, '.body_withheld').length).toBe(3);
    expect(qa(element, '.message-row').length).toBe(3);
    await expect(element).toBeAccessible();
  });

  it('paints the newest conversation from one call, without asking for its messages', async () => {
    const element = await showConversation();

    expect(historyAdapter.getLastConfig()).toEqual({ recordId: CONTACT_ID, pageSize: 200 });
    expect(messagesAdapter.getLastConfig().conversationId).toBeUndefined();
    expect(q(element, '.state_loading-messages')).toBeNull();
    expect(q(element, '.conversation-name')?.textContent).toBe('Jane Doe');
    expect(qa(element, '.message-row')).toHaveLength(NEWEST_PAGE.messages.length);
    await expect(element).toBeAccessible();
  });

  it('shows a spinner while the messages of another conversation load', async () => {
    const element = await showConversation();
    const picker = q(element, 'lightning-combobox') as HTMLElement;
    picker.dispatchEvent(new CustomEvent('change', { detail: { value: SECOND_CONVERSATION } }));
    await settle();

    expect(messagesAdapter.getLastConfig()).toEqual({
      conversationId: SECOND_CONVERSATION,
      pageSize: 200,
      beforeCursor: null,
    });
    expect(q(element, '.state_loading-messages lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('reads the first conversation again through the messages wire once the reader returns', async () => {
    const element = await showConversation();
    const picker = q(element, 'lightning-combobox') as HTMLElement;
    picker.dispatchEvent(new CustomEvent('change', { detail: { value: SECOND_CONVERSATION } }));
    await settle();
    messagesAdapter.emit(NO_MESSAGES);
    await settle();
    picker.dispatchEvent(new CustomEvent('change', { detail: { value: FIRST_CONVERSATION } }));
    await settle();
    expect(messagesAdapter.getLastConfig().conversationId).toBe(FIRST_CONVERSATION);
    messagesAdapter.emit(NEWEST_PAGE);
    await settle();

    expect(qa(element, '.message-row')).toHaveLength(NEWEST_PAGE.messages.length);
    click(q(element, 'lightning-button-icon.refresh'));
    await settle();
    expect(refreshApexMock).toHaveBeenCalledTimes(2);
  });

  it('renders the conversation as a chat with labels, notes and links', async () => {
    const element = await showConversation();

    const badges = qa(element, '.labels lightning-badge') as (HTMLElement & { label: string })[];
    expect(badges.map((badge) => badge.label)).toEqual(['Prospect', 'Hot lead']);
    expect(q(element, '.notes-text')?.textContent).toBe('Met at the fair.\nFollow up in March.');

    const kondoLink = q<HTMLAnchorElement>(element, 'a.kondo-link');
    expect(kondoLink?.href).toBe('https://app.trykondo.com/conversations/c-1');
    expect(kondoLink?.target).toBe('_blank');
    expect(kondoLink?.rel).toBe('noopener noreferrer');
    expect(q<HTMLAnchorElement>(element, 'a.linkedin-link')?.href).toBe(
      'https://www.linkedin.com/in/jane-doe'
    );

    const days = qa(element, '.day-separator').map((day) => day.textContent);
    expect(days).toEqual(['Saturday, March 1, 2025', 'Monday, March 3, 2025']);

    const rows = qa(element, '.message-row');
    expect(rows).toHaveLength(4);
    expect(rows[0]?.classList.contains('message-row_inbound')).toBe(true);
    expect(rows[1]?.classList.contains('message-row_outbound')).toBe(true);
    expect(rows[0]?.querySelector('.sender')?.textContent).toBe('Jane Doe');
    expect(rows[3]?.querySelector('.sender')?.textContent).toBe('You');
    const time = rows[0]?.querySelector('time');
    expect(time?.textContent).toBe('9:00 AM');
    expect(time?.getAttribute('datetime')).toBe('2025-03-01T17:00:00.000Z');

    const firstBody = rows[0]?.querySelector('.body');
    expect(firstBody?.textContent).toBe('Hi there!\nSee https://example.com/path, thanks.');
    const bodyLinks = qa(element, '.body a') as HTMLAnchorElement[];
    expect(bodyLinks.map((link) => link.href)).toEqual([
      'https://example.com/path',
      'https://kondo.example/deck',
    ]);
    expect(bodyLinks.every((link) => link.rel === 'noopener noreferrer')).toBe(true);
    expect(qa(element, '.body b')).toHaveLength(0);
    expect(rows[3]?.querySelector('.body')?.textContent).toContain('<b>bold</b>');

    const transcript = q(element, '.transcript');
    expect(transcript?.getAttribute('tabindex')).toBe('0');
    expect(transcript?.getAttribute('style')).toContain('max-height: 480px');
    await expect(element).toBeAccessible();
  });

  it('hides the notes when the page turns them off, and clamps the height', async () => {
    const element = await showConversation({ showNotes: false, height: 50 });

    expect(q(element, '.notes')).toBeNull();
    expect(q(element, '.transcript')?.getAttribute('style')).toContain('max-height: 200px');
    await expect(element).toBeAccessible();
  });

  it('shows the newest message first when the page asks for it', async () => {
    const element = await showConversation({ newestFirst: true });

    const rows = qa(element, '.message-row');
    expect(rows[0]?.getAttribute('data-id')).toBe('a02000000000006AAA');
    expect(qa(element, '.day-separator')[0]?.textContent).toBe('Monday, March 3, 2025');
    expect(q(element, '.earlier_bottom .show-earlier')).not.toBeNull();
    expect(q(element, '.earlier_top')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('switches between the conversations of the person', async () => {
    const element = await showConversation();
    const picker = q(element, 'lightning-combobox') as HTMLElement & {
      options: { label: string; value: string }[];
      value: string;
    };
    expect(picker.value).toBe(FIRST_CONVERSATION);
    expect(picker.options).toHaveLength(2);
    expect(picker.options[0]?.label).toContain('6 messages');

    picker.dispatchEvent(new CustomEvent('change', { detail: { value: SECOND_CONVERSATION } }));
    await settle();
    expect(q(element, '.state_loading-messages')).not.toBeNull();
    expect(q(element, '.kondo-link')).toBeNull();
    expect(q(element, '.labels')).toBeNull();

    messagesAdapter.emit({ messages: [], hasOlder: false });
    await settle();
    expect(q(element, '.state_no-messages')?.textContent).toBe(
      'No messages in this conversation yet.'
    );
    await expect(element).toBeAccessible();
  });

  it('has no switcher for a single conversation', async () => {
    const element = create();
    historyAdapter.emit(historyOf([CONVERSATIONS[0] as ConversationSummary], NEWEST_PAGE));
    await settle();

    expect(q(element, 'lightning-combobox')).toBeNull();
  });

  it('searches the loaded messages, highlights matches and counts them', async () => {
    const element = await showConversation();
    const search = q(element, 'lightning-input.search') as HTMLElement;
    search.dispatchEvent(new CustomEvent('change', { detail: { value: 'thursday' } }));
    await settle();

    expect(q(element, '.match-summary')?.textContent).toBe(
      '2 matches in 2 messages in the loaded messages.'
    );
    const marks = qa(element, '.kondo-match').map((mark) => mark.textContent);
    expect(marks).toEqual(['Thursday', 'Thursday']);
    expect(qa(element, '.message-row')).toHaveLength(2);
    expect((q(element, '.show-earlier') as HTMLElement & { label: string }).label).toBe(
      'Show earlier matches'
    );
    await expect(element).toBeAccessible();

    search.dispatchEvent(new CustomEvent('change', { detail: { value: 'nowhere' } }));
    await settle();
    expect(q(element, '.match-summary')?.textContent).toBe('No matches in the loaded messages.');

    search.dispatchEvent(new CustomEvent('change', { detail: {} }));
    await settle();
    expect(q(element, '.match-summary')).toBeNull();
    expect(qa(element, '.message-row')).toHaveLength(4);
  });

  it('searches the entire history by loading the remaining pages with progress', async () => {
    const { element, release } = await searchWithPendingPage('thursday');

    click(q(element, '.search-all'));
    await settle();
    expect(messagesAdapter).toHaveBeenCalledWith({
      conversationId: FIRST_CONVERSATION,
      pageSize: 500,
      beforeCursor: NEWEST_PAGE.olderCursor,
    });
    expect(q(element, '.search-progress-label')?.textContent).toBe('Loaded 4 of 6 messages');
    expect(q(element, '.search-all')).toBeNull();
    await expect(element).toBeAccessible();

    release(OLDER_PAGE);
    await settle();
    expect(q(element, '.search-progress')).toBeNull();
    expect(q(element, '.match-summary')?.textContent).toBe('3 matches in 3 messages.');
    expect(messagesAdapter).toHaveBeenCalledTimes(1);
  });

  it('stops searching the entire history when asked', async () => {
    const { element, release } = await searchWithPendingPage('hello');

    click(q(element, '.search-all'));
    await settle();
    click(q(element, '.stop-search'));
    release({ ...OLDER_PAGE, hasOlder: true, olderCursor: 'next' });
    await settle();

    expect(messagesAdapter).toHaveBeenCalledTimes(1);
    expect(q(element, '.search-progress')).toBeNull();
    expect(q(element, '.search-all')).not.toBeNull();
  });

  it('stops searching the entire history when a page fails, and ignores a second click', async () => {
    const element = await showConversation();
    messagesAdapter.mockRejectedValue({ body: { message: 'Timed out' } });
    const search = q(element, 'lightning-input.search') as HTMLElement;
    search.dispatchEvent(new CustomEvent('change', { detail: { value: 'hello' } }));
    await settle();

    const searchAll = q(element, '.search-all');
    click(searchAll);
    click(searchAll);
    await settle();

    expect(messagesAdapter).toHaveBeenCalledTimes(1);
    expect(q(element, '.search-progress')).toBeNull();
    expect(q(element, 'c-kondo-error-panel.older-error')).not.toBeNull();
  });

  it('says where the search of the entire history stops', async () => {
    const huge = messagesOf(20_000);
    const element = await showConversation(
      {},
      { messages: huge, hasOlder: true, olderCursor: 'c' }
    );
    const search = q(element, 'lightning-input.search') as HTMLElement;
    search.dispatchEvent(new CustomEvent('change', { detail: { value: 'number 19999' } }));
    await settle();

    expect(q(element, '.search-limit')?.textContent).toBe(
      'Searched the newest 20000 messages; older ones are not searched.'
    );
    expect(q(element, '.search-all')).toBeNull();
    expect(q(element, '.match-summary')?.textContent).toBe(
      '1 match in 1 message in the loaded messages.'
    );
  });

  it('reads one older page at a time and drops a page of a conversation left meanwhile', async () => {
    const element = await showConversation();
    let release: (page: MessagePage) => void = () => undefined;
    messagesAdapter.mockImplementation(
      () =>
        new Promise<MessagePage>((resolve) => {
          release = resolve;
        })
    );
    const showEarlier = q(element, '.show-earlier');
    click(showEarlier);
    click(showEarlier);
    await settle();
    expect(messagesAdapter).toHaveBeenCalledTimes(1);
    expect(q(element, '.loading-older')).not.toBeNull();

    const picker = q(element, 'lightning-combobox') as HTMLElement;
    picker.dispatchEvent(new CustomEvent('change', { detail: { value: SECOND_CONVERSATION } }));
    release(OLDER_PAGE);
    await settle();
    messagesAdapter.emit({ messages: [NEWEST_PAGE.messages[0]], hasOlder: false });
    await settle();

    expect(qa(element, '.message-row')).toHaveLength(1);
    expect(q(element, '.show-earlier')).toBeNull();
  });

  it('drops a failure of a conversation left meanwhile', async () => {
    const element = await showConversation();
    let fail: (reason: unknown) => void = () => undefined;
    messagesAdapter.mockImplementation(
      () =>
        new Promise<MessagePage>((_, reject) => {
          fail = reject;
        })
    );
    click(q(element, '.show-earlier'));
    await settle();
    const picker = q(element, 'lightning-combobox') as HTMLElement;
    picker.dispatchEvent(new CustomEvent('change', { detail: { value: SECOND_CONVERSATION } }));
    fail(new Error('late'));
    await settle();

    expect(q(element, 'c-kondo-error-panel.older-error')).toBeNull();
  });

  it('shows earlier messages by reading the older page once the loaded ones are shown', async () => {
    const element = await showConversation();
    messagesAdapter.mockResolvedValue(OLDER_PAGE);

    click(q(element, '.earlier_top .show-earlier'));
    await settle();

    expect(messagesAdapter).toHaveBeenCalledWith({
      conversationId: FIRST_CONVERSATION,
      pageSize: 200,
      beforeCursor: NEWEST_PAGE.olderCursor,
    });
    expect(qa(element, '.message-row')).toHaveLength(6);
    expect(q(element, '.show-earlier')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('renders only a window of a long history and widens it without a server call', async () => {
    const long = messagesOf(250);
    const element = await showConversation(
      {},
      { messages: long, hasOlder: false, olderCursor: null }
    );

    expect(qa(element, '.message-row')).toHaveLength(100);
    expect(q(element, '.message-row')?.getAttribute('data-id')).toBe('m000150');

    click(q(element, '.show-earlier'));
    await settle();
    expect(qa(element, '.message-row')).toHaveLength(200);
    expect(messagesAdapter).not.toHaveBeenCalled();
  });

  it('reads earlier messages when the reader scrolls to the top', async () => {
    const element = await showConversation();
    messagesAdapter.mockResolvedValue(OLDER_PAGE);
    const transcript = q(element, '.transcript') as HTMLElement;
    Object.defineProperty(transcript, 'scrollHeight', { configurable: true, value: 1000 });
    transcript.scrollTop = 0;

    transcript.dispatchEvent(new CustomEvent('scroll'));
    await settle();

    expect(messagesAdapter).toHaveBeenCalledTimes(1);
    expect(qa(element, '.message-row')).toHaveLength(6);
  });

  it('keeps the reader at the same message when an older page is added above', async () => {
    const element = await showConversation();
    messagesAdapter.mockResolvedValue(OLDER_PAGE);
    const transcript = q(element, '.transcript') as HTMLElement;
    const rowHeight = 100;
    layOutRows(element, rowHeight);
    const rowsBefore = qa(element, '.message-row').length;
    transcript.scrollTop = 0;

    transcript.dispatchEvent(new CustomEvent('scroll'));
    await settle();

    const added = qa(element, '.message-row').length - rowsBefore;
    expect(added).toBeGreaterThan(0);
    expect(transcript.scrollTop).toBe(rowHeight * added);
  });

  it('reads earlier messages when a newest-first reader scrolls to the bottom', async () => {
    const element = await showConversation({ newestFirst: true });
    messagesAdapter.mockResolvedValue(OLDER_PAGE);
    const transcript = q(element, '.transcript') as HTMLElement;
    Object.defineProperty(transcript, 'scrollHeight', { configurable: true, value: 500 });
    Object.defineProperty(transcript, 'clientHeight', { configurable: true, value: 480 });

    transcript.dispatchEvent(new CustomEvent('scroll'));
    await settle();

    expect(messagesAdapter).toHaveBeenCalledTimes(1);
    expect(qa(element, '.message-row')[5]?.getAttribute('data-id')).toBe('a02000000000001AAA');
  });

  it('says so when earlier messages cannot be read', async () => {
    const element = await showConversation();
    messagesAdapter.mockRejectedValue({ body: { message: 'Timed out' } });

    click(q(element, '.show-earlier'));
    await settle();

    const panel = q(element, 'c-kondo-error-panel.older-error') as HTMLElement;
    expect(panel).not.toBeNull();
    expect(panel.shadowRoot?.querySelector('.error-line')?.textContent).toBe('Timed out');
    expect(qa(element, '.message-row')).toHaveLength(4);
    await expect(element).toBeAccessible();
  });

  it('shows a clean error when the messages fail to load', async () => {
    const element = await showConversation();
    const picker = q(element, 'lightning-combobox') as HTMLElement;
    picker.dispatchEvent(new CustomEvent('change', { detail: { value: SECOND_CONVERSATION } }));
    await settle();
    messagesAdapter.error({ message: 'Something broke' });
    await settle();

    expect(q(element, 'c-kondo-error-panel.messages-error')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the lacks-access state when the messages are refused', async () => {
    const element = await showConversation();
    const picker = q(element, 'lightning-combobox') as HTMLElement;
    picker.dispatchEvent(new CustomEvent('change', { detail: { value: SECOND_CONVERSATION } }));
    await settle();
    messagesAdapter.error({ message: 'NO_ACCESS: no access' });
    await settle();

    expect(q(element, '.state_no-access')).not.toBeNull();
    expect(q(element, '.transcript')).toBeNull();
  });

  it('refreshes the one read from the refresh button and merges the newest page', async () => {
    const element = await showConversation();
    messagesAdapter.mockResolvedValue(OLDER_PAGE);
    click(q(element, '.show-earlier'));
    await settle();

    click(q(element, 'lightning-button-icon.refresh'));
    await settle();
    expect(refreshApexMock).toHaveBeenCalledTimes(1);

    const arrived: ConversationMessage = {
      id: 'a02000000000007AAA',
      direction: 'inbound',
      senderName: 'Jane Doe',
      sentAt: '2025-03-04T17:00:00.000Z',
      body: 'New one',
    };
    emitNewestPage({
      messages: [...NEWEST_PAGE.messages.slice(1), arrived],
      hasOlder: true,
      olderCursor: 'x',
    });
    await settle();
    const ids = qa(element, '.message-row').map((row) => row.getAttribute('data-id'));
    expect(ids).toEqual([
      'a02000000000001AAA',
      'a02000000000002AAA',
      'a02000000000003AAA',
      'a02000000000004AAA',
      'a02000000000005AAA',
      'a02000000000006AAA',
      'a02000000000007AAA',
    ]);
    expect(q(element, '.show-earlier')).toBeNull();
  });

  it('keeps reading the conversation shown when a refresh opens a newer one', async () => {
    const element = await showConversation();
    const newer: ConversationSummary = {
      ...(CONVERSATIONS[1] as ConversationSummary),
      id: 'a01000000000003AAA',
      name: 'Jane Doe (new thread)',
    };
    historyAdapter.emit(historyOf([newer, ...CONVERSATIONS], NO_MESSAGES));
    await settle();

    expect(q(element, '.conversation-name')?.textContent).toBe('Jane Doe');
    expect(messagesAdapter.getLastConfig().conversationId).toBe(FIRST_CONVERSATION);
    expect(qa(element, '.message-row')).toHaveLength(NEWEST_PAGE.messages.length);
  });

  it('starts again from the newest page when more messages arrived than a page holds', async () => {
    const element = await showConversation();
    const fresh = messagesOf(3, 'n');
    emitNewestPage({ messages: fresh, hasOlder: true, olderCursor: 'c' });
    await settle();

    expect(qa(element, '.message-row').map((row) => row.getAttribute('data-id'))).toEqual(
      fresh.map((message) => message.id)
    );
  });

  it('refreshes when the browser tab becomes visible again, at most every ten seconds', async () => {
    let now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const element = await showConversation();
    const visibility = jest.spyOn(document, 'visibilityState', 'get');

    visibility.mockReturnValue('hidden');
    document.dispatchEvent(new CustomEvent('visibilitychange'));
    await settle();
    expect(refreshApexMock).not.toHaveBeenCalled();

    visibility.mockReturnValue('visible');
    document.dispatchEvent(new CustomEvent('visibilitychange'));
    await settle();
    expect(refreshApexMock).toHaveBeenCalledTimes(1);

    now += 5_000;
    document.dispatchEvent(new CustomEvent('visibilitychange'));
    await settle();
    expect(refreshApexMock).toHaveBeenCalledTimes(1);

    now += 10_000;
    document.dispatchEvent(new CustomEvent('visibilitychange'));
    await settle();
    expect(refreshApexMock).toHaveBeenCalledTimes(2);

    document.body.removeChild(element);
    now += 60_000;
    document.dispatchEvent(new CustomEvent('visibilitychange'));
    await settle();
    expect(refreshApexMock).toHaveBeenCalledTimes(2);
  });

  it('refreshes only the conversations while they are all that is loaded', async () => {
    const element = create();
    historyAdapter.emit(historyOf([]));
    await settle();

    click(q(element, 'lightning-button-icon.refresh'));
    click(q(element, 'lightning-button-icon.refresh'));
    await settle();
    expect(refreshApexMock).toHaveBeenCalledTimes(1);
  });

  it('jumps to the newest message, offered only away from it', async () => {
    const element = await showConversation();
    const transcript = q(element, '.transcript') as HTMLElement;
    Object.defineProperty(transcript, 'scrollHeight', { configurable: true, value: 900 });
    expect(q(element, '.jump-newest')).toBeNull();
    transcript.scrollTop = 300;
    transcript.dispatchEvent(new CustomEvent('scroll'));
    await settle();

    click(q(element, '.jump-newest'));
    expect(transcript.scrollTop).toBe(900);
    await settle();
    expect(q(element, '.jump-newest')).toBeNull();
  });

  it('jumps to the top when the newest message is first', async () => {
    const element = await showConversation({ newestFirst: true });
    const transcript = q(element, '.transcript') as HTMLElement;
    Object.defineProperty(transcript, 'scrollHeight', { configurable: true, value: 900 });
    Object.defineProperty(transcript, 'clientHeight', { configurable: true, value: 480 });
    transcript.scrollTop = 300;
    transcript.dispatchEvent(new CustomEvent('scroll'));
    await settle();

    click(q(element, '.jump-newest'));
    expect(transcript.scrollTop).toBe(0);
    expect((q(element, '.jump-newest') as HTMLElement & { iconName: string }).iconName).toBe(
      'utility:arrowup'
    );
  });

  describe('a long history read far back', () => {
    const ROW = 50;
    const rowIds = (element: HTMLElement): (string | null)[] =>
      qa(element, '.message-row').map((row) => row.getAttribute('data-id'));

    async function showLong(count = 1_000, props: Partial<HistoryElement> = {}) {
      const element = await showConversation(props, {
        messages: messagesOf(count),
        hasOlder: false,
        olderCursor: null,
      });
      layOutRows(element, ROW);
      return { element, transcript: q(element, '.transcript') as HTMLElement };
    }

    interface Reading {
      id: string | null;
      /** The row's distance below the top of the viewport. */
      offset: number;
    }

    /** Where the row with that id sits against the top of the viewport. */
    function placeOf(element: HTMLElement, transcript: HTMLElement, id: string | null): Reading {
      const row = qa(element, '.message-row').find((item) => item.getAttribute('data-id') === id);
      return { id, offset: (row as HTMLElement).offsetTop - transcript.scrollTop };
    }

    /** Scrolls to an edge and returns the row that was at the top of the viewport. */
    async function scrollTo(
      element: HTMLElement,
      transcript: HTMLElement,
      edge: 'top' | 'bottom'
    ): Promise<Reading> {
      transcript.scrollTop = edge === 'top' ? 0 : transcript.scrollHeight - transcript.clientHeight;
      const id = rowIds(element)[Math.floor(transcript.scrollTop / ROW)] ?? null;
      const reading = placeOf(element, transcript, id);
      transcript.dispatchEvent(new CustomEvent('scroll'));
      await settle();
      return reading;
    }

    /**
     * Scrolls to an edge again and again while `more()` holds (at most `limit` times), checking
     * after each scroll that the row read before it stays in place; returns the scrolls made.
     * One scroll waits for the render of the one before it, so they run one after the other.
     */
    async function scrollRepeatedly(
      element: HTMLElement,
      transcript: HTMLElement,
      edge: 'top' | 'bottom',
      more: () => boolean,
      limit = 20
    ): Promise<number> {
      if (limit === 0 || !more()) {
        return 0;
      }
      const reading = await scrollTo(element, transcript, edge);
      expect(rowIds(element).length).toBeLessThanOrEqual(300);
      expect(placeOf(element, transcript, reading.id)).toEqual(reading);
      return 1 + (await scrollRepeatedly(element, transcript, edge, more, limit - 1));
    }

    const times = (count: number): (() => boolean) => {
      let left = count;
      return () => left-- > 0;
    };

    // jsdom renders 300 rows slowly (seconds on a loaded 2-core machine): more time than Jest's
    // default for a whole scroll back and forth.
    const SCROLL_TEST_TIMEOUT_MS = 60_000;

    it(
      'renders at most 300 rows however far back the reader scrolls, keeping their place',
      async () => {
        const { element, transcript } = await showLong(600);
        let largest = 0;
        const earlier = await scrollRepeatedly(element, transcript, 'top', () => {
          largest = Math.max(largest, rowIds(element).length);
          return q(element, '.show-earlier') !== null;
        });
        expect(earlier).toBe(5);
        expect(largest).toBe(300);
        expect(rowIds(element)[0]).toBe('m000000');
        expect(rowIds(element)[299]).toBe('m000299');
        expect(q(element, '.show-earlier')).toBeNull();
        expect(q(element, '.later_bottom .show-later')).not.toBeNull();
        expect(q(element, '.jump-newest')).not.toBeNull();
        expect(messagesAdapter).not.toHaveBeenCalled();

        const later = await scrollRepeatedly(
          element,
          transcript,
          'bottom',
          () => q(element, '.show-later') !== null
        );
        expect(later).toBe(3);
        expect(rowIds(element).at(-1)).toBe('m000599');
        expect(rowIds(element)).toHaveLength(300);
        await expect(element).toBeAccessible();
      },
      SCROLL_TEST_TIMEOUT_MS
    );

    it('shows later messages from a button, and jumps back to the newest ones', async () => {
      const { element, transcript } = await showLong();
      expect(await scrollRepeatedly(element, transcript, 'top', times(4))).toBe(4);
      expect(rowIds(element).at(-1)).toBe('m000799');
      click(q(element, '.show-later'));
      await settle();
      expect(rowIds(element).at(-1)).toBe('m000899');
      expect((q(element, '.show-later') as HTMLElement & { label: string }).label).toBe(
        'Show later messages'
      );

      click(q(element, '.jump-newest'));
      await settle();
      expect(rowIds(element)).toHaveLength(100);
      expect(rowIds(element).at(-1)).toBe('m000999');
      expect(transcript.scrollTop).toBe(100 * ROW);
      expect(q(element, '.jump-newest')).toBeNull();
    });

    it('keeps a newest-first window bounded, later messages at the top', async () => {
      const { element, transcript } = await showLong(1_000, { newestFirst: true });
      expect(await scrollRepeatedly(element, transcript, 'bottom', times(4))).toBe(4);
      expect(rowIds(element)).toHaveLength(300);
      expect(rowIds(element)[0]).toBe('m000799');
      expect(q(element, '.later_top .show-later')).not.toBeNull();
      const reading = await scrollTo(element, transcript, 'top');
      expect(rowIds(element)[0]).toBe('m000899');
      expect(placeOf(element, transcript, reading.id)).toEqual(reading);
    });

    it('returns to where the reader was when a search is cleared', async () => {
      const { element, transcript } = await showLong();
      expect(await scrollRepeatedly(element, transcript, 'top', times(5))).toBe(5);
      transcript.scrollTop = 40 * ROW;
      const reading = placeOf(element, transcript, rowIds(element)[40] ?? null);
      const search = q(element, 'lightning-input.search') as HTMLElement;
      search.dispatchEvent(new CustomEvent('change', { detail: { value: 'number 12' } }));
      await settle();
      expect(rowIds(element).length).toBeLessThan(100);
      search.dispatchEvent(new CustomEvent('change', { detail: { value: 'number 1' } }));
      await settle();
      expect(q(element, '.show-later')).toBeNull();

      search.dispatchEvent(new CustomEvent('change', { detail: { value: '' } }));
      await settle();
      expect(rowIds(element)[40]).toBe(reading.id);
      expect(placeOf(element, transcript, reading.id)).toEqual(reading);
    });

    it('returns to the newest message when the row read before a search is gone', async () => {
      const { element, transcript } = await showLong();
      expect(await scrollRepeatedly(element, transcript, 'top', times(4))).toBe(4);
      const search = q(element, 'lightning-input.search') as HTMLElement;
      search.dispatchEvent(new CustomEvent('change', { detail: { value: 'number 5' } }));
      await settle();
      // More new messages than a page holds: the transcript starts again from them.
      const fresh = messagesOf(3, 'n');
      emitNewestPage({ messages: fresh, hasOlder: true, olderCursor: 'c' });
      await settle();

      search.dispatchEvent(new CustomEvent('change', { detail: { value: '' } }));
      await settle();
      expect(rowIds(element)).toEqual(fresh.map((message) => message.id));
      expect(transcript.scrollTop).toBe(3 * ROW);
    });

    it('returns to the row read before a search although new messages arrived', async () => {
      const { element, transcript } = await showLong();
      expect(await scrollRepeatedly(element, transcript, 'top', times(4))).toBe(4);
      transcript.scrollTop = 10 * ROW;
      const reading = placeOf(element, transcript, rowIds(element)[10] ?? null);
      const search = q(element, 'lightning-input.search') as HTMLElement;
      search.dispatchEvent(new CustomEvent('change', { detail: { value: 'number 5' } }));
      await settle();
      emitNewestPage({
        messages: messagesOf(1_050).slice(850),
        hasOlder: true,
        olderCursor: 'c',
      });
      await settle();

      search.dispatchEvent(new CustomEvent('change', { detail: { value: '' } }));
      await settle();
      expect(rowIds(element)[10]).toBe(reading.id);
      expect(placeOf(element, transcript, reading.id)).toEqual(reading);
    });

    it('keeps the window on its messages when a refresh brings new ones', async () => {
      const { element, transcript } = await showLong();
      expect(await scrollRepeatedly(element, transcript, 'top', times(3))).toBe(3);
      const before = rowIds(element);
      expect(before.at(-1)).toBe('m000899');
      const refreshed = messagesOf(1_002).slice(802);
      emitNewestPage({ messages: refreshed, hasOlder: true, olderCursor: 'c' });
      await settle();
      expect(rowIds(element)).toEqual(before);
      expect(q(element, '.show-later')).not.toBeNull();
    });
  });
});
