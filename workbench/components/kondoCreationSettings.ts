// Workbench entry of kondoCreationSettings, the "Record creation" card of kondoSetup. It calls no
// Apex: the draft is the local org's, from the real SetupController.getSetup. Edits are sent up
// as `settingchange` events (kondoSetup's own entry and tests show them saved).
import { orgSetupPage, settingError } from '../fixtures/setupProps';
import { query } from '../src/localOrg';
import { defineEntry } from '../src/types';

export default defineEntry({
  component: 'kondoCreationSettings',
  description:
    'Whether a record is created when no Contact or Lead matches, as which object, the Account of a created Contact, the record type of each object (among those the org offers the admin) and how the org’s rules apply. Shown inside kondoSetup.',
  width: 'wide',
  states: {
    org: {
      label: 'Local org',
      description: 'The org’s record creation settings.',
      user: 'admin',
      props: async (context) => {
        const page = await orgSetupPage(context);
        return { configuration: page.configuration, recordTypes: page.recordTypes };
      },
    },
    contacts: {
      label: 'Creating Contacts',
      description:
        'Contacts created into the default Account, picked from the org’s Accounts with the record picker (the workbench’s stand-in searches the org as the viewing user).',
      user: 'admin',
      props: async (context) => {
        const [account] = await query<{ Id: string }>(
          context.user,
          'SELECT Id FROM Account ORDER BY Name LIMIT 1'
        );
        const page = await orgSetupPage(context);
        return {
          recordTypes: page.recordTypes,
          configuration: {
            ...page.configuration,
            createIfMissing: true,
            createAs: 'Contact',
            accountRule: 'DEFAULT_ACCOUNT',
            defaultAccountId: account?.Id ?? null,
          },
          editedFields: ['createIfMissing', 'createAs', 'accountRule', 'defaultAccountId'],
        };
      },
    },
    errors: {
      label: 'Field error',
      description: 'Creation on, always the default Account, and an Id the server refused.',
      user: 'admin',
      props: async (context) => ({
        configuration: {
          ...(await orgSetupPage(context)).configuration,
          createIfMissing: true,
          createAs: 'Contact',
          accountRule: 'DEFAULT_ACCOUNT',
          defaultAccountId: '001000000000000',
        },
        errors: [settingError('defaultAccountId', 'Choose an Account: this is not the Id of one.')],
      }),
    },
  },
});
