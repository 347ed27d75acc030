// Workbench entry of kondoSyncHealth, the sync log inside kondoSetup's "Sync log" card. It takes
// the SyncHealth that getSetup returned as a property and calls no Apex: the local org's own, or
// a sample log with failures.
import { EMPTY_HEALTH, HEALTH, orgSetupPage } from '../fixtures/setupProps';
import { defineEntry } from '../src/types';

export default defineEntry({
  component: 'kondoSyncHealth',
  description:
    'The sync log of the last 14 days: a chart per day, the recent requests, failure filters and a CSV export. Shown inside kondoSetup.',
  width: 'wide',
  states: {
    org: {
      label: 'Local org',
      description: 'The sync log of the local org, as getSetup returns it to an admin.',
      user: 'admin',
      props: async (context) => ({ health: (await orgSetupPage(context)).health }),
    },
    data: {
      label: 'With failures',
      description:
        '14 days of syncs with quiet weekends, six requests (two partial, one rejected) and three failed conversations.',
      props: () => ({ health: HEALTH }),
    },
    empty: {
      label: 'No syncs yet',
      description: 'A fresh install: fourteen empty days and no requests.',
      props: () => ({ health: EMPTY_HEALTH }),
    },
  },
});
