// Types of the `@salesforce/apex/<Class>.<method>` imports. This file has no top-level import
// (that would turn every `declare module` below into a silent no-op): each block imports its
// types itself. An Apex method import is both a function (imperative call) and a wire adapter.

// ---- history: ConversationHistoryController ----
declare module '@salesforce/apex/ConversationHistoryController.getConversations' {
  import type { WireAdapterConstructor } from 'lwc';
  import type { ConversationSummary } from 'types/dto/conversationHistory';

  export interface GetConversationsParams {
    recordId: string | undefined;
  }
  export interface GetConversationsWireResult {
    data?: ConversationSummary[];
    error?: unknown;
  }
  const getConversations: ((params: GetConversationsParams) => Promise<ConversationSummary[]>) &
    WireAdapterConstructor<GetConversationsParams, GetConversationsWireResult>;
  export default getConversations;
}

declare module '@salesforce/apex/ConversationHistoryController.getMessages' {
  import type { WireAdapterConstructor } from 'lwc';
  import type { MessagePage } from 'types/dto/conversationHistory';

  export interface GetMessagesParams {
    conversationId: string | undefined;
    pageSize: number;
    beforeCursor: string | null;
  }
  export interface GetMessagesWireResult {
    data?: MessagePage;
    error?: unknown;
  }
  const getMessages: ((params: GetMessagesParams) => Promise<MessagePage>) &
    WireAdapterConstructor<GetMessagesParams, GetMessagesWireResult>;
  export default getMessages;
}
