// Types of the `@salesforce/apex/<Class>.<method>` imports. This file has no top-level import
// (that would turn every `declare module` below into a silent no-op): each block imports its
// types itself. An Apex method import is both a function (imperative call) and a wire adapter.

// ---- history: ConversationHistoryController ----
declare module '@salesforce/apex/ConversationHistoryController.getHistory' {
  import type { WireAdapterConstructor } from 'lwc';
  import type { ConversationHistory } from 'types/dto/conversationHistory';

  export interface GetHistoryParams {
    recordId: string | undefined;
    pageSize: number;
  }
  export interface GetHistoryWireResult {
    data?: ConversationHistory;
    error?: unknown;
  }
  const getHistory: ((params: GetHistoryParams) => Promise<ConversationHistory>) &
    WireAdapterConstructor<GetHistoryParams, GetHistoryWireResult>;
  export default getHistory;
}

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

// ---- setup: SetupController ----
declare module '@salesforce/apex/SetupController.getSetup' {
  import type { SetupPage } from 'types/dto/setup';

  const getSetup: () => Promise<SetupPage>;
  export default getSetup;
}

declare module '@salesforce/apex/SetupController.saveConfiguration' {
  import type { SaveOutcome } from 'types/dto/setup';

  const saveConfiguration: (params: { configurationJson: string }) => Promise<SaveOutcome>;
  export default saveConfiguration;
}

declare module '@salesforce/apex/SetupController.exportConfiguration' {
  const exportConfiguration: () => Promise<string>;
  export default exportConfiguration;
}

declare module '@salesforce/apex/SetupController.importConfiguration' {
  import type { SaveOutcome } from 'types/dto/setup';

  const importConfiguration: (params: { fileContent: string }) => Promise<SaveOutcome>;
  export default importConfiguration;
}

declare module '@salesforce/apex/SetupController.testMatch' {
  import type { MatchTest } from 'types/dto/setup';

  const testMatch: (params: { linkedInUrl: string }) => Promise<MatchTest>;
  export default testMatch;
}

declare module '@salesforce/apex/SetupController.startKeyBackfill' {
  import type { JobProgress } from 'types/dto/setup';

  const startKeyBackfill: () => Promise<JobProgress[]>;
  export default startKeyBackfill;
}

declare module '@salesforce/apex/SetupController.getKeyBackfillProgress' {
  import type { JobProgress } from 'types/dto/setup';

  const getKeyBackfillProgress: (params: { jobIds: string[] }) => Promise<JobProgress[]>;
  export default getKeyBackfillProgress;
}
