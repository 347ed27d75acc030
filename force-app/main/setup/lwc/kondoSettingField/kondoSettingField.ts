import { LightningElement, api } from 'lwc';
import type { ValidationError } from 'types/dto/setup';
import EDITED from '@salesforce/label/c.Setup_Edited';
import { applyValidity } from 'c/kondoValidationErrors';
import type { ValidityInput } from 'c/kondoValidationErrors';

/**
 * One setting of a settings card, around its base input (the slot): marked "Edited" while its
 * draft differs from what is saved, and the input marked invalid with the server's message for
 * this setting (setCustomValidity and reportValidity, so the base component shows it as it shows
 * its own errors) until the next save. The input names its setting in `data-field`.
 */
export default class KondoSettingField extends LightningElement {
  /** The Configuration property the slotted input edits (`taskWindowDays`). */
  @api field: string | undefined;
  /** Every validation error of the last save; only this setting's are shown. */
  @api errors: ValidationError[] = [];
  /** The settings whose draft differs from what is saved. */
  @api editedFields: string[] = [];

  label = { edited: EDITED };

  get edited(): boolean {
    return this.field !== undefined && this.editedFields.includes(this.field);
  }

  /** The server's messages for this setting, one sentence after another. */
  get message(): string {
    return this.errors
      .filter((error) => error.section === 'settings' && error.field === this.field)
      .map((error) => error.message)
      .join(' ');
  }

  get settingClass(): string {
    return ['setting', this.edited ? 'setting_edited' : '', this.message ? 'setting_invalid' : '']
      .filter(Boolean)
      .join(' ');
  }

  override renderedCallback(): void {
    // The input is the card's (slotted here): it is reached through the light DOM.
    const input = this.querySelector<ValidityInput>('[data-field]');
    if (input) {
      applyValidity(input, this.message);
    }
  }
}
