import HELP_TASK_WINDOW from '@salesforce/label/c.Setup_Help_TaskWindow';
import KondoSettingsCard from 'c/kondoSettingsCard';
import { numberText } from 'c/kondoSettingEdit';

/**
 * The Messages card's settings: whether LinkedIn messages are synced, and how many days of a
 * conversation's messages become Tasks on its first sync (disabled while messages are not
 * synced). Edits go up as `settingchange` events.
 */
export default class KondoMessageSettings extends KondoSettingsCard {
  label = { taskWindowHelp: HELP_TASK_WINDOW };

  get taskWindowValue(): string {
    return numberText(this.configuration?.taskWindowDays);
  }
}
