import type { SyncFrequency } from 'types/dto/setup';
import AUTO_ALL from '@salesforce/label/c.Setup_Frequency_AutoAll';
import AUTO_LABELLED from '@salesforce/label/c.Setup_Frequency_AutoLabelled';
import MANUAL from '@salesforce/label/c.Setup_Frequency_Manual';
import KondoSettingsCard from 'c/kondoSettingsCard';
import type { Option } from 'c/kondoSettingEdit';

const SYNC_FREQUENCY_OPTIONS: Option<SyncFrequency>[] = [
  { label: AUTO_ALL, value: 'AUTO_ALL' },
  { label: AUTO_LABELLED, value: 'AUTO_LABELLED' },
  { label: MANUAL, value: 'MANUAL' },
];

/**
 * The Sync frequency card's setting: which conversations Kondo sends to Salesforce. The edit
 * goes up as a `settingchange` event.
 */
export default class KondoSyncFrequencySettings extends KondoSettingsCard {
  get syncFrequencyOptions(): Option<SyncFrequency>[] {
    return SYNC_FREQUENCY_OPTIONS;
  }
}
