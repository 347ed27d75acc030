import { createElement } from 'lwc';
import KondoMessageSettings from 'c/kondoMessageSettings';
import type { SettingChange } from 'c/kondoSettingEdit';
import type { Configuration, SetupPage, ValidationError } from 'types/dto/setup';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture is the getSetup answer
const PAGE: SetupPage = require('../../kondoSetup/__tests__/data/SetupController.getSetup.json');

type MessageElement = HTMLElement & {
  configuration: Configuration | undefined;
  errors: ValidationError[];
};

type Input = HTMLElement & { value: string; checked: boolean };

function render(configuration: Configuration | null = PAGE.configuration): {
  element: MessageElement;
  changes: SettingChange[];
} {
  const element = createElement('c-kondo-message-settings', {
    is: KondoMessageSettings,
  }) as MessageElement;
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

describe('c-kondo-message-settings', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows the draft: the toggle and the task window as text', async () => {
    const { element } = render();
    await Promise.resolve();

    expect(q(element, '.sync-messages')?.checked).toBe(true);
    expect(q(element, '.task-window')?.value).toBe('30');
    await expect(element).toBeAccessible();
  });

  it('shows an unset task window empty', async () => {
    const { element } = render({ ...PAGE.configuration, taskWindowDays: null });
    await Promise.resolve();

    expect(q(element, '.task-window')?.value).toBe('');
  });

  it('sends each edit up as a settingchange: numbers as numbers, an emptied number as null', async () => {
    const { element, changes } = render();
    await Promise.resolve();

    change(element, '.sync-messages', { checked: false });
    change(element, '.task-window', { value: '7' });
    change(element, '.task-window', { value: '' });

    expect(changes).toEqual([
      { field: 'syncMessages', value: false },
      { field: 'taskWindowDays', value: 7 },
      { field: 'taskWindowDays', value: null },
    ]);
  });

  it("shows the task window's errors under it", async () => {
    const { element } = render();
    element.errors = [
      { section: 'settings', rowIndex: null, field: 'taskWindowDays', message: 'Too many days.' },
    ];
    await Promise.resolve();

    expect(fieldErrors(element)).toEqual([
      ['syncMessages', []],
      ['taskWindowDays', ['Too many days.']],
    ]);
    await expect(element).toBeAccessible();
  });

  it('shows nothing before it gets the draft', async () => {
    const { element } = render(null);
    await Promise.resolve();

    expect(q(element, '.sync-messages')).toBeNull();
  });
});
