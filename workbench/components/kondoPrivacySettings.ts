// Workbench entry of kondoPrivacySettings, the "Privacy" card of kondoSetup. It calls no Apex:
// the draft is the local org's, from the real SetupController.getSetup. Edits are sent up as
// `settingchange` events (kondoSetup's own entry and tests show them saved).
import { orgSetupPage, settingError } from '../fixtures/setupProps';
import { defineEntry } from '../src/types';

export default defineEntry({
  component: 'kondoPrivacySettings',
  description:
    'Who reads the messages of a synced conversation by default, and the Kondo labels that make a conversation private or metadata only. Shown inside kondoSetup.',
  width: 'wide',
  states: {
    org: {
      label: 'Local org',
      description: 'The org’s privacy settings.',
      user: 'admin',
      props: async (context) => ({ configuration: (await orgSetupPage(context)).configuration }),
    },
    labels: {
      label: 'Label rules',
      description:
        'Private by default, with labels that make a conversation private or metadata only.',
      user: 'admin',
      props: async (context) => ({
        configuration: {
          ...(await orgSetupPage(context)).configuration,
          defaultPrivacy: 'PRIVATE',
          privateLabels: 'Recruiting; Personal',
          metadataOnlyLabels: 'Legal',
        },
      }),
    },
    errors: {
      label: 'Field error',
      description:
        'A label in both lists, refused by the server: its message shows under the second.',
      user: 'admin',
      props: async (context) => ({
        configuration: {
          ...(await orgSetupPage(context)).configuration,
          privateLabels: 'Recruiting; Personal',
          metadataOnlyLabels: 'Personal',
        },
        errors: [
          settingError(
            'metadataOnlyLabels',
            'A label can make a conversation private or metadata only, not both: personal.'
          ),
        ],
      }),
    },
  },
});
