import { LightningElement } from 'lwc';
import getSetup from '@salesforce/apex/SetupController.getSetup';
import saveConfiguration from '@salesforce/apex/SetupController.saveConfiguration';
import importConfiguration from '@salesforce/apex/SetupController.importConfiguration';
import type { Configuration, SaveOutcome, SetupPage, ValidationError } from 'types/dto/setup';
import { errorCodeOf } from 'c/kondoErrors';
import type { ImportFile } from 'c/kondoConfigurationTransfer';
import type { SettingChange } from 'c/kondoSettingEdit';
import type { MappingsChange } from 'c/kondoSetupMappings';
import { showErrorToast, showToast } from 'c/kondoSetupToast';
import { errorLines, followRowErrors } from 'c/kondoValidationErrors';
import type { ErrorLine } from 'c/kondoValidationErrors';

const PERMISSION_DENIED = 'PERMISSION_DENIED';

function clone(configuration: Configuration): Configuration {
  return JSON.parse(JSON.stringify(configuration)) as Configuration;
}

/**
 * Kondo Setup: the whole Kondo configuration on one page, for a user holding Kondo Admin.
 * Loads everything with one call (getSetup), keeps the admin's edits in a draft that is
 * compared with what was saved (unsaved changes are shown), and saves the draft with one call
 * that validates every value on the server; a failed save keeps the draft and shows each error
 * at its row. A user without Kondo Admin gets a message and no settings (the controller
 * refuses them too). Each card's content is a component of its own: the settings cards send
 * their edits up (`settingchange`, `mappingschange`), the tester, the key refill and the
 * export call the server themselves.
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
    return errorLines(this.errors, this.draft as Configuration);
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
    }
  }

  // ---- save and import ----
  async handleSave(): Promise<void> {
    this.saving = true;
    try {
      const outcome = await saveConfiguration({ configurationJson: JSON.stringify(this.draft) });
      this.applyOutcome(outcome, 'Kondo settings saved', 'They take effect on the next sync.');
    } catch (error) {
      showErrorToast(this, 'Kondo settings not saved', error);
    } finally {
      this.saving = false;
    }
  }

  async handleImport(event: CustomEvent<ImportFile>): Promise<void> {
    const file = event.detail.file;
    this.saving = true;
    try {
      const fileContent = await file.text();
      const outcome = await importConfiguration({ fileContent });
      this.applyOutcome(outcome, 'Configuration imported', `${file.name} is now in effect.`);
    } catch (error) {
      showErrorToast(this, 'Import failed', error);
    } finally {
      this.saving = false;
    }
  }

  private applyOutcome(outcome: SaveOutcome, title: string, message: string): void {
    if (outcome.saved && outcome.page) {
      this.errors = [];
      this.showPage(outcome.page);
      showToast(this, 'success', title, message);
      return;
    }
    this.errors = outcome.errors;
    const count = this.errors.length;
    showToast(
      this,
      'error',
      'Nothing was saved',
      count === 1 ? '1 value needs fixing.' : `${count} values need fixing.`
    );
  }
}
