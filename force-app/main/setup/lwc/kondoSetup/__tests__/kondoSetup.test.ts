import { createElement } from 'lwc';
import getSetup from '@salesforce/apex/SetupController.getSetup';
import saveConfiguration from '@salesforce/apex/SetupController.saveConfiguration';
import importConfiguration from '@salesforce/apex/SetupController.importConfiguration';
import KondoSetup from 'c/kondoSetup';
import type { Configuration, JobProgress, SaveOutcome, SetupPage } from 'types/dto/setup';
import {
  apexError,
  change,
  click,
  inside,
  page,
  q,
  qa,
  settingStates as cardSettingStates,
  settle,
  toastsOf,
} from '../../kondoSettingsCard/__tests__/harness';

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

// jsdom's File has no text(); the page needs nothing else of a picked file.
function pickedFile(name: string, content: string): Pick<File, 'name' | 'text'> {
  return { name, text: () => Promise.resolve(content) };
}

/** Each setting of the settings cards as the page shows it: edited, invalid. */
function settingStates(element: HTMLElement) {
  return SETTINGS_CARDS.flatMap((tag) => cardSettingStates(q(element, tag) as HTMLElement));
}

async function render(setup: SetupPage = PAGE) {
  getSetupMock.mockResolvedValue(setup);
  const element = createElement('c-kondo-setup', { is: KondoSetup });
  const toasts = toastsOf(element);
  document.body.appendChild(element);
  await settle();
  return { element, toasts };
}

function sentConfiguration(): Configuration {
  const call = saveMock.mock.calls[0] as [{ configurationJson: string }];
  return JSON.parse(call[0].configurationJson) as Configuration;
}

/** An edit, then a save the server refuses with these errors. */
async function saveRefused(element: HTMLElement, outcome: SaveOutcome = INVALID): Promise<void> {
  saveMock.mockResolvedValue(outcome);
  change(inside(element, 'c-kondo-message-settings', '.task-window'), { value: '99999' });
  await settle();
  click(q(element, '.save'));
  await settle();
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
      expect(qa(element, 'c-kondo-setup-section')).toHaveLength(9);
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
        q<HTMLElement & { recordTypes: unknown }>(element, 'c-kondo-creation-settings')?.recordTypes
      ).toEqual(PAGE.recordTypes);
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
        'Contact keys: queued, 0 of 0 batches, no errors'
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
      expect(q(element, 'c-kondo-setup-section')).toBeNull();
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
      expect(q(element, '.save-bar .unsaved')?.textContent).toBe('1 unsaved change');
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

      expect(q(element, '[data-section-anchor="privacy"] c-kondo-privacy-settings')).not.toBeNull();
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
        'Contact keys: queued, 0 of 0 batches, no errors'
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
      // Each problem once, named with the words the page shows at its input or row.
      expect(lines).toEqual([
        'Days of messages that become Tasks: Enter a whole number of days from 0 to 3650.',
        'Contact mapping 1: Title cannot hold the Kondo property Kondo notes: choose a field of another type.',
        'Contact shown field 2: Email is listed twice.',
      ]);
      expect(q(element, '.validation-errors p')?.textContent).toBe(
        'Nothing was saved. Fix these 3 values and save again:'
      );
      const mappings = q(element, 'c-kondo-setup-mappings') as HTMLElement;
      expect(qa(mappings, 'tr.mapping-row_error')).toHaveLength(1);
      expect(qa(mappings, '.row-error').map((row) => row.textContent)).toEqual([
        'Email is listed twice.',
      ]);
      expect(q(element, '.unsaved')).not.toBeNull();
      expect(
        inside<HTMLElement & { value: string }>(element, 'c-kondo-message-settings', '.task-window')
          ?.value
      ).toBe('99999');
      // The settings error marks its own input only.
      expect(
        settingStates(element)
          .filter((state) => state.invalid)
          .map((state) => state.field)
      ).toEqual(['taskWindowDays']);
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
      await saveRefused(element);

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
        'Days of messages that become Tasks: Enter a whole number of days from 0 to 3650.',
        'Contact mapping 1: Title cannot hold the Kondo property Kondo notes: choose a field of another type.',
        'Contact shown field 1: Email is listed twice.',
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
        'Days of messages that become Tasks: Enter a whole number of days from 0 to 3650.',
        'Contact shown field 1: Email is listed twice.',
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
        'Contact shown field 1: Email is listed twice.'
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

    it('keeps the edits when the save fails, and says why in a panel that stays on the page', async () => {
      const { element, toasts } = await render();
      saveMock.mockRejectedValue(apexError('SAVE_FAILED: The settings could not be saved: locked'));

      change(inside(element, 'c-kondo-creation-settings', '.create-if-missing'), { checked: true });
      change(inside(element, 'c-kondo-creation-settings', '.create-as'), { value: 'Contact' });
      change(inside(element, 'c-kondo-creation-settings', '.default-account'), {
        recordId: '001000000000001AAA',
      });
      await settle();
      click(q(element, '.save'));
      await settle();

      expect(toasts).toEqual([
        expect.objectContaining({
          variant: 'error',
          title: 'Kondo settings not saved',
          message: 'The settings could not be saved: locked',
        }),
      ]);
      const panel = q<HTMLElement & { errors: unknown; friendlyMessage: string }>(
        element,
        '.save-failure c-kondo-error-panel'
      );
      expect(panel?.friendlyMessage).toBe('Kondo settings not saved');
      expect(panel?.errors).toEqual(
        apexError('SAVE_FAILED: The settings could not be saved: locked')
      );
      expect(document.activeElement).toBe(element);
      expect((element.shadowRoot as ShadowRoot).activeElement).toBe(q(element, '.save-failure'));
      expect(q(element, '.unsaved')?.textContent).toBe('3 unsaved changes');
      expect(
        inside<HTMLElement & { value: string }>(
          element,
          'c-kondo-creation-settings',
          '.default-account'
        )?.value
      ).toBe('001000000000001AAA');
      await expect(element).toBeAccessible();

      // Discarding the edits clears the panel with them.
      click(q(element, '.discard'));
      await settle();
      expect(q(element, '.save-failure')).toBeNull();
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
      // The failure stays on the page, where focus goes.
      const panel = q<HTMLElement & { errors: unknown; friendlyMessage: string }>(
        element,
        '.save-failure c-kondo-error-panel'
      );
      expect(panel?.friendlyMessage).toBe('Import failed');
      expect((element.shadowRoot as ShadowRoot).activeElement).toBe(q(element, '.save-failure'));
    });
  });

  describe('docked footer', () => {
    it('holds the status, Discard and Save at the end of the page, counting the changes', async () => {
      const { element } = await render();
      const footer = q(element, '.save-bar') as HTMLElement;

      expect(footer.getAttribute('role')).toBe('region');
      expect(footer.getAttribute('aria-label')).toBe('Save or discard your changes');
      expect(footer.querySelector('.no-changes')?.textContent).toBe('No unsaved changes');
      expect(footer.querySelector('.save')).toBe(q(element, '.save'));
      expect(footer.querySelector('.discard')).toBe(q(element, '.discard'));
      expect((element.shadowRoot as ShadowRoot).lastElementChild?.lastElementChild).toBe(footer);

      change(inside(element, 'c-kondo-message-settings', '.task-window'), { value: '7' });
      change(inside(element, 'c-kondo-sync-log-settings', '.log-retention'), { value: '9' });
      q(element, 'c-kondo-setup-mappings')?.dispatchEvent(
        new CustomEvent('mappingschange', {
          detail: {
            mappings: [
              { ...PAGE.configuration.mappings[0]!, targetField: 'Department' },
              PAGE.configuration.mappings[1]!,
              {
                objectName: 'Lead',
                kondoProperty: 'notes',
                targetField: 'Description',
                overwritePolicy: 'OVERWRITE',
              },
            ],
            readBackFields: [...PAGE.configuration.readBackFields].reverse(),
          },
        })
      );
      await settle();
      // Two settings, a changed and an added mapping, the shown fields' new order.
      expect(footer.querySelector('.unsaved')?.textContent).toBe('5 unsaved changes');

      let finish: (outcome: SaveOutcome) => void = () => undefined;
      saveMock.mockReturnValue(new Promise<SaveOutcome>((resolve) => (finish = resolve)));
      click(q(element, '.save'));
      await settle();
      expect(footer.querySelector('.unsaved')?.textContent).toBe('Saving…');
      finish(SAVED);
      await settle();
      expect(footer.querySelector('.no-changes')).not.toBeNull();
      await expect(element).toBeAccessible();
    });

    it('marks the settings and rows edited since the last save, and their sections', async () => {
      const { element } = await render();
      const editedOf = (tag: string) =>
        q<HTMLElement & { editedFields: string[] }>(element, tag)?.editedFields;
      expect(editedOf('c-kondo-message-settings')).toEqual([]);

      change(inside(element, 'c-kondo-message-settings', '.task-window'), { value: '7' });
      change(inside(element, 'c-kondo-privacy-settings', '.private-labels'), {
        value: 'Recruiting',
      });
      await settle();
      expect(editedOf('c-kondo-message-settings')).toEqual(['taskWindowDays', 'privateLabels']);
      expect(
        settingStates(element)
          .filter((state) => state.edited)
          .map((state) => state.field)
      ).toEqual(['taskWindowDays', 'privateLabels']);
      const mappings = q<HTMLElement & { savedMappings: unknown }>(
        element,
        'c-kondo-setup-mappings'
      );
      expect(mappings?.savedMappings).toEqual(PAGE.configuration.mappings);
      const editedSections = qa(element, '.section-nav li')
        .filter((item) => item.querySelector('.nav-edited'))
        .map((item) => item.querySelector('.nav-title')?.textContent);
      expect(editedSections).toEqual(['Messages', 'Privacy']);

      // Typing the saved value back: nothing is edited any more.
      change(inside(element, 'c-kondo-message-settings', '.task-window'), { value: '30' });
      change(inside(element, 'c-kondo-privacy-settings', '.private-labels'), { value: '' });
      await settle();
      expect(editedOf('c-kondo-message-settings')).toEqual([]);
      expect(q(element, '.unsaved')).toBeNull();
    });

    it('asks before the browser leaves a page with unsaved changes', async () => {
      const { element } = await render();
      const leave = () => {
        const event = new CustomEvent('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      };
      expect(leave()).toBe(false);

      change(inside(element, 'c-kondo-message-settings', '.sync-messages'), { checked: false });
      await settle();
      expect(leave()).toBe(true);

      element.remove();
      expect(leave()).toBe(false);
    });
  });

  describe('sections', () => {
    it('lists every section in a navigation that moves focus to the section chosen', async () => {
      const { element } = await render();
      const links = qa<HTMLAnchorElement>(element, 'nav.section-nav a.nav-link');
      expect(links.map((link) => link.querySelector('.nav-title')?.textContent)).toEqual([
        'Connection',
        'Matching',
        'Record creation',
        'Messages',
        'Privacy',
        'Sync frequency',
        'Field mappings',
        'Sync log',
        'Export and import',
      ]);
      expect(q(element, 'nav.section-nav')?.getAttribute('aria-label')).toBe('Setup sections');
      expect(links[0]?.getAttribute('aria-current')).toBe('location');

      const mappingsLink = links[6] as HTMLAnchorElement;
      const event = new CustomEvent('click', { cancelable: true });
      mappingsLink.dispatchEvent(event);
      await settle();
      expect(event.defaultPrevented).toBe(true);
      expect((element.shadowRoot as ShadowRoot).activeElement).toBe(
        q(element, '[data-section-anchor="mappings"]')
      );
      const current = qa(element, 'nav.section-nav a.nav-link').map((link) =>
        link.getAttribute('aria-current')
      );
      expect(current.indexOf('location')).toBe(6);
      expect(q(element, '[data-section-anchor="mappings"] c-kondo-setup-mappings')).not.toBeNull();
      await expect(element).toBeAccessible();
    });

    it('counts the errors of each section in the navigation', async () => {
      const { element } = await render();
      await saveRefused(element);

      const badges = qa(element, '.section-nav li')
        .filter((item) => item.querySelector('.nav-errors'))
        .map((item) => [
          item.querySelector('.nav-title')?.textContent,
          item.querySelector('.nav-errors .slds-assistive-text')?.textContent,
        ]);
      expect(badges).toEqual([
        ['Messages', '1 error'],
        ['Field mappings', '2 errors'],
      ]);
    });
  });

  describe('error summary', () => {
    it('links each line to its input, moves focus there, and offers the summary from the footer', async () => {
      const { element } = await render();
      await saveRefused(element);

      const summary = q(element, '.validation-errors') as HTMLElement;
      expect((element.shadowRoot as ShadowRoot).activeElement).toBe(summary);
      const taskWindow = inside(element, 'c-kondo-message-settings', '.task-window') as HTMLElement;
      const taskFocus = jest.spyOn(taskWindow, 'focus');
      const mappings = q(element, 'c-kondo-setup-mappings') as HTMLElement;
      const rowField = q(mappings, 'tr.mapping-row .target-field') as HTMLElement;
      const rowFocus = jest.spyOn(rowField, 'focus');
      const links = qa(element, '.error-link');
      expect(links.map((link) => link.textContent)).toEqual([
        'Days of messages that become Tasks',
        'Contact mapping 1',
        'Contact shown field 2',
      ]);

      const follow = new CustomEvent('click', { cancelable: true });
      links[0]?.dispatchEvent(follow);
      expect(follow.defaultPrevented).toBe(true);
      expect(taskFocus).toHaveBeenCalledTimes(1);
      click(links[1] as HTMLElement);
      expect(rowFocus).toHaveBeenCalledTimes(1);
      await settle();
      expect(
        qa(element, 'nav.section-nav a.nav-link')
          .map((link) => link.getAttribute('aria-current'))
          .indexOf('location')
      ).toBe(6);

      // From anywhere on the page, the footer's button goes back to the summary.
      (q(element, '[data-section-anchor="log"]') as HTMLElement).focus();
      expect(q(element, '.review-errors')).not.toBeNull();
      expect(q<HTMLElement & { label: string }>(element, '.review-errors')?.label).toBe(
        'Review 3 errors'
      );
      click(q(element, '.review-errors'));
      expect((element.shadowRoot as ShadowRoot).activeElement).toBe(summary);
    });

    it('moves to the section of an error whose input the page cannot focus', async () => {
      const { element } = await render();
      await saveRefused(element, {
        saved: false,
        page: null,
        errors: [
          { section: 'mappings', rowIndex: null, field: 'mappings', message: 'At most 200.' },
        ],
      });

      click(q(element, '.error-link'));
      expect((element.shadowRoot as ShadowRoot).activeElement).toBe(
        q(element, '[data-section-anchor="mappings"]')
      );
      expect(q<HTMLElement & { label: string }>(element, '.review-errors')?.label).toBe(
        'Review 1 error'
      );
      expect(q(element, '.validation-errors p')?.textContent).toBe(
        'Nothing was saved. Fix this value and save again:'
      );
    });

    it('leaves focus alone for an error of no section', async () => {
      const { element } = await render();
      await saveRefused(element, {
        saved: false,
        page: null,
        errors: [
          { section: 'settings', rowIndex: null, field: 'configuration', message: 'Empty.' },
        ],
      });

      click(q(element, '.error-link'));
      expect((element.shadowRoot as ShadowRoot).activeElement).toBe(
        q(element, '.validation-errors')
      );
    });
  });

  describe('dependent settings', () => {
    it('enables the Account settings once records are created as Contacts', async () => {
      const { element } = await render();
      const disabled = (selector: string) =>
        inside<HTMLElement & { disabled: boolean }>(element, 'c-kondo-creation-settings', selector)
          ?.disabled;
      expect([disabled('.create-as'), disabled('.account-rule')]).toEqual([true, true]);

      change(inside(element, 'c-kondo-creation-settings', '.create-if-missing'), { checked: true });
      await settle();
      expect([disabled('.create-as'), disabled('.account-rule')]).toEqual([false, true]);
      change(inside(element, 'c-kondo-creation-settings', '.create-as'), { value: 'Contact' });
      await settle();
      expect([disabled('.account-rule'), disabled('.default-account')]).toEqual([false, false]);
    });
  });

  describe('first install', () => {
    it('opens with the checklist until Kondo syncs, and marks the steps done', async () => {
      const firstInstall = page((copy) => {
        copy.connection.lastSuccessfulSyncAt = null;
        copy.connection.integrationUserCount = 0;
      });
      const { element } = await render(firstInstall);

      const checklist = q<
        HTMLElement & { connection: unknown; mappingCount: number; urlTested: boolean }
      >(element, 'c-kondo-setup-checklist');
      expect(checklist?.connection).toEqual(firstInstall.connection);
      expect(checklist?.mappingCount).toBe(2);
      expect(checklist?.urlTested).toBe(false);

      q(element, 'c-kondo-url-tester')?.dispatchEvent(new CustomEvent('urltested'));
      await settle();
      expect(checklist?.urlTested).toBe(true);

      checklist?.dispatchEvent(
        new CustomEvent('sectionselect', { detail: { section: 'mappings' } })
      );
      await settle();
      expect((element.shadowRoot as ShadowRoot).activeElement).toBe(
        q(element, '[data-section-anchor="mappings"]')
      );
      await expect(element).toBeAccessible();
    });

    it('has no checklist once Kondo has synced', async () => {
      const { element } = await render();
      expect(q(element, 'c-kondo-setup-checklist')).toBeNull();
      expect(
        q<HTMLElement & { createsRecords: boolean }>(element, 'c-kondo-url-tester')?.createsRecords
      ).toBe(false);
    });
  });

  describe('paused sync', () => {
    const paused = () => page((copy) => (copy.configuration.syncPaused = true));

    it('shows no warning while Kondo syncs', async () => {
      const { element } = await render();
      expect(q(element, '.sync-paused-banner')).toBeNull();
    });

    it('warns above every section while the saved settings pause syncing', async () => {
      const { element } = await render(paused());

      const banner = q(element, '.sync-paused-banner');
      expect(banner?.classList.contains('slds-alert_warning')).toBe(true);
      expect(banner?.getAttribute('role')).toBe('alert');
      expect(q(element, '.sync-paused-title')?.textContent).toBe('Kondo syncing is paused');
      expect(q(element, '.sync-paused-body')?.textContent).toContain(
        'refuses every push from Kondo'
      );
      // Above the navigation and the sections: seen wherever the admin came to change.
      expect(
        banner?.compareDocumentPosition(q(element, '.layout') as Node) ===
          Node.DOCUMENT_POSITION_FOLLOWING
      ).toBe(true);
      await expect(element).toBeAccessible();
    });

    it('keeps the warning until a save resumes syncing', async () => {
      const { element } = await render(paused());
      saveMock.mockResolvedValue(SAVED);

      change(inside(element, 'c-kondo-sync-frequency-settings', '.sync-paused'), {
        checked: false,
      });
      await settle();
      expect(q(element, '.sync-paused-banner')).not.toBeNull();

      click(q(element, '.save'));
      await settle();
      expect(sentConfiguration().syncPaused).toBe(false);
      expect(q(element, '.sync-paused-banner')).toBeNull();
    });

    it('links to the switch that resumes syncing', async () => {
      const { element } = await render(paused());
      const toggle = inside(element, 'c-kondo-sync-frequency-settings', '.sync-paused');
      const focus = jest.spyOn(toggle as HTMLElement, 'focus');

      const link = q(element, 'a.sync-paused-link');
      expect(link?.textContent).toBe('Go to Pause syncing');
      const event = new CustomEvent('click', { cancelable: true });
      link?.dispatchEvent(event);
      await settle();

      expect(event.defaultPrevented).toBe(true);
      expect(focus).toHaveBeenCalledTimes(1);
      expect(q(element, 'a.nav-link[data-section="frequency"]')?.getAttribute('aria-current')).toBe(
        'location'
      );
    });

    it('sends the events switch with the rest of the draft', async () => {
      const { element } = await render();
      saveMock.mockResolvedValue(SAVED);
      change(inside(element, 'c-kondo-message-settings', '.publish-events'), { checked: true });
      await settle();
      click(q(element, '.save'));
      await settle();
      expect(sentConfiguration().publishEvents).toBe(true);
      expect(sentConfiguration().syncPaused).toBe(false);
    });
  });
});
