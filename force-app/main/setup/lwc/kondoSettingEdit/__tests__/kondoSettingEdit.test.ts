import {
  disabledSettings,
  editedSettings,
  numberText,
  OBJECT_OPTIONS,
  sendSettingChange,
  SETTING_CHANGE_EVENT,
  SETTING_LABELS,
  SETTING_SECTIONS,
  settingChangeOf,
} from 'c/kondoSettingEdit';
import type { InputChange, SettingChange, SettingField } from 'c/kondoSettingEdit';
import type { Configuration } from 'types/dto/setup';
import { PAGE } from '../../kondoSettingsCard/__tests__/harness';

/** A change event as a base input in a settings card sends it, from an input so marked. */
function changeOf(
  dataset: { field: string; kind?: string },
  detail: InputChange
): CustomEvent<InputChange> {
  const input = document.createElement('input');
  input.dataset.field = dataset.field;
  if (dataset.kind) {
    input.dataset.kind = dataset.kind;
  }
  const event = new CustomEvent('change', { detail });
  // Outside a dispatch currentTarget is null: pin it to the input, as the card's handler sees it.
  Object.defineProperty(event, 'currentTarget', { value: input });
  return event;
}

describe('c/kondoSettingEdit', () => {
  it('keeps a value without a kind as the string it is', () => {
    expect(settingChangeOf(changeOf({ field: 'createAs' }, { value: 'Contact' }))).toEqual({
      field: 'createAs',
      value: 'Contact',
    });
    expect(
      settingChangeOf(changeOf({ field: 'defaultAccountId' }, { value: ' 001000000000001AAA ' }))
    ).toEqual({ field: 'defaultAccountId', value: ' 001000000000001AAA ' });
  });

  it('reads a toggle as a boolean', () => {
    const kind = { field: 'syncMessages', kind: 'toggle' };
    expect(settingChangeOf(changeOf(kind, { checked: true })).value).toBe(true);
    expect(settingChangeOf(changeOf(kind, { checked: false })).value).toBe(false);
    expect(settingChangeOf(changeOf(kind, {})).value).toBe(false);
  });

  it('reads a number as a number, an emptied one as null', () => {
    const kind = { field: 'taskWindowDays', kind: 'number' };
    expect(settingChangeOf(changeOf(kind, { value: '7' }))).toEqual({
      field: 'taskWindowDays',
      value: 7,
    });
    expect(settingChangeOf(changeOf(kind, { value: '0' })).value).toBe(0);
    expect(settingChangeOf(changeOf(kind, { value: '' })).value).toBeNull();
    expect(settingChangeOf(changeOf(kind, {})).value).toBeNull();
  });

  it('reads a text as typed, a blank one as null', () => {
    const kind = { field: 'privateLabels', kind: 'text' };
    expect(settingChangeOf(changeOf(kind, { value: ' Recruiting; Personal' })).value).toBe(
      ' Recruiting; Personal'
    );
    expect(settingChangeOf(changeOf(kind, { value: '   ' })).value).toBeNull();
    expect(settingChangeOf(changeOf(kind, {})).value).toBeNull();
  });

  it('reads a record picker as the record Id, a cleared one as null', () => {
    const kind = { field: 'defaultAccountId', kind: 'record' };
    expect(settingChangeOf(changeOf(kind, { recordId: '001000000000001AAA' })).value).toBe(
      '001000000000001AAA'
    );
    expect(settingChangeOf(changeOf(kind, { recordId: null })).value).toBeNull();
    expect(settingChangeOf(changeOf(kind, {})).value).toBeNull();
  });

  it('sends the edit from the host as a settingchange that stays in the card', () => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    const received: CustomEvent<SettingChange>[] = [];
    host.addEventListener(SETTING_CHANGE_EVENT, (event) => {
      received.push(event as CustomEvent<SettingChange>);
    });

    sendSettingChange(
      host,
      changeOf({ field: 'logRetentionDays', kind: 'number' }, { value: '90' })
    );

    expect(SETTING_CHANGE_EVENT).toBe('settingchange');
    expect(received.map((event) => event.detail)).toEqual([
      { field: 'logRetentionDays', value: 90 },
    ]);
    // The page listens on the card itself: the edit neither bubbles nor leaves the page.
    expect(received[0]?.bubbles).toBe(false);
    expect(received[0]?.composed).toBe(false);
    host.remove();
  });

  it('shows a number setting as text, an unset one empty', () => {
    expect(numberText(30)).toBe('30');
    expect(numberText(0)).toBe('0');
    expect(numberText(null)).toBe('');
    expect(numberText(undefined)).toBe('');
  });

  it('offers Contact and Lead for the settings that choose an object', () => {
    expect(OBJECT_OPTIONS).toEqual([
      { label: 'Contact', value: 'Contact' },
      { label: 'Lead', value: 'Lead' },
    ]);
  });

  it('names every setting and places it in a section', () => {
    const settings = Object.keys(SETTING_LABELS);
    expect(Object.keys(SETTING_SECTIONS).sort()).toEqual([...settings].sort());
    expect(SETTING_LABELS.taskWindowDays).toBe('Days of messages that become Tasks');
    expect(SETTING_SECTIONS.defaultAccountId).toBe('creation');
  });

  describe('disabledSettings', () => {
    const draft = (edit: Partial<Configuration>): Configuration => ({
      ...PAGE.configuration,
      createIfMissing: true,
      createAs: 'Contact',
      accountRule: 'DEFAULT_ACCOUNT',
      syncMessages: true,
      webhookEnabled: true,
      ...edit,
    });

    const disabled = (edit: Partial<Configuration>): SettingField[] =>
      [...disabledSettings(draft(edit))].sort();
    const LEAD_ONLY: SettingField[] = ['leadRecordType', 'useLeadAssignmentRules'];

    it('disables only the Lead settings while Contacts are created and every parent is on', () => {
      expect(disabled({})).toEqual(LEAD_ONLY);
    });

    it('disables what record creation off makes meaningless', () => {
      expect(disabled({ createIfMissing: false })).toEqual(
        [
          'createAs',
          'duplicateRuleMode',
          'accountRule',
          'contactRecordType',
          'defaultAccountId',
          ...LEAD_ONLY,
        ].sort()
      );
    });

    it('keeps the Account settings and record type to created Contacts, the Lead ones to Leads', () => {
      expect(disabled({ createAs: 'Lead' })).toEqual(
        ['accountRule', 'contactRecordType', 'defaultAccountId'].sort()
      );
      expect(disabled({ accountRule: 'NONE' })).toEqual(['defaultAccountId', ...LEAD_ONLY].sort());
      expect(disabled({ accountRule: 'MATCH_BY_COMPANY' })).toEqual(LEAD_ONLY);
    });

    it('disables the Task window while messages are not synced', () => {
      expect(disabled({ syncMessages: false })).toEqual(['taskWindowDays', ...LEAD_ONLY].sort());
    });

    it('disables the webhook path while the webhook is off', () => {
      expect(disabled({ webhookEnabled: false })).toEqual(['webhookPath', ...LEAD_ONLY].sort());
    });
  });

  it('lists the settings whose draft differs from what is saved, an emptied one as null', () => {
    const saved = PAGE.configuration;
    expect(editedSettings(saved, saved)).toEqual([]);
    expect(
      editedSettings(
        { ...saved, taskWindowDays: 7, privateLabels: null, mappings: [], readBackFields: [] },
        saved
      )
    ).toEqual(['taskWindowDays']);
  });
});
