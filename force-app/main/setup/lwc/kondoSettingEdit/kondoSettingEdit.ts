import type { Configuration } from 'types/dto/setup';
import CREATE_IF_MISSING from '@salesforce/label/c.Setup_Field_CreateIfMissing';
import CREATE_AS from '@salesforce/label/c.Setup_Field_CreateAs';
import ACCOUNT_RULE from '@salesforce/label/c.Setup_Field_AccountRule';
import DEFAULT_ACCOUNT from '@salesforce/label/c.Setup_Field_DefaultAccount';
import USE_LEAD_ASSIGNMENT_RULES from '@salesforce/label/c.Setup_Field_UseLeadAssignmentRules';
import CONTACT_RECORD_TYPE from '@salesforce/label/c.Setup_Field_ContactRecordType';
import LEAD_RECORD_TYPE from '@salesforce/label/c.Setup_Field_LeadRecordType';
import DUPLICATE_RULE_MODE from '@salesforce/label/c.Setup_Field_DuplicateRuleMode';
import MATCH_PRIORITY from '@salesforce/label/c.Setup_Field_MatchPriority';
import CONTACT_MATCH_FIELD from '@salesforce/label/c.Setup_Field_ContactMatchField';
import LEAD_MATCH_FIELD from '@salesforce/label/c.Setup_Field_LeadMatchField';
import SYNC_MESSAGES from '@salesforce/label/c.Setup_Field_SyncMessages';
import SYNC_PAUSED from '@salesforce/label/c.Setup_Field_SyncPaused';
import PUBLISH_EVENTS from '@salesforce/label/c.Setup_Field_PublishEvents';
import TASK_WINDOW from '@salesforce/label/c.Setup_Field_TaskWindow';
import LOG_RETENTION from '@salesforce/label/c.Setup_Field_LogRetention';
import SYNC_FREQUENCY from '@salesforce/label/c.Setup_Field_SyncFrequency';
import WEBHOOK_ENABLED from '@salesforce/label/c.Setup_Field_WebhookEnabled';
import WEBHOOK_PATH from '@salesforce/label/c.Setup_Field_WebhookPath';
import DEFAULT_PRIVACY from '@salesforce/label/c.Setup_Field_DefaultPrivacy';
import PRIVATE_LABELS from '@salesforce/label/c.Setup_Field_PrivateLabels';
import METADATA_ONLY_LABELS from '@salesforce/label/c.Setup_Field_MetadataOnlyLabels';
import OBJECT_CONTACT from '@salesforce/label/c.Setup_Object_Contact';
import OBJECT_LEAD from '@salesforce/label/c.Setup_Object_Lead';

/**
 * One setting edited on the setup page (template-less module). Each settings card reads its
 * base input's change event into a typed value with `settingChangeOf` and sends it up as a
 * `settingchange` event; the page puts the value in its draft. The rules every card shares live
 * here once: the value rules (a toggle is a boolean, an emptied number is null, a blank text is
 * null, a record picker gives an Id or null), each setting's label (its input and the error
 * summary show the same words), the section it lives in, which settings their parent disables,
 * and which differ from what is saved.
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
  { label: OBJECT_CONTACT, value: 'Contact' },
  { label: OBJECT_LEAD, value: 'Lead' },
];

/** Each setting as its input and the error summary name it. */
export const SETTING_LABELS: Record<SettingField, string> = {
  createIfMissing: CREATE_IF_MISSING,
  createAs: CREATE_AS,
  accountRule: ACCOUNT_RULE,
  defaultAccountId: DEFAULT_ACCOUNT,
  useLeadAssignmentRules: USE_LEAD_ASSIGNMENT_RULES,
  contactRecordType: CONTACT_RECORD_TYPE,
  leadRecordType: LEAD_RECORD_TYPE,
  duplicateRuleMode: DUPLICATE_RULE_MODE,
  matchPriority: MATCH_PRIORITY,
  contactMatchField: CONTACT_MATCH_FIELD,
  leadMatchField: LEAD_MATCH_FIELD,
  syncMessages: SYNC_MESSAGES,
  taskWindowDays: TASK_WINDOW,
  publishEvents: PUBLISH_EVENTS,
  syncPaused: SYNC_PAUSED,
  logRetentionDays: LOG_RETENTION,
  syncFrequency: SYNC_FREQUENCY,
  webhookEnabled: WEBHOOK_ENABLED,
  webhookPath: WEBHOOK_PATH,
  defaultPrivacy: DEFAULT_PRIVACY,
  privateLabels: PRIVATE_LABELS,
  metadataOnlyLabels: METADATA_ONLY_LABELS,
};

/** The page's sections, in page order; the settings cards live in some of them. */
export type SectionName =
  | 'connection'
  | 'matching'
  | 'creation'
  | 'messages'
  | 'privacy'
  | 'frequency'
  | 'mappings'
  | 'log'
  | 'transfer';

/** The section whose card holds each setting. */
export const SETTING_SECTIONS: Record<SettingField, SectionName> = {
  createIfMissing: 'creation',
  createAs: 'creation',
  accountRule: 'creation',
  defaultAccountId: 'creation',
  useLeadAssignmentRules: 'creation',
  contactRecordType: 'creation',
  leadRecordType: 'creation',
  duplicateRuleMode: 'creation',
  matchPriority: 'matching',
  contactMatchField: 'matching',
  leadMatchField: 'matching',
  syncMessages: 'messages',
  taskWindowDays: 'messages',
  publishEvents: 'messages',
  syncPaused: 'frequency',
  logRetentionDays: 'log',
  syncFrequency: 'frequency',
  webhookEnabled: 'frequency',
  webhookPath: 'frequency',
  defaultPrivacy: 'privacy',
  privateLabels: 'privacy',
  metadataOnlyLabels: 'privacy',
};

/**
 * The settings their parent makes meaningless, which the cards disable: without record creation
 * nothing is created as anything, with no record type, assignment rule or duplicate rule mode;
 * only a created Contact gets an Account; the default Account only when the rule can use one;
 * each record type and the Lead assignment rule only for the object created; the Task window
 * only while messages are synced.
 */
export function disabledSettings(configuration: Configuration): Set<SettingField> {
  const disabled = new Set<SettingField>();
  const creates = configuration.createIfMissing;
  const createsContacts = creates && configuration.createAs === 'Contact';
  if (!creates) {
    disabled.add('createAs');
    disabled.add('duplicateRuleMode');
  }
  if (!createsContacts) {
    disabled.add('accountRule');
    disabled.add('contactRecordType');
  }
  if (!creates || createsContacts) {
    disabled.add('useLeadAssignmentRules');
    disabled.add('leadRecordType');
  }
  if (!createsContacts || configuration.accountRule === 'NONE') {
    disabled.add('defaultAccountId');
  }
  if (!configuration.syncMessages) {
    disabled.add('taskWindowDays');
  }
  if (!configuration.webhookEnabled) {
    disabled.add('webhookPath');
  }
  return disabled;
}

/** The settings whose draft value differs from the saved one. */
export function editedSettings(draft: Configuration, saved: Configuration): SettingField[] {
  return (Object.keys(SETTING_LABELS) as SettingField[]).filter(
    (field) => (draft[field] ?? null) !== (saved[field] ?? null)
  );
}

/** A number setting as its input shows it: empty for null. */
export function numberText(value: number | null | undefined): string {
  return typeof value === 'number' ? String(value) : '';
}

/** What the base inputs' change events carry: a value, a toggle's checked, a picker's record. */
export interface InputChange {
  value?: string;
  checked?: boolean;
  recordId?: string | null;
}

/**
 * The edit a base input's change event makes. The input names its setting in `data-field` and,
 * unless its value is kept as the string it is, its kind in `data-kind`: `toggle`, `number`,
 * `text` or `record` (lightning-record-picker).
 */
export function settingChangeOf(event: CustomEvent<InputChange>): SettingChange {
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
  } else if (kind === 'record') {
    value = event.detail.recordId || null;
  }
  return { field, value: value as Configuration[SettingField] };
}

/** Sends the edit of a base input's change event up from the card that host is. */
export function sendSettingChange(host: EventTarget, event: CustomEvent<InputChange>): void {
  host.dispatchEvent(
    new CustomEvent<SettingChange>(SETTING_CHANGE_EVENT, { detail: settingChangeOf(event) })
  );
}
