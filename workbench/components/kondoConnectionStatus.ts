// Workbench entry of kondoConnectionStatus, the "Connection" card of kondoSetup. It calls no Apex
// and shows the connection getSetup returned: the local org's own, or one that cannot sync.
import type { Connection } from '../../types/dto/setup';
import { orgSetupPage } from '../fixtures/setupProps';
import { defineEntry } from '../src/types';

const CANNOT_SYNC: Connection = {
  conversationsUrl: 'https://acme.my.salesforce.com/services/apexrest/kondo/v1/conversations',
  settingsUrl: 'https://acme.my.salesforce.com/services/apexrest/kondo/v1/settings',
  lookupUrl: 'https://acme.my.salesforce.com/services/apexrest/kondo/v1/lookup',
  integrationUserCount: 0,
  lastSuccessfulSyncAt: null,
  failedConversationsLast24Hours: 1,
  failedRequestsLast24Hours: 3,
};

export default defineEntry({
  component: 'kondoConnectionStatus',
  description:
    'The endpoints Kondo calls, the integration user, the last successful sync and the failures of the last 24 hours. Shown inside kondoSetup.',
  width: 'wide',
  states: {
    org: {
      label: 'Local org',
      description: 'The local org’s connection, as getSetup returns it to an admin.',
      user: 'admin',
      props: async (context) => ({ connection: (await orgSetupPage(context)).connection }),
    },
    'cannot-sync': {
      label: 'Cannot sync',
      description:
        'No user holds Kondo Integration and no sync has succeeded; one conversation failed in three requests.',
      props: () => ({ connection: CANNOT_SYNC }),
    },
  },
});
