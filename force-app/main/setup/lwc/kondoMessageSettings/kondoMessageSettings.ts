import { LightningElement, api } from 'lwc';
import type { Configuration, ValidationError } from 'types/dto/setup';
import { numberText, sendSettingChange } from 'c/kondoSettingEdit';

/**
 * The Messages card's settings: whether LinkedIn messages are synced, and how many days of a
 * conversation's messages become Tasks on its first sync. Edits go up as `settingchange` events.
 */
export default class KondoMessageSettings extends LightningElement {
  /** The page's draft. */
  @api configuration: Configuration | undefined;
  /** Every validation error of the last save; c-kondo-field-error shows this card's. */
  @api errors: ValidationError[] = [];

  get taskWindowValue(): string {
    return numberText(this.configuration?.taskWindowDays);
  }

  handleSettingChange(event: CustomEvent<{ value?: string; checked?: boolean }>): void {
    sendSettingChange(this, event);
  }
}
