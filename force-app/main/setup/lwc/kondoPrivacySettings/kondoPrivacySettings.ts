import type { DefaultPrivacy } from 'types/dto/setup';
import PRIVACY_SHARED from '@salesforce/label/c.Setup_Privacy_Shared';
import PRIVACY_PRIVATE from '@salesforce/label/c.Setup_Privacy_Private';
import PRIVACY_METADATA_ONLY from '@salesforce/label/c.Setup_Privacy_MetadataOnly';
import HELP_PRIVATE_LABELS from '@salesforce/label/c.Setup_Help_PrivateLabels';
import HELP_METADATA_ONLY_LABELS from '@salesforce/label/c.Setup_Help_MetadataOnlyLabels';
import PRIVACY_RULE from '@salesforce/label/c.Setup_PrivacyRule';
import KondoSettingsCard from 'c/kondoSettingsCard';
import type { Option } from 'c/kondoSettingEdit';

const PRIVACY_OPTIONS: Option<DefaultPrivacy>[] = [
  { label: PRIVACY_SHARED, value: 'SHARED' },
  { label: PRIVACY_PRIVATE, value: 'PRIVATE' },
  { label: PRIVACY_METADATA_ONLY, value: 'METADATA_ONLY' },
];

/**
 * The Privacy card's settings: who reads the messages of a synced conversation by default, and
 * the Kondo labels that make a conversation private or metadata only (an emptied list is sent
 * as null). Edits go up as `settingchange` events.
 */
export default class KondoPrivacySettings extends KondoSettingsCard {
  label = {
    privateLabelsHelp: HELP_PRIVATE_LABELS,
    metadataOnlyLabelsHelp: HELP_METADATA_ONLY_LABELS,
    privacyRule: PRIVACY_RULE,
  };

  get privacyOptions(): Option<DefaultPrivacy>[] {
    return PRIVACY_OPTIONS;
  }
}
