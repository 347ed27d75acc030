import { createElement } from 'lwc';
import getSetup from '@salesforce/apex/SetupController.getSetup';
import saveConfiguration from '@salesforce/apex/SetupController.saveConfiguration';
import exportConfiguration from '@salesforce/apex/SetupController.exportConfiguration';
import importConfiguration from '@salesforce/apex/SetupController.importConfiguration';
import testMatch from '@salesforce/apex/SetupController.testMatch';
import startKeyBackfill from '@salesforce/apex/SetupController.startKeyBackfill';
import getKeyBackfillProgress from '@salesforce/apex/SetupController.getKeyBackfillProgress';
import KondoSetup from 'c/kondoSetup';
import type { Configuration, SaveOutcome, SetupPage } from 'types/dto/setup';

/* eslint-disable @typescript-eslint/no-require-imports */
const PAGE: SetupPage = require('./data/SetupController.getSetup.json');
const SAVED: SaveOutcome = require('./data/SetupController.saveConfiguration.json');
const INVALID: SaveOutcome = require('./data/SetupController.saveConfiguration.invalid.json');
const MATCH = require('./data/SetupController.testMatch.json');
const REJECTED = require('./data/SetupController.testMatch.rejected.json');
const STARTED = require('./data/SetupController.startKeyBackfill.json');
const PROGRESS = require('./data/SetupController.getKeyBackfillProgress.json');
/* eslint-enable @typescript-eslint/no-require-imports */

jest.mock('@salesforce/apex/SetupController.getSetup', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SetupController.saveConfiguration', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SetupController.exportConfiguration', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SetupController.importConfiguration', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SetupController.testMatch', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SetupController.startKeyBackfill', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock(
  '@salesforce/apex/SetupController.getKeyBackfillProgress',
  () => ({ default: jest.fn() }),
  { virtual: true }
);

const getSetupMock = getSetup as unknown as jest.Mock;
const saveMock = saveConfiguration as unknown as jest.Mock;
const exportMock = exportConfiguration as unknown as jest.Mock;
const importMock = importConfiguration as unknown as jest.Mock;
const testMatchMock = testMatch as unknown as jest.Mock;
const startMock = startKeyBackfill as unknown as jest.Mock;
const progressMock = getKeyBackfillProgress as unknown as jest.Mock;

interface Toast {
  title: string;
  message: string;
  variant: string;
}

function apexError(message: string) {
  return { body: { message }, status: 500, statusText: 'Server Error' };
}

function page(edit: (copy: SetupPage) => void = () => undefined): SetupPage {
  const copy = JSON.parse(JSON.stringify(PAGE)) as SetupPage;
  edit(copy);
  return copy;
}

function settle(): Promise<void> {
  let chain = Promise.resolve();
  for (let turn = 0; turn < 12; turn++) {
    chain = chain.then(() => undefined);
  }
  return chain;
}

// jsdom's File has no text(); the component needs nothing else of a picked file.
function pickedFile(name: string, content: string): Pick<File, 'name' | 'text'> {
  return { name, text: () => Promise.resolve(content) };
}

function q<T extends Element = HTMLElement>(element: HTMLElement, selector: string): T | null {
  return (element.shadowRoot as ShadowRoot).querySelector<T>(selector);
}

function qa(element: HTMLElement, selector: string): Element[] {
  return Array.from((element.shadowRoot as ShadowRoot).querySelectorAll(selector));
}

/** The messages shown under the settings inputs, each with the field its component names. */
function fieldErrors(element: HTMLElement): { field: string; text: string | undefined }[] {
  return qa(element, 'c-kondo-field-error').flatMap((fieldError) =>
    Array.from((fieldError.shadowRoot as ShadowRoot).querySelectorAll('.field-error')).map(
      (line) => ({
        field: (fieldError as HTMLElement & { field: string }).field,
        text: line.textContent?.trim(),
      })
    )
  );
}

function change(target: Element | null, detail: Record<string, unknown>): void {
  expect(target).not.toBeNull();
  target?.dispatchEvent(new CustomEvent('change', { detail }));
}

function click(target: Element | null): void {
  expect(target).not.toBeNull();
  target?.dispatchEvent(new CustomEvent('click'));
}

async function render(setup: SetupPage = PAGE): Promise<{ element: HTMLElement; toasts: Toast[] }> {
  getSetupMock.mockResolvedValue(setup);
  const element = createElement('c-kondo-setup', { is: KondoSetup });
  const toasts: Toast[] = [];
  element.addEventListener('lightning__showtoast', (event) => {
    toasts.push((event as CustomEvent<Toast>).detail);
  });
  document.body.appendChild(element);
  await settle();
  return { element, toasts };
}

function sentConfiguration(): Configuration {
  const call = saveMock.mock.calls[0] as [{ configurationJson: string }];
  return JSON.parse(call[0].configurationJson) as Configuration;
}

// The accessibility check of the whole page takes seconds on a busy machine.
jest.setTimeout(30000);

describe('c-kondo-setup', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    jest.restoreAllMocks();
  });

  describe('load', () => {
    it('shows a spinner while the settings load', async () => {
      getSetupMock.mockReturnValue(new Promise(() => undefined));
      const element = createElement('c-kondo-setup', { is: KondoSetup });
      document.body.appendChild(element);
      await settle();

      expect(q(element, '.state_loading lightning-spinner')).not.toBeNull();
      await expect(element).toBeAccessible();
    });

    it('loads every section in one call', async () => {
      const { element } = await render();

      expect(getSetupMock).toHaveBeenCalledTimes(1);
      expect(qa(element, 'lightning-card.section')).toHaveLength(9);
      expect(q(element, '.conversations-url')?.textContent).toContain('/kondo/v1/conversations');
      expect(q(element, '.integration-user')?.textContent).toContain('1 active user holds');
      expect(q(element, '.failed-24h')?.textContent).toBe(
        '2 conversations failed in 1 failed or rejected request.'
      );
      expect(
        q<HTMLElement & { value: string }>(element, '.last-sync c-kondo-date-time')?.value
      ).toBe(PAGE.connection.lastSuccessfulSyncAt);
      const contactField = q<HTMLElement & { value: string; options: unknown[] }>(
        element,
        '.contact-match-field'
      );
      expect(contactField?.value).toBe('kondo__LinkedIn_URL__c');
      // Only matchable fields are offered, sorted by label.
      expect(contactField?.options).toEqual([
        { label: 'Full Name (Name)', value: 'Name' },
        { label: 'LinkedIn URL (kondo__LinkedIn_URL__c)', value: 'kondo__LinkedIn_URL__c' },
        { label: 'Title (Title)', value: 'Title' },
      ]);
      expect(q(element, '.unsaved')).toBeNull();
      expect(q<HTMLElement & { disabled: boolean }>(element, '.save')?.disabled).toBe(true);
      await expect(element).toBeAccessible();
    });

    it('warns when no integration user exists and no sync succeeded', async () => {
      const { element } = await render(
        page((copy) => {
          copy.connection.integrationUserCount = 0;
          copy.connection.lastSuccessfulSyncAt = null;
        })
      );

      expect(q(element, '.integration-user')?.textContent).toContain('Kondo cannot sync');
      expect(q(element, '.last-sync')?.textContent).toContain('Never');
    });

    it('counts several integration users', async () => {
      const { element } = await render(page((copy) => (copy.connection.integrationUserCount = 3)));

      expect(q(element, '.integration-user')?.textContent).toContain('3 active users hold');
    });

    it('counts one failed conversation and several failed requests in the singular and plural', async () => {
      const { element } = await render(
        page((copy) => {
          copy.connection.failedConversationsLast24Hours = 1;
          copy.connection.failedRequestsLast24Hours = 2;
        })
      );

      expect(q(element, '.failed-24h')?.textContent).toBe(
        '1 conversation failed in 2 failed or rejected requests.'
      );
    });
  });

  describe('permission denied', () => {
    it('shows a clear message and no settings to a user without Kondo Admin', async () => {
      getSetupMock.mockRejectedValue(
        apexError('PERMISSION_DENIED: Only Kondo admins can see and change these settings.')
      );
      const element = createElement('c-kondo-setup', { is: KondoSetup });
      document.body.appendChild(element);
      await settle();

      expect(q(element, '.state_denied')?.textContent).toContain('Kondo Admin permission set');
      expect(q(element, 'lightning-card.section')).toBeNull();
      expect(q(element, '.save')).toBeNull();
      await expect(element).toBeAccessible();
    });

    it('shows other load failures in the error panel', async () => {
      getSetupMock.mockRejectedValue(apexError('Something broke.'));
      const element = createElement('c-kondo-setup', { is: KondoSetup });
      document.body.appendChild(element);
      await settle();

      expect(q(element, 'c-kondo-error-panel.state_error')).not.toBeNull();
      expect(q(element, '.state_denied')).toBeNull();
    });
  });

  describe('edit', () => {
    it('shows unsaved changes and discards them', async () => {
      const { element } = await render();

      change(q(element, '.create-if-missing'), { checked: true });
      await settle();
      expect(q(element, '.unsaved')?.textContent).toBe('Unsaved changes');
      expect(q<HTMLElement & { disabled: boolean }>(element, '.save')?.disabled).toBe(false);

      click(q(element, '.discard'));
      await settle();
      expect(q(element, '.unsaved')).toBeNull();
      expect(q<HTMLElement & { checked: boolean }>(element, '.create-if-missing')?.checked).toBe(
        false
      );
    });

    it('keeps numbers as numbers and an emptied number as null', async () => {
      const { element } = await render();
      saveMock.mockResolvedValue(SAVED);

      change(q(element, '.task-window'), { value: '7' });
      change(q(element, '.log-retention'), { value: '' });
      change(q(element, '.sync-frequency'), { value: 'MANUAL' });
      change(q(element, '.account-rule'), { value: 'NONE' });
      await settle();
      expect(q<HTMLElement & { value: string }>(element, '.log-retention')?.value).toBe('');
      click(q(element, '.save'));
      await settle();

      const sent = sentConfiguration();
      expect(sent.taskWindowDays).toBe(7);
      expect(sent.logRetentionDays).toBeNull();
      expect(sent.syncFrequency).toBe('MANUAL');
      expect(sent.accountRule).toBe('NONE');
    });

    it('sends the privacy default and label rules, an emptied list as null', async () => {
      const { element } = await render();
      saveMock.mockResolvedValue(SAVED);

      expect(q(element, '.section_privacy')).not.toBeNull();
      change(q(element, '.default-privacy'), { value: 'PRIVATE' });
      change(q(element, '.private-labels'), { value: 'Recruiting; Personal' });
      change(q(element, '.metadata-only-labels'), { value: '   ' });
      await settle();
      click(q(element, '.save'));
      await settle();

      const sent = sentConfiguration();
      expect(sent.defaultPrivacy).toBe('PRIVATE');
      expect(sent.privateLabels).toBe('Recruiting; Personal');
      expect(sent.metadataOnlyLabels).toBeNull();
      await expect(element).toBeAccessible();
    });

    it('takes mapping edits from the mappings table', async () => {
      const { element } = await render();

      const mappings = q(element, 'c-kondo-setup-mappings');
      mappings?.dispatchEvent(
        new CustomEvent('mappingschange', {
          detail: {
            mappings: [{ objectName: 'Lead', kondoProperty: 'labels', targetField: 'Company' }],
            readBackFields: [],
          },
        })
      );
      await settle();

      expect(q(element, '.unsaved')).not.toBeNull();
      expect(qa(mappings as HTMLElement, 'tr.mapping-row')).toHaveLength(1);
    });

    it('ignores the change events of the comboboxes inside the mappings table', async () => {
      const { element } = await render();

      // lightning-combobox's change event is composed and bubbles out of the table.
      const mappings = q(element, 'c-kondo-setup-mappings');
      mappings?.dispatchEvent(
        new CustomEvent('change', { detail: { value: 'headline' }, bubbles: true, composed: true })
      );
      await settle();

      expect(q(element, '.unsaved')).toBeNull();
      expect(qa(mappings as HTMLElement, 'tr.mapping-row')).toHaveLength(
        PAGE.configuration.mappings.length
      );
    });
  });

  describe('save', () => {
    it('saves, confirms with a toast and shows the saved page', async () => {
      const { element, toasts } = await render();
      saveMock.mockResolvedValue(SAVED);

      change(q(element, '.sync-messages'), { checked: false });
      await settle();
      click(q(element, '.save'));
      await settle();

      expect(sentConfiguration().syncMessages).toBe(false);
      expect(toasts).toEqual([
        expect.objectContaining({ variant: 'success', title: 'Kondo settings saved' }),
      ]);
      expect(q(element, '.unsaved')).toBeNull();
      expect(q<HTMLElement & { value: string }>(element, '.sync-frequency')?.value).toBe('MANUAL');
      await expect(element).toBeAccessible();
    });

    it('shows validation errors per row and keeps the edits', async () => {
      const { element, toasts } = await render();
      saveMock.mockResolvedValue(INVALID);

      change(q(element, '.task-window'), { value: '99999' });
      await settle();
      click(q(element, '.save'));
      await settle();

      const lines = qa(element, '.error-line').map((line) => line.textContent);
      expect(lines).toEqual([
        'Task window: Enter a whole number of days from 0 to 3650.',
        'Contact mapping 1: Title (STRING) cannot hold the Kondo property notes.',
        'Contact shown field 2: Contact.Email is listed twice.',
      ]);
      const mappings = q(element, 'c-kondo-setup-mappings') as HTMLElement;
      expect(qa(mappings, '.row-error').map((row) => row.textContent)).toEqual([
        'Title (STRING) cannot hold the Kondo property notes.',
        'Contact.Email is listed twice.',
      ]);
      expect(q(element, '.unsaved')).not.toBeNull();
      expect(q<HTMLElement & { value: string }>(element, '.task-window')?.value).toBe('99999');
      // The settings error shows under its own input only.
      expect(fieldErrors(element)).toEqual([
        { field: 'taskWindowDays', text: 'Enter a whole number of days from 0 to 3650.' },
      ]);
      expect(toasts).toEqual([
        expect.objectContaining({ variant: 'error', message: '3 values need fixing.' }),
      ]);
      await expect(element).toBeAccessible();

      click(q(element, '.discard'));
      await settle();
      expect(q(element, '.validation-errors')).toBeNull();
    });

    it('keeps each row error on its row when rows are removed or moved', async () => {
      const { element } = await render();
      saveMock.mockResolvedValue(INVALID);
      change(q(element, '.task-window'), { value: '99999' });
      await settle();
      click(q(element, '.save'));
      await settle();

      const mappings = q(element, 'c-kondo-setup-mappings') as HTMLElement;
      const [firstShown, secondShown, thirdShown] = PAGE.configuration.readBackFields;
      // The shown fields' second row (the one in error) moves up: its error goes with it.
      mappings.dispatchEvent(
        new CustomEvent('mappingschange', {
          detail: {
            mappings: PAGE.configuration.mappings,
            readBackFields: [secondShown, firstShown, thirdShown],
          },
        })
      );
      await settle();
      expect(qa(element, '.error-line').map((line) => line.textContent)).toEqual([
        'Task window: Enter a whole number of days from 0 to 3650.',
        'Contact mapping 1: Title (STRING) cannot hold the Kondo property notes.',
        'Contact shown field 1: Contact.Email is listed twice.',
      ]);

      // The first mapping (in error) is removed: its error goes, the next row does not inherit it.
      mappings.dispatchEvent(
        new CustomEvent('mappingschange', {
          detail: {
            mappings: PAGE.configuration.mappings.slice(1),
            readBackFields: [secondShown, firstShown, thirdShown],
          },
        })
      );
      await settle();
      expect(qa(element, '.error-line').map((line) => line.textContent)).toEqual([
        'Task window: Enter a whole number of days from 0 to 3650.',
        'Contact shown field 1: Contact.Email is listed twice.',
      ]);

      // An edit in place keeps the row's error until the next save.
      mappings.dispatchEvent(
        new CustomEvent('mappingschange', {
          detail: {
            mappings: PAGE.configuration.mappings.slice(1),
            readBackFields: [{ objectName: 'Contact', field: 'Birthdate' }, firstShown, thirdShown],
          },
        })
      );
      await settle();
      expect(qa(element, '.error-line').map((line) => line.textContent)).toContain(
        'Contact shown field 1: Contact.Email is listed twice.'
      );
    });

    it('says one value when one needs fixing, and labels section-wide errors', async () => {
      const { element, toasts } = await render();
      saveMock.mockResolvedValue({
        saved: false,
        errors: [
          { section: 'mappings', rowIndex: null, field: 'mappings', message: 'At most 200.' },
          { section: 'readBackFields', field: 'readBackFields', message: 'At most 200.' },
          {
            section: 'mappings',
            rowIndex: 1,
            field: 'targetField',
            message: 'Another mapping already writes Lead.Company.',
          },
          { section: 'readBackFields', rowIndex: 9, field: 'field', message: 'No such row.' },
        ],
      });
      change(q(element, '.create-as'), { value: 'Contact' });
      await settle();
      click(q(element, '.save'));
      await settle();

      expect(qa(element, '.error-line').map((line) => line.textContent)).toEqual([
        'Field mappings: At most 200.',
        'Fields shown in Kondo: At most 200.',
        // Rows are named as the tables number them, per object.
        'Lead mapping 1: Another mapping already writes Lead.Company.',
        'Row 10: No such row.',
      ]);
      expect(toasts[0]?.message).toBe('4 values need fixing.');

      saveMock.mockResolvedValue({ saved: false, errors: [INVALID.errors[0]] });
      click(q(element, '.save'));
      await settle();
      expect(toasts[1]?.message).toBe('1 value needs fixing.');
    });

    it('keeps the edits when the save fails', async () => {
      const { element, toasts } = await render();
      saveMock.mockRejectedValue(apexError('SAVE_FAILED: The settings could not be saved: locked'));

      change(q(element, '.default-account'), { value: '001000000000001AAA' });
      await settle();
      click(q(element, '.save'));
      await settle();

      expect(toasts).toEqual([
        expect.objectContaining({
          variant: 'error',
          message: 'The settings could not be saved: locked',
        }),
      ]);
      expect(q(element, '.unsaved')).not.toBeNull();
      expect(q<HTMLElement & { value: string }>(element, '.default-account')?.value).toBe(
        '001000000000001AAA'
      );
    });

    it('falls back to a generic message for an error without text', async () => {
      const { element, toasts } = await render();
      saveMock.mockRejectedValue({});
      change(q(element, '.match-priority'), { value: 'Lead' });
      await settle();
      click(q(element, '.save'));
      await settle();

      expect(toasts[0]?.message).toBe('Unexpected error.');
    });
  });

  describe('tester', () => {
    it('shows the normalised key and the matching records', async () => {
      const { element } = await render();
      testMatchMock.mockResolvedValue(MATCH);

      expect(q<HTMLElement & { disabled: boolean }>(element, '.run-test')?.disabled).toBe(true);
      change(q(element, '.test-url'), { value: 'https://uk.linkedin.com/in/Jane-Doe-42/' });
      await settle();
      click(q(element, '.run-test'));
      await settle();

      expect(testMatchMock).toHaveBeenCalledWith({
        linkedInUrl: 'https://uk.linkedin.com/in/Jane-Doe-42/',
      });
      expect(q(element, '.test-key code')?.textContent).toBe('jane-doe-42');
      const links = qa(element, '.test-matches a') as HTMLAnchorElement[];
      expect(qa(element, '.test-matches li').map((item) => item.textContent?.trim())).toEqual([
        'Jane Doe (Contact)',
        'Jane Doe (Lead)',
      ]);
      expect(links.map((link) => link.getAttribute('href'))).toEqual([
        '/lightning/r/Contact/003000000000001AAA/view',
        '/lightning/r/Lead/00Q000000000001AAA/view',
      ]);
      await expect(element).toBeAccessible();
    });

    it('says when nothing matches and why a URL is rejected', async () => {
      const { element } = await render();
      change(q(element, '.test-url'), { value: 'https://example.com/x' });
      await settle();

      testMatchMock.mockResolvedValue({ ...MATCH, matches: [] });
      click(q(element, '.run-test'));
      await settle();
      expect(q(element, '.test-no-match')).not.toBeNull();

      testMatchMock.mockResolvedValue(REJECTED);
      click(q(element, '.run-test'));
      await settle();
      expect(q(element, '.test-rejected')?.textContent).toBe(
        'NOT_LINKEDIN: The URL is not on linkedin.com.'
      );

      testMatchMock.mockRejectedValue(apexError('Boom'));
      click(q(element, '.run-test'));
      await settle();
      expect(q(element, 'c-kondo-error-panel.test-error')).not.toBeNull();
      expect(q(element, '.test-key')).toBeNull();
    });
  });

  describe('key backfill', () => {
    it('starts the refill and follows its progress', async () => {
      const { element, toasts } = await render();
      expect(q(element, '.no-jobs')).not.toBeNull();
      startMock.mockResolvedValue(STARTED);
      progressMock.mockResolvedValue(PROGRESS);

      click(q(element, '.start-backfill'));
      await settle();
      expect(toasts[0]).toEqual(expect.objectContaining({ variant: 'success' }));
      expect(qa(element, '.job-summary').map((line) => line.textContent)).toEqual([
        'Contact keys: Queued: 0 of 0 batches, 0 errors',
        'Lead keys: Processing: 1 of 4 batches, 0 errors',
      ]);

      click(q(element, '.refresh-backfill'));
      await settle();
      expect(progressMock).toHaveBeenCalledWith({
        jobIds: ['707000000000000AAA', '707000000000002AAA'],
      });
      const bars = qa(element, 'lightning-progress-bar') as (HTMLElement & { value: number })[];
      expect(bars.map((bar) => bar.value)).toEqual([100, 50]);
      expect(q(element, '.job-summary')?.textContent).toContain('Contact keys: Completed');
      await expect(element).toBeAccessible();
    });

    it('shows jobs found on load and reports failures', async () => {
      const { element, toasts } = await render(
        page((copy) => {
          copy.backfillJobs = [{ ...PROGRESS[1], objectName: null }];
        })
      );
      expect(q(element, '.job-summary')?.textContent).toContain('LinkedIn keys: Processing');

      progressMock.mockRejectedValue(apexError('No access'));
      click(q(element, '.refresh-backfill'));
      await settle();
      startMock.mockRejectedValue(apexError('Too many jobs'));
      click(q(element, '.start-backfill'));
      await settle();

      expect(toasts.map((toast) => toast.title)).toEqual([
        'Progress not available',
        'Key refill not started',
      ]);
    });
  });

  describe('export and import', () => {
    it('downloads the exported configuration', async () => {
      const { element, toasts } = await render();
      exportMock.mockResolvedValue('{"format":"kondo-configuration"}');
      const clickSpy = jest
        .spyOn(HTMLAnchorElement.prototype, 'click')
        .mockImplementation(() => undefined);

      click(q(element, '.export'));
      await settle();
      expect(clickSpy).toHaveBeenCalledTimes(1);
      expect((clickSpy.mock.contexts[0] as HTMLAnchorElement).download).toBe(
        'kondo-configuration.json'
      );

      exportMock.mockRejectedValue(apexError('PERMISSION_DENIED: No.'));
      click(q(element, '.export'));
      await settle();
      expect(toasts[0]).toEqual(
        expect.objectContaining({ title: 'Export failed', message: 'No.' })
      );
    });

    it('imports a file like a save', async () => {
      const { element, toasts } = await render();
      importMock.mockResolvedValue(SAVED);
      const file = pickedFile('prod.json', '{"format":"kondo-configuration"}');

      change(q(element, '.import'), { files: [file] });
      await settle();
      await settle();

      expect(importMock).toHaveBeenCalledWith({ fileContent: '{"format":"kondo-configuration"}' });
      expect(toasts[0]).toEqual(
        expect.objectContaining({ variant: 'success', message: 'prod.json is now in effect.' })
      );
      expect(q<HTMLElement & { value: string }>(element, '.sync-frequency')?.value).toBe('MANUAL');
    });

    it('shows the errors of an invalid import and ignores an empty pick', async () => {
      const { element, toasts } = await render();
      change(q(element, '.import'), { files: [] });
      await settle();
      expect(importMock).not.toHaveBeenCalled();

      importMock.mockResolvedValue(INVALID);
      change(q(element, '.import'), { files: [pickedFile('bad.json', '{}')] });
      await settle();
      await settle();
      expect(qa(element, '.error-line')).toHaveLength(3);

      importMock.mockRejectedValue(apexError('INVALID_INPUT: The file is empty.'));
      change(q(element, '.import'), { files: [pickedFile('empty.json', '')] });
      await settle();
      await settle();
      expect(toasts.map((toast) => toast.title)).toEqual(['Nothing was saved', 'Import failed']);
    });
  });
});
