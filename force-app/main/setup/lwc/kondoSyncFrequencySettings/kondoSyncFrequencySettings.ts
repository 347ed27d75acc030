import { LightningElement, api } from 'lwc';
import type { Configuration, SyncFrequency, ValidationError } from 'types/dto/setup';
import { sendSettingChange } from 'c/kondoSettingEdit';
import type { Option } from 'c/kondoSettingEdit';

const SYNC_FREQUENCY_OPTIONS: Option<SyncFrequency>[] = [
  {
    label: 'Auto-sync all: every LinkedIn conversation is sent to Salesforce as it changes.',
    value: 'AUTO_ALL',
  },
  {
    label:
      'Auto-sync labelled: only conversations that carry a Kondo label are sent, as they change.',
    value: 'AUTO_LABELLED',
  },
  {
    label: 'Manual: a conversation is sent only when a Kondo user chooses to sync it.',
    value: 'MANUAL',
  },
];

/**
 * The Sync frequency card's setting: which conversations Kondo sends to Salesforce. The edit
 * goes up as a `settingchange` event.
 */
export default class KondoSyncFrequencySettings extends LightningElement {
  /** The page's draft. */
  @api configuration: Configuration | undefined;
  /** Every validation error of the last save; c-kondo-field-error shows this card's. */
  @api errors: ValidationError[] = [];

  get syncFrequencyOptions(): Option<SyncFrequency>[] {
    return SYNC_FREQUENCY_OPTIONS;
  }

  handleSettingChange(event: CustomEvent<{ value?: string; checked?: boolean }>): void {
    sendSettingChange(this, event);
  }
}
