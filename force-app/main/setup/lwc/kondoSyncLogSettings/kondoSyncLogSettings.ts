import { LightningElement, api } from 'lwc';
import type { Configuration, SyncHealth, ValidationError } from 'types/dto/setup';
import { numberText, sendSettingChange } from 'c/kondoSettingEdit';

/**
 * The Sync log card's content: how many days sync logs are kept (the edit goes up as a
 * `settingchange` event), above the log itself (c-kondo-sync-health).
 */
export default class KondoSyncLogSettings extends LightningElement {
  /** The page's draft. */
  @api configuration: Configuration | undefined;
  /** Every validation error of the last save; c-kondo-field-error shows this card's. */
  @api errors: ValidationError[] = [];
  /** The sync log getSetup returned. */
  @api health: SyncHealth | undefined;

  get logRetentionValue(): string {
    return numberText(this.configuration?.logRetentionDays);
  }

  handleSettingChange(event: CustomEvent<{ value?: string; checked?: boolean }>): void {
    sendSettingChange(this, event);
  }
}
