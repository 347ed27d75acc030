// Workbench entry of kondoSyncLogSettings, the "Sync log" card of kondoSetup: the retention and
// the sync log (kondoSyncHealth). It calls no Apex: the draft and the log are the local org's,
// from the real SetupController.getSetup, or a sample log. The edit is sent up as a
// `settingchange` event (kondoSetup's own entry and tests show it saved).
import { HEALTH, orgSetupPage, settingError } from '../fixtures/setupProps';
import { defineEntry } from '../src/types';

export default defineEntry({
  component: 'kondoSyncLogSettings',
  description:
    'How many days sync logs are kept, above the sync log of the last 14 days. Shown inside kondoSetup.',
  width: 'wide',
  states: {
    org: {
      label: 'Local org',
      description: 'The org’s retention and sync log.',
      user: 'admin',
      props: async (context) => {
        const page = await orgSetupPage(context);
        return { configuration: page.configuration, health: page.health };
      },
    },
    errors: {
      label: 'Field error',
      description: 'A retention the server refused, above a sample log with failures.',
      user: 'admin',
      props: async (context) => ({
        configuration: { ...(await orgSetupPage(context)).configuration, logRetentionDays: 0 },
        health: HEALTH,
        errors: [settingError('logRetentionDays', 'Enter a whole number of days from 1 to 3650.')],
      }),
    },
  },
});
