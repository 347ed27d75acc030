import { createElement } from 'lwc';
import KondoSetupMappings from 'c/kondoSetupMappings';
import type { MappingsChange } from 'c/kondoSetupMappings';
import type { SetupPage, ValidationError } from 'types/dto/setup';
import { cleanUp, PAGE, q, qa, settle } from '../../kondoSettingsCard/__tests__/harness';

type MappingsElement = HTMLElement & {
  mappings: SetupPage['configuration']['mappings'];
  readBackFields: SetupPage['configuration']['readBackFields'];
  savedMappings: SetupPage['configuration']['mappings'];
  savedReadBackFields: SetupPage['configuration']['readBackFields'];
  fieldOptions: SetupPage['fieldOptions'];
  properties: SetupPage['properties'];
  errors: ValidationError[];
  focusRow(section: string, rowIndex: number, field: string): boolean;
};

type Control = HTMLElement & {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
  options: Option[];
  label: string;
  value: string;
};

interface Option {
  label: string;
  value: string;
}

function render(errors: ValidationError[] = []): {
  element: MappingsElement;
  changes: MappingsChange[];
} {
  const element = createElement('c-kondo-setup-mappings', {
    is: KondoSetupMappings,
  }) as MappingsElement;
  element.mappings = PAGE.configuration.mappings;
  element.readBackFields = PAGE.configuration.readBackFields;
  element.savedMappings = PAGE.configuration.mappings;
  element.savedReadBackFields = PAGE.configuration.readBackFields;
  element.fieldOptions = PAGE.fieldOptions;
  element.properties = PAGE.properties;
  element.errors = errors;
  const changes: MappingsChange[] = [];
  element.addEventListener('mappingschange', (event) => {
    const detail = (event as CustomEvent<MappingsChange>).detail;
    changes.push(detail);
    // The parent owns the data: apply the change as it would.
    element.mappings = detail.mappings;
    element.readBackFields = detail.readBackFields;
  });
  document.body.appendChild(element);
  return { element, changes };
}

function fire(target: Element | null | undefined, name: string, detail?: unknown): void {
  expect(target).toBeTruthy();
  target?.dispatchEvent(new CustomEvent(name, { detail }));
}

/** Spies on the validity calls of a row's control. */
function validity(control: Control | undefined) {
  return {
    setCustomValidity: jest.spyOn(control as Control, 'setCustomValidity'),
    reportValidity: jest.spyOn(control as Control, 'reportValidity'),
  };
}

// The accessibility checks take seconds on a busy machine.
jest.setTimeout(30000);

describe('c-kondo-setup-mappings', () => {
  afterEach(cleanUp);

  it('lists each object with its mappings and the fields shown in Kondo', async () => {
    const { element } = render();
    await settle();

    expect(qa(element, 'table.mappings')).toHaveLength(2);
    expect(qa(element, 'tr.mapping-row')).toHaveLength(2);
    expect(qa(element, '.read-back-label').map((label) => label.textContent)).toEqual([
      'Title (Title)',
      'Email (Email)',
      'Status (Status)',
    ]);
    const property = q<HTMLElement & { label: string; value: string }>(element, '.property');
    expect(property?.label).toBe('Kondo property, Contact mapping 1');
    expect(property?.value).toBe('headline');
    await expect(element).toBeAccessible();
  });

  it('offers only writable fields whose type can hold the property', async () => {
    const { element } = render();
    await settle();

    const contactField = q<HTMLElement & { options: Option[] }>(element, '.target-field');
    // headline is text: not Birthdate (a date), not Full Name (read-only), not Email (not listed).
    expect(contactField?.options.map((option) => option.value)).toEqual([
      'kondo__LinkedIn_URL__c',
      'Title',
    ]);
  });

  it('keeps a field that fits the new property and clears one that does not', async () => {
    const { element, changes } = render();
    await settle();

    fire(qa(element, '.property')[0], 'change', { value: 'labels' });
    await settle();
    expect(changes[0]?.mappings[0]).toEqual({
      objectName: 'Contact',
      kondoProperty: 'labels',
      targetField: 'Title',
      overwritePolicy: 'OVERWRITE',
    });

    fire(qa(element, '.target-field')[1], 'change', { value: 'Status' });
    await settle();
    fire(qa(element, '.property')[1], 'change', { value: 'labels' });
    await settle();
    expect(changes[2]?.mappings[1]).toEqual({
      objectName: 'Lead',
      kondoProperty: 'labels',
      targetField: '',
      overwritePolicy: 'OVERWRITE',
    });
  });

  it('takes a custom property name and offers every mappable field for it', async () => {
    const { element, changes } = render();
    await settle();

    fire(qa(element, '.property')[0], 'change', { value: '__custom' });
    await settle();
    const custom = q(element, '.custom-property');
    expect(custom).not.toBeNull();
    fire(custom, 'change', { value: ' dealSize ' });
    await settle();

    expect(changes[1]?.mappings[0]?.kondoProperty).toBe('dealSize');
    const options = q<HTMLElement & { options: Option[] }>(element, '.target-field')?.options;
    expect(options?.map((option) => option.value)).toEqual([
      'Birthdate',
      'Email',
      'kondo__LinkedIn_URL__c',
      'Title',
    ]);
    await expect(element).toBeAccessible();
  });

  it('adds and removes mapping rows', async () => {
    const { element, changes } = render();
    await settle();

    fire(qa(element, '.add-mapping')[1], 'click');
    await settle();
    expect(changes[0]?.mappings[2]).toEqual({
      objectName: 'Lead',
      kondoProperty: '',
      targetField: '',
      overwritePolicy: 'OVERWRITE',
    });
    fire(qa(element, '.property')[2], 'change', { value: '__custom' });
    await settle();

    fire(qa(element, '.remove-mapping')[0], 'click');
    await settle();
    expect(changes[2]?.mappings.map((row) => row.objectName)).toEqual(['Lead', 'Lead']);
    // The custom-property row moved up with the removal and still shows its name input.
    expect(qa(element, '.custom-property')).toHaveLength(1);

    // Removing a row after the custom one leaves it where it is; removing it drops its input.
    fire(qa(element, '.add-mapping')[1], 'click');
    await settle();
    fire(qa(element, '.remove-mapping')[2], 'click');
    await settle();
    expect(qa(element, '.custom-property')).toHaveLength(1);
    fire(qa(element, '.remove-mapping')[1], 'click');
    await settle();
    expect(qa(element, '.custom-property')).toHaveLength(0);
  });

  it('adds, orders and removes the fields shown in Kondo', async () => {
    const { element, changes } = render();
    await settle();

    const addContact = qa<HTMLElement & { options: Option[] }>(element, '.add-read-back')[0];
    expect(addContact?.options.map((option) => option.value)).not.toContain('Title');
    fire(addContact, 'change', { value: 'Birthdate' });
    await settle();
    expect(changes[0]?.readBackFields.map((row) => row.field)).toEqual([
      'Title',
      'Email',
      'Status',
      'Birthdate',
    ]);

    const upButtons = qa<HTMLElement & { disabled: boolean }>(element, '.move-up');
    expect(upButtons[0]?.disabled).toBe(true);
    fire(upButtons[1], 'click');
    await settle();
    expect(changes[1]?.readBackFields.map((row) => row.field)).toEqual([
      'Email',
      'Title',
      'Status',
      'Birthdate',
    ]);

    // Moving down skips the Lead row between two Contact rows.
    fire(qa(element, '.move-down')[1], 'click');
    await settle();
    expect(changes[2]?.readBackFields.map((row) => row.field)).toEqual([
      'Email',
      'Birthdate',
      'Status',
      'Title',
    ]);

    // The last Lead row cannot move down.
    fire(qa(element, '.move-down')[3], 'click');
    await settle();
    expect(changes).toHaveLength(3);

    fire(qa(element, '.remove-read-back')[0], 'click');
    await settle();
    expect(changes[3]?.readBackFields.map((row) => row.field)).toEqual([
      'Birthdate',
      'Status',
      'Title',
    ]);
  });

  it('numbers the rows of each object as the error summary names them', async () => {
    const { element } = render();
    await settle();

    expect(qa(element, 'tr.mapping-row .row-number').map((cell) => cell.textContent)).toEqual([
      '1',
      '1',
    ]);
    expect(qa(element, '.read-back-item .row-number').map((cell) => cell.textContent)).toEqual([
      '1',
      '2',
      '1',
    ]);
    expect(qa(element, 'table.mappings th').map((cell) => cell.textContent?.trim())).toContain(
      'Row'
    );
  });

  it("marks the control at fault in each row with the row's error, and section-wide errors on top", async () => {
    const { element } = render();
    await settle();
    const [contactProperty, leadProperty] = qa<Control>(element, '.property');
    const [contactField, leadField] = qa<Control>(element, '.target-field');
    const calls = {
      contactProperty: validity(contactProperty),
      contactField: validity(contactField),
      leadProperty: validity(leadProperty),
      leadField: validity(leadField),
    };

    element.errors = [
      { section: 'mappings', rowIndex: 1, field: 'targetField', message: 'Lead has no field X.' },
      { section: 'mappings', rowIndex: 0, field: 'kondoProperty', message: 'Name a property.' },
      { section: 'readBackFields', rowIndex: 2, field: 'field', message: 'Listed twice.' },
      {
        section: 'mappings',
        field: 'mappings',
        message: 'At most 200 mappings.',
      } as ValidationError,
      { section: 'settings', rowIndex: null, field: 'createAs', message: 'Not shown here.' },
    ];
    await settle();

    expect(calls.leadField.setCustomValidity).toHaveBeenCalledWith('Lead has no field X.');
    expect(calls.leadField.reportValidity).toHaveBeenCalledTimes(1);
    expect(calls.contactProperty.setCustomValidity).toHaveBeenCalledWith('Name a property.');
    // A control without an error is not touched: nothing to clear.
    expect(calls.leadProperty.setCustomValidity).not.toHaveBeenCalled();
    expect(calls.contactField.setCustomValidity).not.toHaveBeenCalled();
    // A shown field has no input: its error is written under it, once.
    expect(qa(element, '.row-error').map((row) => row.textContent)).toEqual(['Listed twice.']);
    expect(qa(element, 'tr.mapping-row_error')).toHaveLength(2);
    expect(qa(element, '.read-back-item.row_error')).toHaveLength(1);
    expect(q(element, '.section-errors')?.textContent).toBe('At most 200 mappings.');
    await expect(element).toBeAccessible();

    element.errors = [];
    await settle();
    expect(calls.leadField.setCustomValidity).toHaveBeenLastCalledWith('');
    expect(qa(element, 'tr.mapping-row_error')).toHaveLength(0);
  });

  it('offers the overwrite policy of each mapping row in words, and only there', async () => {
    const { element, changes } = render();
    element.mappings = [
      PAGE.configuration.mappings[0]!,
      { ...PAGE.configuration.mappings[1]!, overwritePolicy: 'FILL_BLANK' },
    ];
    await settle();

    const policies = qa<Control>(element, 'lightning-combobox.overwrite-policy');
    expect(policies.map((policy) => [policy.label, policy.value])).toEqual([
      ['When to write, Contact mapping 1', 'OVERWRITE'],
      ['When to write, Lead mapping 1', 'FILL_BLANK'],
    ]);
    expect(policies[0]?.options).toEqual([
      { label: 'Always overwrite', value: 'OVERWRITE' },
      { label: 'Fill only when blank', value: 'FILL_BLANK' },
      { label: 'Only on records Kondo creates', value: 'CREATE_ONLY' },
    ]);
    expect(
      qa(element, 'table.mappings[data-object="Contact"] th').map((th) => th.textContent?.trim())
    ).toContain('When to write');
    // The fields shown in Kondo are read, never written: they have no policy.
    expect(qa(element, '.read-back-item .overwrite-policy')).toHaveLength(0);

    fire(policies[0], 'change', { value: 'CREATE_ONLY' });
    await settle();
    expect(changes[0]?.mappings).toEqual([
      { ...PAGE.configuration.mappings[0]!, overwritePolicy: 'CREATE_ONLY' },
      { ...PAGE.configuration.mappings[1]!, overwritePolicy: 'FILL_BLANK' },
    ]);
    expect(changes[0]?.readBackFields).toEqual(PAGE.configuration.readBackFields);
    // A changed policy is an edited row.
    expect(
      qa(element, 'tr.mapping-row').map((row) => row.classList.contains('row_edited'))
    ).toEqual([true, true]);
    await expect(element).toBeAccessible();
  });

  it('shows a row without a policy as overwriting, and marks an unknown policy the server refused', async () => {
    const { element } = render();
    element.mappings = [
      { ...PAGE.configuration.mappings[0]!, overwritePolicy: '' as 'OVERWRITE' },
      { ...PAGE.configuration.mappings[1]!, overwritePolicy: 'SOMETIMES' as 'OVERWRITE' },
    ];
    await settle();
    const [unset, unknown] = qa<Control>(element, 'lightning-combobox.overwrite-policy');
    expect(unset?.value).toBe('OVERWRITE');
    expect(unknown?.value).toBe('SOMETIMES');
    const calls = validity(unknown);
    const leadField = validity(qa<Control>(element, '.target-field')[1]);

    element.errors = [
      {
        section: 'mappings',
        rowIndex: 1,
        field: 'overwritePolicy',
        message: 'Choose what a sync does.',
      },
    ];
    await settle();
    expect(calls.setCustomValidity).toHaveBeenCalledWith('Choose what a sync does.');
    expect(leadField.setCustomValidity).not.toHaveBeenCalled();
    expect(element.focusRow('mappings', 1, 'overwritePolicy')).toBe(true);
  });

  it('marks the name input of a custom property row when its name is refused', async () => {
    const { element } = render();
    element.mappings = [{ ...PAGE.configuration.mappings[0]!, kondoProperty: 'deal size' }];
    await settle();
    const custom = q<Control>(element, '.custom-property');
    const calls = validity(custom ?? undefined);

    element.errors = [
      { section: 'mappings', rowIndex: 0, field: 'kondoProperty', message: 'Letters only.' },
    ];
    await settle();
    expect(calls.setCustomValidity).toHaveBeenCalledWith('Letters only.');
  });

  it('marks the rows edited since the last save: new and changed ones, not moved ones', async () => {
    const { element } = render();
    await settle();
    expect(qa(element, '.row_edited')).toHaveLength(0);

    const [contactTitle, leadCompany] = PAGE.configuration.mappings;
    const [title, email, status] = PAGE.configuration.readBackFields;
    element.mappings = [
      { ...contactTitle!, targetField: 'Department' },
      leadCompany!,
      { objectName: 'Lead', kondoProperty: '', targetField: '', overwritePolicy: 'OVERWRITE' },
    ];
    element.readBackFields = [email!, title!, status!];
    await settle();

    expect(
      qa(element, 'tr.mapping-row').map((row) => row.classList.contains('row_edited'))
    ).toEqual([true, false, true]);
    expect(qa(element, 'tr.mapping-row .edited-mark')).toHaveLength(2);
    expect(qa(element, '.read-back-item.row_edited')).toHaveLength(0);
    await expect(element).toBeAccessible();
  });

  it('moves focus to the control a summary line names', async () => {
    const { element } = render();
    await settle();
    const leadField = qa<Control>(element, '.target-field')[1];
    const leadFocus = jest.spyOn(leadField as Control, 'focus');
    const label = qa(element, '.read-back-label')[2] as HTMLElement;
    const labelFocus = jest.spyOn(label, 'focus');

    expect(element.focusRow('mappings', 1, 'targetField')).toBe(true);
    expect(leadFocus).toHaveBeenCalledTimes(1);
    expect(element.focusRow('readBackFields', 2, 'field')).toBe(true);
    expect(labelFocus).toHaveBeenCalledTimes(1);
    expect(element.focusRow('mappings', 9, 'targetField')).toBe(false);
  });

  it('says so when an object has no mappings or shown fields yet', async () => {
    const { element } = render();
    element.mappings = [];
    element.readBackFields = [];
    await settle();

    expect(qa(element, '.no-mappings').map((line) => line.textContent)).toEqual([
      'No Contact fields are written yet.',
      'No Lead fields are written yet.',
    ]);
    expect(q(element, '.no-read-back')?.textContent).toBe(
      'Kondo’s side panel shows no Contact fields yet.'
    );
  });

  it('shows an unknown field by its API name', async () => {
    const { element, changes } = render();
    element.readBackFields = [{ objectName: 'Lead', field: 'Gone__c' }];
    element.mappings = [];
    await settle();

    expect(q(element, '.read-back-label')?.textContent).toBe('Gone__c');
    expect(qa(element, 'table.mappings')).toHaveLength(0);
    expect(changes).toHaveLength(0);
  });
});
