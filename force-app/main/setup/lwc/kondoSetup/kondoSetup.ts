import { LightningElement } from 'lwc';
import getSetup from '@salesforce/apex/SetupController.getSetup';
import saveConfiguration from '@salesforce/apex/SetupController.saveConfiguration';
import importConfiguration from '@salesforce/apex/SetupController.importConfiguration';
import type { Configuration, SaveOutcome, SetupPage, ValidationError } from 'types/dto/setup';
import PAGE_TITLE from '@salesforce/label/c.Setup_PageTitle';
import PAGE_SUBTITLE from '@salesforce/label/c.Setup_PageSubtitle';
import LOADING from '@salesforce/label/c.Setup_Loading';
import DENIED_TITLE from '@salesforce/label/c.Setup_DeniedTitle';
import DENIED_BODY from '@salesforce/label/c.Setup_DeniedBody';
import LOAD_FAILED from '@salesforce/label/c.Setup_LoadFailed';
import SECTIONS_NAV from '@salesforce/label/c.Setup_SectionsNav';
import SECTION_ERRORS_ONE from '@salesforce/label/c.Setup_SectionErrorsOne';
import SECTION_ERRORS from '@salesforce/label/c.Setup_SectionErrors';
import SECTION_EDITED from '@salesforce/label/c.Setup_SectionEdited';
import SECTION_CONNECTION from '@salesforce/label/c.Setup_Section_Connection';
import SECTION_MATCHING from '@salesforce/label/c.Setup_Section_Matching';
import SECTION_CREATION from '@salesforce/label/c.Setup_Section_Creation';
import SECTION_MESSAGES from '@salesforce/label/c.Setup_Section_Messages';
import SECTION_PRIVACY from '@salesforce/label/c.Setup_Section_Privacy';
import SECTION_FREQUENCY from '@salesforce/label/c.Setup_Section_Frequency';
import SECTION_MAPPINGS from '@salesforce/label/c.Setup_Section_Mappings';
import SECTION_LOG from '@salesforce/label/c.Setup_Section_Log';
import SECTION_TRANSFER from '@salesforce/label/c.Setup_Section_Transfer';
import FOOTER_LABEL from '@salesforce/label/c.Setup_FooterLabel';
import SAVE from '@salesforce/label/c.Setup_Save';
import DISCARD from '@salesforce/label/c.Setup_Discard';
import SAVING from '@salesforce/label/c.Setup_Saving';
import NO_CHANGES from '@salesforce/label/c.Setup_NoChanges';
import UNSAVED_ONE from '@salesforce/label/c.Setup_UnsavedOne';
import UNSAVED_MANY from '@salesforce/label/c.Setup_UnsavedMany';
import REVIEW_ERRORS_ONE from '@salesforce/label/c.Setup_ReviewErrorsOne';
import REVIEW_ERRORS_MANY from '@salesforce/label/c.Setup_ReviewErrorsMany';
import SAVED_TITLE from '@salesforce/label/c.Setup_SavedTitle';
import SAVED_MESSAGE from '@salesforce/label/c.Setup_SavedMessage';
import NOT_SAVED_TITLE from '@salesforce/label/c.Setup_NotSavedTitle';
import IMPORTED_TITLE from '@salesforce/label/c.Setup_ImportedTitle';
import IMPORTED_MESSAGE from '@salesforce/label/c.Setup_ImportedMessage';
import IMPORT_FAILED_TITLE from '@salesforce/label/c.Setup_ImportFailedTitle';
import NOTHING_SAVED_TITLE from '@salesforce/label/c.Setup_NothingSavedTitle';
import FIX_VALUES_ONE from '@salesforce/label/c.Setup_FixValuesOne';
import FIX_VALUES_MANY from '@salesforce/label/c.Setup_FixValuesMany';
import SUMMARY_HEADING_ONE from '@salesforce/label/c.Setup_SummaryHeadingOne';
import SUMMARY_HEADING_MANY from '@salesforce/label/c.Setup_SummaryHeadingMany';
import UNSAVED_LEAVE from '@salesforce/label/c.Setup_UnsavedLeave';
import EDITED from '@salesforce/label/c.Setup_Edited';
import SYNC_PAUSED_TITLE from '@salesforce/label/c.Setup_SyncPausedTitle';
import SYNC_PAUSED_BODY from '@salesforce/label/c.Setup_SyncPausedBody';
import SYNC_PAUSED_LINK from '@salesforce/label/c.Setup_SyncPausedLink';
import { errorCodeOf } from 'c/kondoErrors';
import { formatCount, formatLabel } from 'c/kondoFormat';
import type { ImportFile } from 'c/kondoConfigurationTransfer';
import type { SectionSelect } from 'c/kondoSetupChecklist';
import { editedSettings, SETTING_SECTIONS } from 'c/kondoSettingEdit';
import type { SectionName, SettingChange } from 'c/kondoSettingEdit';
import type { MappingsChange } from 'c/kondoSetupMappings';
import { messageOf, showToast } from 'c/kondoSetupToast';
import { errorLines, followRowErrors } from 'c/kondoValidationErrors';
import type { ErrorLine } from 'c/kondoValidationErrors';

const PERMISSION_DENIED = 'PERMISSION_DENIED';

/** The page's sections, in page order, as the navigation lists them. */
const SECTIONS: { name: SectionName; title: string }[] = [
  { name: 'connection', title: SECTION_CONNECTION },
  { name: 'matching', title: SECTION_MATCHING },
  { name: 'creation', title: SECTION_CREATION },
  { name: 'messages', title: SECTION_MESSAGES },
  { name: 'privacy', title: SECTION_PRIVACY },
  { name: 'frequency', title: SECTION_FREQUENCY },
  { name: 'mappings', title: SECTION_MAPPINGS },
  { name: 'log', title: SECTION_LOG },
  { name: 'transfer', title: SECTION_TRANSFER },
];

interface NavItem {
  name: SectionName;
  title: string;
  href: string;
  itemClass: string;
  ariaCurrent: string | undefined;
  errorCount: number;
  errorText: string;
  edited: boolean;
}

/** A save or an import the server could not carry out: shown on the page until the next try. */
interface Failure {
  title: string;
  error: unknown;
}

type FocusCard = HTMLElement & { focusField(field: string): boolean };
type FocusMappings = HTMLElement & {
  focusRow(section: string, rowIndex: number, field: string): boolean;
};

function clone(configuration: Configuration): Configuration {
  return JSON.parse(JSON.stringify(configuration)) as Configuration;
}

/**
 * How many changes a list of rows holds: rows added, changed or removed (a changed row is one
 * change, not a removal and an addition); a new order alone is one.
 */
function rowChanges(rows: object[], saved: object[]): number {
  const keys = (list: object[]) => list.map((row) => JSON.stringify(row));
  const savedKeys = keys(saved);
  const left = [...savedKeys];
  let unmatched = 0;
  for (const key of keys(rows)) {
    const at = left.indexOf(key);
    if (at >= 0) {
      left.splice(at, 1);
    } else {
      unmatched++;
    }
  }
  const changes = Math.max(unmatched, left.length);
  return changes > 0 || JSON.stringify(keys(rows)) === JSON.stringify(savedKeys) ? changes : 1;
}

/**
 * Kondo Setup: the whole Kondo configuration on one page, for a user holding Kondo Admin, as
 * Lightning record edit behaves. Loads everything with one call (getSetup) and keeps the admin's
 * edits in a draft compared with what was saved: the docked footer counts the unsaved changes
 * and holds Save and Discard wherever the admin is on the page, the edited settings and rows are
 * marked, and a navigation moves between the sections. A save validates every value on the
 * server; a refused save keeps the draft, lists each problem in a summary that links to its
 * input (named as the page names it) and marks each input invalid; a save or import the server
 * fails stays in an error panel. Until Kondo's first sync a checklist says how to connect it. A
 * user without Kondo Admin gets a message and no settings (the controller refuses them too).
 * Each card's content is a component of its own.
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
  failure: Failure | undefined;
  urlTested = false;
  currentSection: SectionName = 'connection';
  /** What to focus once the next render is done (the summary or the failure panel). */
  private focusAfterRender: string | undefined;
  private readonly beforeUnload = (event: BeforeUnloadEvent): void => {
    if (this.isDirty) {
      // The browser asks before a reload or a navigation would lose the draft.
      event.preventDefault();
      event.returnValue = UNSAVED_LEAVE;
    }
  };

  label = {
    pageTitle: PAGE_TITLE,
    pageSubtitle: PAGE_SUBTITLE,
    loading: LOADING,
    deniedTitle: DENIED_TITLE,
    deniedBody: DENIED_BODY,
    loadFailed: LOAD_FAILED,
    sectionsNav: SECTIONS_NAV,
    footer: FOOTER_LABEL,
    save: SAVE,
    discard: DISCARD,
    edited: EDITED,
    sectionEdited: SECTION_EDITED,
    connection: SECTION_CONNECTION,
    matching: SECTION_MATCHING,
    creation: SECTION_CREATION,
    messages: SECTION_MESSAGES,
    privacy: SECTION_PRIVACY,
    frequency: SECTION_FREQUENCY,
    mappings: SECTION_MAPPINGS,
    log: SECTION_LOG,
    transfer: SECTION_TRANSFER,
    syncPausedTitle: SYNC_PAUSED_TITLE,
    syncPausedBody: SYNC_PAUSED_BODY,
    syncPausedLink: SYNC_PAUSED_LINK,
  };

  override connectedCallback(): void {
    window.addEventListener('beforeunload', this.beforeUnload);
    // load() reports its own failures through loadError.
    this.load().catch(() => undefined);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('beforeunload', this.beforeUnload);
  }

  override renderedCallback(): void {
    if (this.focusAfterRender) {
      this.template?.querySelector<HTMLElement>(this.focusAfterRender)?.focus();
      this.focusAfterRender = undefined;
    }
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
    this.loadError = undefined;
  }

  // ---- state for the template ----
  get hasLoadError(): boolean {
    return !this.denied && this.loadError !== undefined;
  }

  get ready(): boolean {
    return !this.loading && this.page !== undefined && this.draft !== undefined;
  }

  private get saved(): Configuration {
    return (this.page as SetupPage).configuration;
  }

  get isDirty(): boolean {
    return this.draft !== undefined && JSON.stringify(this.draft) !== this.savedJson;
  }

  /** Save and Discard: nothing to save or discard, or a save is running. */
  get editActionsDisabled(): boolean {
    return !this.isDirty || this.saving;
  }

  // The getters below are read by the template of a ready page only: the draft and page exist.
  private get shownDraft(): Configuration {
    return this.draft as Configuration;
  }

  /** The settings whose draft differs from what is saved. */
  get editedFields(): string[] {
    return editedSettings(this.shownDraft, this.saved);
  }

  /** Rows added, changed or removed, and a new order, in both lists. */
  private get rowChangeCount(): number {
    return (
      rowChanges(this.shownDraft.mappings, this.saved.mappings) +
      rowChanges(this.shownDraft.readBackFields, this.saved.readBackFields)
    );
  }

  get changeCount(): number {
    return this.editedFields.length + this.rowChangeCount;
  }

  get footerStatus(): string {
    if (this.saving) {
      return SAVING;
    }
    return this.isDirty
      ? formatCount(this.changeCount, { one: UNSAVED_ONE, many: UNSAVED_MANY })
      : NO_CHANGES;
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  get errorLines(): ErrorLine[] {
    return errorLines(this.errors, this.draft as Configuration);
  }

  get summaryHeading(): string {
    return formatCount(this.errors.length, {
      one: SUMMARY_HEADING_ONE,
      many: SUMMARY_HEADING_MANY,
    });
  }

  get reviewErrorsLabel(): string {
    return formatCount(this.errors.length, { one: REVIEW_ERRORS_ONE, many: REVIEW_ERRORS_MANY });
  }

  get navItems(): NavItem[] {
    const lines = this.errorLines;
    const edited = new Set(
      this.editedFields.map((field) => SETTING_SECTIONS[field as keyof typeof SETTING_SECTIONS])
    );
    if (this.rowChangeCount > 0) {
      edited.add('mappings');
    }
    return SECTIONS.map((section) => {
      const current = section.name === this.currentSection;
      const errorCount = lines.filter((line) => line.sectionName === section.name).length;
      return {
        ...section,
        href: `#kondo-setup-${section.name}`,
        itemClass: current ? 'slds-nav-vertical__item slds-is-active' : 'slds-nav-vertical__item',
        ariaCurrent: current ? 'location' : undefined,
        errorCount,
        errorText: formatCount(errorCount, { one: SECTION_ERRORS_ONE, many: SECTION_ERRORS }),
        edited: edited.has(section.name),
      };
    });
  }

  /**
   * While the saved configuration pauses syncing, a warning stays above everything: Kondo's
   * pushes are refused, and an admin who paused for a moment must not forget it. The draft's
   * switch does not count: only a save resumes syncing.
   */
  get syncPaused(): boolean {
    return this.saved.syncPaused === true;
  }

  /** Until Kondo's first successful sync, the page opens with the checklist. */
  get showChecklist(): boolean {
    return !this.page?.connection.lastSuccessfulSyncAt;
  }

  get savedMappingCount(): number {
    return this.saved.mappings.length;
  }

  get createsRecords(): boolean {
    return this.saved.createIfMissing;
  }

  // ---- moving around ----
  handleNavigate(event: Event): void {
    event.preventDefault();
    this.goToSection((event.currentTarget as HTMLElement).dataset.section as SectionName);
  }

  handleChecklistSection(event: CustomEvent<SectionSelect>): void {
    this.goToSection(event.detail.section);
  }

  /** Scrolls the section to the top and moves focus there, so keyboard and screen reader users follow. */
  private goToSection(section: SectionName): void {
    this.currentSection = section;
    const anchor = this.template?.querySelector<HTMLElement>(`[data-section-anchor="${section}"]`);
    anchor?.scrollIntoView?.({ block: 'start' });
    anchor?.focus({ preventScroll: true });
  }

  handleErrorLink(event: Event): void {
    event.preventDefault();
    const index = Number((event.currentTarget as HTMLElement).dataset.index);
    const line = this.errorLines[index] as ErrorLine;
    if (line.sectionName) {
      this.currentSection = line.sectionName;
    }
    if (!this.focusInput(line) && line.sectionName) {
      this.goToSection(line.sectionName);
    }
  }

  /** Moves focus to the input a summary line names; false when the page has none. */
  private focusInput(line: ErrorLine): boolean {
    // Every section a setting lives in has its card, and a ready page its mappings.
    if (line.section === 'settings' && line.sectionName) {
      const card = this.template?.querySelector(`[data-section-card="${line.sectionName}"]`);
      return (card as FocusCard).focusField(line.field);
    }
    if (line.rowIndex !== null) {
      const mappings = this.template?.querySelector('c-kondo-setup-mappings');
      return (mappings as FocusMappings).focusRow(line.section, line.rowIndex, line.field);
    }
    return false;
  }

  /** The paused-sync warning's link: to the switch that resumes syncing. */
  handleGoToPause(event: Event): void {
    event.preventDefault();
    this.currentSection = SETTING_SECTIONS.syncPaused;
    // A ready page always has the card that holds the switch.
    const card = this.template?.querySelector(
      `[data-section-card="${SETTING_SECTIONS.syncPaused}"]`
    );
    (card as FocusCard).focusField('syncPaused');
  }

  handleReviewErrors(): void {
    this.template?.querySelector<HTMLElement>('.validation-errors')?.focus();
  }

  handleUrlTested(): void {
    this.urlTested = true;
  }

  // ---- edits ----
  handleSettingChange(event: CustomEvent<SettingChange>): void {
    const { field, value } = event.detail;
    this.draft = { ...(this.draft as Configuration), [field]: value };
  }

  handleMappingsChange(event: CustomEvent<MappingsChange>): void {
    const draft = this.draft as Configuration;
    this.errors = followRowErrors(this.errors, draft, event.detail);
    this.draft = {
      ...draft,
      mappings: event.detail.mappings,
      readBackFields: event.detail.readBackFields,
    };
  }

  handleDiscard(): void {
    if (this.page) {
      this.draft = clone(this.page.configuration);
      this.errors = [];
      this.failure = undefined;
    }
  }

  // ---- save and import ----
  async handleSave(): Promise<void> {
    this.saving = true;
    this.failure = undefined;
    try {
      const outcome = await saveConfiguration({ configurationJson: JSON.stringify(this.draft) });
      this.applyOutcome(outcome, SAVED_TITLE, SAVED_MESSAGE);
    } catch (error) {
      this.fail(NOT_SAVED_TITLE, error);
    } finally {
      this.saving = false;
    }
  }

  async handleImport(event: CustomEvent<ImportFile>): Promise<void> {
    const file = event.detail.file;
    this.saving = true;
    this.failure = undefined;
    try {
      const fileContent = await file.text();
      const outcome = await importConfiguration({ fileContent });
      this.applyOutcome(outcome, IMPORTED_TITLE, formatLabel(IMPORTED_MESSAGE, file.name));
    } catch (error) {
      this.fail(IMPORT_FAILED_TITLE, error);
    } finally {
      this.saving = false;
    }
  }

  /** A call the server failed: the panel on the page says why, the toast tells at once. */
  private fail(title: string, error: unknown): void {
    this.failure = { title, error };
    this.focusAfterRender = '.save-failure';
    showToast(this, 'error', title, messageOf(error));
  }

  private applyOutcome(outcome: SaveOutcome, title: string, message: string): void {
    if (outcome.saved && outcome.page) {
      this.errors = [];
      this.showPage(outcome.page);
      showToast(this, 'success', title, message);
      return;
    }
    this.errors = outcome.errors;
    this.focusAfterRender = '.validation-errors';
    showToast(
      this,
      'error',
      NOTHING_SAVED_TITLE,
      formatCount(this.errors.length, { one: FIX_VALUES_ONE, many: FIX_VALUES_MANY })
    );
  }
}
