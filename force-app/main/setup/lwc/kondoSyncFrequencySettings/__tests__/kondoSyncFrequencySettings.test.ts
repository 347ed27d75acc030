import KondoSyncFrequencySettings from 'c/kondoSyncFrequencySettings';
import {
  cleanUp,
  PAGE,
  q,
  renderCard,
  settingsCardRules,
  settle,
} from '../../kondoSettingsCard/__tests__/harness';
import type { CardSpec } from '../../kondoSettingsCard/__tests__/harness';

const TAG = 'c-kondo-sync-frequency-settings';

const CARD_SPEC: CardSpec = {
  tag: TAG,
  is: KondoSyncFrequencySettings,
  fields: ['syncPaused', 'syncFrequency', 'webhookEnabled', 'webhookPath'],
  edits: [
    { field: 'syncPaused', detail: { checked: true }, sends: true },
    { field: 'syncPaused', detail: { checked: false }, sends: false },
    { field: 'syncFrequency', detail: { value: 'AUTO_LABELLED' }, sends: 'AUTO_LABELLED' },
    { field: 'webhookEnabled', detail: { checked: true }, sends: true },
    { field: 'webhookPath', detail: { value: '/hooks/salesforce' }, sends: '/hooks/salesforce' },
    { field: 'webhookPath', detail: { value: ' ' }, sends: null },
  ],
};

describe(`${TAG} as a settings card`, () => {
  afterEach(cleanUp);
  // Each rule asserts as it runs; a rule that fails rejects.
  it.each(settingsCardRules(CARD_SPEC))('$name', async ({ run }) => {
    await expect(run()).resolves.toBeUndefined();
  });
});

describe('c-kondo-sync-frequency-settings', () => {
  afterEach(cleanUp);

  it('shows the sync frequency and its three choices in words', async () => {
    const { element } = renderCard(TAG, KondoSyncFrequencySettings);
    await settle();

    expect(q(element, '.sync-frequency')?.value).toBe('AUTO_ALL');
    expect(q(element, '.sync-frequency')?.options.map((option) => option.value)).toEqual([
      'AUTO_ALL',
      'AUTO_LABELLED',
      'MANUAL',
    ]);
    expect(q(element, '.sync-frequency')?.options[2]?.label).toBe(
      'Manual: a conversation is sent only when a Kondo user chooses to sync it.'
    );
    await expect(element).toBeAccessible();
  });

  it('shows the pause switch first, off as saved, with what pausing does', async () => {
    const running = renderCard(TAG, KondoSyncFrequencySettings).element;
    const paused = renderCard(TAG, KondoSyncFrequencySettings, {
      ...PAGE.configuration,
      syncPaused: true,
    }).element;
    await settle();

    const toggle = q<HTMLElement & { checked: boolean; fieldLevelHelp: string; type: string }>(
      running,
      '.sync-paused'
    );
    expect(toggle?.type).toBe('toggle');
    expect(toggle?.checked).toBe(false);
    expect(toggle?.fieldLevelHelp).toContain('503 SYNC_PAUSED');
    expect(q(paused, '.sync-paused')?.checked).toBe(true);
    await expect(paused).toBeAccessible();
  });

  it('shows the webhook switch off until an admin turns it on', async () => {
    const { element } = renderCard(TAG, KondoSyncFrequencySettings);
    await settle();

    expect(q(element, '.webhook-enabled')?.checked).toBe(false);
    expect(q(element, '.webhook-enabled')?.label).toBe(
      "Send Salesforce changes to Kondo's webhook"
    );
    await expect(element).toBeAccessible();
  });

  it('offers the webhook path only while the webhook is on', async () => {
    const off = renderCard(TAG, KondoSyncFrequencySettings).element;
    const on = renderCard(TAG, KondoSyncFrequencySettings, {
      ...PAGE.configuration,
      webhookEnabled: true,
      webhookPath: '/hooks/salesforce',
    }).element;
    await settle();

    expect(q(off, '.webhook-path')?.disabled).toBe(true);
    expect(q(on, '.webhook-path')?.disabled).toBe(false);
    expect(q(on, '.webhook-path')?.value).toBe('/hooks/salesforce');
    await expect(on).toBeAccessible();
  });
});
