import type { AccountRule } from 'types/dto/setup';
import ACCOUNT_RULE_NONE from '@salesforce/label/c.Setup_AccountRule_None';
import ACCOUNT_RULE_DEFAULT from '@salesforce/label/c.Setup_AccountRule_Default';
import ACCOUNT_RULE_COMPANY from '@salesforce/label/c.Setup_AccountRule_Company';
import HELP_ACCOUNT_RULE from '@salesforce/label/c.Setup_Help_AccountRule';
import HELP_DEFAULT_ACCOUNT from '@salesforce/label/c.Setup_Help_DefaultAccount';
import ACCOUNT_PLACEHOLDER from '@salesforce/label/c.Setup_DefaultAccountPlaceholder';
import KondoSettingsCard from 'c/kondoSettingsCard';
import { OBJECT_OPTIONS } from 'c/kondoSettingEdit';
import type { Option } from 'c/kondoSettingEdit';

const ACCOUNT_RULE_OPTIONS: Option<AccountRule>[] = [
  { label: ACCOUNT_RULE_NONE, value: 'NONE' },
  { label: ACCOUNT_RULE_DEFAULT, value: 'DEFAULT_ACCOUNT' },
  { label: ACCOUNT_RULE_COMPANY, value: 'MATCH_BY_COMPANY' },
];

/**
 * The Record creation card's settings: whether a record is created when no Contact or Lead
 * matches, as which object, and the Account of a created Contact (the rule, and the default
 * Account chosen with a record picker). Without creation the rest is disabled, and the Account
 * settings apply to Contacts only. Edits go up as `settingchange` events.
 */
export default class KondoCreationSettings extends KondoSettingsCard {
  label = {
    accountRuleHelp: HELP_ACCOUNT_RULE,
    defaultAccountHelp: HELP_DEFAULT_ACCOUNT,
    accountPlaceholder: ACCOUNT_PLACEHOLDER,
  };

  get objectOptions(): Option[] {
    return OBJECT_OPTIONS;
  }

  get accountRuleOptions(): Option<AccountRule>[] {
    return ACCOUNT_RULE_OPTIONS;
  }
}
