// Every `@salesforce/apex/<Class>.<method>` import a component may use in the workbench, typed by
// the declarations in types/apex.d.ts. A sample-data handler is checked against these types, so
// a fixture that drifts from the Apex DTOs fails `tsc`. Add a line when a component imports a
// new Apex method.
import type getConversations from '@salesforce/apex/ConversationHistoryController.getConversations';
import type getMessages from '@salesforce/apex/ConversationHistoryController.getMessages';

export interface ApexMethods {
  'ConversationHistoryController.getConversations': typeof getConversations;
  'ConversationHistoryController.getMessages': typeof getMessages;
}

export type ApexMethodName = keyof ApexMethods;
