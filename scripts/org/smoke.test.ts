// The parts of the org smoke test that run without a Salesforce org: every check against the
// local org (the package's real Apex, over HTTP with the client), a replay check that catches a
// duplicating org, date rebasing, SOQL quoting, the queries' field names, and the sample push.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { KondoClient, type PushReport } from '../../client/src/client';
import { readConversations } from '../../client/src/cli';
import type { Conversation, ConversationResult, LookupResult } from '../../client/src/types';
import { readOpenApi } from '../../client/tools/openapi';
import { schemaValidator } from '../contract/openapi';
import { packageSchema } from '../lib/project';
import { openLocalOrg } from '../local/localOrg';
import { listenLocalOrg } from '../../tools/apex-runtime/src/server/http';
import type { LocalOrgSession } from '../../tools/apex-runtime/src/server/session';
import {
  formatChecks,
  QUERIES,
  rebaseSentAt,
  runSmoke,
  SAMPLE_PUSH,
  soqlList,
  type Query,
  type SmokeApi,
} from './smoke';

const ROOT = resolve(__dirname, '..', '..');
const sample = (): Conversation[] => readConversations(readFileSync(SAMPLE_PUSH, 'utf8'));

/** A stand-in org that duplicates Tasks on replay: what the replay check must catch. */
function fakeOrg(options: { duplicateTasksOnReplay?: boolean } = {}): {
  api: SmokeApi;
  query: Query;
} {
  const messages = new Set<string>();
  const conversations = new Map<string, string>();
  const tasks: { id: string; messageId: string }[] = [];
  const recordOf = (c: Conversation): string =>
    `003${(c.person?.memberUrn ?? c.person?.linkedInUrl ?? 'x').replace(/\W/g, '').slice(-15).padEnd(15, '0')}`;
  const api: SmokeApi = {
    push: (items) => {
      const outcomes = items.map((c, index) => {
        const recordId = recordOf(c);
        const known = conversations.has(c.conversationId ?? '');
        conversations.set(c.conversationId ?? '', recordId);
        let tasksCreated = 0;
        let duplicatesIgnored = 0;
        for (const m of c.messages ?? []) {
          const id = m.id ?? '';
          if (!messages.has(id) || options.duplicateTasksOnReplay) {
            tasks.push({ id: `00T${tasks.length}`, messageId: id });
            tasksCreated += 1;
          } else {
            duplicatesIgnored += 1;
          }
          messages.add(id);
        }
        const status: ConversationResult['status'] = known ? 'updated' : 'created';
        return {
          index,
          conversationId: c.conversationId ?? null,
          status,
          errorCode: null,
          errorMessage: null,
          result: { recordId, tasksCreated, duplicatesIgnored } as ConversationResult,
          attempts: 1,
        };
      });
      const report: PushReport = {
        outcomes,
        counts: { created: 0, updated: 0, skipped: 0, failed: 0 },
        requests: 1,
        requestIds: [],
      };
      return Promise.resolve(report);
    },
    lookup: (profiles) =>
      Promise.resolve(
        profiles.map(
          (p) =>
            ({
              status: 'found',
              recordId: recordOf({ person: p }),
              objectType: 'Contact',
              name: 'someone',
            }) as LookupResult
        )
      ),
  };
  const query: Query = (soql) => {
    if (soql.includes('FROM kondo__Kondo_Conversation__c')) {
      return [...conversations].map(([id, recordId]) => ({
        kondo__Conversation_Id__c: id,
        kondo__Contact__c: recordId,
        kondo__Lead__c: null,
      }));
    }
    if (soql.includes('FROM kondo__Kondo_Message__c')) {
      return [...messages].map((id) => ({
        kondo__Message_Id__c: id,
        kondo__Before_Task_Window__c: false,
      }));
    }
    if (soql.includes('FROM Task')) {
      return tasks.map((t) => ({ Id: t.id, kondo__Kondo_Message_Id__c: t.messageId }));
    }
    throw new Error(`unexpected query ${soql}`);
  };
  return { api, query };
}

/** A local org with the sample records and no conversations yet, served on a free port. */
async function serveLocalOrg(): Promise<{
  session: LocalOrgSession;
  url: string;
  close(): Promise<void>;
}> {
  const { session } = openLocalOrg({ storeFile: null, seedConversations: false });
  return { session, ...(await listenLocalOrg(session)) };
}

describe('org smoke test against the local org', () => {
  let org: Awaited<ReturnType<typeof serveLocalOrg>>;
  before(async () => {
    org = await serveLocalOrg();
  });
  after(async () => {
    await org?.close();
  });

  it('passes every check: the client over HTTP, the queries as the admin', async () => {
    const client = new KondoClient({
      credentials: { instanceUrl: org.url, accessToken: org.session.user('integration').token },
    });
    const query: Query = (soql) => org.session.queryAs('admin', soql);
    const checks = await runSmoke(
      { push: (items) => client.push(items), lookup: (profiles) => client.lookup(profiles) },
      query,
      rebaseSentAt(sample(), Date.now())
    );
    assert.deepEqual(
      checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`),
      []
    );
    assert.equal(checks.length, 8);
    assert.match(formatChecks(checks), /smoke: all checks passed/);
  });
});

describe('org smoke test, offline parts', () => {
  it('fails the replay check when a replay creates Tasks again', async () => {
    const org = fakeOrg({ duplicateTasksOnReplay: true });
    const checks = await runSmoke(org.api, org.query, sample());
    const replay = checks.find((c) => c.name === 'the replay created no Task');
    assert.equal(replay?.ok, false);
    const messages = sample().flatMap((c) => c.messages ?? []).length;
    assert.match(
      replay?.detail ?? '',
      new RegExp(`${messages} Task\\(s\\) before, ${messages * 2} after`)
    );
    assert.match(formatChecks(checks), /FAIL\s+the replay created no Task/);
  });

  it('rebases message dates so the newest is an hour old, keeping ids and gaps', () => {
    const now = Date.parse('2030-06-01T12:00:00Z');
    const rebased = rebaseSentAt(sample(), now);
    const dates = rebased.flatMap((c) => c.messages ?? []).map((m) => Date.parse(m.sentAt ?? ''));
    assert.equal(Math.max(...dates), now - 3_600_000);
    const original = sample().flatMap((c) => c.messages ?? []);
    const gap = (list: number[]): number => (list[1] ?? 0) - (list[0] ?? 0);
    assert.equal(gap(dates), gap(original.map((m) => Date.parse(m.sentAt ?? ''))));
    assert.deepEqual(
      rebased.flatMap((c) => c.messages ?? []).map((m) => m.id),
      original.map((m) => m.id)
    );
    assert.match(rebased[0]?.messages?.[0]?.sentAt ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('quotes SOQL literals', () => {
    assert.equal(soqlList(["a'b", 'c\\d']), "('a\\'b', 'c\\\\d')");
  });

  it('queries only fields and objects the package or the platform has', () => {
    const schema = packageSchema(ROOT);
    // Custom fields on Task live under objects/Activity.
    const metadataObject = (object: string): string =>
      object === 'Task' ? 'Activity' : object.replace(/^kondo__/, '');
    const queries = [
      QUERIES.conversationsOfRecords(['x']),
      QUERIES.messages(['x']),
      QUERIES.tasks(['x']),
      QUERIES.sampleContacts(),
    ];
    const missing: string[] = [];
    for (const soql of queries) {
      const object = /FROM (\w+)/.exec(soql)?.[1] ?? '';
      const customFields = [...soql.matchAll(/kondo__(\w+__c)\b/g)]
        .map((m) => m[1] as string)
        .filter((field) => `kondo__${field}` !== object);
      if (object.startsWith('kondo__') && !schema.objects.has(metadataObject(object))) {
        missing.push(object);
      }
      for (const field of customFields) {
        if (!schema.fields.has(`${metadataObject(object)}.${field}`))
          missing.push(`${object}.${field}`);
      }
    }
    assert.deepEqual(missing, []);
  });
});

describe('sample push data/sample/conversations.push.json', () => {
  it('is a valid request body of syncConversations', () => {
    const document = readOpenApi();
    const request = document.components.schemas.ConversationsRequest;
    assert.ok(request, 'no schema ConversationsRequest');
    const body: unknown = JSON.parse(readFileSync(SAMPLE_PUSH, 'utf8'));
    assert.equal(schemaValidator(document)(request, body), undefined);
  });

  it('talks to people the sample Contacts and Leads already are, so nothing is created', () => {
    // Matched by the package's own Apex on the local org: every URL and URN variant of the
    // sample must find its record.
    const { session } = openLocalOrg({ storeFile: null, seedConversations: false });
    const answer = session.restAs(
      'integration',
      'POST',
      '/v1/conversations',
      readFileSync(SAMPLE_PUSH)
    );
    assert.equal(answer.status, 200);
    const { results } = answer.body as { results: ConversationResult[] };
    assert.equal(results.length, sample().length);
    for (const result of results) {
      assert.equal(result.status, 'updated', `${result.conversationId}: ${result.errorMessage}`);
    }
  });
});
