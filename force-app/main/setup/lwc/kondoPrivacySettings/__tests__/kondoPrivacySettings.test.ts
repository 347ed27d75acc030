import { createElement } from 'lwc';
import KondoPrivacySettings from 'c/kondoPrivacySettings';
import type { SettingChange } from 'c/kondoSettingEdit';
import type { Configuration, SetupPage, ValidationError } from 'types/dto/setup';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is the getSetup answer
const PAGE: SetupPage = require('../../kondoSetup/__tests__/data/SetupController.getSetup.json');

type PrivacyElement = HTMLElement & {
  configuration: Configuration | undefined;
  errors: ValidationError[];
};

type Input = HTMLElement & { value: string; options: { value: string }[] };

function render(configuration: Configuration | null = PAGE.configuration): {
  element: PrivacyElement;
  changes: SettingChange[];
} {
  const element = createElement('c-kondo-privacy-settings', {
    is: KondoPrivacySettings,
  }) as PrivacyElement;
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

function change(element: HTMLElement, selector: string, value: string): void {
  q(element, selector)?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-kondo-privacy-settings', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows the default privacy, its three choices and the label rules', async () => {
    const { element } = render({
      ...PAGE.configuration,
      defaultPrivacy: 'PRIVATE',
      privateLabels: 'Recruiting',
    });
    await Promise.resolve();

    expect(q(element, '.default-privacy')?.value).toBe('PRIVATE');
    expect(q(element, '.default-privacy')?.options.map((option) => option.value)).toEqual([
      'SHARED',
      'PRIVATE',
      'METADATA_ONLY',
    ]);
    expect(q(element, '.private-labels')?.value).toBe('Recruiting');
    expect(q(element, '.metadata-only-labels')?.value).toBeNull();
    expect(q<HTMLElement>(element, '.privacy-rule')?.textContent).toContain(
      'more private than these settings, never less'
    );
    await expect(element).toBeAccessible();
  });

  it('sends each edit up as a settingchange, a blank label list as null', async () => {
    const { element, changes } = render();
    await Promise.resolve();

    change(element, '.default-privacy', 'METADATA_ONLY');
    change(element, '.private-labels', 'Recruiting; Personal');
    change(element, '.metadata-only-labels', '   ');

    expect(changes).toEqual([
      { field: 'defaultPrivacy', value: 'METADATA_ONLY' },
      { field: 'privateLabels', value: 'Recruiting; Personal' },
      { field: 'metadataOnlyLabels', value: null },
    ]);
  });

  it("shows each setting's errors under its input", async () => {
    const { element } = render();
    element.errors = [
      { section: 'settings', rowIndex: null, field: 'privateLabels', message: 'Too long.' },
      { section: 'settings', rowIndex: null, field: 'defaultPrivacy', message: 'Not a choice.' },
    ];
    await Promise.resolve();

    expect(fieldErrors(element)).toEqual([
      ['defaultPrivacy', ['Not a choice.']],
      ['privateLabels', ['Too long.']],
      ['metadataOnlyLabels', []],
    ]);
    await expect(element).toBeAccessible();
  });

  it('shows nothing before it gets the draft', async () => {
    const { element } = render(null);
    await Promise.resolve();

    expect(q(element, '.default-privacy')).toBeNull();
  });
});
