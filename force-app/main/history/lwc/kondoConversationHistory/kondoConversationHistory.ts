import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import getHistory from '@salesforce/apex/ConversationHistoryController.getHistory';
import getMessages from '@salesforce/apex/ConversationHistoryController.getMessages';
import type { GetHistoryWireResult } from '@salesforce/apex/ConversationHistoryController.getHistory';
import type { GetMessagesWireResult } from '@salesforce/apex/ConversationHistoryController.getMessages';
import type {
  ConversationMessage,
  ConversationSummary,
  MessagePage,
} from 'types/dto/conversationHistory';
import SHOW_LATER_MESSAGES from '@salesforce/label/c.History_ShowLaterMessages';
import SHOW_LATER_MATCHES from '@salesforce/label/c.History_ShowLaterMatches';
import { errorCodeOf } from 'c/kondoErrors';
import {
  buildView,
  countMatches,
  createDateFormatters,
  filterMatching,
  followWindow,
  mergeNewest,
  prependOlder,
  safeHref,
  widenEarlier,
  widenNewer,
  windowBounds,
} from 'c/kondoTranscript';
import type { TranscriptView, WindowRange } from 'c/kondoTranscript';

/** Messages read per request when the history opens or the reader scrolls back. */
export const PAGE_SIZE = 200;
/** Messages read per request by "Search entire history" (the controller's maximum). */
export const SEARCH_PAGE_SIZE = 500;
/** Messages rendered at first, and added by each "Show earlier" or "Show later". */
export const WINDOW_SIZE = 100;
/**
 * At most this many messages are rendered: reading further back gives up the newest ones (read
 * again from memory when the reader scrolls down), so the DOM stays the same size however far
 * the reader goes.
 */
export const MAX_WINDOW_SIZE = 300;
/** "Search entire history" stops once this many messages are loaded. */
export const MAX_SEARCH_MESSAGES = 20000;
/** A tab regaining focus refreshes at most this often. */
export const MIN_REFRESH_INTERVAL_MS = 10000;
const DEFAULT_HEIGHT = 480;
const MIN_HEIGHT = 200;
const MAX_HEIGHT = 2000;
// Distance from an edge of the transcript at which scrolling reveals the messages beyond it.
const SCROLL_EDGE_PX = 40;
// Farther than this from the newest message, "Jump to newest" is offered.
const AWAY_FROM_NEWEST_PX = 100;
const NEWEST_WINDOW: WindowRange = { newerHidden: 0, size: WINDOW_SIZE };
const NO_ACCESS = 'NO_ACCESS';

// refresh() and showEarlier() report their failures through the wires and olderError.
const ignoreFailure = (): void => undefined;

interface ComboboxOption {
  label: string;
  value: string;
}

/** The message row at the top of the viewport and its distance below the viewport's top. */
interface ScrollAnchor {
  id: string;
  offset: number;
  /** Scroll to the newest message if that row is no longer rendered. */
  orNewest: boolean;
}

/**
 * Kondo LinkedIn Conversation: the LinkedIn conversation(s) synced for a Contact or Lead, shown
 * as a chat (the person's messages on the left, ours on the right, day separators, times in the
 * viewer's locale and time zone), with labels, notes, links to Kondo and LinkedIn, search, and a
 * switcher when the person has several conversations.
 *
 * Data: the first paint is one call, a cacheable wire on `getHistory`, which answers the
 * conversations and the newest page (200) of the first one. Another conversation picked in the
 * switcher is read by a cacheable wire on `getMessages`; older pages by imperative `getMessages`
 * calls with the keyset cursor of the page after them. Only a window of the
 * loaded messages is rendered: the newest 100 at first, 100 more by "Show earlier" or by
 * scrolling to the earlier edge (which reads the next older page once the loaded ones are all
 * shown), at most 300, the newest given up beyond that and rendered again by "Show later" or by
 * scrolling to the newer edge. The row the reader is looking at stays in place as rows come and
 * go, so a 10,000-message history opens, and reads back to its start, with the DOM of a short
 * one. "Jump to newest" is offered away from the newest message; clearing a search returns the
 * reader to where they were before it. Search covers the loaded messages;
 * "Search entire history" reads the remaining pages (500 at a time, at most 20,000 messages)
 * with progress.
 *
 * Refresh without reloading the page: the refresh button, and the browser tab becoming visible
 * again (`visibilitychange`, at most every 10 s), call `refreshApex` on the history wire, and on
 * the messages wire when it reads the conversation shown. The newest
 * page read again is merged with what is loaded, so older pages already read stay.
 */
export default class KondoConversationHistory extends LightningElement {
  /** Contact or Lead id, set by the record page. */
  @api recordId: string | undefined;
  /** Height of the message area in pixels (App Builder, 200 to 2000). */
  @api height: number | undefined;
  /** Newest message at the top instead of at the bottom (App Builder). */
  @api newestFirst = false;
  /** Show the Kondo notes (App Builder; shown unless set to false). */
  @api showNotes: boolean | undefined;

  conversations: ConversationSummary[] | undefined;
  conversationsError: unknown;
  selectedConversationId: string | undefined;
  /**
   * The conversation whose newest page the getMessages wire reads: the selected one, unless its
   * messages are hidden or the getHistory answer carries them (the one it opened).
   */
  readableConversationId: string | undefined;

  messages: ConversationMessage[] = [];
  messagesLoaded = false;
  messagesError: unknown;
  olderError: unknown;
  hasOlder = false;
  olderCursor: string | null = null;
  loadingOlder = false;

  query = '';
  windowRange: WindowRange = NEWEST_WINDOW;
  searchingAll = false;
  refreshing = false;
  /** The reader scrolled away from the newest message. */
  awayFromNewest = false;

  private wiredHistory: GetHistoryWireResult | undefined;
  private wiredMessages: GetMessagesWireResult | undefined;
  private loadedConversationId: string | undefined;
  private scrollToNewestPending = false;
  private scrollAnchor: ScrollAnchor | undefined;
  private lastRefreshAt = 0;
  private readonly formatters = createDateFormatters(LOCALE, TIME_ZONE);
  private viewCache: { key: unknown[]; view: TranscriptView } | undefined;
  private sourceCache:
    { messages: ConversationMessage[]; query: string; source: ConversationMessage[] } | undefined;
  /** Where the reader was when a search began: cleared, the search returns there. */
  private searchReturn:
    | { range: WindowRange; newestShownId: string | undefined; anchor: ScrollAnchor | undefined }
    | undefined;
  private matchCache: { messages: ConversationMessage[]; query: string; count: number } | undefined;

  private readonly onVisibilityChange = (): void => {
    if (
      document.visibilityState === 'visible' &&
      Date.now() - this.lastRefreshAt >= MIN_REFRESH_INTERVAL_MS
    ) {
      this.refresh().catch(ignoreFailure);
    }
  };

  @wire(getHistory, { recordId: '$recordId', pageSize: PAGE_SIZE })
  wiredHistoryResult(result: GetHistoryWireResult): void {
    this.wiredHistory = result;
    if (result.data) {
      const { conversations, openConversationId, firstPage } = result.data;
      this.conversations = conversations;
      this.conversationsError = undefined;
      if (!conversations.some((conversation) => conversation.id === this.selectedConversationId)) {
        this.selectConversation(conversations[0]?.id, false);
      }
      if (this.messagesHidden) {
        this.readableConversationId = undefined;
      } else if (openConversationId === this.selectedConversationId) {
        // The answer holds the newest page of the conversation shown: no second call.
        this.applyNewestPage(firstPage);
      } else {
        this.readableConversationId = this.selectedConversationId;
      }
    } else if (result.error) {
      this.conversations = undefined;
      this.conversationsError = result.error;
    }
  }

  @wire(getMessages, {
    conversationId: '$readableConversationId',
    pageSize: PAGE_SIZE,
    beforeCursor: null,
  })
  wiredNewestMessages(result: GetMessagesWireResult): void {
    this.wiredMessages = result;
    if (result.data) {
      this.applyNewestPage(result.data);
    } else if (result.error) {
      this.messagesError = result.error;
      this.messagesLoaded = true;
    }
  }

  override connectedCallback(): void {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
  }

  override renderedCallback(): void {
    const transcript = this.transcriptElement;
    if (!transcript) {
      return;
    }
    if (this.scrollToNewestPending) {
      this.scrollToNewestPending = false;
      this.scrollToNewest(transcript);
    } else if (this.scrollAnchor) {
      // Rows were added or trimmed around the reader: keep their row where it was.
      this.restoreAnchor(transcript, this.scrollAnchor);
    }
    this.scrollAnchor = undefined;
  }

  // ---- states ----

  get noAccess(): boolean {
    return (
      errorCodeOf(this.conversationsError) === NO_ACCESS ||
      errorCodeOf(this.messagesError) === NO_ACCESS
    );
  }

  get isLoading(): boolean {
    return this.conversations === undefined && !this.conversationsError;
  }

  get hasError(): boolean {
    return Boolean(this.conversationsError) && !this.noAccess;
  }

  get isEmpty(): boolean {
    return this.conversations !== undefined && this.conversations.length === 0;
  }

  get hasConversations(): boolean {
    return !this.noAccess && (this.conversations?.length ?? 0) > 0;
  }

  get hasMultipleConversations(): boolean {
    return (this.conversations?.length ?? 0) > 1;
  }

  get messagesLoading(): boolean {
    return !this.messagesLoaded && !this.messagesHidden;
  }

  /** A private conversation of another rep: it exists, its messages are not for this user. */
  get messagesHidden(): boolean {
    return this.selectedConversation?.messagesHidden === true;
  }

  get isMetadataOnly(): boolean {
    return this.selectedConversation?.privacy === 'metadataOnly';
  }

  get hasMessagesError(): boolean {
    return this.messagesLoaded && Boolean(this.messagesError) && !this.noAccess;
  }

  get hasNoMessages(): boolean {
    return this.messagesLoaded && !this.messagesError && this.messages.length === 0;
  }

  get hasMessages(): boolean {
    return this.messagesLoaded && !this.messagesError && this.messages.length > 0;
  }

  // ---- conversation ----

  get selectedConversation(): ConversationSummary | undefined {
    return this.conversations?.find(
      (conversation) => conversation.id === this.selectedConversationId
    );
  }

  get conversationOptions(): ComboboxOption[] {
    return (this.conversations ?? []).map((conversation) => {
      const last = conversation.lastMessageAt
        ? `last message ${this.formatters.dayLabel(conversation.lastMessageAt)}`
        : 'no messages yet';
      return {
        label: `${conversation.name} (${last}, ${conversation.messageCount} messages)`,
        value: conversation.id,
      };
    });
  }

  get conversationName(): string {
    return this.selectedConversation?.name ?? '';
  }

  get labelItems(): { key: string; label: string }[] {
    return (this.selectedConversation?.labels ?? []).map((label, index) => ({
      key: `label-${index}`,
      label,
    }));
  }

  get hasLabels(): boolean {
    return this.labelItems.length > 0;
  }

  get notes(): string {
    return this.selectedConversation?.notes ?? '';
  }

  get notesVisible(): boolean {
    return this.showNotes !== false && this.notes.trim().length > 0;
  }

  get kondoHref(): string | null {
    return safeHref(this.selectedConversation?.kondoUrl ?? '');
  }

  get linkedInHref(): string | null {
    return safeHref(this.selectedConversation?.linkedInUrl ?? '');
  }

  get hasLinks(): boolean {
    return Boolean(this.kondoHref ?? this.linkedInHref);
  }

  // ---- transcript ----

  get view(): TranscriptView {
    const key = [this.messages, this.query, this.windowRange, this.newestFirst];
    const cached = this.viewCache;
    if (cached?.key.every((part, index) => part === key[index])) {
      return cached.view;
    }
    const view = buildView(this.messages, {
      query: this.query,
      windowSize: this.windowRange.size,
      newerHidden: this.windowRange.newerHidden,
      newestFirst: this.newestFirst,
      formatters: this.formatters,
    });
    this.viewCache = { key, view };
    return view;
  }

  get items(): TranscriptView['items'] {
    return this.view.items;
  }

  get canShowEarlier(): boolean {
    return this.view.hiddenCount > 0 || this.hasOlder;
  }

  get showEarlierAtTop(): boolean {
    return this.canShowEarlier && !this.newestFirst;
  }

  get showEarlierAtBottom(): boolean {
    return this.canShowEarlier && this.newestFirst;
  }

  get showEarlierLabel(): string {
    return this.query.trim() ? 'Show earlier matches' : 'Show earlier messages';
  }

  get canShowLater(): boolean {
    return this.view.newerHiddenCount > 0;
  }

  get showLaterAtTop(): boolean {
    return this.canShowLater && this.newestFirst;
  }

  get showLaterAtBottom(): boolean {
    return this.canShowLater && !this.newestFirst;
  }

  get showLaterLabel(): string {
    return this.query.trim() ? SHOW_LATER_MATCHES : SHOW_LATER_MESSAGES;
  }

  get showJumpToNewest(): boolean {
    return this.awayFromNewest || this.canShowLater;
  }

  get jumpIcon(): string {
    return this.newestFirst ? 'utility:arrowup' : 'utility:arrowdown';
  }

  get transcriptStyle(): string {
    const wanted = Number(this.height ?? DEFAULT_HEIGHT);
    const height = Number.isFinite(wanted)
      ? Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, wanted))
      : DEFAULT_HEIGHT;
    // A cap, not a fixed size: a short conversation takes only the room it needs.
    return `max-height: ${height}px`;
  }

  // ---- search ----

  get isSearching(): boolean {
    return this.query.trim().length > 0;
  }

  get matchCount(): number {
    const cached = this.matchCache;
    if (cached && cached.messages === this.messages && cached.query === this.query) {
      return cached.count;
    }
    const count = countMatches(this.messages, this.query);
    this.matchCache = { messages: this.messages, query: this.query, count };
    return count;
  }

  get matchSummary(): string {
    const matches = this.matchCount;
    const messages = this.view.sourceCount;
    const scope = this.hasOlder ? ' in the loaded messages' : '';
    if (matches === 0) {
      return `No matches${scope}.`;
    }
    return `${matches} ${matches === 1 ? 'match' : 'matches'} in ${messages} ${
      messages === 1 ? 'message' : 'messages'
    }${scope}.`;
  }

  get canSearchEntireHistory(): boolean {
    return this.isSearching && this.hasOlder && !this.searchingAll && !this.searchLimitReached;
  }

  get searchLimitReached(): boolean {
    return this.hasOlder && this.messages.length >= MAX_SEARCH_MESSAGES;
  }

  get searchLimitMessage(): string {
    return `Searched the newest ${MAX_SEARCH_MESSAGES} messages; older ones are not searched.`;
  }

  get totalMessageCount(): number {
    return Math.max(this.selectedConversation?.messageCount ?? 0, this.messages.length);
  }

  get searchProgress(): number {
    const total = this.totalMessageCount;
    return total > 0 ? Math.round((100 * this.messages.length) / total) : 0;
  }

  get searchProgressLabel(): string {
    return `Loaded ${this.messages.length} of ${this.totalMessageCount} messages`;
  }

  // ---- handlers ----

  handleConversationChange(event: CustomEvent<{ value: string }>): void {
    this.selectConversation(event.detail.value, true);
  }

  handleSearchChange(event: CustomEvent<{ value?: string }>): void {
    const query = event.detail.value ?? '';
    const wasSearching = this.isSearching;
    const searching = query.trim().length > 0;
    if (searching && !wasSearching) {
      this.searchReturn = {
        range: this.windowRange,
        newestShownId: this.newestShownId,
        anchor: this.captureAnchor(true),
      };
    }
    this.query = query;
    const back = this.searchReturn;
    const anchorId = back?.anchor?.id;
    if (
      !searching &&
      wasSearching &&
      back?.anchor &&
      this.source.some((message) => message.id === anchorId)
    ) {
      this.searchReturn = undefined;
      // On the messages it showed, even if a refresh brought new ones meanwhile.
      this.windowRange = followWindow(back.range, back.newestShownId, this.source);
      this.scrollAnchor = back.anchor;
    } else {
      if (!searching) {
        this.searchReturn = undefined;
      }
      // The matches (or all messages) from the newest one.
      this.windowRange = NEWEST_WINDOW;
      this.scrollToNewestPending = true;
    }
  }

  async handleSearchEntireHistory(): Promise<void> {
    if (this.searchingAll) {
      return;
    }
    this.searchingAll = true;
    try {
      while (this.searchingAll && this.hasOlder && this.messages.length < MAX_SEARCH_MESSAGES) {
        // Sequential on purpose: each page's cursor comes from the page before it.
        // eslint-disable-next-line no-await-in-loop
        const loaded = await this.loadOlderPage(SEARCH_PAGE_SIZE);
        if (!loaded) {
          break;
        }
      }
    } finally {
      this.searchingAll = false;
    }
  }

  handleStopSearch(): void {
    this.searchingAll = false;
  }

  async handleShowEarlier(): Promise<void> {
    await this.showEarlier();
  }

  handleShowLater(): void {
    this.showLater();
  }

  handleTranscriptScroll(event: Event): void {
    const transcript = event.currentTarget as HTMLElement;
    const fromTop = transcript.scrollTop;
    const fromBottom = transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight;
    const toEarlier = this.newestFirst ? fromBottom : fromTop;
    const toNewer = this.newestFirst ? fromTop : fromBottom;
    if (
      toEarlier < SCROLL_EDGE_PX &&
      this.canShowEarlier &&
      !this.loadingOlder &&
      !this.searchingAll
    ) {
      this.showEarlier().catch(ignoreFailure);
    } else if (toNewer < SCROLL_EDGE_PX && this.canShowLater) {
      this.showLater();
    }
    const away = toNewer > AWAY_FROM_NEWEST_PX;
    if (away !== this.awayFromNewest) {
      this.awayFromNewest = away;
    }
  }

  handleJumpToNewest(): void {
    const transcript = this.transcriptElement;
    if (this.canShowLater) {
      // The newest messages were given up for earlier ones: render them again, then scroll.
      this.windowRange = NEWEST_WINDOW;
      this.scrollToNewestPending = true;
    } else if (transcript) {
      this.scrollToNewest(transcript);
    }
    this.awayFromNewest = false;
  }

  async handleRefresh(): Promise<void> {
    await this.refresh();
  }

  // ---- internals ----

  private get transcriptElement(): HTMLElement | null {
    return this.template?.querySelector<HTMLElement>('.transcript') ?? null;
  }

  private scrollToNewest(transcript: HTMLElement): void {
    transcript.scrollTop = this.newestFirst ? 0 : transcript.scrollHeight;
  }

  /** readByWire: the getMessages wire reads its newest page (false: the getHistory answer has it). */
  private selectConversation(conversationId: string | undefined, readByWire: boolean): void {
    this.selectedConversationId = conversationId;
    this.readableConversationId = readByWire && !this.messagesHidden ? conversationId : undefined;
    this.loadedConversationId = undefined;
    this.messages = [];
    this.messagesLoaded = false;
    this.messagesError = undefined;
    this.olderError = undefined;
    this.hasOlder = false;
    this.olderCursor = null;
    this.query = '';
    this.windowRange = NEWEST_WINDOW;
    this.searchReturn = undefined;
    this.awayFromNewest = false;
    this.searchingAll = false;
  }

  /** The messages the window is cut from: all loaded ones, or those matching the query. */
  private get source(): ConversationMessage[] {
    const cached = this.sourceCache;
    if (cached && cached.messages === this.messages && cached.query === this.query) {
      return cached.source;
    }
    const source = filterMatching(this.messages, this.query);
    this.sourceCache = { messages: this.messages, query: this.query, source };
    return source;
  }

  private get newestShownId(): string | undefined {
    const source = this.source;
    return source[windowBounds(source.length, this.windowRange).end - 1]?.id;
  }

  private applyNewestPage(page: MessagePage): void {
    const pageMessages = page.messages ?? [];
    if (this.messagesLoaded && this.loadedConversationId === this.selectedConversationId) {
      const newestShownId = this.newestShownId;
      const merged = mergeNewest(this.messages, pageMessages);
      this.messages = merged.messages;
      this.windowRange = followWindow(this.windowRange, newestShownId, this.source);
      if (!merged.keptOlder) {
        this.hasOlder = page.hasOlder;
        this.olderCursor = page.olderCursor ?? null;
      }
    } else {
      this.messages = pageMessages;
      this.hasOlder = page.hasOlder;
      this.olderCursor = page.olderCursor ?? null;
      this.loadedConversationId = this.selectedConversationId;
      this.windowRange = NEWEST_WINDOW;
      this.scrollToNewestPending = true;
    }
    this.messagesLoaded = true;
    this.messagesError = undefined;
  }

  private async showEarlier(): Promise<void> {
    if (this.view.hiddenCount > 0 || (await this.loadOlderPage(PAGE_SIZE))) {
      this.anchorScroll();
      this.windowRange = widenEarlier(
        this.windowRange,
        this.source.length,
        WINDOW_SIZE,
        MAX_WINDOW_SIZE
      );
    }
  }

  private showLater(): void {
    this.anchorScroll();
    this.windowRange = widenNewer(
      this.windowRange,
      this.source.length,
      WINDOW_SIZE,
      MAX_WINDOW_SIZE
    );
  }

  // Rows are about to be added on one side and trimmed on the other: the next render keeps the
  // reader's place. Taken just before each change, never before a page is read: the render of
  // the "Loading" line would use it up.
  private anchorScroll(): void {
    this.scrollAnchor = this.captureAnchor(false) ?? this.scrollAnchor;
  }

  private captureAnchor(orNewest: boolean): ScrollAnchor | undefined {
    const transcript = this.transcriptElement;
    if (!transcript) {
      return undefined;
    }
    const top = transcript.scrollTop;
    let first: HTMLElement | undefined;
    for (const row of transcript.querySelectorAll<HTMLElement>('.message-row')) {
      first ??= row;
      if (row.offsetTop + row.offsetHeight > top) {
        first = row;
        break;
      }
    }
    const id = first?.dataset.id;
    return first && id ? { id, offset: first.offsetTop - top, orNewest } : undefined;
  }

  private restoreAnchor(transcript: HTMLElement, anchor: ScrollAnchor): void {
    for (const row of transcript.querySelectorAll<HTMLElement>('.message-row')) {
      if (row.dataset.id === anchor.id) {
        transcript.scrollTop = row.offsetTop - anchor.offset;
        return;
      }
    }
    if (anchor.orNewest) {
      this.scrollToNewest(transcript);
    }
  }

  private async loadOlderPage(pageSize: number): Promise<boolean> {
    const conversationId = this.selectedConversationId;
    if (!conversationId || !this.hasOlder || this.loadingOlder) {
      return false;
    }
    this.loadingOlder = true;
    this.olderError = undefined;
    try {
      const page = await getMessages({
        conversationId,
        pageSize,
        beforeCursor: this.olderCursor,
      });
      if (conversationId !== this.selectedConversationId) {
        return false;
      }
      this.anchorScroll();
      this.messages = prependOlder(this.messages, page.messages ?? []);
      this.hasOlder = page.hasOlder;
      this.olderCursor = page.olderCursor ?? null;
      return true;
    } catch (error) {
      if (conversationId === this.selectedConversationId) {
        this.olderError = error;
      }
      return false;
    } finally {
      this.loadingOlder = false;
    }
  }

  private async refresh(): Promise<void> {
    if (this.refreshing) {
      return;
    }
    this.refreshing = true;
    this.lastRefreshAt = Date.now();
    const pending: Promise<unknown>[] = [];
    if (this.wiredHistory) {
      pending.push(refreshApex(this.wiredHistory));
    }
    if (this.wiredMessages && this.readableConversationId) {
      pending.push(refreshApex(this.wiredMessages));
    }
    // A failed refresh reaches the wire handlers as an error; nothing more to do here.
    await Promise.allSettled(pending);
    this.refreshing = false;
  }
}
