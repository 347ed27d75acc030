import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getSetup from '@salesforce/apex/SetupController.getSetup';
import saveConfiguration from '@salesforce/apex/SetupController.saveConfiguration';
import exportConfiguration from '@salesforce/apex/SetupController.exportConfiguration';
import importConfiguration from '@salesforce/apex/SetupController.importConfiguration';
import testMatch from '@salesforce/apex/SetupController.testMatch';
import startKeyBackfill from '@salesforce/apex/SetupController.startKeyBackfill';
import getKeyBackfillProgress from '@salesforce/apex/SetupController.getKeyBackfillProgress';
import type {
  AccountRule,
  Configuration,
  Connection,
  DefaultPrivacy,
  SyncFrequency,
  JobProgress,
  MatchTest,
  SaveOutcome,
  SetupPage,
  ValidationError,
} from 'types/dto/setup';
import { errorCodeOf, reduceErrors, withoutCode } from 'c/kondoErrors';
import { downloadText } from 'c/kondoDownload';
import type { MappingsChange } from 'c/kondoSetupMappings';

const PERMISSION_DENIED = 'PERMISSION_DENIED';

interface Option<Value extends string = string> {
  label: string;
  value: Value;
}

interface ErrorLine {
  key: string;
  text: string;
}

interface JobView {
  key: string;
  label: string;
  progress: number;
  summary: string;
}

const SETTING_LABELS: Record<string, string> = {
  createIfMissing: 'Create if not found',
  createAs: 'Create as',
  accountRule: 'Default Account rule',
  defaultAccountId: 'Default Account Id',
  matchPriority: 'Match first',
  contactMatchField: 'Contact LinkedIn URL field',
  leadMatchField: 'Lead LinkedIn URL field',
  syncMessages: 'Sync LinkedIn messages',
  syncFrequency: 'Sync frequency',
  taskWindowDays: 'Task window',
  logRetentionDays: 'Log retention',
  defaultPrivacy: 'Default privacy',
  privateLabels: 'Private labels',
  metadataOnlyLabels: 'Metadata only labels',
};

function numberText(value: number | null | undefined): string {
  return typeof value === 'number' ? String(value) : '';
}

/** Index of the n-th (0-based) occurrence of key in keys, or -1. */
function nthIndexOf(keys: string[], key: string, n: number): number {
  let seen = 0;
  for (let index = 0; index < keys.length; index++) {
    if (keys[index] === key) {
      if (seen === n) {
        return index;
      }
      seen++;
    }
  }
  return -1;
}

/**
 * The server's row errors name rows by index. When rows are removed or moved, each error
 * follows its row (found by content); a removed row's error goes. An edited row keeps its
 * error until the next save checks it again.
 */
function followRows(
  errors: ValidationError[],
  section: string,
  before: object[],
  after: object[]
): ValidationError[] {
  const beforeKeys = before.map((row) => JSON.stringify(row));
  const afterKeys = after.map((row) => JSON.stringify(row));
  return errors.flatMap((error) => {
    const index = error.rowIndex;
    if (error.section !== section || typeof index !== 'number' || index >= beforeKeys.length) {
      return [error];
    }
    const key = beforeKeys[index] as string;
    const twinsBefore = beforeKeys.slice(0, index).filter((other) => other === key).length;
    const moved = nthIndexOf(afterKeys, key, twinsBefore);
    if (moved >= 0) {
      return [{ ...error, rowIndex: moved }];
    }
    return after.length < before.length ? [] : [error];
  });
}

function clone(configuration: Configuration): Configuration {
  return JSON.parse(JSON.stringify(configuration)) as Configuration;
}

/**
 * Kondo Setup: the whole Kondo configuration on one page, for a user holding Kondo Admin.
 * Loads everything with one call (getSetup), keeps the admin's edits in a draft that is
 * compared with what was saved (unsaved changes are shown), and saves the draft with one call
 * that validates every value on the server; a failed save keeps the draft and shows each error
 * at its row. A user without Kondo Admin gets a message and no settings (the controller
 * refuses them too).
 */
export default class KondoSetup extends LightningElement {
  page: SetupPage | undefined;
  draft: Configuration | undefined;
  savedJson = '';
  loading = true;
  saving = false;
  denied = false;
  loadError: unknown;
  errors: ValidationError[] = [];
  testUrl = '';
  testing = false;
  testResult: MatchTest | undefined;
  testError: unknown;
  jobs: JobProgress[] = [];
  backfillBusy = false;

  override connectedCallback(): void {
    // load() reports its own failures through loadError.
    this.load().catch(() => undefined);
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      this.showPage(await getSetup());
    } catch (error) {
      this.denied = errorCodeOf(error) === PERMISSION_DENIED;
      this.loadError = error;
    } finally {
      this.loading = false;
    }
  }

  private showPage(page: SetupPage): void {
    this.page = page;
    this.draft = clone(page.configuration);
    this.savedJson = JSON.stringify(page.configuration);
    this.jobs = page.backfillJobs;
    this.loadError = undefined;
  }

  // ---- state for the template ----
  get hasLoadError(): boolean {
    return !this.denied && this.loadError !== undefined;
  }

  get ready(): boolean {
    return !this.loading && this.page !== undefined && this.draft !== undefined;
  }

  get isDirty(): boolean {
    return this.draft !== undefined && JSON.stringify(this.draft) !== this.savedJson;
  }

  /** Save and Discard: nothing to save or discard, or a save is running. */
  get editActionsDisabled(): boolean {
    return !this.isDirty || this.saving;
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  get errorLines(): ErrorLine[] {
    return this.errors.map((error, index) => {
      let where = SETTING_LABELS[error.field] ?? error.field;
      // Apex leaves a null rowIndex out of the JSON: undefined means a section-wide error.
      const row = typeof error.rowIndex === 'number' ? error.rowIndex : null;
      if (error.section === 'mappings') {
        where =
          row === null ? 'Field mappings' : this.rowName(this.draftRows.mappings, row, 'mapping');
      } else if (error.section === 'readBackFields') {
        where =
          row === null
            ? 'Fields shown in Kondo'
            : this.rowName(this.draftRows.readBackFields, row, 'shown field');
      }
      return { key: `error-${index}`, text: `${where}: ${error.message}` };
    });
  }

  private get draftRows(): Configuration {
    return this.draft as Configuration;
  }

  /**
   * Names a row as the tables number it, per object ("Lead mapping 2"): the server's index
   * counts both objects' rows together, which the admin never sees.
   */
  private rowName(rows: { objectName: string }[], index: number, noun: string): string {
    const objectName = rows[index]?.objectName;
    if (objectName === undefined) {
      return `Row ${index + 1}`;
    }
    const position = rows.slice(0, index + 1).filter((row) => row.objectName === objectName).length;
    return `${objectName} ${noun} ${position}`;
  }

  // Read only once the page is ready (the template shows these parts then only).
  private get loaded(): SetupPage {
    return this.page as SetupPage;
  }

  get connection(): Connection {
    return this.loaded.connection;
  }

  get hasIntegrationUser(): boolean {
    return this.connection.integrationUserCount > 0;
  }

  get integrationUserText(): string {
    const count = this.connection.integrationUserCount;
    return count === 1
      ? '1 active user holds the Kondo Integration permission set.'
      : `${count} active users hold the Kondo Integration permission set.`;
  }

  get failedText(): string {
    const conversations = this.connection.failedConversationsLast24Hours;
    const requests = this.connection.failedRequestsLast24Hours;
    const conversationText = conversations === 1 ? 'conversation' : 'conversations';
    const requestText = requests === 1 ? 'request' : 'requests';
    return `${conversations} ${conversationText} failed in ${requests} failed or rejected ${requestText}.`;
  }

  private matchOptions(objectName: string): Option[] {
    return this.loaded.fieldOptions
      .filter((field) => field.objectName === objectName && field.matchable)
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((field) => ({ label: `${field.label} (${field.apiName})`, value: field.apiName }));
  }

  get contactMatchOptions(): Option[] {
    return this.matchOptions('Contact');
  }

  get leadMatchOptions(): Option[] {
    return this.matchOptions('Lead');
  }

  get objectOptions(): Option[] {
    return [
      { label: 'Contact', value: 'Contact' },
      { label: 'Lead', value: 'Lead' },
    ];
  }

  get accountRuleOptions(): Option<AccountRule>[] {
    return [
      { label: 'No Account', value: 'NONE' },
      { label: 'Always the default Account', value: 'DEFAULT_ACCOUNT' },
      {
        label: "The Account named like the person's company, else the default Account",
        value: 'MATCH_BY_COMPANY',
      },
    ];
  }

  get syncFrequencyOptions(): Option<SyncFrequency>[] {
    return [
      {
        label: 'Auto-sync all: every LinkedIn conversation is sent to Salesforce as it changes.',
        value: 'AUTO_ALL',
      },
      {
        label:
          'Auto-sync labelled: only conversations that carry a Kondo label are sent, as they change.',
        value: 'AUTO_LABELLED',
      },
      {
        label: 'Manual: a conversation is sent only when a Kondo user chooses to sync it.',
        value: 'MANUAL',
      },
    ];
  }

  get privacyOptions(): Option<DefaultPrivacy>[] {
    return [
      {
        label:
          'Shared: everyone who can see the Contact or Lead reads the messages, on the timeline and in the history.',
        value: 'SHARED',
      },
      {
        label:
          'Private: only the rep who synced and Kondo admins read the messages; others see that a conversation exists.',
        value: 'PRIVATE',
      },
      {
        label: 'Metadata only: Salesforce keeps who wrote and when, never the text.',
        value: 'METADATA_ONLY',
      },
    ];
  }

  get taskWindowValue(): string {
    return numberText(this.draft?.taskWindowDays);
  }

  get logRetentionValue(): string {
    return numberText(this.draft?.logRetentionDays);
  }

  get testDisabled(): boolean {
    return this.testing || this.testUrl.trim() === '';
  }

  get hasTestResult(): boolean {
    return this.testResult !== undefined;
  }

  get testMatches() {
    return (this.testResult as MatchTest).matches.map((record) => ({
      ...record,
      href: `/lightning/r/${record.objectName}/${record.id}/view`,
      // The template compiler trims the whitespace before a text node: the space goes here.
      objectText: ` (${record.objectName})`,
    }));
  }

  get hasTestMatches(): boolean {
    return (this.testResult as MatchTest).matches.length > 0;
  }

  get testRejection(): string {
    const result = this.testResult as MatchTest;
    return [result.errorCode, result.errorMessage].join(': ');
  }

  get hasJobs(): boolean {
    return this.jobs.length > 0;
  }

  get jobViews(): JobView[] {
    return this.jobs.map((job) => {
      const progress =
        job.totalBatches > 0 ? Math.round((job.processedBatches / job.totalBatches) * 100) : 0;
      return {
        key: job.jobId,
        label: job.objectName ? `${job.objectName} keys` : 'LinkedIn keys',
        progress: job.finished ? 100 : progress,
        summary: `${job.status}: ${job.processedBatches} of ${job.totalBatches} batches, ${job.errorCount} errors`,
      };
    });
  }

  // ---- edits ----
  handleSettingChange(event: CustomEvent<{ value?: string; checked?: boolean }>): void {
    const target = event.currentTarget as HTMLElement;
    const field = target.dataset.field as keyof Configuration;
    const kind = target.dataset.kind;
    let value: unknown = event.detail.value;
    if (kind === 'toggle') {
      value = event.detail.checked === true;
    } else if (kind === 'number') {
      value = event.detail.value === '' || event.detail.value === undefined ? null : Number(value);
    } else if (kind === 'text') {
      value = event.detail.value?.trim() ? event.detail.value : null;
    }
    this.draft = { ...(this.draft as Configuration), [field]: value };
  }

  handleMappingsChange(event: CustomEvent<MappingsChange>): void {
    const draft = this.draft as Configuration;
    this.errors = followRows(
      followRows(this.errors, 'mappings', draft.mappings, event.detail.mappings),
      'readBackFields',
      draft.readBackFields,
      event.detail.readBackFields
    );
    this.draft = {
      ...(this.draft as Configuration),
      mappings: event.detail.mappings,
      readBackFields: event.detail.readBackFields,
    };
  }

  handleDiscard(): void {
    if (this.page) {
      this.draft = clone(this.page.configuration);
      this.errors = [];
    }
  }

  // ---- save, import, export ----
  async handleSave(): Promise<void> {
    this.saving = true;
    try {
      const outcome = await saveConfiguration({ configurationJson: JSON.stringify(this.draft) });
      this.applyOutcome(outcome, 'Kondo settings saved', 'They take effect on the next sync.');
    } catch (error) {
      this.toast('error', 'Kondo settings not saved', this.messageOf(error));
    } finally {
      this.saving = false;
    }
  }

  private applyOutcome(outcome: SaveOutcome, title: string, message: string): void {
    if (outcome.saved && outcome.page) {
      this.errors = [];
      this.showPage(outcome.page);
      this.toast('success', title, message);
      return;
    }
    this.errors = outcome.errors;
    const count = this.errors.length;
    this.toast(
      'error',
      'Nothing was saved',
      count === 1 ? '1 value needs fixing.' : `${count} values need fixing.`
    );
  }

  async handleExport(): Promise<void> {
    try {
      const text = await exportConfiguration();
      downloadText('kondo-configuration.json', 'application/json', text);
    } catch (error) {
      this.toast('error', 'Export failed', this.messageOf(error));
    }
  }

  async handleImport(event: CustomEvent<{ files: File[] }>): Promise<void> {
    const file = event.detail.files?.[0];
    if (!file) {
      return;
    }
    this.saving = true;
    try {
      const fileContent = await file.text();
      const outcome = await importConfiguration({ fileContent });
      this.applyOutcome(outcome, 'Configuration imported', `${file.name} is now in effect.`);
    } catch (error) {
      this.toast('error', 'Import failed', this.messageOf(error));
    } finally {
      this.saving = false;
    }
  }

  // ---- tester ----
  handleTestUrlChange(event: CustomEvent<{ value: string }>): void {
    this.testUrl = event.detail.value;
  }

  async handleTest(): Promise<void> {
    this.testing = true;
    this.testError = undefined;
    try {
      this.testResult = await testMatch({ linkedInUrl: this.testUrl });
    } catch (error) {
      this.testResult = undefined;
      this.testError = error;
    } finally {
      this.testing = false;
    }
  }

  // ---- key backfill ----
  async handleStartBackfill(): Promise<void> {
    this.backfillBusy = true;
    try {
      this.jobs = await startKeyBackfill();
      this.toast('success', 'Key refill started', 'Existing records get their LinkedIn key again.');
    } catch (error) {
      this.toast('error', 'Key refill not started', this.messageOf(error));
    } finally {
      this.backfillBusy = false;
    }
  }

  async handleRefreshBackfill(): Promise<void> {
    this.backfillBusy = true;
    try {
      const names = new Map(this.jobs.map((job) => [job.jobId, job.objectName]));
      const jobs = await getKeyBackfillProgress({ jobIds: this.jobs.map((job) => job.jobId) });
      this.jobs = jobs.map((job) => ({
        ...job,
        objectName: names.get(job.jobId) ?? null,
      }));
    } catch (error) {
      this.toast('error', 'Progress not available', this.messageOf(error));
    } finally {
      this.backfillBusy = false;
    }
  }

  // ---- helpers ----
  private messageOf(error: unknown): string {
    return reduceErrors(error).map(withoutCode).join(' ') || 'Unexpected error.';
  }

  private toast(variant: 'success' | 'error', title: string, message: string): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}
