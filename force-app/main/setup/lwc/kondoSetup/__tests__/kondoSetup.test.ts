import { createElement } from 'lwc';
import getSetup from '@salesforce/apex/SetupController.getSetup';
import saveConfiguration from '@salesforce/apex/SetupController.saveConfiguration';
import importConfiguration from '@salesforce/apex/SetupController.importConfiguration';
import KondoSetup from 'c/kondoSetup';
import type { Configuration, JobProgress, SaveOutcome, SetupPage } from 'types/dto/setup';

/* eslint-disable @typescript-eslint/no-require-imports */
const PAGE: SetupPage = require('./data/SetupController.getSetup.json');
const SAVED: SaveOutcome = require('./data/SetupController.saveConfiguration.json');
const INVALID: SaveOutcome = require('./data/SetupController.saveConfiguration.invalid.json');
/* eslint-enable @typescript-eslint/no-require-imports */

// The cards' own Apex (the tester, the key refill, the export) is mocked in their own tests.
jest.mock('@salesforce/apex/SetupController.getSetup', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SetupController.saveConfiguration', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SetupController.importConfiguration', () => ({ default: jest.fn() }), {
  virtual: true,
});

const getSetupMock = getSetup as unknown as jest.Mock;
const saveMock = saveConfiguration as unknown as jest.Mock;
const importMock = importConfiguration as unknown as jest.Mock;

/** The components that show settings, each in its card. */
const SETTINGS_CARDS = [
  'c-kondo-match-settings',
  'c-kondo-creation-settings',
  'c-kondo-message-settings',
  'c-kondo-privacy-settings',
  'c-kondo-sync-frequency-settings',
  'c-kondo-sync-log-settings',
];

/** A key refill job as getSetup or a save that changed a match field sends it. */
const JOB: JobProgress = {
  jobId: '707000000000009AAA',
  objectName: 'Contact',
  status: 'Queued',
  processedBatches: 0,
  totalBatches: 0,
  errorCount: 0,
  finished: false,
  createdAt: '2026-11-21T10:00:00.000Z',
};

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

// jsdom's File has no text(); the page needs nothing else of a picked file.
function pickedFile(name: string, content: string): Pick<File, 'name' | 'text'> {
  return { name, text: () => Promise.resolve(content) };
}

function q<T extends Element = HTMLElement>(element: Element, selector: string): T | null {
  return (element.shadowRoot as ShadowRoot).querySelector<T>(selector);
}

function qa(element: Element, selector: string): Element[] {
  return Array.from((element.shadowRoot as ShadowRoot).querySelectorAll(selector));
}

/** An element inside the page's child component `tag` (the cards' contents are components). */
function inside<T extends Element = HTMLElement>(
  element: HTMLElement,
  tag: string,
  selector: string
): T | null {
  const child = q(element, tag);
  return child ? q<T>(child, selector) : null;
}

/** The messages shown under the settings inputs, each with the field its component names. */
function fieldErrors(element: HTMLElement): { field: string; text: string | undefined }[] {
  return SETTINGS_CARDS.flatMap((tag) =>
    qa(q(element, tag) as HTMLElement, 'c-kondo-field-error')
  ).flatMap((fieldError) =>
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

    it('loads every section in one call and gives each card its part', async () => {
      const { element } = await render();

      expect(getSetupMock).toHaveBeenCalledTimes(1);
      expect(qa(element, 'lightning-card.section')).toHaveLength(9);
      expect(
        q<HTMLElement & { connection: unknown }>(element, 'c-kondo-connection-status')?.connection
      ).toEqual(PAGE.connection);
      expect(
        inside(element, 'c-kondo-connection-status', '.conversations-url')?.textContent
      ).toContain('/kondo/v1/conversations');
      const match = q<HTMLElement & { configuration: unknown; fieldOptions: unknown }>(
        element,
        'c-kondo-match-settings'
      );
      expect(match?.configuration).toEqual(PAGE.configuration);
      expect(match?.fieldOptions).toEqual(PAGE.fieldOptions);
      expect(
        inside<HTMLElement & { value: string }>(
          element,
          'c-kondo-match-settings',
          '.contact-match-field'
        )?.value
      ).toBe('kondo__LinkedIn_URL__c');
      for (const tag of SETTINGS_CARDS) {
        expect(q<HTMLElement & { configuration: unknown }>(element, tag)?.configuration).toEqual(
          PAGE.configuration
        );
      }
      expect(q<HTMLElement & { jobs: unknown }>(element, 'c-kondo-key-backfill')?.jobs).toEqual(
        PAGE.backfillJobs
      );
      expect(q(element, 'c-kondo-url-tester')).not.toBeNull();
      expect(
        q<HTMLElement & { health: unknown }>(element, 'c-kondo-sync-log-settings')?.health
      ).toEqual(PAGE.health);
      expect(
        q<HTMLElement & { saving: boolean }>(element, 'c-kondo-configuration-transfer')?.saving
      ).toBe(false);
      expect(q(element, '.unsaved')).toBeNull();
      expect(q<HTMLElement & { disabled: boolean }>(element, '.save')?.disabled).toBe(true);
      await expect(element).toBeAccessible();
    });

    it('shows the key refill jobs found on load', async () => {
      const { element } = await render(page((copy) => (copy.backfillJobs = [JOB])));

      expect(inside(element, 'c-kondo-key-backfill', '.job-summary')?.textContent).toBe(
        'Contact keys: Queued: 0 of 0 batches, 0 errors'
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

      change(inside(element, 'c-kondo-creation-settings', '.create-if-missing'), {
        checked: true,
      });
      await settle();
      expect(q(element, '.unsaved')?.textContent).toBe('Unsaved changes');
      expect(q<HTMLElement & { disabled: boolean }>(element, '.save')?.disabled).toBe(false);

      click(q(element, '.discard'));
      await settle();
      expect(q(element, '.unsaved')).toBeNull();
      expect(
        inside<HTMLElement & { checked: boolean }>(
          element,
          'c-kondo-creation-settings',
          '.create-if-missing'
        )?.checked
      ).toBe(false);
    });

    it('keeps numbers as numbers and an emptied number as null', async () => {
      const { element } = await render();
      saveMock.mockResolvedValue(SAVED);

      change(inside(element, 'c-kondo-message-settings', '.task-window'), { value: '7' });
      change(inside(element, 'c-kondo-sync-log-settings', '.log-retention'), { value: '' });
      change(inside(element, 'c-kondo-sync-frequency-settings', '.sync-frequency'), {
        value: 'MANUAL',
      });
      change(inside(element, 'c-kondo-creation-settings', '.account-rule'), { value: 'NONE' });
      await settle();
      expect(
        inside<HTMLElement & { value: string }>(
          element,
          'c-kondo-sync-log-settings',
          '.log-retention'
        )?.value
      ).toBe('');
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

      expect(q(element, '.section_privacy c-kondo-privacy-settings')).not.toBeNull();
      change(inside(element, 'c-kondo-privacy-settings', '.default-privacy'), {
        value: 'PRIVATE',
      });
      change(inside(element, 'c-kondo-privacy-settings', '.private-labels'), {
        value: 'Recruiting; Personal',
      });
      change(inside(element, 'c-kondo-privacy-settings', '.metadata-only-labels'), {
        value: '   ',
      });
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

    it('ignores the change events of the base components inside the cards', async () => {
      const { element } = await render();

      // lightning-combobox's and lightning-input's change events are composed and bubble out.
      for (const tag of ['c-kondo-setup-mappings', ...SETTINGS_CARDS]) {
        q(element, tag)?.dispatchEvent(
          new CustomEvent('change', {
            detail: { value: 'headline' },
            bubbles: true,
            composed: true,
          })
        );
      }
      await settle();

      expect(q(element, '.unsaved')).toBeNull();
      expect(
        qa(q(element, 'c-kondo-setup-mappings') as HTMLElement, 'tr.mapping-row')
      ).toHaveLength(PAGE.configuration.mappings.length);
    });
  });

  describe('save', () => {
    it('saves, confirms with a toast and shows the saved page', async () => {
      const { element, toasts } = await render();
      saveMock.mockResolvedValue(SAVED);

      change(inside(element, 'c-kondo-message-settings', '.sync-messages'), { checked: false });
      await settle();
      click(q(element, '.save'));
      await settle();

      expect(sentConfiguration().syncMessages).toBe(false);
      expect(toasts).toEqual([
        expect.objectContaining({ variant: 'success', title: 'Kondo settings saved' }),
      ]);
      expect(q(element, '.unsaved')).toBeNull();
      expect(
        inside<HTMLElement & { value: string }>(
          element,
          'c-kondo-sync-frequency-settings',
          '.sync-frequency'
        )?.value
      ).toBe('MANUAL');
      await expect(element).toBeAccessible();
    });

    it('shows the key refill a save started', async () => {
      const { element } = await render();
      saveMock.mockResolvedValue({
        ...SAVED,
        page: { ...(SAVED.page as SetupPage), backfillJobs: [JOB] },
      });

      change(inside(element, 'c-kondo-match-settings', '.lead-match-field'), { value: 'Company' });
      await settle();
      click(q(element, '.save'));
      await settle();

      expect(sentConfiguration().leadMatchField).toBe('Company');
      expect(inside(element, 'c-kondo-key-backfill', '.job-summary')?.textContent).toBe(
        'Contact keys: Queued: 0 of 0 batches, 0 errors'
      );
    });

    it('shows validation errors per row and keeps the edits', async () => {
      const { element, toasts } = await render();
      saveMock.mockResolvedValue(INVALID);

      change(inside(element, 'c-kondo-message-settings', '.task-window'), { value: '99999' });
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
      expect(
        inside<HTMLElement & { value: string }>(element, 'c-kondo-message-settings', '.task-window')
          ?.value
      ).toBe('99999');
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
      change(inside(element, 'c-kondo-message-settings', '.task-window'), { value: '99999' });
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
      change(inside(element, 'c-kondo-creation-settings', '.create-as'), { value: 'Contact' });
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

      change(inside(element, 'c-kondo-creation-settings', '.default-account'), {
        value: '001000000000001AAA',
      });
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
      expect(
        inside<HTMLElement & { value: string }>(
          element,
          'c-kondo-creation-settings',
          '.default-account'
        )?.value
      ).toBe('001000000000001AAA');
    });

    it('falls back to a generic message for an error without text', async () => {
      const { element, toasts } = await render();
      saveMock.mockRejectedValue({});
      change(inside(element, 'c-kondo-match-settings', '.match-priority'), { value: 'Lead' });
      await settle();
      click(q(element, '.save'));
      await settle();

      expect(toasts[0]?.message).toBe('Unexpected error.');
    });

    it('takes no import while a save runs', async () => {
      const { element } = await render();
      let finish: (outcome: SaveOutcome) => void = () => undefined;
      saveMock.mockReturnValue(new Promise<SaveOutcome>((resolve) => (finish = resolve)));
      const transfer = () =>
        q<HTMLElement & { saving: boolean }>(element, 'c-kondo-configuration-transfer');

      change(inside(element, 'c-kondo-message-settings', '.sync-messages'), { checked: false });
      await settle();
      click(q(element, '.save'));
      await settle();
      expect(transfer()?.saving).toBe(true);
      expect(q<HTMLElement & { disabled: boolean }>(element, '.save')?.disabled).toBe(true);

      finish(SAVED);
      await settle();
      expect(transfer()?.saving).toBe(false);
    });
  });

  describe('import', () => {
    it('imports a file like a save', async () => {
      const { element, toasts } = await render();
      importMock.mockResolvedValue(SAVED);
      const file = pickedFile('prod.json', '{"format":"kondo-configuration"}');

      change(inside(element, 'c-kondo-configuration-transfer', '.import'), { files: [file] });
      await settle();
      await settle();

      expect(importMock).toHaveBeenCalledWith({ fileContent: '{"format":"kondo-configuration"}' });
      expect(toasts).toEqual([
        expect.objectContaining({ variant: 'success', message: 'prod.json is now in effect.' }),
      ]);
      expect(
        inside<HTMLElement & { value: string }>(
          element,
          'c-kondo-sync-frequency-settings',
          '.sync-frequency'
        )?.value
      ).toBe('MANUAL');
    });

    it('shows the errors of an invalid import and says when an import fails', async () => {
      const { element, toasts } = await render();

      importMock.mockResolvedValue(INVALID);
      change(inside(element, 'c-kondo-configuration-transfer', '.import'), {
        files: [pickedFile('bad.json', '{}')],
      });
      await settle();
      await settle();
      expect(qa(element, '.error-line')).toHaveLength(3);

      importMock.mockRejectedValue(apexError('INVALID_INPUT: The file is empty.'));
      change(inside(element, 'c-kondo-configuration-transfer', '.import'), {
        files: [pickedFile('empty.json', '')],
      });
      await settle();
      await settle();
      expect(toasts.map((toast) => toast.title)).toEqual(['Nothing was saved', 'Import failed']);
      expect(toasts[1]?.message).toBe('The file is empty.');
    });
  });
});
