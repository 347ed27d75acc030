// `npm run org:smoke`: the API end to end in a real org, through the client library, the same
// road production data takes. Needs an org (KONDO_ORG_ALIAS, default kondo-scratch):
//   1. deploy the package, assign Kondo Admin, User and Integration to the running user, load
//      the sample Accounts, Contacts and Leads once (`--no-deploy` skips the deploy);
//   2. push data/sample/conversations.push.json through POST /v1/conversations;
//   3. read the people back through the lookup endpoint, the conversations through the history
//      controller's query, the transcript from Kondo_Message__c and the Tasks;
//   4. replay the same push and check that no Task and no message record was duplicated;
//   5. print a pass/fail table; exit 1 when a check failed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { credentialsFromSfOrg } from '../../client/src/auth';
import { KondoClient, type PushReport } from '../../client/src/client';
import { readConversations } from '../../client/src/cli';
import { formatTable } from '../../client/src/report';
import { runSf } from '../../client/src/sf';
import type { Conversation, LookupProfile, LookupResult } from '../../client/src/types';
import { assignKondoPermissionSets, sfVisible } from './sfCli';

const ROOT = resolve(__dirname, '..', '..');
export const SAMPLE_PUSH = join(ROOT, 'data/sample/conversations.push.json');
const ALIAS = process.env.KONDO_ORG_ALIAS ?? 'kondo-scratch';

export interface SmokeApi {
  push(conversations: Conversation[]): Promise<PushReport>;
  lookup(profiles: LookupProfile[]): Promise<LookupResult[]>;
}
/** Runs a SOQL query and returns its records. */
export type Query = (soql: string) => Record<string, unknown>[];

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * Moves every message date by one offset so the newest message is an hour old: the Task window
 * (30 days by default) then covers the sample, whenever the smoke runs. Ids stay as they are,
 * so every run is a replay of the previous one and must not duplicate anything either.
 */
export function rebaseSentAt(conversations: Conversation[], now: number): Conversation[] {
  const times = conversations
    .flatMap((c) => c.messages ?? [])
    .map((m) => (m.sentAt ? Date.parse(m.sentAt) : NaN))
    .filter((t) => !Number.isNaN(t));
  if (times.length === 0) {
    return conversations;
  }
  const shift = now - 3_600_000 - Math.max(...times);
  return conversations.map((c) => ({
    ...c,
    messages: c.messages?.map((m) => ({
      ...m,
      sentAt: m.sentAt
        ? new Date(Date.parse(m.sentAt) + shift).toISOString().replace(/\.\d{3}Z$/, 'Z')
        : m.sentAt,
    })),
  }));
}

/** A SOQL list of string literals, quotes and backslashes escaped. */
export function soqlList(values: readonly string[]): string {
  return `(${values.map((v) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')})`;
}

export function identityOf(conversation: Conversation): LookupProfile {
  return {
    linkedInUrl: conversation.person?.linkedInUrl ?? null,
    memberUrn: conversation.person?.memberUrn ?? null,
  };
}

const messageIdsOf = (conversations: Conversation[]): string[] =>
  conversations.flatMap((c) => (c.messages ?? []).map((m) => m.id ?? '')).filter(Boolean);

function pushCheck(name: string, report: PushReport, allowed: string[]): Check {
  const bad = report.outcomes.filter((o) => !allowed.includes(o.status));
  return {
    name,
    ok: bad.length === 0,
    detail:
      bad.length === 0
        ? `${report.outcomes.length} conversations ${allowed.join(' or ')} in ${report.requests} request(s)`
        : bad
            .map((o) => `${o.conversationId ?? o.index}: ${o.status} ${o.errorCode ?? ''}`)
            .join('; '),
  };
}

/** The queries of the smoke, kept here so a test can check every field exists in the package. */
export const QUERIES = {
  conversationsOfRecords: (ids: string[]): string =>
    // The history controller's getConversations query, for all sample records at once.
    `SELECT Id, Name, kondo__Conversation_Id__c, kondo__Contact__c, kondo__Lead__c, kondo__Labels__c, kondo__Message_Count__c, kondo__Last_Message_At__c FROM kondo__Kondo_Conversation__c WHERE kondo__Contact__c IN ${soqlList(ids)} OR kondo__Lead__c IN ${soqlList(ids)} ORDER BY kondo__Last_Message_At__c DESC NULLS LAST, Id DESC`,
  messages: (messageIds: string[]): string =>
    `SELECT Id, kondo__Message_Id__c, kondo__Before_Task_Window__c FROM kondo__Kondo_Message__c WHERE kondo__Message_Id__c IN ${soqlList(messageIds)}`,
  // Tasks carry the message id they were made for (not unique: the message record is the key).
  tasks: (messageIds: string[]): string =>
    `SELECT Id, kondo__Kondo_Message_Id__c FROM Task WHERE kondo__Kondo_Message_Id__c IN ${soqlList(messageIds)}`,
  sampleContacts: (): string =>
    `SELECT Id FROM Contact WHERE Email = 'amelia.hart@acme-robotics.example'`,
};

export async function runSmoke(
  api: SmokeApi,
  query: Query,
  conversations: Conversation[]
): Promise<Check[]> {
  const checks: Check[] = [];
  const first = await api.push(conversations);
  checks.push(pushCheck('push the sample conversations', first, ['created', 'updated']));
  const recordIds = first.outcomes.map((o) => o.result?.recordId ?? '');

  const found = await api.lookup(conversations.map(identityOf));
  const lookupMisses = found
    .map((r, i) => ({ r, i }))
    .filter(({ r, i }) => r.status !== 'found' || r.recordId !== recordIds[i]);
  checks.push({
    name: 'lookup finds each person on the pushed record',
    ok: lookupMisses.length === 0,
    detail:
      lookupMisses.length === 0
        ? found.map((r) => `${r.objectType ?? ''} ${r.name ?? ''}`.trim()).join(', ')
        : lookupMisses
            .map(
              ({ r, i }) =>
                `#${i}: ${r.status} ${r.recordId ?? r.errorCode ?? ''} (pushed ${recordIds[i] || 'none'})`
            )
            .join('; '),
  });

  const known = recordIds.filter(Boolean);
  const history = known.length ? query(QUERIES.conversationsOfRecords(known)) : [];
  const unlinked = conversations.filter(
    (c, i) =>
      !history.some(
        (row) =>
          row.kondo__Conversation_Id__c === c.conversationId &&
          (row.kondo__Contact__c === recordIds[i] || row.kondo__Lead__c === recordIds[i])
      )
  );
  checks.push({
    name: "history controller's query shows each conversation on its record",
    ok: unlinked.length === 0,
    detail:
      unlinked.length === 0
        ? `${history.length} conversation(s)`
        : `missing: ${unlinked.map((c) => c.conversationId).join(', ')}`,
  });

  const messageIds = messageIdsOf(conversations);
  const messagesBefore = query(QUERIES.messages(messageIds));
  const stored = new Set(messagesBefore.map((m) => m.kondo__Message_Id__c));
  const missingMessages = messageIds.filter((id) => !stored.has(id));
  checks.push({
    name: 'every message is in the transcript once',
    ok: missingMessages.length === 0 && messagesBefore.length === messageIds.length,
    detail: `${messagesBefore.length} record(s) for ${messageIds.length} message(s)${missingMessages.length ? `; missing ${missingMessages.join(', ')}` : ''}`,
  });
  const tasksBefore = query(QUERIES.tasks(messageIds));
  const tasksPerMessage = new Map<unknown, number>();
  for (const task of tasksBefore) {
    const id = task.kondo__Kondo_Message_Id__c;
    tasksPerMessage.set(id, (tasksPerMessage.get(id) ?? 0) + 1);
  }
  const wrongTasks = messagesBefore
    .filter((m) => m.kondo__Before_Task_Window__c !== true)
    .filter((m) => tasksPerMessage.get(m.kondo__Message_Id__c) !== 1);
  checks.push({
    name: 'every message (inside the Task window) has one Task',
    ok: wrongTasks.length === 0 && messagesBefore.length > 0,
    detail:
      wrongTasks.length === 0
        ? `${tasksBefore.length} Task(s)`
        : wrongTasks
            .map(
              (m) =>
                `${String(m.kondo__Message_Id__c)}: ${tasksPerMessage.get(m.kondo__Message_Id__c) ?? 0} Task(s)`
            )
            .join(', '),
  });

  const replay = await api.push(conversations);
  checks.push(pushCheck('replay the same push', replay, ['updated']));
  const tasksReported = replay.outcomes.reduce((sum, o) => sum + (o.result?.tasksCreated ?? 0), 0);
  const duplicatesReported = replay.outcomes.reduce(
    (sum, o) => sum + (o.result?.duplicatesIgnored ?? 0),
    0
  );
  const tasksAfter = query(QUERIES.tasks(messageIds)).length;
  checks.push({
    name: 'the replay created no Task',
    ok:
      tasksAfter === tasksBefore.length &&
      tasksReported === 0 &&
      duplicatesReported === messageIds.length,
    detail: `${tasksBefore.length} Task(s) before, ${tasksAfter} after; the replay reports tasksCreated ${tasksReported}, duplicatesIgnored ${duplicatesReported} of ${messageIds.length}`,
  });
  const messagesAfter = query(QUERIES.messages(messageIds)).length;
  checks.push({
    name: 'the replay created no message record',
    ok: messagesAfter === messagesBefore.length,
    detail: `${messagesBefore.length} before, ${messagesAfter} after`,
  });
  return checks;
}

export function formatChecks(checks: Check[]): string {
  const failed = checks.filter((c) => !c.ok).length;
  return `${formatTable(
    ['result', 'check', 'detail'],
    checks.map((c) => [c.ok ? 'PASS' : 'FAIL', c.name, c.detail])
  )}\n\n${failed === 0 ? 'smoke: all checks passed' : `smoke: ${failed} of ${checks.length} checks failed`}`;
}

function sfQuery(soql: string): Record<string, unknown>[] {
  const run = runSf(['data', 'query', '--json', '--query', soql, '--target-org', ALIAS], ROOT);
  const parsed = JSON.parse(run.stdout || '{}') as {
    status?: number;
    message?: string;
    result?: { records?: Record<string, unknown>[] };
  };
  if (run.status !== 0 || !parsed.result?.records) {
    throw new Error(`query failed: ${parsed.message ?? run.stderr}\n${soql}`);
  }
  return parsed.result.records;
}

async function main(): Promise<void> {
  const skipDeploy = process.argv.includes('--no-deploy');
  if (!skipDeploy) {
    const deploy = spawnSync('npm', ['run', 'org', '--', 'deploy'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (deploy.status !== 0) throw new Error('deploy failed');
  }
  assignKondoPermissionSets(ALIAS, ROOT);
  if (sfQuery(QUERIES.sampleContacts()).length === 0) {
    sfVisible(
      ['data', 'import', 'tree', '--plan', 'data/sample/plan.json', '--target-org', ALIAS],
      ROOT
    );
  }
  const client = new KondoClient({
    credentials: credentialsFromSfOrg(ALIAS, (args) => runSf(args, ROOT)),
    refreshCredentials: () =>
      Promise.resolve(credentialsFromSfOrg(ALIAS, (args) => runSf(args, ROOT))),
  });
  const conversations = rebaseSentAt(
    readConversations(readFileSync(SAMPLE_PUSH, 'utf8')),
    Date.now()
  );
  const checks = await runSmoke(
    { push: (c) => client.push(c), lookup: (p) => client.lookup(p) },
    sfQuery,
    conversations
  );
  console.log(`\n${formatChecks(checks)}`);
  process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  });
}
