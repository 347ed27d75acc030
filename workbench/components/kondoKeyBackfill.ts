// Workbench entry of kondoKeyBackfill, the LinkedIn key refill in kondoSetup's "Matching" card.
// Its buttons call the real SetupController.startKeyBackfill and getKeyBackfillProgress as the
// viewing user; the jobs it starts with are the ones getSetup returned, or sample ones.
import type { JobProgress } from '../../types/dto/setup';
import { apexError } from '../src/apexRuntime';
import { orgSetupPage } from '../fixtures/setupProps';
import { defineEntry } from '../src/types';

const RUNNING: JobProgress[] = [
  {
    jobId: '707000000000001AAA',
    objectName: 'Contact',
    status: 'Completed',
    processedBatches: 5,
    totalBatches: 5,
    errorCount: 0,
    finished: true,
    createdAt: '2026-11-21T10:00:00.000Z',
  },
  {
    jobId: '707000000000002AAA',
    objectName: 'Lead',
    status: 'Processing',
    processedBatches: 1,
    totalBatches: 4,
    errorCount: 0,
    finished: false,
    createdAt: '2026-11-21T10:00:00.000Z',
  },
];

export default defineEntry({
  component: 'kondoKeyBackfill',
  description:
    'The refill of every Contact and Lead LinkedIn key: the jobs’ progress, start a refill, refresh the progress. Shown inside kondoSetup.',
  width: 'wide',
  states: {
    org: {
      label: 'Local org',
      description:
        'The org’s recent refill jobs (none after a reset); “Refill keys now” starts one for real.',
      user: 'admin',
      props: async (context) => ({ jobs: (await orgSetupPage(context)).backfillJobs }),
    },
    running: {
      label: 'Running',
      description: 'The Contact keys are refilled, the Lead keys a quarter done.',
      props: () => ({ jobs: RUNNING }),
    },
    'start-failed': {
      label: 'Start failure',
      description: 'Every start fails on the server (simulated): the toast says why.',
      apex: {
        'SetupController.startKeyBackfill': () => {
          throw apexError('The key refill could not be started: too many batch jobs are queued.');
        },
      },
      props: () => ({ jobs: [] }),
    },
  },
});
