import { createElement } from 'lwc';
import KondoSettingField from 'c/kondoSettingField';
import type { ValidationError } from 'types/dto/setup';
import { cleanUp, q, settingError, settle } from '../../kondoSettingsCard/__tests__/harness';

// The input it marks is slotted by a card's template: the cards' tests (settingsCardRules) check
// that each input gets its setting's message. Here: the frame itself.

type FieldElement = HTMLElement & {
  field: string;
  errors: ValidationError[];
  editedFields: string[];
};

function render(): FieldElement {
  const element = createElement('c-kondo-setting-field', { is: KondoSettingField }) as FieldElement;
  element.field = 'taskWindowDays';
  document.body.appendChild(element);
  return element;
}

describe('c-kondo-setting-field', () => {
  afterEach(cleanUp);

  it('marks its setting Edited while the draft differs from what is saved', async () => {
    const element = render();
    await settle();
    expect(q(element, '.edited-mark')).toBeNull();

    element.editedFields = ['logRetentionDays', 'taskWindowDays'];
    await settle();
    expect(q(element, '.edited-mark')?.textContent).toBe('Edited');
    expect(q(element, '.setting')?.className).toBe('setting setting_edited');
    await expect(element).toBeAccessible();
  });

  it("marks itself invalid for its own setting's errors only", async () => {
    const element = render();
    element.errors = [
      settingError('logRetentionDays', 'Another setting.'),
      { section: 'mappings', rowIndex: 0, field: 'taskWindowDays', message: 'A row.' },
    ];
    await settle();
    expect(q(element, '.setting')?.className).toBe('setting');

    element.errors = [settingError('taskWindowDays', 'Too many days.')];
    element.editedFields = ['taskWindowDays'];
    await settle();
    expect(q(element, '.setting')?.className).toBe('setting setting_edited setting_invalid');
  });

  it('shows nothing of its own without a setting to follow', async () => {
    const element = createElement('c-kondo-setting-field', {
      is: KondoSettingField,
    }) as FieldElement;
    element.editedFields = ['taskWindowDays'];
    document.body.appendChild(element);
    await settle();
    expect(q(element, '.edited-mark')).toBeNull();
  });
});
