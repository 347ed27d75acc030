import { createElement } from 'lwc';
import KondoSetupMappings from 'c/kondoSetupMappings';
import type { MappingsChange } from 'c/kondoSetupMappings';
import type { SetupPage, ValidationError } from 'types/dto/setup';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is the getSetup answer
const PAGE: SetupPage = require('../../kondoSetup/__tests__/data/SetupController.getSetup.json');

type MappingsElement = HTMLElement & {
  mappings: SetupPage['configuration']['mappings'];
  readBackFields: SetupPage['configuration']['readBackFields'];
  fieldOptions: SetupPage['fieldOptions'];
  properties: SetupPage['properties'];
  errors: ValidationError[];
};

interface Option {
  label: string;
  value: string;
}

function settle(): Promise<void> {
  let chain = Promise.resolve();
  for (let turn = 0; turn < 6; turn++) {
    chain = chain.then(() => undefined);
  }
  return chain;
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

function q<T extends Element = HTMLElement>(element: HTMLElement, selector: string): T | null {
  return (element.shadowRoot as ShadowRoot).querySelector<T>(selector);
}

function qa<T extends Element = HTMLElement>(element: HTMLElement, selector: string): T[] {
  return Array.from((element.shadowRoot as ShadowRoot).querySelectorAll<T>(selector));
}

function fire(target: Element | null | undefined, name: string, detail?: unknown): void {
  expect(target).toBeTruthy();
  target?.dispatchEvent(new CustomEvent(name, { detail }));
}

// The accessibility checks take seconds on a busy machine.
jest.setTimeout(30000);

describe('c-kondo-setup-mappings', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

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

  it('shows each error at its row and section-wide errors on top', async () => {
    const { element } = render([
      { section: 'mappings', rowIndex: 1, field: 'targetField', message: 'Lead has no field X.' },
      { section: 'readBackFields', rowIndex: 2, field: 'field', message: 'Listed twice.' },
      {
        section: 'mappings',
        field: 'mappings',
        message: 'At most 200 mappings.',
      } as ValidationError,
      { section: 'settings', rowIndex: null, field: 'createAs', message: 'Not shown here.' },
    ]);
    await settle();

    expect(qa(element, '.row-error').map((row) => row.textContent)).toEqual([
      'Lead has no field X.',
      'Listed twice.',
    ]);
    expect(qa(element, 'tr.mapping-row_error')).toHaveLength(1);
    expect(q(element, '.section-errors')?.textContent).toBe('At most 200 mappings.');
    await expect(element).toBeAccessible();
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
