import { applyValidity, errorLines, followRowErrors, objectLabel } from 'c/kondoValidationErrors';
import type { ValidityInput } from 'c/kondoValidationErrors';
import type { Configuration, SetupPage, ValidationError } from 'types/dto/setup';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is the getSetup answer
const PAGE: SetupPage = require('../../kondoSetup/__tests__/data/SetupController.getSetup.json');

const DRAFT: Configuration = PAGE.configuration;
const [CONTACT_TITLE, LEAD_COMPANY] = DRAFT.mappings as [
  Configuration['mappings'][number],
  Configuration['mappings'][number],
];

function rowError(section: string, rowIndex: number | null, message: string): ValidationError {
  return { section, rowIndex, field: section === 'mappings' ? 'targetField' : 'field', message };
}

describe('c/kondoValidationErrors', () => {
  describe('errorLines', () => {
    it('names settings by their label and rows as the tables number them, per object', () => {
      const lines = errorLines(
        [
          { section: 'settings', rowIndex: null, field: 'taskWindowDays', message: 'Too many.' },
          { section: 'settings', rowIndex: null, field: 'newSetting', message: 'Unknown.' },
          rowError('mappings', 1, 'Lead.Company is written twice.'),
          rowError('readBackFields', 2, 'No such field.'),
          rowError('mappings', null, 'At most 200.'),
          rowError('readBackFields', null, 'At most 200.'),
          rowError('mappings', 5, 'Gone.'),
        ],
        DRAFT
      );

      expect(lines.map((line) => line.text)).toEqual([
        'Days of messages that become Tasks: Too many.',
        'newSetting: Unknown.',
        'Lead mapping 1: Lead.Company is written twice.',
        'Lead shown field 1: No such field.',
        'Field mappings: At most 200.',
        'Fields shown in Kondo: At most 200.',
        'Row 6: Gone.',
      ]);
      // Where each line's link leads: the section, and the input by its field and row.
      expect(
        lines.map((line) => [line.key, line.sectionName, line.section, line.field, line.rowIndex])
      ).toEqual([
        ['error-0', 'messages', 'settings', 'taskWindowDays', null],
        ['error-1', null, 'settings', 'newSetting', null],
        ['error-2', 'mappings', 'mappings', 'targetField', 1],
        ['error-3', 'mappings', 'readBackFields', 'field', 2],
        ['error-4', 'mappings', 'mappings', 'targetField', null],
        ['error-5', 'mappings', 'readBackFields', 'field', null],
        ['error-6', 'mappings', 'mappings', 'targetField', 5],
      ]);
      expect(lines[2]?.where).toBe('Lead mapping 1');
      expect(lines[2]?.message).toBe('Lead.Company is written twice.');
    });

    it('shows a problem reported twice once, and keeps different problems of one input', () => {
      const lines = errorLines(
        [
          rowError('mappings', 1, 'Lead.Company is written twice.'),
          rowError('mappings', 1, 'Lead.Company is written twice.'),
          rowError('mappings', 1, 'Not writable.'),
          { section: 'mappings', field: 'targetField', message: 'At most 200.' } as ValidationError,
          rowError('mappings', null, 'At most 200.'),
        ],
        DRAFT
      );
      expect(lines.map((line) => line.text)).toEqual([
        'Lead mapping 1: Lead.Company is written twice.',
        'Lead mapping 1: Not writable.',
        'Field mappings: At most 200.',
      ]);
      expect(lines.map((line) => line.key)).toEqual(['error-0', 'error-1', 'error-2']);
    });

    it('reads a row index Apex left out as a section-wide error', () => {
      const lines = errorLines(
        [{ section: 'mappings', field: 'mappings', message: 'At most 200.' } as ValidationError],
        DRAFT
      );
      expect(lines.map((line) => line.text)).toEqual(['Field mappings: At most 200.']);
    });
  });

  describe('applyValidity', () => {
    function input(): ValidityInput & { calls: string[] } {
      const calls: string[] = [];
      const element = document.createElement('div') as unknown as ValidityInput & {
        calls: string[];
      };
      element.setCustomValidity = (message: string) => calls.push(`set ${message}`);
      element.reportValidity = () => {
        calls.push('report');
        return true;
      };
      element.calls = calls;
      return element;
    }

    it('marks an input invalid, valid again, and tells it only when its message changes', () => {
      const field = input();
      applyValidity(field, '');
      expect(field.calls).toEqual([]);
      applyValidity(field, 'Too many.');
      applyValidity(field, 'Too many.');
      expect(field.calls).toEqual(['set Too many.', 'report']);
      applyValidity(field, '');
      expect(field.calls).toEqual(['set Too many.', 'report', 'set ', 'report']);
    });
  });

  it('names Contact and Lead as the page does, another object as it is', () => {
    expect([objectLabel('Contact'), objectLabel('Lead'), objectLabel('Account')]).toEqual([
      'Contact',
      'Lead',
      'Account',
    ]);
  });

  describe('followRowErrors', () => {
    const errors = [
      { section: 'settings', rowIndex: null, field: 'taskWindowDays', message: 'Too many.' },
      rowError('mappings', 0, 'Title cannot hold notes.'),
      rowError('readBackFields', 1, 'Email is listed twice.'),
    ];

    it('moves a row error with its row', () => {
      const [first, second, third] = DRAFT.readBackFields;
      const followed = followRowErrors(errors, DRAFT, {
        mappings: [LEAD_COMPANY, CONTACT_TITLE],
        readBackFields: [second, first, third] as Configuration['readBackFields'],
      });

      expect(followed.map((error) => [error.section, error.rowIndex])).toEqual([
        ['settings', null],
        ['mappings', 1],
        ['readBackFields', 0],
      ]);
    });

    it("drops a removed row's error, and the next row does not inherit it", () => {
      const followed = followRowErrors(errors, DRAFT, {
        mappings: [LEAD_COMPANY],
        readBackFields: DRAFT.readBackFields,
      });

      expect(followed.map((error) => error.message)).toEqual([
        'Too many.',
        'Email is listed twice.',
      ]);
    });

    it('keeps an edited row its error until the next save', () => {
      const followed = followRowErrors(errors, DRAFT, {
        mappings: [
          { ...CONTACT_TITLE, kondoProperty: 'headline', targetField: 'Department' },
          LEAD_COMPANY,
        ],
        readBackFields: DRAFT.readBackFields,
      });

      expect(followed).toEqual(errors);
    });

    it('tells twin rows apart by their order', () => {
      const twins = { ...DRAFT, mappings: [CONTACT_TITLE, CONTACT_TITLE, LEAD_COMPANY] };
      const followed = followRowErrors([rowError('mappings', 1, 'Written twice.')], twins, {
        mappings: [LEAD_COMPANY, CONTACT_TITLE, CONTACT_TITLE],
        readBackFields: DRAFT.readBackFields,
      });

      expect(followed.map((error) => error.rowIndex)).toEqual([2]);
    });

    it('leaves an error naming no row it knows as it is', () => {
      const beyond = rowError('mappings', 9, 'No such row.');
      const followed = followRowErrors([beyond], DRAFT, {
        mappings: [],
        readBackFields: [],
      });

      expect(followed).toEqual([beyond]);
    });
  });
});
