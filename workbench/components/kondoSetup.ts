// Workbench entry of kondoSetup, the Kondo Setup tab (Kondo app). The page runs on the local
// org: SetupController validates, saves, exports, imports and tests URLs for real, as the
// viewing user, and what is saved stays in the org (npm start -- --reset starts over from a
// first install). Only what the org cannot be made to do on demand is simulated.
import type { SetupPage } from '../../types/dto/setup';
import { EMPTY_HEALTH, orgSetupPage } from '../fixtures/setupProps';
import { apexError } from '../src/apexRuntime';
import { defineEntry } from '../src/types';

export default defineEntry({
  component: 'kondoSetup',
  description:
    'The Kondo Setup tab of the Kondo app: connection, matching, record creation, messages, sync frequency, field mappings, sync log and export/import, for Kondo admins.',
  width: 'wide',
  states: {
    data: {
      label: 'Local org',
      description:
        'The org’s settings, mappings and sync log, read and saved by the real SetupController as the viewing user (an admin by default).',
    },
    'first-install': {
      label: 'First install',
      description:
        'Before Kondo’s first sync (simulated: the org’s getSetup without its sample syncs): the checklist, an empty chart and sync log. Saves go to the org.',
      user: 'admin',
      apex: {
        'SetupController.getSetup': async (_params, context) => {
          const page = await orgSetupPage(context);
          return {
            ...page,
            connection: {
              ...page.connection,
              lastSuccessfulSyncAt: null,
              failedConversationsLast24Hours: 0,
              failedRequestsLast24Hours: 0,
            },
            health: EMPTY_HEALTH,
          };
        },
      },
    },
    paused: {
      label: 'Sync paused',
      description:
        'The org’s page with syncing paused (simulated on getSetup: the org keeps syncing): the warning banner above the sections, its link to the switch. Saves go to the org.',
      user: 'admin',
      apex: {
        'SetupController.getSetup': async (_params, context) => {
          const page = await orgSetupPage(context);
          return { ...page, configuration: { ...page.configuration, syncPaused: true } };
        },
      },
    },
    'save-failed': {
      label: 'Save failure',
      description: 'Loads from the org; every save fails on the server (SAVE_FAILED).',
      user: 'admin',
      apex: {
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
        'Viewed by a rep holding Kondo User but not Kondo Admin: the real controller refuses (PERMISSION_DENIED).',
      user: 'rep',
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
