import { LightningElement, api } from 'lwc';
import exportConfiguration from '@salesforce/apex/SetupController.exportConfiguration';
import INTRO from '@salesforce/label/c.Setup_TransferIntro';
import EXPORT_BUTTON from '@salesforce/label/c.Setup_ExportButton';
import EXPORT_FAILED from '@salesforce/label/c.Setup_ExportFailed';
import IMPORT_INPUT from '@salesforce/label/c.Setup_ImportInput';
import { downloadText } from 'c/kondoDownload';
import { showErrorToast } from 'c/kondoSetupToast';

/**
 * The event that hands a picked configuration file to the page. The page imports it, because an
 * import is checked like a save and replaces the saved configuration and the draft.
 */
export const IMPORT_FILE_EVENT = 'importfile';

export interface ImportFile {
  file: File;
}

/**
 * Export and import of the whole configuration, to move it between orgs: the export downloads
 * the saved configuration as a JSON file (exportConfiguration; a failure stays in the card, in
 * an error panel, until the next try), the import picks a file and sends it up as an
 * `importfile` event (the page shows how the import went).
 */
export default class KondoConfigurationTransfer extends LightningElement {
  /** The page is saving or importing: no other import until it is done. */
  @api saving = false;

  exportError: unknown;

  label = {
    intro: INTRO,
    exportButton: EXPORT_BUTTON,
    exportFailed: EXPORT_FAILED,
    importInput: IMPORT_INPUT,
  };

  async handleExport(): Promise<void> {
    this.exportError = undefined;
    try {
      const text = await exportConfiguration();
      downloadText('kondo-configuration.json', 'application/json', text);
    } catch (error) {
      this.exportError = error;
      showErrorToast(this, EXPORT_FAILED, error);
    }
  }

  handleImport(event: CustomEvent<{ files: File[] }>): void {
    const file = event.detail.files?.[0];
    if (!file) {
      return;
    }
    this.dispatchEvent(new CustomEvent<ImportFile>(IMPORT_FILE_EVENT, { detail: { file } }));
  }
}
