// Workbench entry of kondoConversationHistory (record page of a Contact or Lead). The records
// are the local org's Contacts and Leads; the Data state reads them through the real
// ConversationHistoryController as the viewing user. The long history is generated in the page.
import { apexError } from '../src/apexRuntime';
import { defineEntry, type OrgReader, type SampleRecord, type StateContext } from '../src/types';
import {
  LONG_HISTORY_DEFAULT,
  LONG_HISTORY_RECORD_ID,
  SampleHistory,
  longHistoryPerson,
} from '../fixtures/history';

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

interface PersonRow {
  Id: string;
  Name: string;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Contacts and Leads of the org, those with the most conversations first. */
async function people({ org, query }: OrgReader): Promise<SampleRecord[]> {
  const ns = org.namespace ? `${org.namespace}__` : '';
  const [contacts, leads, conversations] = await Promise.all([
    query<PersonRow>('SELECT Id, Name FROM Contact ORDER BY Name'),
    query<PersonRow>('SELECT Id, Name FROM Lead WHERE IsConverted = false ORDER BY Name'),
    query<Record<string, string | number | null>>(
      `SELECT ${ns}Contact__c, ${ns}Lead__c, ${ns}Message_Count__c FROM ${ns}Kondo_Conversation__c`
    ),
  ]);
  const threads = new Map<string, { conversations: number; messages: number }>();
  for (const row of conversations) {
    const personId = row[`${ns}Contact__c`] ?? row[`${ns}Lead__c`];
    if (typeof personId !== 'string') continue;
    const counts = threads.get(personId) ?? { conversations: 0, messages: 0 };
    counts.conversations += 1;
    counts.messages += Number(row[`${ns}Message_Count__c`] ?? 0);
    threads.set(personId, counts);
  }
  const rows = [
    ...contacts.map((row) => ({ row, object: 'Contact' })),
    ...leads.map((row) => ({ row, object: 'Lead' })),
  ].map(({ row, object }) => ({
    row,
    object,
    counts: threads.get(row.Id) ?? { conversations: 0, messages: 0 },
  }));
  rows.sort(
    (a, b) =>
      b.counts.conversations - a.counts.conversations || a.row.Name.localeCompare(b.row.Name)
  );
  return rows.map(({ row, object, counts }) => ({
    id: row.Id,
    label: `${row.Name} (${object}, ${plural(counts.conversations, 'conversation')}, ${plural(counts.messages, 'message')})`,
  }));
}

export default defineEntry({
  component: 'kondoConversationHistory',
  description:
    'The LinkedIn conversations Kondo synced for a Contact or Lead, on its record page: labels, notes, links, search and a switcher between threads.',
  width: 'medium',
  records: people,
  states: {
    data: {
      label: 'Data',
      description:
        'The record’s conversations as the viewing user may read them; pick another record or user to compare.',
      props: (context) => ({ recordId: context.recordId }),
    },
    empty: {
      label: 'Empty',
      description: 'No conversation has been synced for this person yet.',
      props: (context) => ({ recordId: context.recordId }),
      apex: {
        'ConversationHistoryController.getHistory': () => ({
          conversations: [],
          openConversationId: null,
          firstPage: { messages: [], hasOlder: false, olderCursor: null },
        }),
      },
    },
    error: {
      label: 'Error',
      description: 'The conversations could not be read (a server error).',
      props: (context) => ({ recordId: context.recordId }),
      apex: {
        'ConversationHistoryController.getHistory': () => {
          throw apexError('QUERY_FAILED: The conversations could not be read. Try again later.');
        },
      },
    },
    'long-history': {
      label: 'Long history',
      description:
        'One thread of 10,000 messages generated in the page (?messages=N for another size): the list and the newest 200 in one call, then paged 200 at a time.',
      props: () => ({ recordId: LONG_HISTORY_RECORD_ID }),
      prepare: (context) => {
        longHistoryOf(context);
      },
      apex: {
        'ConversationHistoryController.getHistory': (params, context) =>
          longHistoryOf(context).getHistory(params.recordId, params.pageSize),
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
      description:
        'Viewed by a user without the Kondo User permission set: the real Apex refuses the read.',
      user: 'no-access',
      props: (context) => ({ recordId: context.recordId }),
    },
    loading: {
      label: 'Loading',
      description: 'The first answer has not arrived yet.',
      props: (context) => ({ recordId: context.recordId }),
      apex: {
        'ConversationHistoryController.getHistory': () => new Promise(() => undefined),
      },
    },
  },
});
