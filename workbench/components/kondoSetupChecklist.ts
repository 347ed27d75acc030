// Workbench entry of kondoSetupChecklist, the first-install checklist at the top of kondoSetup
// until Kondo's first sync. It calls no Apex: the connection is the local org's, from the real
// SetupController.getSetup, with the figures of each state.
import { orgSetupPage } from '../fixtures/setupProps';
import { defineEntry } from '../src/types';

export default defineEntry({
  component: 'kondoSetupChecklist',
  description:
    'The first-install checklist: the integration user and its permission set, the External Client App, the mappings and a tested URL, each with its link, marked done when Salesforce can tell. Shown inside kondoSetup until the first sync.',
  width: 'wide',
  states: {
    'first-install': {
      label: 'Nothing done',
      description: 'A fresh install: no integration user, no sync, no mappings.',
      user: 'admin',
      props: async (context) => ({
        connection: {
          ...(await orgSetupPage(context)).connection,
          integrationUserCount: 0,
          lastSuccessfulSyncAt: null,
        },
        mappingCount: 0,
        urlTested: false,
      }),
    },
    halfway: {
      label: 'Half done',
      description: 'The integration user exists and the mappings are saved; Kondo has not synced.',
      user: 'admin',
      props: async (context) => ({
        connection: { ...(await orgSetupPage(context)).connection, lastSuccessfulSyncAt: null },
        mappingCount: 3,
        urlTested: false,
      }),
    },
  },
});
