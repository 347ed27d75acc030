// Workbench entry of kondoSyncFrequencySettings, the "Sync frequency" card of kondoSetup. It
// calls no Apex: the draft is the local org's, from the real SetupController.getSetup. The edit
// is sent up as a `settingchange` event (kondoSetup's own entry and tests show it saved).
import { orgSetupPage, settingError } from '../fixtures/setupProps';
import { defineEntry } from '../src/types';

export default defineEntry({
  component: 'kondoSyncFrequencySettings',
  description:
    'The switch that pauses every sync, and which conversations Kondo sends to Salesforce. Shown inside kondoSetup.',
  width: 'wide',
  states: {
    org: {
      label: 'Local org',
      description: 'The org’s sync frequency.',
      user: 'admin',
      props: async (context) => ({ configuration: (await orgSetupPage(context)).configuration }),
    },
    paused: {
      label: 'Sync paused',
      description: 'The pause switch on, as an admin sees it before saving.',
      user: 'admin',
      props: async (context) => ({
        configuration: { ...(await orgSetupPage(context)).configuration, syncPaused: true },
        editedFields: ['syncPaused'],
      }),
    },
    errors: {
      label: 'Field error',
      description: 'A sync frequency the server refused: its message shows under the choice.',
      user: 'admin',
      props: async (context) => ({
        configuration: (await orgSetupPage(context)).configuration,
        errors: [
          settingError(
            'syncFrequency',
            'Sync frequency must be one of AUTO_ALL, AUTO_LABELLED, MANUAL.'
          ),
        ],
      }),
    },
  },
});
