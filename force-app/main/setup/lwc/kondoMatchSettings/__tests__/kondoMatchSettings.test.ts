import KondoMatchSettings from 'c/kondoMatchSettings';
import {
  cleanUp,
  PAGE,
  q,
  renderCard,
  settingsCardRules,
  settle,
} from '../../kondoSettingsCard/__tests__/harness';
import type { CardSpec } from '../../kondoSettingsCard/__tests__/harness';

const TAG = 'c-kondo-match-settings';

const CARD_SPEC: CardSpec = {
  tag: TAG,
  is: KondoMatchSettings,
  fields: ['contactMatchField', 'leadMatchField', 'matchPriority'],
  edits: [
    { field: 'contactMatchField', detail: { value: 'Title' }, sends: 'Title' },
    { field: 'leadMatchField', detail: { value: 'Company' }, sends: 'Company' },
    { field: 'matchPriority', detail: { value: 'Lead' }, sends: 'Lead' },
  ],
  props: { fieldOptions: PAGE.fieldOptions },
};

describe(`${TAG} as a settings card`, () => {
  afterEach(cleanUp);
  // Each rule asserts as it runs; a rule that fails rejects.
  it.each(settingsCardRules(CARD_SPEC))('$name', async ({ run }) => {
    await expect(run()).resolves.toBeUndefined();
  });
});

describe('c-kondo-match-settings', () => {
  afterEach(cleanUp);

  it('offers only the matchable fields of each object, sorted by label', async () => {
    const { element } = renderCard(TAG, KondoMatchSettings, PAGE.configuration, {
      fieldOptions: PAGE.fieldOptions,
    });
    await settle();

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
    expect(q(element, '.match-hint')?.textContent).toBe(
      'Changing a match field refills the LinkedIn key of every Contact or Lead when you save.'
    );
    await expect(element).toBeAccessible();
  });
});
