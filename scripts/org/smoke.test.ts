// The parts of the org smoke test that run without an org: date rebasing, SOQL quoting, the
// checks themselves against an in-memory org, the queries' field names, and the sample push.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import type { PushReport } from '../../client/src/client';
import { readConversations } from '../../client/src/cli';
import type { Conversation, ConversationResult, LookupResult } from '../../client/src/types';
import { readOpenApi, schemaValidator } from '../contract/openapi';
import { keyOf } from '../lib/linkedinIdentity';
import { packageSchema } from '../lib/project';
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

/** An org in memory that behaves like the package: messages keyed by id, one Task each. */
function fakeOrg(options: { duplicateTasksOnReplay?: boolean } = {}): {
  api: SmokeApi;
  query: Query;
} {
  const messages = new Set<string>();
  const conversations = new Map<string, string>();
  const tasks: { id: string; messageId: string }[] = [];
  const recordOf = (c: Conversation): string =>
    `003${(keyOf(c.person?.memberUrn ?? c.person?.linkedInUrl) ?? 'x').replace(/\W/g, '').slice(0, 15).padEnd(15, '0')}`;
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

describe('org smoke test, offline parts', () => {
  it('passes every check against an org that never duplicates', async () => {
    const org = fakeOrg();
    const checks = await runSmoke(org.api, org.query, sample());
    assert.deepEqual(
      checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`),
      []
    );
    assert.equal(checks.length, 8);
    assert.match(formatChecks(checks), /smoke: all checks passed/);
  });

  it('fails the replay check when a replay creates Tasks again', async () => {
    const org = fakeOrg({ duplicateTasksOnReplay: true });
    const checks = await runSmoke(org.api, org.query, sample());
    const replay = checks.find((c) => c.name === 'the replay created no Task');
    assert.equal(replay?.ok, false);
    assert.match(replay?.detail ?? '', /7 Task\(s\) before, 14 after/);
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
    const keys = new Set<string>();
    for (const file of ['Contacts.json', 'Leads.json']) {
      const records = (
        JSON.parse(readFileSync(join(ROOT, 'data/sample', file), 'utf8')) as {
          records: Record<string, string>[];
        }
      ).records;
      for (const record of records) {
        for (const value of [record.kondo__LinkedIn_URL__c, record.kondo__LinkedIn_Member_URN__c]) {
          const key = keyOf(value);
          if (key) keys.add(key);
        }
      }
    }
    for (const conversation of sample()) {
      const key = keyOf(conversation.person?.memberUrn ?? conversation.person?.linkedInUrl);
      assert.ok(
        key && keys.has(key),
        `${conversation.conversationId}: no sample record for ${key}`
      );
    }
  });
});
