// Workbench entry of kondoConversationHistory (record page of a Contact or Lead).
import { apexError } from '../src/apexRuntime';
import { defineEntry, type StateContext } from '../src/types';
import {
  LONG_HISTORY_DEFAULT,
  LONG_HISTORY_RECORD_ID,
  PEOPLE,
  SampleHistory,
  longHistoryPerson,
} from '../fixtures/history';

const people = new SampleHistory(PEOPLE);
const NO_ACCESS =
  'NO_ACCESS: You do not have access to Kondo conversations. Ask your Salesforce admin for the Kondo User permission set.';

function messageCount(context: StateContext): number {
  const wanted = Number(context.params.get('messages') ?? LONG_HISTORY_DEFAULT);
  return Number.isInteger(wanted) && wanted >= 0 ? wanted : LONG_HISTORY_DEFAULT;
}

// Generated once per page: the long history is built before the component is inserted.
let longHistory: { count: number; history: SampleHistory } | undefined;
function longHistoryOf(context: StateContext): SampleHistory {
  const count = messageCount(context);
  if (longHistory?.count !== count) {
    longHistory = { count, history: new SampleHistory([longHistoryPerson(count)]) };
  }
  return longHistory.history;
}

export default defineEntry({
  component: 'kondoConversationHistory',
  description:
    'The LinkedIn conversations Kondo synced for a Contact or Lead, on its record page: labels, notes, links, search and a switcher between threads.',
  width: 'medium',
  records: PEOPLE.map((person) => ({
    id: person.recordId,
    label: `${person.name} (${person.conversations.length} conversation${person.conversations.length === 1 ? '' : 's'}, ${person.conversations.reduce((sum, c) => sum + c.messages.length, 0)} messages)`,
  })),
  states: {
    data: {
      label: 'Data',
      description: 'A synced person; pick another sample record to see other threads.',
      props: (context) => ({ recordId: context.recordId }),
      apex: {
        'ConversationHistoryController.getConversations': (params) =>
          people.getConversations(params.recordId),
        'ConversationHistoryController.getMessages': (params) =>
          people.getMessages(params.conversationId, params.pageSize, params.beforeCursor),
      },
    },
    empty: {
      label: 'Empty',
      description: 'No conversation has been synced for this person yet.',
      props: () => ({ recordId: '003000000000999AAA' }),
      apex: {
        'ConversationHistoryController.getConversations': () => [],
      },
    },
    error: {
      label: 'Error',
      description: 'The conversations could not be read (a server error).',
      props: (context) => ({ recordId: context.recordId }),
      apex: {
        'ConversationHistoryController.getConversations': () => {
          throw apexError('QUERY_FAILED: The conversations could not be read. Try again later.');
        },
      },
    },
    'long-history': {
      label: 'Long history',
      description:
        'One thread of 10,000 generated messages (?messages=N for another size), paged 200 at a time.',
      props: () => ({ recordId: LONG_HISTORY_RECORD_ID }),
      prepare: (context) => {
        longHistoryOf(context);
      },
      apex: {
        'ConversationHistoryController.getConversations': (params, context) =>
          longHistoryOf(context).getConversations(params.recordId),
        'ConversationHistoryController.getMessages': (params, context) =>
          longHistoryOf(context).getMessages(
            params.conversationId,
            params.pageSize,
            params.beforeCursor
          ),
      },
    },
    'no-permission': {
      label: 'No permission',
      description: 'The user lacks the Kondo User permission set.',
      props: (context) => ({ recordId: context.recordId }),
      apex: {
        'ConversationHistoryController.getConversations': () => {
          throw apexError(NO_ACCESS);
        },
        'ConversationHistoryController.getMessages': () => {
          throw apexError(NO_ACCESS);
        },
      },
    },
    loading: {
      label: 'Loading',
      description: 'The first answer has not arrived yet.',
      props: (context) => ({ recordId: context.recordId }),
      apex: {
        'ConversationHistoryController.getConversations': () => new Promise(() => undefined),
      },
    },
  },
});
