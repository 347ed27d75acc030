// Workbench entry of kondoMessageSettings, the "Messages" card of kondoSetup. It calls no Apex:
// the draft is the local org's, from the real SetupController.getSetup. Edits are sent up as
// `settingchange` events (kondoSetup's own entry and tests show them saved).
import { orgSetupPage, settingError } from '../fixtures/setupProps';
import { defineEntry } from '../src/types';

export default defineEntry({
  component: 'kondoMessageSettings',
  description:
    'Whether LinkedIn messages are synced, how many days of them become Tasks on a first sync, and whether platform events are published for Flows. Shown inside kondoSetup.',
  width: 'wide',
  states: {
    org: {
      label: 'Local org',
      description: 'The org’s message settings.',
      user: 'admin',
      props: async (context) => ({ configuration: (await orgSetupPage(context)).configuration }),
    },
    'messages-off': {
      label: 'Messages off',
      description:
        'Messages are not synced, so the Task window is disabled; both differ from what is saved and are marked Edited.',
      user: 'admin',
      props: async (context) => ({
        configuration: { ...(await orgSetupPage(context)).configuration, syncMessages: false },
        editedFields: ['syncMessages', 'taskWindowDays'],
      }),
    },
    events: {
      label: 'Events on',
      description: 'Platform events for Flows switched on, marked Edited until saved.',
      user: 'admin',
      props: async (context) => ({
        configuration: { ...(await orgSetupPage(context)).configuration, publishEvents: true },
        editedFields: ['publishEvents'],
      }),
    },
    errors: {
      label: 'Field error',
      description:
        'A task window the server refused: the input is marked invalid with its message.',
      user: 'admin',
      props: async (context) => ({
        configuration: { ...(await orgSetupPage(context)).configuration, taskWindowDays: 99999 },
        errors: [settingError('taskWindowDays', 'Enter a whole number of days from 0 to 3650.')],
      }),
    },
  },
});
