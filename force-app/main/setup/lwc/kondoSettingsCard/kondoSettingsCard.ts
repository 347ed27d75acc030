import { LightningElement, api } from 'lwc';
import type { Configuration, ValidationError } from 'types/dto/setup';
import { disabledSettings, sendSettingChange, SETTING_LABELS } from 'c/kondoSettingEdit';
import type { InputChange, SettingField } from 'c/kondoSettingEdit';

/**
 * What every settings card of the setup page is (template-less base class the cards extend):
 * it takes the page's draft, the last save's errors and the settings edited since the last save,
 * labels its inputs with the words the error summary uses, disables the settings their parent
 * makes meaningless, sends each edit up as a `settingchange` event and moves focus to a setting
 * when the summary's link to it is followed. Each card adds its template and its options.
 */
export default class KondoSettingsCard extends LightningElement {
  /** The page's draft. */
  @api configuration: Configuration | undefined;
  /** Every validation error of the last save; c-kondo-setting-field marks this card's inputs. */
  @api errors: ValidationError[] = [];
  /** The settings whose draft differs from what is saved; c-kondo-setting-field marks them. */
  @api editedFields: string[] = [];

  /** Each setting's label (`label={fieldLabels.createAs}`). */
  get fieldLabels(): Record<SettingField, string> {
    return SETTING_LABELS;
  }

  /** Whether its parent disables a setting (`disabled={disabled.createAs}`). */
  get disabled(): Record<SettingField, boolean> {
    // Read by the cards' templates only once the draft is there.
    const disabled = disabledSettings(this.configuration as Configuration);
    const fields = Object.keys(SETTING_LABELS) as SettingField[];
    return Object.fromEntries(fields.map((field) => [field, disabled.has(field)])) as Record<
      SettingField,
      boolean
    >;
  }

  handleSettingChange(event: CustomEvent<InputChange>): void {
    sendSettingChange(this, event);
  }

  /** Moves focus to the setting's input; false when this card has no such input. */
  @api
  focusField(field: string): boolean {
    const input = this.template?.querySelector<HTMLElement>(`[data-field="${field}"]`);
    input?.focus();
    return Boolean(input);
  }
}
