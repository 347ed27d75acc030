import { LightningElement, api } from 'lwc';
import type { AccountRule, Configuration, ValidationError } from 'types/dto/setup';
import { OBJECT_OPTIONS, sendSettingChange } from 'c/kondoSettingEdit';
import type { Option } from 'c/kondoSettingEdit';

const ACCOUNT_RULE_OPTIONS: Option<AccountRule>[] = [
  { label: 'No Account', value: 'NONE' },
  { label: 'Always the default Account', value: 'DEFAULT_ACCOUNT' },
  {
    label: "The Account named like the person's company, else the default Account",
    value: 'MATCH_BY_COMPANY',
  },
];

/**
 * The Record creation card's settings: whether a record is created when no Contact or Lead
 * matches, as which object, and the Account of a created Contact. Edits go up as
 * `settingchange` events.
 */
export default class KondoCreationSettings extends LightningElement {
  /** The page's draft. */
  @api configuration: Configuration | undefined;
  /** Every validation error of the last save; c-kondo-field-error shows this card's. */
  @api errors: ValidationError[] = [];

  get objectOptions(): Option[] {
    return OBJECT_OPTIONS;
  }

  get accountRuleOptions(): Option<AccountRule>[] {
    return ACCOUNT_RULE_OPTIONS;
  }

  handleSettingChange(event: CustomEvent<{ value?: string; checked?: boolean }>): void {
    sendSettingChange(this, event);
  }
}
