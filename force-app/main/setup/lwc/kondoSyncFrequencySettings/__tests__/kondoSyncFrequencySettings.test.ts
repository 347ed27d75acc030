import { createElement } from 'lwc';
import KondoSyncFrequencySettings from 'c/kondoSyncFrequencySettings';
import type { SettingChange } from 'c/kondoSettingEdit';
import type { Configuration, SetupPage, ValidationError } from 'types/dto/setup';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is the getSetup answer
const PAGE: SetupPage = require('../../kondoSetup/__tests__/data/SetupController.getSetup.json');

type FrequencyElement = HTMLElement & {
  configuration: Configuration | undefined;
  errors: ValidationError[];
};

type RadioGroup = HTMLElement & { value: string; options: { value: string }[] };

function render(configuration: Configuration | null = PAGE.configuration): {
  element: FrequencyElement;
  changes: SettingChange[];
} {
  const element = createElement('c-kondo-sync-frequency-settings', {
    is: KondoSyncFrequencySettings,
  }) as FrequencyElement;
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

function q<T extends Element = RadioGroup>(element: HTMLElement, selector: string): T | null {
  return (element.shadowRoot as ShadowRoot).querySelector<T>(selector);
}

describe('c-kondo-sync-frequency-settings', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows the sync frequency and its three choices', async () => {
    const { element } = render();
    await Promise.resolve();

    expect(q(element, '.sync-frequency')?.value).toBe('AUTO_ALL');
    expect(q(element, '.sync-frequency')?.options.map((option) => option.value)).toEqual([
      'AUTO_ALL',
      'AUTO_LABELLED',
      'MANUAL',
    ]);
    await expect(element).toBeAccessible();
  });

  it('sends the edit up as a settingchange', async () => {
    const { element, changes } = render();
    await Promise.resolve();

    q(element, '.sync-frequency')?.dispatchEvent(
      new CustomEvent('change', { detail: { value: 'AUTO_LABELLED' } })
    );

    expect(changes).toEqual([{ field: 'syncFrequency', value: 'AUTO_LABELLED' }]);
  });

  it('shows its errors under the choice', async () => {
    const { element } = render();
    element.errors = [
      { section: 'settings', rowIndex: null, field: 'syncFrequency', message: 'Not a choice.' },
    ];
    await Promise.resolve();

    const fieldError = q<HTMLElement & { field: string }>(element, 'c-kondo-field-error');
    expect(fieldError?.field).toBe('syncFrequency');
    expect(
      (fieldError?.shadowRoot as ShadowRoot).querySelector('.field-error')?.textContent?.trim()
    ).toBe('Not a choice.');
    await expect(element).toBeAccessible();
  });

  it('shows nothing before it gets the draft', async () => {
    const { element } = render(null);
    await Promise.resolve();

    expect(q(element, '.sync-frequency')).toBeNull();
  });
});
