import { api } from 'lwc';
import type { SyncHealth } from 'types/dto/setup';
import KondoSettingsCard from 'c/kondoSettingsCard';
import { numberText } from 'c/kondoSettingEdit';

/**
 * The Sync log card's content: how many days sync logs are kept (the edit goes up as a
 * `settingchange` event), above the log itself (c-kondo-sync-health).
 */
export default class KondoSyncLogSettings extends KondoSettingsCard {
  /** The sync log getSetup returned. */
  @api health: SyncHealth | undefined;

  get logRetentionValue(): string {
    return numberText(this.configuration?.logRetentionDays);
  }
}
