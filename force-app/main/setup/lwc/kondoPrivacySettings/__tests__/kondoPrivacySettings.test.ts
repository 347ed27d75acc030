import KondoPrivacySettings from 'c/kondoPrivacySettings';
import {
  cleanUp,
  PAGE,
  q,
  renderCard,
  settingsCardRules,
  settle,
} from '../../kondoSettingsCard/__tests__/harness';
import type { CardSpec } from '../../kondoSettingsCard/__tests__/harness';

const TAG = 'c-kondo-privacy-settings';

const CARD_SPEC: CardSpec = {
  tag: TAG,
  is: KondoPrivacySettings,
  fields: ['defaultPrivacy', 'privateLabels', 'metadataOnlyLabels'],
  edits: [
    { field: 'defaultPrivacy', detail: { value: 'METADATA_ONLY' }, sends: 'METADATA_ONLY' },
    {
      field: 'privateLabels',
      detail: { value: 'Recruiting; Personal' },
      sends: 'Recruiting; Personal',
    },
    { field: 'metadataOnlyLabels', detail: { value: '   ' }, sends: null },
  ],
};

describe(`${TAG} as a settings card`, () => {
  afterEach(cleanUp);
  // Each rule asserts as it runs; a rule that fails rejects.
  it.each(settingsCardRules(CARD_SPEC))('$name', async ({ run }) => {
    await expect(run()).resolves.toBeUndefined();
  });
});

describe('c-kondo-privacy-settings', () => {
  afterEach(cleanUp);

  it('shows the default privacy, its three choices and the label rules', async () => {
    const { element } = renderCard(TAG, KondoPrivacySettings, {
      ...PAGE.configuration,
      defaultPrivacy: 'PRIVATE',
      privateLabels: 'Recruiting',
    });
    await settle();

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
});
