import { LightningElement, api } from 'lwc';
import type { Configuration, DefaultPrivacy, ValidationError } from 'types/dto/setup';
import { sendSettingChange } from 'c/kondoSettingEdit';
import type { Option } from 'c/kondoSettingEdit';

const PRIVACY_OPTIONS: Option<DefaultPrivacy>[] = [
  {
    label:
      'Shared: everyone who can see the Contact or Lead reads the messages, on the timeline and in the history.',
    value: 'SHARED',
  },
  {
    label:
      'Private: only the rep who synced and Kondo admins read the messages; others see that a conversation exists.',
    value: 'PRIVATE',
  },
  {
    label: 'Metadata only: Salesforce keeps who wrote and when, never the text.',
    value: 'METADATA_ONLY',
  },
];

/**
 * The Privacy card's settings: who reads the messages of a synced conversation by default, and
 * the Kondo labels that make a conversation private or metadata only (an emptied list is sent
 * as null). Edits go up as `settingchange` events.
 */
export default class KondoPrivacySettings extends LightningElement {
  /** The page's draft. */
  @api configuration: Configuration | undefined;
  /** Every validation error of the last save; c-kondo-field-error shows this card's. */
  @api errors: ValidationError[] = [];

  get privacyOptions(): Option<DefaultPrivacy>[] {
    return PRIVACY_OPTIONS;
  }

  handleSettingChange(event: CustomEvent<{ value?: string; checked?: boolean }>): void {
    sendSettingChange(this, event);
  }
}
