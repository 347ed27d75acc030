import { createElement } from 'lwc';
import KondoMatchSettings from 'c/kondoMatchSettings';
import type { SettingChange } from 'c/kondoSettingEdit';
import type { Configuration, FieldOption, SetupPage, ValidationError } from 'types/dto/setup';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is the getSetup answer
const PAGE: SetupPage = require('../../kondoSetup/__tests__/data/SetupController.getSetup.json');

type MatchElement = HTMLElement & {
  configuration: Configuration | undefined;
  fieldOptions: FieldOption[];
  errors: ValidationError[];
};

type Input = HTMLElement & { value: string; options: unknown[] };

function render(configuration: Configuration | null = PAGE.configuration): {
  element: MatchElement;
  changes: SettingChange[];
} {
  const element = createElement('c-kondo-match-settings', {
    is: KondoMatchSettings,
  }) as MatchElement;
  if (configuration) {
    element.configuration = configuration;
  }
  element.fieldOptions = PAGE.fieldOptions;
  const changes: SettingChange[] = [];
  element.addEventListener('settingchange', (event) => {
    changes.push((event as CustomEvent<SettingChange>).detail);
  });
  document.body.appendChild(element);
  return { element, changes };
}

function q<T extends Element = Input>(element: HTMLElement, selector: string): T | null {
  return (element.shadowRoot as ShadowRoot).querySelector<T>(selector);
}

/** Each c-kondo-field-error of the card: the setting it names and the messages it shows. */
function fieldErrors(element: HTMLElement): [string, (string | undefined)[]][] {
  return Array.from(
    (element.shadowRoot as ShadowRoot).querySelectorAll<HTMLElement & { field: string }>(
      'c-kondo-field-error'
    )
  ).map((fieldError) => [
    fieldError.field,
    Array.from((fieldError.shadowRoot as ShadowRoot).querySelectorAll('.field-error')).map((line) =>
      line.textContent?.trim()
    ),
  ]);
}

function change(element: HTMLElement, selector: string, value: string): void {
  q(element, selector)?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-kondo-match-settings', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('offers only the matchable fields of each object, sorted by label', async () => {
    const { element } = render();
    await Promise.resolve();

    const contactField = q(element, '.contact-match-field');
    expect(contactField?.value).toBe('kondo__LinkedIn_URL__c');
    expect(contactField?.options).toEqual([
      { label: 'Full Name (Name)', value: 'Name' },
      { label: 'LinkedIn URL (kondo__LinkedIn_URL__c)', value: 'kondo__LinkedIn_URL__c' },
      { label: 'Title (Title)', value: 'Title' },
    ]);
    expect(q(element, '.lead-match-field')?.options).toEqual([
      { label: 'Company (Company)', value: 'Company' },
      { label: 'LinkedIn URL (kondo__LinkedIn_URL__c)', value: 'kondo__LinkedIn_URL__c' },
    ]);
    expect(q(element, '.match-priority')?.value).toBe('Contact');
    expect(q(element, '.match-priority')?.options).toEqual([
      { label: 'Contact', value: 'Contact' },
      { label: 'Lead', value: 'Lead' },
    ]);
    await expect(element).toBeAccessible();
  });

  it('sends each edit up as a settingchange', async () => {
    const { element, changes } = render();
    await Promise.resolve();

    change(element, '.contact-match-field', 'Title');
    change(element, '.lead-match-field', 'Company');
    change(element, '.match-priority', 'Lead');

    expect(changes).toEqual([
      { field: 'contactMatchField', value: 'Title' },
      { field: 'leadMatchField', value: 'Company' },
      { field: 'matchPriority', value: 'Lead' },
    ]);
  });

  it("shows each setting's errors under its input", async () => {
    const { element } = render();
    element.errors = [
      { section: 'settings', rowIndex: null, field: 'leadMatchField', message: 'Not filterable.' },
    ];
    await Promise.resolve();

    expect(fieldErrors(element)).toEqual([
      ['contactMatchField', []],
      ['leadMatchField', ['Not filterable.']],
      ['matchPriority', []],
    ]);
    await expect(element).toBeAccessible();
  });

  it('shows nothing before it gets the draft', async () => {
    const { element } = render(null);
    await Promise.resolve();

    expect(q(element, '.contact-match-field')).toBeNull();
  });
});
