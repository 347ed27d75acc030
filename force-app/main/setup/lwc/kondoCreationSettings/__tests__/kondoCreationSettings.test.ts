import { createElement } from 'lwc';
import KondoCreationSettings from 'c/kondoCreationSettings';
import type { SettingChange } from 'c/kondoSettingEdit';
import type { Configuration, SetupPage, ValidationError } from 'types/dto/setup';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is the getSetup answer
const PAGE: SetupPage = require('../../kondoSetup/__tests__/data/SetupController.getSetup.json');

type CreationElement = HTMLElement & {
  configuration: Configuration | undefined;
  errors: ValidationError[];
};

type Input = HTMLElement & { value: string; checked: boolean; options: unknown[] };

function render(configuration: Configuration | null = PAGE.configuration): {
  element: CreationElement;
  changes: SettingChange[];
} {
  const element = createElement('c-kondo-creation-settings', {
    is: KondoCreationSettings,
  }) as CreationElement;
  if (configuration) {
    element.configuration = configuration;
  }
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

function change(element: HTMLElement, selector: string, detail: Record<string, unknown>): void {
  q(element, selector)?.dispatchEvent(new CustomEvent('change', { detail }));
}

describe('c-kondo-creation-settings', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows the draft and the choices', async () => {
    const { element } = render({ ...PAGE.configuration, defaultAccountId: '001000000000001AAA' });
    await Promise.resolve();

    expect(q(element, '.create-if-missing')?.checked).toBe(false);
    expect(q(element, '.create-as')?.value).toBe('Lead');
    expect(q(element, '.create-as')?.options).toEqual([
      { label: 'Contact', value: 'Contact' },
      { label: 'Lead', value: 'Lead' },
    ]);
    expect(q(element, '.account-rule')?.value).toBe('MATCH_BY_COMPANY');
    expect(q(element, '.account-rule')?.options).toEqual([
      { label: 'No Account', value: 'NONE' },
      { label: 'Always the default Account', value: 'DEFAULT_ACCOUNT' },
      {
        label: "The Account named like the person's company, else the default Account",
        value: 'MATCH_BY_COMPANY',
      },
    ]);
    expect(q(element, '.default-account')?.value).toBe('001000000000001AAA');
    await expect(element).toBeAccessible();
  });

  it('sends each edit up as a settingchange: the toggle as a boolean, the Id as typed', async () => {
    const { element, changes } = render();
    await Promise.resolve();

    change(element, '.create-if-missing', { checked: true });
    change(element, '.create-as', { value: 'Contact' });
    change(element, '.account-rule', { value: 'DEFAULT_ACCOUNT' });
    change(element, '.default-account', { value: ' 001000000000001AAA' });

    expect(changes).toEqual([
      { field: 'createIfMissing', value: true },
      { field: 'createAs', value: 'Contact' },
      { field: 'accountRule', value: 'DEFAULT_ACCOUNT' },
      { field: 'defaultAccountId', value: ' 001000000000001AAA' },
    ]);
  });

  it("shows each setting's errors under its input", async () => {
    const { element } = render();
    element.errors = [
      { section: 'settings', rowIndex: null, field: 'defaultAccountId', message: 'No Account.' },
    ];
    await Promise.resolve();

    expect(fieldErrors(element)).toEqual([
      ['createIfMissing', []],
      ['createAs', []],
      ['accountRule', []],
      ['defaultAccountId', ['No Account.']],
    ]);
    await expect(element).toBeAccessible();
  });

  it('shows nothing before it gets the draft', async () => {
    const { element } = render(null);
    await Promise.resolve();

    expect(q(element, '.create-if-missing')).toBeNull();
  });
});
