import type { SyncFrequency } from 'types/dto/setup';
import AUTO_ALL from '@salesforce/label/c.Setup_Frequency_AutoAll';
import AUTO_LABELLED from '@salesforce/label/c.Setup_Frequency_AutoLabelled';
import MANUAL from '@salesforce/label/c.Setup_Frequency_Manual';
import HELP_SYNC_PAUSED from '@salesforce/label/c.Setup_Help_SyncPaused';
import HELP_WEBHOOK from '@salesforce/label/c.Setup_Help_WebhookEnabled';
import HELP_WEBHOOK_PATH from '@salesforce/label/c.Setup_Help_WebhookPath';
import KondoSettingsCard from 'c/kondoSettingsCard';
import type { Option } from 'c/kondoSettingEdit';

const SYNC_FREQUENCY_OPTIONS: Option<SyncFrequency>[] = [
  { label: AUTO_ALL, value: 'AUTO_ALL' },
  { label: AUTO_LABELLED, value: 'AUTO_LABELLED' },
  { label: MANUAL, value: 'MANUAL' },
];

/**
 * The Sync frequency card's settings: the master switch that pauses every sync, which
 * conversations Kondo sends to Salesforce, and whether Salesforce sends its changes back to
 * Kondo's webhook, and the path it posts to (only while it is on). Edits go up as
 * `settingchange` events.
 */
export default class KondoSyncFrequencySettings extends KondoSettingsCard {
  label = {
    syncPausedHelp: HELP_SYNC_PAUSED,
    webhookHelp: HELP_WEBHOOK,
    webhookPathHelp: HELP_WEBHOOK_PATH,
  };

  get syncFrequencyOptions(): Option<SyncFrequency>[] {
    return SYNC_FREQUENCY_OPTIONS;
  }
}
