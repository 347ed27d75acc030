import HELP_TASK_WINDOW from '@salesforce/label/c.Setup_Help_TaskWindow';
import HELP_PUBLISH_EVENTS from '@salesforce/label/c.Setup_Help_PublishEvents';
import KondoSettingsCard from 'c/kondoSettingsCard';
import { numberText } from 'c/kondoSettingEdit';

/**
 * The Messages card's settings: whether LinkedIn messages are synced, how many days of a
 * conversation's messages become Tasks on its first sync (disabled while messages are not
 * synced), and whether each new message, reply and label change is published as a platform
 * event for Flows. Edits go up as `settingchange` events.
 */
export default class KondoMessageSettings extends KondoSettingsCard {
  label = { taskWindowHelp: HELP_TASK_WINDOW, publishEventsHelp: HELP_PUBLISH_EVENTS };

  get taskWindowValue(): string {
    return numberText(this.configuration?.taskWindowDays);
  }
}
