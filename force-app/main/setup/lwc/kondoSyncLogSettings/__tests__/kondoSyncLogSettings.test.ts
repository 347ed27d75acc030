import { createElement } from 'lwc';
import KondoSyncLogSettings from 'c/kondoSyncLogSettings';
import type { SettingChange } from 'c/kondoSettingEdit';
import type { Configuration, SetupPage, SyncHealth, ValidationError } from 'types/dto/setup';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is the getSetup answer
const PAGE: SetupPage = require('../../kondoSetup/__tests__/data/SetupController.getSetup.json');

type LogElement = HTMLElement & {
  configuration: Configuration | undefined;
  errors: ValidationError[];
  health: SyncHealth | undefined;
};

function render(configuration: Configuration | null = PAGE.configuration): {
  element: LogElement;
  changes: SettingChange[];
} {
  const element = createElement('c-kondo-sync-log-settings', {
    is: KondoSyncLogSettings,
  }) as LogElement;
  if (configuration) {
    element.configuration = configuration;
  }
  element.health = PAGE.health;
  const changes: SettingChange[] = [];
  element.addEventListener('settingchange', (event) => {
    changes.push((event as CustomEvent<SettingChange>).detail);
  });
  document.body.appendChild(element);
  return { element, changes };
}

function q<T extends Element = HTMLElement & { value: string }>(
  element: HTMLElement,
  selector: string
): T | null {
  return (element.shadowRoot as ShadowRoot).querySelector<T>(selector);
}

function retention(element: HTMLElement, value: string): void {
  q(element, '.log-retention')?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

// The sync log's chart and tables make the accessibility check slow on a busy machine.
jest.setTimeout(30000);

describe('c-kondo-sync-log-settings', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows the retention above the sync log it was given', async () => {
    const { element } = render();
    await Promise.resolve();

    expect(q(element, '.log-retention')?.value).toBe('30');
    const health = q<HTMLElement & { health: SyncHealth }>(element, 'c-kondo-sync-health');
    expect(health?.health).toEqual(PAGE.health);
    expect((health?.shadowRoot as ShadowRoot).querySelectorAll('.chart-day')).toHaveLength(14);
    await expect(element).toBeAccessible();
  });

  it('sends the edit up as a settingchange: a number, or null when emptied', async () => {
    const { element, changes } = render({ ...PAGE.configuration, logRetentionDays: null });
    await Promise.resolve();
    expect(q(element, '.log-retention')?.value).toBe('');

    retention(element, '90');
    retention(element, '');

    expect(changes).toEqual([
      { field: 'logRetentionDays', value: 90 },
      { field: 'logRetentionDays', value: null },
    ]);
  });

  it('shows its errors under the retention', async () => {
    const { element } = render();
    element.errors = [
      { section: 'settings', rowIndex: null, field: 'logRetentionDays', message: 'Too few days.' },
    ];
    await Promise.resolve();

    const fieldError = q<HTMLElement & { field: string }>(element, 'c-kondo-field-error');
    expect(fieldError?.field).toBe('logRetentionDays');
    expect(
      (fieldError?.shadowRoot as ShadowRoot).querySelector('.field-error')?.textContent?.trim()
    ).toBe('Too few days.');
  });

  it('shows nothing before it gets the draft', async () => {
    const { element } = render(null);
    await Promise.resolve();

    expect(q(element, '.log-retention')).toBeNull();
    expect(q(element, 'c-kondo-sync-health')).toBeNull();
  });
});
