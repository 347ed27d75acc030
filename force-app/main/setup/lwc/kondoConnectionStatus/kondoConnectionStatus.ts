import { LightningElement, api } from 'lwc';
import type { Connection } from 'types/dto/setup';
import CONVERSATIONS_ENDPOINT from '@salesforce/label/c.Setup_ConversationsEndpoint';
import SETTINGS_ENDPOINT from '@salesforce/label/c.Setup_SettingsEndpoint';
import LOOKUP_ENDPOINT from '@salesforce/label/c.Setup_LookupEndpoint';
import INTEGRATION_USER from '@salesforce/label/c.Setup_IntegrationUser';
import USERS_ONE from '@salesforce/label/c.Setup_IntegrationUsersOne';
import USERS_MANY from '@salesforce/label/c.Setup_IntegrationUsersMany';
import USERS_NONE from '@salesforce/label/c.Setup_IntegrationUsersNone';
import LAST_SUCCESSFUL_SYNC from '@salesforce/label/c.Setup_LastSuccessfulSync';
import NEVER_SYNCED from '@salesforce/label/c.Setup_NeverSynced';
import LAST_24_HOURS from '@salesforce/label/c.Setup_Last24Hours';
import CONVERSATIONS_NONE from '@salesforce/label/c.Setup_FailedConversationsNone';
import CONVERSATIONS_ONE from '@salesforce/label/c.Setup_FailedConversationsOne';
import CONVERSATIONS_MANY from '@salesforce/label/c.Setup_FailedConversationsMany';
import REQUESTS_NONE from '@salesforce/label/c.Setup_FailedRequestsNone';
import REQUESTS_ONE from '@salesforce/label/c.Setup_FailedRequestsOne';
import REQUESTS_MANY from '@salesforce/label/c.Setup_FailedRequestsMany';
import { formatCount } from 'c/kondoFormat';

/**
 * The Connection card's content: the endpoints Kondo calls, whether an integration user can
 * sync, the last successful sync and the failures of the last 24 hours, each in a sentence.
 * Read only.
 */
export default class KondoConnectionStatus extends LightningElement {
  @api connection: Connection | undefined;

  label = {
    conversationsEndpoint: CONVERSATIONS_ENDPOINT,
    settingsEndpoint: SETTINGS_ENDPOINT,
    lookupEndpoint: LOOKUP_ENDPOINT,
    integrationUser: INTEGRATION_USER,
    noIntegrationUser: USERS_NONE,
    lastSuccessfulSync: LAST_SUCCESSFUL_SYNC,
    neverSynced: NEVER_SYNCED,
    last24Hours: LAST_24_HOURS,
  };

  // Read only once a connection is set (the template shows them then only).
  private get shown(): Connection {
    return this.connection as Connection;
  }

  get hasIntegrationUser(): boolean {
    return this.shown.integrationUserCount > 0;
  }

  get integrationUserText(): string {
    return formatCount(this.shown.integrationUserCount, { one: USERS_ONE, many: USERS_MANY });
  }

  get failedConversationsText(): string {
    return formatCount(this.shown.failedConversationsLast24Hours, {
      none: CONVERSATIONS_NONE,
      one: CONVERSATIONS_ONE,
      many: CONVERSATIONS_MANY,
    });
  }

  get failedRequestsText(): string {
    return formatCount(this.shown.failedRequestsLast24Hours, {
      none: REQUESTS_NONE,
      one: REQUESTS_ONE,
      many: REQUESTS_MANY,
    });
  }
}
