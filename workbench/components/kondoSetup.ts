// Workbench entry of kondoSetup, the Kondo Setup tab (Kondo app). Each state is an org behind
// an in-memory SetupController (fixtures/setup.ts) that validates, saves and imports like the
// Apex, so edits, per-row errors and the URL tester can be tried in the page.
import type { SetupPage } from '../../types/dto/setup';
import {
  CONFIGURED_PAGE,
  FIRST_INSTALL_PAGE,
  PERMISSION_DENIED_MESSAGE,
  SampleSetupOrg,
} from '../fixtures/setup';
import { apexError } from '../src/apexRuntime';
import type { ApexHandlers } from '../src/types';
import { defineEntry } from '../src/types';

/** Every SetupController method, answered by one sample org. */
function controller(org: SampleSetupOrg): ApexHandlers {
  return {
    'SetupController.getSetup': () => org.getSetup(),
    'SetupController.saveConfiguration': ({ configurationJson }) =>
      org.saveConfiguration(configurationJson),
    'SetupController.exportConfiguration': () => org.exportConfiguration(),
    'SetupController.importConfiguration': ({ fileContent }) =>
      org.importConfiguration(fileContent),
    'SetupController.testMatch': ({ linkedInUrl }) => org.testMatch(linkedInUrl),
    'SetupController.startKeyBackfill': () => org.startKeyBackfill(),
    'SetupController.getKeyBackfillProgress': ({ jobIds }) => org.getKeyBackfillProgress(jobIds),
  };
}

const configured = new SampleSetupOrg(CONFIGURED_PAGE);
const firstInstall = new SampleSetupOrg(FIRST_INSTALL_PAGE);

// Saved before a field was deleted and before the validator caught duplicates: the page loads,
// and any save answers with the rows to fix, as the Apex would.
const DRIFTED_PAGE: SetupPage = {
  ...CONFIGURED_PAGE,
  configuration: {
    ...CONFIGURED_PAGE.configuration,
    mappings: [
      ...CONFIGURED_PAGE.configuration.mappings,
      { objectName: 'Lead', kondoProperty: 'notes', targetField: 'Twitter__c' },
      { objectName: 'Lead', kondoProperty: 'location', targetField: 'Title' },
    ],
  },
};
const drifted = new SampleSetupOrg(DRIFTED_PAGE);
const saveFails = new SampleSetupOrg(CONFIGURED_PAGE);

const denied = (): never => {
  throw apexError(PERMISSION_DENIED_MESSAGE);
};

export default defineEntry({
  component: 'kondoSetup',
  description:
    'The Kondo Setup tab of the Kondo app: connection, matching, record creation, messages, sync frequency, field mappings, sync log and export/import, for Kondo admins.',
  width: 'wide',
  states: {
    data: {
      label: 'Configured org',
      description:
        'Match fields, Contact and Lead mappings, fields shown in Kondo, 14 days of sync log with failures and one integration user; saves are validated like the Apex.',
      prepare: () => configured.reset(),
      apex: controller(configured),
    },
    'first-install': {
      label: 'First install',
      description:
        'The defaults right after install: nothing mapped, no integration user, no sync yet.',
      prepare: () => firstInstall.reset(),
      apex: controller(firstInstall),
    },
    'validation-errors': {
      label: 'Validation errors',
      description:
        'The saved mappings name a deleted Lead field and write Lead Title twice: any save returns those rows with their errors and keeps the edits.',
      prepare: () => drifted.reset(),
      apex: controller(drifted),
    },
    'save-failed': {
      label: 'Save failure',
      description: 'Loads normally; every save fails on the server (SAVE_FAILED).',
      prepare: () => saveFails.reset(),
      apex: {
        ...controller(saveFails),
        'SetupController.saveConfiguration': () => {
          throw apexError(
            'SAVE_FAILED: The settings could not be saved: you need access to the Kondo field mappings (Kondo Admin permission set).'
          );
        },
      },
    },
    'no-permission': {
      label: 'No permission',
      description:
        'A user without Kondo Admin: the controller refuses (PERMISSION_DENIED) and the page shows no settings.',
      apex: {
        'SetupController.getSetup': denied,
        'SetupController.saveConfiguration': denied,
        'SetupController.exportConfiguration': denied,
        'SetupController.importConfiguration': denied,
        'SetupController.testMatch': denied,
        'SetupController.startKeyBackfill': denied,
        'SetupController.getKeyBackfillProgress': denied,
      },
    },
    loading: {
      label: 'Loading',
      description: 'getSetup has not answered yet: the spinner.',
      apex: {
        // Never settles, so the page stays in its loading state.
        'SetupController.getSetup': () => new Promise<SetupPage>(() => undefined),
      },
    },
  },
});
