// Every `@salesforce/apex/<Class>.<method>` import a component may use in the workbench, typed by
// the declarations in types/apex.d.ts. A sample-data handler is checked against these types, so
// a fixture that drifts from the Apex DTOs fails `tsc`. Add a line when a component imports a
// new Apex method.
import type getHistory from '@salesforce/apex/ConversationHistoryController.getHistory';
import type getConversations from '@salesforce/apex/ConversationHistoryController.getConversations';
import type getMessages from '@salesforce/apex/ConversationHistoryController.getMessages';
import type getSetup from '@salesforce/apex/SetupController.getSetup';
import type saveConfiguration from '@salesforce/apex/SetupController.saveConfiguration';
import type exportConfiguration from '@salesforce/apex/SetupController.exportConfiguration';
import type importConfiguration from '@salesforce/apex/SetupController.importConfiguration';
import type testMatch from '@salesforce/apex/SetupController.testMatch';
import type startKeyBackfill from '@salesforce/apex/SetupController.startKeyBackfill';
import type getKeyBackfillProgress from '@salesforce/apex/SetupController.getKeyBackfillProgress';

export interface ApexMethods {
  'ConversationHistoryController.getHistory': typeof getHistory;
  'ConversationHistoryController.getConversations': typeof getConversations;
  'ConversationHistoryController.getMessages': typeof getMessages;
  'SetupController.getSetup': typeof getSetup;
  'SetupController.saveConfiguration': typeof saveConfiguration;
  'SetupController.exportConfiguration': typeof exportConfiguration;
  'SetupController.importConfiguration': typeof importConfiguration;
  'SetupController.testMatch': typeof testMatch;
  'SetupController.startKeyBackfill': typeof startKeyBackfill;
  'SetupController.getKeyBackfillProgress': typeof getKeyBackfillProgress;
}

export type ApexMethodName = keyof ApexMethods;
