import { LightningElement, api } from 'lwc';
import exportConfiguration from '@salesforce/apex/SetupController.exportConfiguration';
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
 * the saved configuration as a JSON file (exportConfiguration), the import picks a file and
 * sends it up as an `importfile` event.
 */
export default class KondoConfigurationTransfer extends LightningElement {
  /** The page is saving or importing: no other import until it is done. */
  @api saving = false;

  async handleExport(): Promise<void> {
    try {
      const text = await exportConfiguration();
      downloadText('kondo-configuration.json', 'application/json', text);
    } catch (error) {
      showErrorToast(this, 'Export failed', error);
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
