import type { Configuration } from 'types/dto/setup';

/**
 * One setting edited on the setup page (template-less module). Each settings card reads its
 * base input's change event into a typed value with `settingChangeOf` and sends it up as a
 * `settingchange` event; the page puts the value in its draft. The value rules (a toggle is a
 * boolean, an emptied number is null, a blank text is null) live here once, for every card.
 */

/**
 * The event that carries one edit up. Not `change`: the base inputs' own change events are
 * composed and bubble out of the cards, so a page listening for `change` would get those too.
 */
export const SETTING_CHANGE_EVENT = 'settingchange';

/** The settings a card edits; the mappings and shown fields have kondoSetupMappings. */
export type SettingField = Exclude<keyof Configuration, 'mappings' | 'readBackFields'>;

export interface SettingChange {
  field: SettingField;
  value: Configuration[SettingField];
}

export interface Option<Value extends string = string> {
  label: string;
  value: Value;
}

/** Contact or Lead, for the settings that choose an object (match first, create as). */
export const OBJECT_OPTIONS: Option<'Contact' | 'Lead'>[] = [
  { label: 'Contact', value: 'Contact' },
  { label: 'Lead', value: 'Lead' },
];

/** A number setting as its input shows it: empty for null. */
export function numberText(value: number | null | undefined): string {
  return typeof value === 'number' ? String(value) : '';
}

/**
 * The edit a base input's change event makes. The input names its setting in `data-field` and,
 * unless its value is kept as the string it is, its kind in `data-kind`: `toggle`, `number` or
 * `text`.
 */
export function settingChangeOf(
  event: CustomEvent<{ value?: string; checked?: boolean }>
): SettingChange {
  const target = event.currentTarget as HTMLElement;
  const field = target.dataset.field as SettingField;
  const kind = target.dataset.kind;
  const typed = event.detail.value;
  let value: unknown = typed;
  if (kind === 'toggle') {
    value = event.detail.checked === true;
  } else if (kind === 'number') {
    value = typed === '' || typed === undefined ? null : Number(typed);
  } else if (kind === 'text') {
    value = typed?.trim() ? typed : null;
  }
  return { field, value: value as Configuration[SettingField] };
}

/** Sends the edit of a base input's change event up from the card that host is. */
export function sendSettingChange(
  host: EventTarget,
  event: CustomEvent<{ value?: string; checked?: boolean }>
): void {
  host.dispatchEvent(
    new CustomEvent<SettingChange>(SETTING_CHANGE_EVENT, { detail: settingChangeOf(event) })
  );
}
