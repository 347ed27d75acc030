import { LightningElement, api } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import type { DayCount, FailureRow, RequestRow, SyncHealth } from 'types/dto/setup';
import CHART_TITLE from '@salesforce/label/c.Setup_ChartTitle';
import CHART_SUMMARY from '@salesforce/label/c.Setup_ChartSummary';
import CHART_DAY from '@salesforce/label/c.Setup_ChartDay';
import CHART_EMPTY from '@salesforce/label/c.Setup_ChartEmpty';
import CHART_EMPTY_HINT from '@salesforce/label/c.Setup_ChartEmptyHint';
import LEGEND_SYNCED from '@salesforce/label/c.Setup_LegendSynced';
import LEGEND_SKIPPED from '@salesforce/label/c.Setup_LegendSkipped';
import LEGEND_FAILED from '@salesforce/label/c.Setup_LegendFailed';
import LOG_SHOW from '@salesforce/label/c.Setup_LogShow';
import LOG_ALL from '@salesforce/label/c.Setup_LogAll';
import LOG_FAILED_REQUESTS from '@salesforce/label/c.Setup_LogFailedRequests';
import LOG_FAILED_CONVERSATIONS from '@salesforce/label/c.Setup_LogFailedConversations';
import LOG_EXPORT from '@salesforce/label/c.Setup_LogExport';
import LOG_EMPTY from '@salesforce/label/c.Setup_LogEmpty';
import LOG_EMPTY_NO_SYNC from '@salesforce/label/c.Setup_LogEmptyNoSync';
import REQUESTS_CAPTION from '@salesforce/label/c.Setup_LogRequestsCaption';
import FAILURES_CAPTION from '@salesforce/label/c.Setup_LogFailuresCaption';
import TABLE_SCROLL from '@salesforce/label/c.Setup_TableScroll';
import COL_LOG from '@salesforce/label/c.Setup_ColLog';
import COL_STARTED from '@salesforce/label/c.Setup_ColStarted';
import COL_STARTED_AT from '@salesforce/label/c.Setup_ColStartedAt';
import COL_ENDPOINT from '@salesforce/label/c.Setup_ColEndpoint';
import COL_OUTCOME from '@salesforce/label/c.Setup_ColOutcome';
import COL_RECEIVED from '@salesforce/label/c.Setup_ColReceived';
import COL_CREATED from '@salesforce/label/c.Setup_ColCreated';
import COL_UPDATED from '@salesforce/label/c.Setup_ColUpdated';
import COL_SKIPPED from '@salesforce/label/c.Setup_ColSkipped';
import COL_FAILED from '@salesforce/label/c.Setup_ColFailed';
import COL_ERROR_CODE from '@salesforce/label/c.Setup_ColErrorCode';
import COL_ERROR_MESSAGE from '@salesforce/label/c.Setup_ColErrorMessage';
import COL_CONVERSATION from '@salesforce/label/c.Setup_ColConversation';
import COL_REASON from '@salesforce/label/c.Setup_ColReason';
import OPEN_CONVERSATION from '@salesforce/label/c.Setup_OpenConversation';
import OPEN_LOG_ENTRY from '@salesforce/label/c.Setup_OpenLogEntry';
import OUTCOME_SUCCESS from '@salesforce/label/c.Setup_Outcome_Success';
import OUTCOME_PARTIAL from '@salesforce/label/c.Setup_Outcome_Partial';
import OUTCOME_FAILED from '@salesforce/label/c.Setup_Outcome_Failed';
import OUTCOME_REJECTED from '@salesforce/label/c.Setup_Outcome_Rejected';
import WEBHOOK_STATUS from '@salesforce/label/c.Setup_WebhookStatus';
import { downloadText, toCsv } from 'c/kondoDownload';
import type { CsvColumn } from 'c/kondoDownload';
import { formatLabel } from 'c/kondoFormat';

export const VIEW_ALL = 'all';
export const VIEW_FAILED_REQUESTS = 'failedRequests';
export const VIEW_FAILED_CONVERSATIONS = 'failedConversations';
const FAILED_OUTCOMES = new Set(['Failed', 'Rejected', 'Partial']);
const NO_DATA: SyncHealth = {
  days: [],
  requests: [],
  failures: [],
  webhookPending: 0,
  webhookFailed: 0,
};

// The sync log's outcome values (SyncLogService) as people read them.
const OUTCOME_LABELS: Record<string, string> = {
  Success: OUTCOME_SUCCESS,
  Partial: OUTCOME_PARTIAL,
  Failed: OUTCOME_FAILED,
  Rejected: OUTCOME_REJECTED,
};

interface ChartDay {
  day: string;
  label: string;
  title: string;
  syncedStyle: string;
  skippedStyle: string;
  failedStyle: string;
}

interface RequestView extends RequestRow {
  outcomeText: string;
}

interface FailureView extends FailureRow {
  href: string;
  linkTitle: string;
}

// The export keeps the values as stored (codes, ISO dates), for spreadsheets and scripts.
const REQUEST_COLUMNS: CsvColumn<RequestRow>[] = [
  { header: COL_LOG, value: (row) => row.name },
  { header: COL_STARTED_AT, value: (row) => row.startedAt },
  { header: COL_ENDPOINT, value: (row) => row.endpoint },
  { header: COL_OUTCOME, value: (row) => row.outcome },
  { header: COL_RECEIVED, value: (row) => row.received },
  { header: COL_CREATED, value: (row) => row.created },
  { header: COL_UPDATED, value: (row) => row.updated },
  { header: COL_SKIPPED, value: (row) => row.skipped },
  { header: COL_FAILED, value: (row) => row.failed },
  { header: COL_ERROR_CODE, value: (row) => row.errorCode },
  { header: COL_ERROR_MESSAGE, value: (row) => row.errorMessage },
];

const FAILURE_COLUMNS: CsvColumn<FailureRow>[] = [
  { header: COL_LOG, value: (row) => row.logName },
  { header: COL_STARTED_AT, value: (row) => row.startedAt },
  { header: COL_CONVERSATION, value: (row) => row.conversationId },
  { header: COL_ERROR_CODE, value: (row) => row.errorCode },
  { header: COL_REASON, value: (row) => row.reason },
];

function heightStyle(count: number, max: number): string {
  const percent = max === 0 ? 0 : Math.round((count / max) * 100);
  return `height: ${percent}%`;
}

// The chart's days are calendar days (yyyy-MM-dd in the admin's zone): formatted as dates in UTC
// so that no zone moves them.
function dayFormat(options: Intl.DateTimeFormatOptions): (day: string) => string {
  const format = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: 'UTC' });
  return (day) => format.format(new Date(`${day}T00:00:00.000Z`));
}
const shortDay = dayFormat({ month: 'short', day: 'numeric' });
const longDay = dayFormat({ year: 'numeric', month: 'short', day: 'numeric' });

/**
 * The sync log on the setup page: a bar chart of the last 14 days (conversations synced,
 * skipped and failed per day, or a sentence while there are none), the recent requests with
 * their counts, outcome, error code and message, a filter for failures (failed requests, or each
 * failed conversation with its reason, linked to its record), and a CSV export of the rows
 * shown. The tables scroll sideways inside their box on a narrow screen.
 */
export default class KondoSyncHealth extends LightningElement {
  @api health: SyncHealth | undefined;

  view = VIEW_ALL;

  label = {
    chartTitle: CHART_TITLE,
    chartEmpty: CHART_EMPTY,
    chartEmptyHint: CHART_EMPTY_HINT,
    legendSynced: LEGEND_SYNCED,
    legendSkipped: LEGEND_SKIPPED,
    legendFailed: LEGEND_FAILED,
    show: LOG_SHOW,
    export: LOG_EXPORT,
    requestsCaption: REQUESTS_CAPTION,
    failuresCaption: FAILURES_CAPTION,
    requestsRegion: formatLabel(TABLE_SCROLL, REQUESTS_CAPTION),
    failuresRegion: formatLabel(TABLE_SCROLL, FAILURES_CAPTION),
    colLog: COL_LOG,
    colStarted: COL_STARTED,
    colOutcome: COL_OUTCOME,
    colReceived: COL_RECEIVED,
    colCreated: COL_CREATED,
    colUpdated: COL_UPDATED,
    colSkipped: COL_SKIPPED,
    colFailed: COL_FAILED,
    colErrorCode: COL_ERROR_CODE,
    colErrorMessage: COL_ERROR_MESSAGE,
    colConversation: COL_CONVERSATION,
    colReason: COL_REASON,
  };

  get viewOptions(): { label: string; value: string }[] {
    return [
      { label: LOG_ALL, value: VIEW_ALL },
      { label: LOG_FAILED_REQUESTS, value: VIEW_FAILED_REQUESTS },
      { label: LOG_FAILED_CONVERSATIONS, value: VIEW_FAILED_CONVERSATIONS },
    ];
  }

  private get data(): SyncHealth {
    return this.health ?? NO_DATA;
  }

  get days(): DayCount[] {
    return this.data.days;
  }

  private total(pick: (day: DayCount) => number): number {
    return this.days.reduce((sum, day) => sum + pick(day), 0);
  }

  /** Changes waiting for the webhook or given up: shown only when there are some. */
  get hasWebhookBacklog(): boolean {
    return this.data.webhookPending > 0 || this.data.webhookFailed > 0;
  }

  get webhookStatus(): string {
    return formatLabel(WEBHOOK_STATUS, this.data.webhookPending, this.data.webhookFailed);
  }

  /** No conversation in the chart's days: a sentence instead of empty bars. */
  get chartEmpty(): boolean {
    return this.total((day) => day.synced + day.skipped + day.failed) === 0;
  }

  get chartDays(): ChartDay[] {
    const max = Math.max(0, ...this.days.map((day) => day.synced + day.skipped + day.failed));
    return this.days.map((day) => ({
      day: day.day,
      label: shortDay(day.day),
      title: formatLabel(CHART_DAY, longDay(day.day), day.synced, day.skipped, day.failed),
      syncedStyle: heightStyle(day.synced, max),
      skippedStyle: heightStyle(day.skipped, max),
      failedStyle: heightStyle(day.failed, max),
    }));
  }

  get chartSummary(): string {
    return formatLabel(
      CHART_SUMMARY,
      this.days.length,
      this.total((d) => d.synced),
      this.total((d) => d.skipped),
      this.total((d) => d.failed)
    );
  }

  get showingConversations(): boolean {
    return this.view === VIEW_FAILED_CONVERSATIONS;
  }

  private get filteredRequests(): RequestRow[] {
    const requests = this.data.requests;
    return this.view === VIEW_FAILED_REQUESTS
      ? requests.filter((row) => FAILED_OUTCOMES.has(String(row.outcome)))
      : requests;
  }

  get shownRequests(): RequestView[] {
    return this.filteredRequests.map((row) => ({
      ...row,
      outcomeText: OUTCOME_LABELS[String(row.outcome)] ?? String(row.outcome ?? ''),
    }));
  }

  get shownFailures(): FailureView[] {
    return this.data.failures.map((row) => {
      const conversation = row.conversationId ?? '';
      // The stored conversation when there is one; else the log entry, which has the details.
      return {
        ...row,
        href: `/lightning/r/${row.conversationRecordId ?? row.id}/view`,
        linkTitle: formatLabel(
          row.conversationRecordId ? OPEN_CONVERSATION : OPEN_LOG_ENTRY,
          conversation
        ),
      };
    });
  }

  get shownCount(): number {
    return this.showingConversations ? this.data.failures.length : this.filteredRequests.length;
  }

  get isEmpty(): boolean {
    return this.shownCount === 0;
  }

  get emptyText(): string {
    return this.data.requests.length === 0 ? LOG_EMPTY_NO_SYNC : LOG_EMPTY;
  }

  handleViewChange(event: CustomEvent<{ value: string }>): void {
    this.view = event.detail.value;
  }

  handleExport(): void {
    const csv = this.showingConversations
      ? toCsv(FAILURE_COLUMNS, this.data.failures)
      : toCsv(REQUEST_COLUMNS, this.filteredRequests);
    downloadText(`kondo-sync-log-${this.view}.csv`, 'text/csv', csv);
  }
}
