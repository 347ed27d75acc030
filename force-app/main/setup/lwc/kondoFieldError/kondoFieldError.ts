import { LightningElement, api } from 'lwc';
import type { ValidationError } from 'types/dto/setup';

/**
 * The server's messages for one setting (section `settings`), shown under its input. One
 * component for every setting, so the setup page names the field once and passes all errors.
 */
export default class KondoFieldError extends LightningElement {
  /** The Configuration property this input edits (`taskWindowDays`). */
  @api field: string | undefined;
  /** Every validation error of the last save; only this setting's are shown. */
  @api errors: ValidationError[] = [];

  get lines(): { key: string; text: string }[] {
    return this.errors
      .filter((error) => error.section === 'settings' && error.field === this.field)
      .map((error, index) => ({ key: `${this.field}-${index}`, text: error.message }));
  }
}
