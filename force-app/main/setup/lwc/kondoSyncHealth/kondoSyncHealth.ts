import { LightningElement, api } from 'lwc';
import type { DayCount, FailureRow, RequestRow, SyncHealth } from 'types/dto/setup';
import { downloadText, toCsv } from 'c/kondoDownload';
import type { CsvColumn } from 'c/kondoDownload';

export const VIEW_ALL = 'all';
export const VIEW_FAILED_REQUESTS = 'failedRequests';
export const VIEW_FAILED_CONVERSATIONS = 'failedConversations';
const FAILED_OUTCOMES = new Set(['Failed', 'Rejected', 'Partial']);
const NO_DATA: SyncHealth = { days: [], requests: [], failures: [] };

interface ChartDay {
  day: string;
  label: string;
  title: string;
  syncedStyle: string;
  skippedStyle: string;
  failedStyle: string;
}

const REQUEST_COLUMNS: CsvColumn<RequestRow>[] = [
  { header: 'Log', value: (row) => row.name },
  { header: 'Started at', value: (row) => row.startedAt },
  { header: 'Endpoint', value: (row) => row.endpoint },
  { header: 'Outcome', value: (row) => row.outcome },
  { header: 'Received', value: (row) => row.received },
  { header: 'Created', value: (row) => row.created },
  { header: 'Updated', value: (row) => row.updated },
  { header: 'Skipped', value: (row) => row.skipped },
  { header: 'Failed', value: (row) => row.failed },
  { header: 'Error code', value: (row) => row.errorCode },
  { header: 'Error message', value: (row) => row.errorMessage },
];

const FAILURE_COLUMNS: CsvColumn<FailureRow>[] = [
  { header: 'Log', value: (row) => row.logName },
  { header: 'Started at', value: (row) => row.startedAt },
  { header: 'Conversation', value: (row) => row.conversationId },
  { header: 'Error code', value: (row) => row.errorCode },
  { header: 'Reason', value: (row) => row.reason },
];

function heightStyle(count: number, max: number): string {
  const percent = max === 0 ? 0 : Math.round((count / max) * 100);
  return `height: ${percent}%`;
}

/**
 * The sync log on the setup page: a bar chart of the last 14 days (conversations synced,
 * skipped and failed per day), the recent requests with their counts and outcome, a filter for
 * failures (failed requests, or each failed conversation with its reason), and a CSV export of
 * the rows shown.
 */
export default class KondoSyncHealth extends LightningElement {
  @api health: SyncHealth | undefined;

  view = VIEW_ALL;

  get viewOptions(): { label: string; value: string }[] {
    return [
      { label: 'All requests', value: VIEW_ALL },
      { label: 'Failed requests', value: VIEW_FAILED_REQUESTS },
      { label: 'Failed conversations', value: VIEW_FAILED_CONVERSATIONS },
    ];
  }

  private get data(): SyncHealth {
    return this.health ?? NO_DATA;
  }

  get days(): DayCount[] {
    return this.data.days;
  }

  get chartDays(): ChartDay[] {
    const max = Math.max(0, ...this.days.map((day) => day.synced + day.skipped + day.failed));
    return this.days.map((day) => ({
      day: day.day,
      label: day.day.slice(5),
      title: `${day.day}: ${day.synced} synced, ${day.skipped} skipped, ${day.failed} failed`,
      syncedStyle: heightStyle(day.synced, max),
      skippedStyle: heightStyle(day.skipped, max),
      failedStyle: heightStyle(day.failed, max),
    }));
  }

  get chartSummary(): string {
    const total = (pick: (day: DayCount) => number): number =>
      this.days.reduce((sum, day) => sum + pick(day), 0);
    return `Conversations in the last ${this.days.length} days: ${total((d) => d.synced)} synced, ${total((d) => d.skipped)} skipped, ${total((d) => d.failed)} failed.`;
  }

  get showingConversations(): boolean {
    return this.view === VIEW_FAILED_CONVERSATIONS;
  }

  get shownRequests(): RequestRow[] {
    const requests = this.data.requests;
    return this.view === VIEW_FAILED_REQUESTS
      ? requests.filter((row) => FAILED_OUTCOMES.has(String(row.outcome)))
      : requests;
  }

  get shownFailures(): FailureRow[] {
    return this.data.failures;
  }

  get shownCount(): number {
    return this.showingConversations ? this.shownFailures.length : this.shownRequests.length;
  }

  get isEmpty(): boolean {
    return this.shownCount === 0;
  }

  handleViewChange(event: CustomEvent<{ value: string }>): void {
    this.view = event.detail.value;
  }

  handleExport(): void {
    const csv = this.showingConversations
      ? toCsv(FAILURE_COLUMNS, this.shownFailures)
      : toCsv(REQUEST_COLUMNS, this.shownRequests);
    downloadText(`kondo-sync-log-${this.view}.csv`, 'text/csv', csv);
  }
}
