import { api } from 'lwc';
import type { AccountRule, DuplicateRuleMode, RecordTypeOption } from 'types/dto/setup';
import ACCOUNT_RULE_NONE from '@salesforce/label/c.Setup_AccountRule_None';
import ACCOUNT_RULE_DEFAULT from '@salesforce/label/c.Setup_AccountRule_Default';
import ACCOUNT_RULE_COMPANY from '@salesforce/label/c.Setup_AccountRule_Company';
import HELP_ACCOUNT_RULE from '@salesforce/label/c.Setup_Help_AccountRule';
import HELP_DEFAULT_ACCOUNT from '@salesforce/label/c.Setup_Help_DefaultAccount';
import ACCOUNT_PLACEHOLDER from '@salesforce/label/c.Setup_DefaultAccountPlaceholder';
import DUPLICATES_ENFORCE from '@salesforce/label/c.Setup_DuplicateRuleMode_Enforce';
import DUPLICATES_ALLOW_SAVE from '@salesforce/label/c.Setup_DuplicateRuleMode_AllowSave';
import HELP_LEAD_ASSIGNMENT_RULES from '@salesforce/label/c.Setup_Help_LeadAssignmentRules';
import HELP_RECORD_TYPE from '@salesforce/label/c.Setup_Help_RecordType';
import HELP_DUPLICATE_RULE_MODE from '@salesforce/label/c.Setup_Help_DuplicateRuleMode';
import RECORD_TYPE_DEFAULT from '@salesforce/label/c.Setup_RecordTypeDefault';
import RECORD_TYPE_NOT_OFFERED from '@salesforce/label/c.Setup_RecordTypeNotOffered';
import FIELD_OPTION from '@salesforce/label/c.Setup_FieldOption';
import { formatLabel } from 'c/kondoFormat';
import KondoSettingsCard from 'c/kondoSettingsCard';
import { OBJECT_OPTIONS } from 'c/kondoSettingEdit';
import type { Option } from 'c/kondoSettingEdit';

const ACCOUNT_RULE_OPTIONS: Option<AccountRule>[] = [
  { label: ACCOUNT_RULE_NONE, value: 'NONE' },
  { label: ACCOUNT_RULE_DEFAULT, value: 'DEFAULT_ACCOUNT' },
  { label: ACCOUNT_RULE_COMPANY, value: 'MATCH_BY_COMPANY' },
];

const DUPLICATE_RULE_MODE_OPTIONS: Option<DuplicateRuleMode>[] = [
  { label: DUPLICATES_ENFORCE, value: 'ENFORCE' },
  { label: DUPLICATES_ALLOW_SAVE, value: 'ALLOW_SAVE' },
];

/**
 * The Record creation card's settings: whether a record is created when no Contact or Lead
 * matches, as which object, and the Account of a created Contact (the rule, and the default
 * Account chosen with a record picker), and how created records follow the org's rules: the
 * record type of each object (chosen among those the server offers, or the default one), the
 * Lead assignment rule and the duplicate rule mode. Without creation the rest is disabled; the
 * Account settings and the Contact record type apply to Contacts only, the Lead ones to Leads
 * only. Edits go up as `settingchange` events.
 */
export default class KondoCreationSettings extends KondoSettingsCard {
  /** The record types the admin can use (getSetup's recordTypes), of both objects. */
  @api recordTypes: RecordTypeOption[] = [];

  label = {
    accountRuleHelp: HELP_ACCOUNT_RULE,
    defaultAccountHelp: HELP_DEFAULT_ACCOUNT,
    accountPlaceholder: ACCOUNT_PLACEHOLDER,
    leadAssignmentRulesHelp: HELP_LEAD_ASSIGNMENT_RULES,
    recordTypeHelp: HELP_RECORD_TYPE,
    duplicateRuleModeHelp: HELP_DUPLICATE_RULE_MODE,
  };

  get contactRecordTypeOptions(): Option[] {
    return this.recordTypeOptions('Contact', this.configuration?.contactRecordType);
  }

  get leadRecordTypeOptions(): Option[] {
    return this.recordTypeOptions('Lead', this.configuration?.leadRecordType);
  }

  /** The combobox shows no record type (null) as its "Default record type" option. */
  get contactRecordTypeValue(): string {
    return this.configuration?.contactRecordType ?? '';
  }

  get leadRecordTypeValue(): string {
    return this.configuration?.leadRecordType ?? '';
  }

  /**
   * The default first, then the object's record types by label. A saved record type the admin
   * cannot use (another profile's, or made inactive since) stays offered, marked, so the
   * combobox shows what is in effect instead of a blank; the server says on save what is wrong.
   */
  private recordTypeOptions(objectName: string, chosen: string | null | undefined): Option[] {
    const options = this.recordTypes
      .filter((recordType) => recordType.objectName === objectName)
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((recordType) => ({
        label: formatLabel(FIELD_OPTION, recordType.label, recordType.developerName),
        value: recordType.developerName,
      }));
    if (chosen && !options.some((option) => option.value === chosen)) {
      options.push({ label: formatLabel(RECORD_TYPE_NOT_OFFERED, chosen), value: chosen });
    }
    return [{ label: RECORD_TYPE_DEFAULT, value: '' }, ...options];
  }

  get objectOptions(): Option[] {
    return OBJECT_OPTIONS;
  }

  get accountRuleOptions(): Option<AccountRule>[] {
    return ACCOUNT_RULE_OPTIONS;
  }

  get duplicateRuleModeOptions(): Option<DuplicateRuleMode>[] {
    return DUPLICATE_RULE_MODE_OPTIONS;
  }
}
