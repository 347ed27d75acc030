import KondoSyncLogSettings from 'c/kondoSyncLogSettings';
import type { SyncHealth } from 'types/dto/setup';
import {
  cleanUp,
  PAGE,
  q,
  qa,
  renderCard,
  settingsCardRules,
  settle,
} from '../../kondoSettingsCard/__tests__/harness';
import type { CardSpec } from '../../kondoSettingsCard/__tests__/harness';

const TAG = 'c-kondo-sync-log-settings';

// The sync log's chart and tables make the accessibility check slow on a busy machine.
jest.setTimeout(30000);

const CARD_SPEC: CardSpec = {
  tag: TAG,
  is: KondoSyncLogSettings,
  fields: ['logRetentionDays'],
  edits: [
    { field: 'logRetentionDays', detail: { value: '90' }, sends: 90 },
    { field: 'logRetentionDays', detail: { value: '' }, sends: null },
  ],
  props: { health: PAGE.health },
};

describe(`${TAG} as a settings card`, () => {
  afterEach(cleanUp);
  // Each rule asserts as it runs; a rule that fails rejects.
  it.each(settingsCardRules(CARD_SPEC))('$name', async ({ run }) => {
    await expect(run()).resolves.toBeUndefined();
  });
});

describe('c-kondo-sync-log-settings', () => {
  afterEach(cleanUp);

  it('shows the retention above the sync log it was given', async () => {
    const { element } = renderCard(TAG, KondoSyncLogSettings, PAGE.configuration, {
      health: PAGE.health,
    });
    await settle();

    expect(q(element, '.log-retention')?.value).toBe('30');
    const health = q<HTMLElement & { health: SyncHealth }>(element, 'c-kondo-sync-health');
    expect(health?.health).toEqual(PAGE.health);
    expect(qa(health as HTMLElement, '.chart-day')).toHaveLength(14);
    await expect(element).toBeAccessible();
  });

  it('shows an unset retention empty', async () => {
    const { element } = renderCard(TAG, KondoSyncLogSettings, {
      ...PAGE.configuration,
      logRetentionDays: null,
    });
    await settle();
    expect(q(element, '.log-retention')?.value).toBe('');
  });
});
