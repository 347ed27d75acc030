import { createElement } from 'lwc';
import startKeyBackfill from '@salesforce/apex/SetupController.startKeyBackfill';
import getKeyBackfillProgress from '@salesforce/apex/SetupController.getKeyBackfillProgress';
import KondoKeyBackfill from 'c/kondoKeyBackfill';
import type { JobProgress } from 'types/dto/setup';

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

interface Toast {
  title: string;
  message: string;
  variant: string;
}

function apexError(message: string) {
  return { body: { message }, status: 500, statusText: 'Server Error' };
}

function settle(): Promise<void> {
  let chain = Promise.resolve();
  for (let turn = 0; turn < 6; turn++) {
    chain = chain.then(() => undefined);
  }
  return chain;
}

function render(jobs?: JobProgress[]): { element: BackfillElement; toasts: Toast[] } {
  const element = createElement('c-kondo-key-backfill', {
    is: KondoKeyBackfill,
  }) as BackfillElement;
  if (jobs) {
    element.jobs = jobs;
  }
  const toasts: Toast[] = [];
  element.addEventListener('lightning__showtoast', (event) => {
    toasts.push((event as CustomEvent<Toast>).detail);
  });
  document.body.appendChild(element);
  return { element, toasts };
}

function q<T extends Element = HTMLElement>(element: HTMLElement, selector: string): T | null {
  return (element.shadowRoot as ShadowRoot).querySelector<T>(selector);
}

function qa<T extends Element = HTMLElement>(element: HTMLElement, selector: string): T[] {
  return Array.from((element.shadowRoot as ShadowRoot).querySelectorAll<T>(selector));
}

function click(element: HTMLElement, selector: string): void {
  const button = q(element, selector);
  expect(button).not.toBeNull();
  button?.dispatchEvent(new CustomEvent('click'));
}

function summaries(element: HTMLElement): (string | null)[] {
  return qa(element, '.job-summary').map((line) => line.textContent);
}

describe('c-kondo-key-backfill', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

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
      'Contact keys: Queued: 0 of 0 batches, 0 errors',
      'Lead keys: Processing: 1 of 4 batches, 0 errors',
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
      'Contact keys: Completed: 5 of 5 batches, 0 errors',
      'Lead keys: Processing: 2 of 4 batches, 1 errors',
    ]);
    await expect(element).toBeAccessible();
  });

  it('shows the jobs it is given, unnamed ones as LinkedIn keys, and reports failures', async () => {
    const { element, toasts } = render([{ ...(PROGRESS[1] as JobProgress), objectName: null }]);
    await settle();
    expect(summaries(element)).toEqual(['LinkedIn keys: Processing: 2 of 4 batches, 1 errors']);

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
    expect(summaries(element)).toEqual(['LinkedIn keys: Processing: 2 of 4 batches, 1 errors']);
    await expect(element).toBeAccessible();
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
