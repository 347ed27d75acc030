import KondoMessageSettings from 'c/kondoMessageSettings';
import type { Configuration } from 'types/dto/setup';
import {
  cleanUp,
  PAGE,
  q,
  renderCard,
  settingsCardRules,
  settle,
} from '../../kondoSettingsCard/__tests__/harness';
import type { CardSpec } from '../../kondoSettingsCard/__tests__/harness';

const TAG = 'c-kondo-message-settings';

const CARD_SPEC: CardSpec = {
  tag: TAG,
  is: KondoMessageSettings,
  fields: ['syncMessages', 'taskWindowDays', 'publishEvents'],
  edits: [
    { field: 'syncMessages', detail: { checked: false }, sends: false },
    { field: 'taskWindowDays', detail: { value: '7' }, sends: 7 },
    { field: 'taskWindowDays', detail: { value: '' }, sends: null },
    { field: 'publishEvents', detail: { checked: true }, sends: true },
    { field: 'publishEvents', detail: { checked: false }, sends: false },
  ],
};

describe(`${TAG} as a settings card`, () => {
  afterEach(cleanUp);
  // Each rule asserts as it runs; a rule that fails rejects.
  it.each(settingsCardRules(CARD_SPEC))('$name', async ({ run }) => {
    await expect(run()).resolves.toBeUndefined();
  });
});

function render(configuration: Partial<Configuration> = {}) {
  return renderCard(TAG, KondoMessageSettings, { ...PAGE.configuration, ...configuration });
}

describe('c-kondo-message-settings', () => {
  afterEach(cleanUp);

  it('shows the draft: the toggle and the task window as text, with its help', async () => {
    const { element } = render();
    await settle();

    expect(q(element, '.sync-messages')?.checked).toBe(true);
    const window = q<HTMLElement & { value: string; fieldLevelHelp: string; disabled: boolean }>(
      element,
      '.task-window'
    );
    expect(window?.value).toBe('30');
    expect(window?.fieldLevelHelp).toContain('0 means all messages');
    expect(window?.disabled).toBeFalsy();
    await expect(element).toBeAccessible();
  });

  it('shows an unset task window empty', async () => {
    const { element } = render({ taskWindowDays: null });
    await settle();
    expect(q(element, '.task-window')?.value).toBe('');
  });

  it('disables the task window while messages are not synced', async () => {
    const { element } = render({ syncMessages: false });
    await settle();
    expect(q(element, '.task-window')?.disabled).toBe(true);
  });

  it('shows the platform events switch with its help, off by default, on as saved', async () => {
    const off = render().element;
    const on = render({ publishEvents: true, syncMessages: false }).element;
    await settle();

    const events = q<HTMLElement & { checked: boolean; fieldLevelHelp: string; disabled: boolean }>(
      off,
      '.publish-events'
    );
    expect(events?.checked).toBe(false);
    expect(events?.fieldLevelHelp).toContain('no message text');
    expect(q(on, '.publish-events')?.checked).toBe(true);
    // Conversation events (replies, labels) come without message sync too.
    expect(q(on, '.publish-events')?.disabled).toBeFalsy();
    await expect(on).toBeAccessible();
  });
});
