import { createElement } from 'lwc';
import startKeyBackfill from '@salesforce/apex/SetupController.startKeyBackfill';
import getKeyBackfillProgress from '@salesforce/apex/SetupController.getKeyBackfillProgress';
import KondoKeyBackfill from 'c/kondoKeyBackfill';
import type { JobProgress } from 'types/dto/setup';
import {
  apexError,
  cleanUp,
  click as clickOn,
  q,
  qa,
  settle,
  toastsOf,
} from '../../kondoSettingsCard/__tests__/harness';

/* eslint-disable @typescript-eslint/no-require-imports */
const STARTED: JobProgress[] = require('./data/SetupController.startKeyBackfill.json');
const PROGRESS: JobProgress[] = require('./data/SetupController.getKeyBackfillProgress.json');
/* eslint-enable @typescript-eslint/no-require-imports */

jest.mock('@salesforce/apex/SetupController.startKeyBackfill', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock(
  '@salesforce/apex/SetupController.getKeyBackfillProgress',
  () => ({ default: jest.fn() }),
  { virtual: true }
);

const startMock = startKeyBackfill as unknown as jest.Mock;
const progressMock = getKeyBackfillProgress as unknown as jest.Mock;

type BackfillElement = HTMLElement & { jobs: JobProgress[] | undefined };

function render(jobs?: JobProgress[]) {
  const element = createElement('c-kondo-key-backfill', {
    is: KondoKeyBackfill,
  }) as BackfillElement;
  if (jobs) {
    element.jobs = jobs;
  }
  const toasts = toastsOf(element);
  document.body.appendChild(element);
  return { element, toasts };
}

function click(element: HTMLElement, selector: string): void {
  clickOn(q(element, selector));
}

function summaries(element: HTMLElement): (string | null)[] {
  return qa(element, '.job-summary').map((line) => line.textContent);
}

describe('c-kondo-key-backfill', () => {
  afterEach(cleanUp);

  it('starts the refill and follows its progress', async () => {
    const { element, toasts } = render([]);
    await settle();
    expect(q(element, '.no-jobs')?.textContent).toBe('No key refill has run recently.');
    expect(q(element, '.refresh-backfill')).toBeNull();
    startMock.mockResolvedValue(STARTED);
    progressMock.mockResolvedValue(PROGRESS);

    click(element, '.start-backfill');
    await settle();
    expect(toasts).toEqual([
      {
        variant: 'success',
        title: 'Key refill started',
        message: 'Existing records get their LinkedIn key again.',
      },
    ]);
    expect(summaries(element)).toEqual([
      'Contact keys: queued, 0 of 0 batches, no errors',
      'Lead keys: running, 1 of 4 batches, no errors',
    ]);

    click(element, '.refresh-backfill');
    await settle();
    expect(progressMock).toHaveBeenCalledWith({
      jobIds: ['707000000000000AAA', '707000000000002AAA'],
    });
    const bars = qa<HTMLElement & { value: number }>(element, 'lightning-progress-bar');
    expect(bars.map((bar) => bar.value)).toEqual([100, 50]);
    // The progress answer names no object: each job keeps its name.
    expect(summaries(element)).toEqual([
      'Contact keys: completed, 5 of 5 batches, no errors',
      'Lead keys: running, 2 of 4 batches, 1 error',
    ]);
    await expect(element).toBeAccessible();
  });

  it('shows the jobs it is given, unnamed ones as LinkedIn keys, and reports failures', async () => {
    const { element, toasts } = render([{ ...(PROGRESS[1] as JobProgress), objectName: null }]);
    await settle();
    expect(summaries(element)).toEqual(['LinkedIn keys: running, 2 of 4 batches, 1 error']);

    progressMock.mockRejectedValue(apexError('No access'));
    click(element, '.refresh-backfill');
    await settle();
    startMock.mockRejectedValue(apexError('PERMISSION_DENIED: Too many jobs'));
    click(element, '.start-backfill');
    await settle();

    expect(toasts).toEqual([
      { variant: 'error', title: 'Progress not available', message: 'No access' },
      { variant: 'error', title: 'Key refill not started', message: 'Too many jobs' },
    ]);
    expect(summaries(element)).toEqual(['LinkedIn keys: running, 2 of 4 batches, 1 error']);
    await expect(element).toBeAccessible();
  });

  it('shows a status it has no words for as it is, and a job it was not shown as LinkedIn keys', async () => {
    const { element } = render([{ ...(PROGRESS[1] as JobProgress), status: 'Paused' }]);
    await settle();
    expect(summaries(element)).toEqual(['LinkedIn keys: Paused, 2 of 4 batches, 1 error']);

    progressMock.mockResolvedValue([
      { ...(PROGRESS[0] as JobProgress), jobId: '707000000000077AAA' },
    ]);
    click(element, '.refresh-backfill');
    await settle();
    expect(summaries(element)).toEqual(['LinkedIn keys: completed, 5 of 5 batches, no errors']);
  });

  it('takes the jobs of a new page, and shows none without jobs', async () => {
    const { element } = render();
    await settle();
    expect(element.jobs).toEqual([]);
    expect(q(element, '.no-jobs')).not.toBeNull();

    element.jobs = STARTED;
    await settle();
    expect(summaries(element)).toHaveLength(2);
    expect(element.jobs).toEqual(STARTED);

    element.jobs = undefined;
    await settle();
    expect(q(element, '.no-jobs')).not.toBeNull();
  });

  it('disables its buttons while a call runs', async () => {
    const { element } = render(STARTED);
    await settle();
    let answer: (jobs: JobProgress[]) => void = () => undefined;
    progressMock.mockReturnValue(new Promise<JobProgress[]>((resolve) => (answer = resolve)));
    const disabled = () =>
      qa<HTMLElement & { disabled: boolean }>(element, 'lightning-button').map((b) => b.disabled);

    click(element, '.refresh-backfill');
    await settle();
    expect(disabled()).toEqual([true, true]);

    answer(PROGRESS);
    await settle();
    expect(disabled()).toEqual([false, false]);
  });
});
