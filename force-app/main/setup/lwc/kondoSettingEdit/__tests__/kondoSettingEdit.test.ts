import {
  numberText,
  OBJECT_OPTIONS,
  sendSettingChange,
  SETTING_CHANGE_EVENT,
  settingChangeOf,
} from 'c/kondoSettingEdit';
import type { SettingChange } from 'c/kondoSettingEdit';

/** A change event as a base input in a settings card sends it, from an input so marked. */
function changeOf(
  dataset: { field: string; kind?: string },
  detail: { value?: string; checked?: boolean }
): CustomEvent<{ value?: string; checked?: boolean }> {
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
});
