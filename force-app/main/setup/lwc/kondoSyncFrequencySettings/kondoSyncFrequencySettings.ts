import type { SyncFrequency } from 'types/dto/setup';
import AUTO_ALL from '@salesforce/label/c.Setup_Frequency_AutoAll';
import AUTO_LABELLED from '@salesforce/label/c.Setup_Frequency_AutoLabelled';
import MANUAL from '@salesforce/label/c.Setup_Frequency_Manual';
import HELP_SYNC_PAUSED from '@salesforce/label/c.Setup_Help_SyncPaused';
import KondoSettingsCard from 'c/kondoSettingsCard';
import type { Option } from 'c/kondoSettingEdit';

const SYNC_FREQUENCY_OPTIONS: Option<SyncFrequency>[] = [
  { label: AUTO_ALL, value: 'AUTO_ALL' },
  { label: AUTO_LABELLED, value: 'AUTO_LABELLED' },
  { label: MANUAL, value: 'MANUAL' },
];

/**
 * The Sync frequency card's settings: the master switch that pauses every sync, and which
 * conversations Kondo sends to Salesforce. Edits go up as `settingchange` events.
 */
export default class KondoSyncFrequencySettings extends KondoSettingsCard {
  label = { syncPausedHelp: HELP_SYNC_PAUSED };

  get syncFrequencyOptions(): Option<SyncFrequency>[] {
    return SYNC_FREQUENCY_OPTIONS;
  }
}
