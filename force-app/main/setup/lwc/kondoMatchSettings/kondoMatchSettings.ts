import { LightningElement, api } from 'lwc';
import type { Configuration, FieldOption, ValidationError } from 'types/dto/setup';
import { OBJECT_OPTIONS, sendSettingChange } from 'c/kondoSettingEdit';
import type { Option } from 'c/kondoSettingEdit';

/**
 * The Matching card's settings: the Contact and Lead field that holds LinkedIn URLs (only the
 * fields the server marks matchable, by label) and which object is matched first. Edits go up
 * as `settingchange` events.
 */
export default class KondoMatchSettings extends LightningElement {
  /** The page's draft. */
  @api configuration: Configuration | undefined;
  /** Every Contact and Lead field of the page (getSetup's fieldOptions). */
  @api fieldOptions: FieldOption[] = [];
  /** Every validation error of the last save; c-kondo-field-error shows this card's. */
  @api errors: ValidationError[] = [];

  private matchOptions(objectName: string): Option[] {
    return this.fieldOptions
      .filter((field) => field.objectName === objectName && field.matchable)
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((field) => ({ label: `${field.label} (${field.apiName})`, value: field.apiName }));
  }

  get contactMatchOptions(): Option[] {
    return this.matchOptions('Contact');
  }

  get leadMatchOptions(): Option[] {
    return this.matchOptions('Lead');
  }

  get objectOptions(): Option[] {
    return OBJECT_OPTIONS;
  }

  handleSettingChange(event: CustomEvent<{ value?: string; checked?: boolean }>): void {
    sendSettingChange(this, event);
  }
}
