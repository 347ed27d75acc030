import KondoCreationSettings from 'c/kondoCreationSettings';
import type { Configuration } from 'types/dto/setup';
import {
  cleanUp,
  PAGE,
  q,
  renderCard,
  settingInput,
  settingsCardRules,
  settle,
} from '../../kondoSettingsCard/__tests__/harness';
import type { CardSpec } from '../../kondoSettingsCard/__tests__/harness';

const TAG = 'c-kondo-creation-settings';

const CARD_SPEC: CardSpec = {
  tag: TAG,
  is: KondoCreationSettings,
  fields: [
    'createIfMissing',
    'createAs',
    'accountRule',
    'defaultAccountId',
    'contactRecordType',
    'leadRecordType',
    'useLeadAssignmentRules',
    'duplicateRuleMode',
  ],
  edits: [
    { field: 'createIfMissing', detail: { checked: true }, sends: true },
    { field: 'createAs', detail: { value: 'Contact' }, sends: 'Contact' },
    { field: 'accountRule', detail: { value: 'DEFAULT_ACCOUNT' }, sends: 'DEFAULT_ACCOUNT' },
    {
      field: 'defaultAccountId',
      detail: { recordId: '001000000000001AAA' },
      sends: '001000000000001AAA',
    },
    { field: 'defaultAccountId', detail: { recordId: null }, sends: null },
    {
      field: 'contactRecordType',
      detail: { value: 'Subscriber_Partner' },
      sends: 'Subscriber_Partner',
    },
    // The "Default record type" option.
    { field: 'contactRecordType', detail: { value: '' }, sends: null },
    { field: 'leadRecordType', detail: { value: 'Subscriber_Event' }, sends: 'Subscriber_Event' },
    { field: 'leadRecordType', detail: { value: '' }, sends: null },
    { field: 'useLeadAssignmentRules', detail: { checked: true }, sends: true },
    { field: 'duplicateRuleMode', detail: { value: 'ALLOW_SAVE' }, sends: 'ALLOW_SAVE' },
  ],
  props: { recordTypes: PAGE.recordTypes },
};

describe(`${TAG} as a settings card`, () => {
  afterEach(cleanUp);
  // Each rule asserts as it runs; a rule that fails rejects.
  it.each(settingsCardRules(CARD_SPEC))('$name', async ({ run }) => {
    await expect(run()).resolves.toBeUndefined();
  });
});

function render(configuration: Partial<Configuration> = {}) {
  return renderCard(
    TAG,
    KondoCreationSettings,
    { ...PAGE.configuration, ...configuration },
    { recordTypes: PAGE.recordTypes }
  );
}

const DEPENDENT_SETTINGS = [
  'createAs',
  'accountRule',
  'defaultAccountId',
  'contactRecordType',
  'leadRecordType',
  'useLeadAssignmentRules',
  'duplicateRuleMode',
];

/** Whether each dependent setting is disabled. */
function disabled(element: HTMLElement): Record<string, boolean> {
  return Object.fromEntries(
    DEPENDENT_SETTINGS.map((field) => [field, Boolean(settingInput(element, field)?.disabled)])
  );
}

describe('c-kondo-creation-settings', () => {
  afterEach(cleanUp);

  it('shows the draft and the choices, the default Account in a record picker', async () => {
    const { element } = render({ defaultAccountId: '001000000000001AAA' });
    await settle();

    expect(q(element, '.create-if-missing')?.checked).toBe(false);
    expect(q(element, '.create-as')?.value).toBe('Lead');
    expect(q(element, '.create-as')?.options).toEqual([
      { label: 'Contact', value: 'Contact' },
      { label: 'Lead', value: 'Lead' },
    ]);
    expect(q(element, '.account-rule')?.value).toBe('MATCH_BY_COMPANY');
    expect(q(element, '.duplicate-rule-mode')?.value).toBe('ENFORCE');
    expect(q(element, '.duplicate-rule-mode')?.options).toEqual([
      { label: 'Honour them: a record a rule stops is not created', value: 'ENFORCE' },
      { label: 'Save anyway when a rule only alerts, and report it', value: 'ALLOW_SAVE' },
    ]);
    expect(q(element, '.lead-assignment-rules')?.checked).toBe(false);
    expect(q(element, '.account-rule')?.options).toEqual([
      { label: 'No Account', value: 'NONE' },
      { label: 'Always the default Account', value: 'DEFAULT_ACCOUNT' },
      {
        label: 'The Account named like the person’s company, else the default Account',
        value: 'MATCH_BY_COMPANY',
      },
    ]);
    const picker = q<HTMLElement & { objectApiName: string; value: string }>(
      element,
      'lightning-record-picker.default-account'
    );
    expect(picker?.objectApiName).toBe('Account');
    expect(picker?.value).toBe('001000000000001AAA');
    await expect(element).toBeAccessible();
  });

  it('offers the default and each object’s record types by label, the saved one chosen', async () => {
    const { element } = render({
      createIfMissing: true,
      createAs: 'Contact',
      contactRecordType: 'Subscriber_Partner',
    });
    await settle();

    const contact = q(element, 'lightning-combobox.contact-record-type');
    const lead = q(element, 'lightning-combobox.lead-record-type');
    expect(contact?.options).toEqual([
      { label: 'Default record type', value: '' },
      { label: 'Customer contact (Customer)', value: 'Customer' },
      { label: 'Partner contact (Subscriber_Partner)', value: 'Subscriber_Partner' },
    ]);
    expect(contact?.value).toBe('Subscriber_Partner');
    expect(lead?.options).toEqual([
      { label: 'Default record type', value: '' },
      { label: 'Event lead (Subscriber_Event)', value: 'Subscriber_Event' },
    ]);
    // No record type chosen: the default option.
    expect(lead?.value).toBe('');
    expect(
      q<HTMLElement & { fieldLevelHelp: string }>(element, '.contact-record-type')?.fieldLevelHelp
    ).toContain('RECORD_TYPE_NOT_AVAILABLE');
    await expect(element).toBeAccessible();
  });

  it('keeps a saved record type the admin cannot use as a marked choice, not a blank', async () => {
    const { element } = render({ leadRecordType: 'Other_Profile_Only' });
    await settle();

    const lead = q(element, 'lightning-combobox.lead-record-type');
    expect(lead?.value).toBe('Other_Profile_Only');
    expect(lead?.options.at(-1)).toEqual({
      label: 'Other_Profile_Only (not available to you)',
      value: 'Other_Profile_Only',
    });
  });

  it('offers only the default while the org has no record types', async () => {
    const { element } = renderCard(TAG, KondoCreationSettings, PAGE.configuration);
    await settle();
    expect(q(element, 'lightning-combobox.contact-record-type')?.options).toEqual([
      { label: 'Default record type', value: '' },
    ]);
  });

  it('disables what record creation off makes meaningless', async () => {
    const { element } = render({ createIfMissing: false, createAs: 'Contact' });
    await settle();
    expect(disabled(element)).toEqual(
      Object.fromEntries(DEPENDENT_SETTINGS.map((field) => [field, true]))
    );
  });

  it('enables the Account settings and record type for Contacts, the Lead ones for Leads', async () => {
    const contacts = render({ createIfMissing: true, createAs: 'Contact' }).element;
    const leads = render({ createIfMissing: true, createAs: 'Lead' }).element;
    const noAccount = render({
      createIfMissing: true,
      createAs: 'Contact',
      accountRule: 'NONE',
    }).element;
    await settle();

    const forContacts = {
      createAs: false,
      accountRule: false,
      defaultAccountId: false,
      contactRecordType: false,
      leadRecordType: true,
      useLeadAssignmentRules: true,
      duplicateRuleMode: false,
    };
    expect(disabled(contacts)).toEqual(forContacts);
    expect(disabled(leads)).toEqual({
      createAs: false,
      accountRule: true,
      defaultAccountId: true,
      contactRecordType: true,
      leadRecordType: false,
      useLeadAssignmentRules: false,
      duplicateRuleMode: false,
    });
    expect(disabled(noAccount)).toEqual({ ...forContacts, defaultAccountId: true });
  });

  it('follows the draft as the parent changes', async () => {
    const { element } = render({ createIfMissing: false });
    await settle();
    element.configuration = { ...PAGE.configuration, createIfMissing: true, createAs: 'Contact' };
    await settle();
    expect(disabled(element).accountRule).toBe(false);
  });
});
