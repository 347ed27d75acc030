import { LightningElement, api } from 'lwc';
import type { Connection } from 'types/dto/setup';

/**
 * The Connection card's content: the endpoints Kondo calls, whether an integration user can
 * sync, the last successful sync and the failures of the last 24 hours. Read only.
 */
export default class KondoConnectionStatus extends LightningElement {
  @api connection: Connection | undefined;

  // Read only once a connection is set (the template shows them then only).
  private get shown(): Connection {
    return this.connection as Connection;
  }

  get hasIntegrationUser(): boolean {
    return this.shown.integrationUserCount > 0;
  }

  get integrationUserText(): string {
    const count = this.shown.integrationUserCount;
    return count === 1
      ? '1 active user holds the Kondo Integration permission set.'
      : `${count} active users hold the Kondo Integration permission set.`;
  }

  get failedText(): string {
    const conversations = this.shown.failedConversationsLast24Hours;
    const requests = this.shown.failedRequestsLast24Hours;
    const conversationText = conversations === 1 ? 'conversation' : 'conversations';
    const requestText = requests === 1 ? 'request' : 'requests';
    return `${conversations} ${conversationText} failed in ${requests} failed or rejected ${requestText}.`;
  }
}
