import { api } from 'lwc';
import type { FieldOption } from 'types/dto/setup';
import FIELD_OPTION from '@salesforce/label/c.Setup_FieldOption';
import MATCH_FIELD_HINT from '@salesforce/label/c.Setup_MatchFieldHint';
import { formatLabel } from 'c/kondoFormat';
import KondoSettingsCard from 'c/kondoSettingsCard';
import { OBJECT_OPTIONS } from 'c/kondoSettingEdit';
import type { Option } from 'c/kondoSettingEdit';

/**
 * The Matching card's settings: the Contact and Lead field that holds LinkedIn URLs (only the
 * fields the server marks matchable, by label) and which object is matched first. Edits go up
 * as `settingchange` events.
 */
export default class KondoMatchSettings extends KondoSettingsCard {
  /** Every Contact and Lead field of the page (getSetup's fieldOptions). */
  @api fieldOptions: FieldOption[] = [];

  label = { matchFieldHint: MATCH_FIELD_HINT };

  private matchOptions(objectName: string): Option[] {
    return this.fieldOptions
      .filter((field) => field.objectName === objectName && field.matchable)
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((field) => ({
        label: formatLabel(FIELD_OPTION, field.label, field.apiName),
        value: field.apiName,
      }));
  }

  get contactMatchOptions(): Option[] {
    return this.matchOptions('Contact');
  }

  get leadMatchOptions(): Option[] {
    return this.matchOptions('Lead');
  }

  get objectOptions(): Option[] {
    return OBJECT_OPTIONS;
  }
}
