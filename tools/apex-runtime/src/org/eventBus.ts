// The event bus of the local org: publishing platform event messages and delivering them to
// their subscribers, the `after insert` triggers on the event (Platform Events Developer Guide;
// Apex Reference Guide: EventBus Class, EventBus.TestBroker, EventBus.TriggerContext).
//
// Rules emulated, each from the page named:
// - EventBus Class: publish returns one Database.SaveResult per event and "doesn't throw an
//   exception due to an unsuccessful publish operation"; publishing "an SObject that represents
//   an object that isn't a platform event" is a System.UnexpectedException. "For events
//   configured with the Publish After Commit behavior, each method execution is counted as one
//   DML statement"; Publish Immediately calls count against "a separate publishing limit of 150
//   EventBus.publish() calls" (Winter '21 release notes: Limits.getPublishImmediateDML).
// - Platform Event Fields: Publish After Commit "is published only after a transaction commits
//   successfully and isn't published if the transaction fails"; Publish Immediately "when the
//   publish call executes, regardless of whether the transaction succeeds". Here an after-commit
//   message waits as a row of its event's table, so a failed transaction, and a
//   Database.rollback to a savepoint set before the publish, drop it with everything else.
// - Subscribe with Apex Triggers: only `after insert` triggers; "triggers on platform events
//   don't execute in the same Apex transaction as the one that published the event"; batches
//   of up to 2,000 messages, in the order published. Configure the User and Batch Size: "By
//   default, the trigger runs as the Automated Process system user".
// - Deliver Test Event Messages: in a test, publishing is enqueued; Test.stopTest() or
//   Test.getEventBus().deliver() delivers. Test.getEventBus().fail() removes the messages.
// - Retry Event Triggers with EventBus.RetryableException: the batch is sent again (in a test,
//   at the next deliver()), with TriggerContext.retries and lastError, at most nine times.
// - setResumeCheckpoint: a trigger that stops before its last message (returning, or with an
//   uncaught exception) is invoked again with the messages after the checkpoint.
// Assumptions (DIVERGENCES.md): DML rows counted per after-commit message; subscribers get the
// synchronous limits; in a test their uncaught exceptions reach the test; messages published in
// @TestSetup are never delivered.
import { randomUUID } from 'node:crypto';
import { ApexError, UnsupportedError } from '../interpreter/errors';
import { ApexDatetime, SObjectValue, type ApexValue } from '../interpreter/values';
import type { TriggerDecl } from '../parse/ast';
import type { Database } from '../database/database';
import type { DmlOutcome } from '../library/Database';
import type { ObjectDescribe } from '../schema/types';
import { ORG_TIME_ZONE } from '../database/bootstrap';
import { SYNC_LIMITS, type LimitCounters } from './limits';
import type { OrgHost } from './host';
import type { AsyncJob } from './state';
import type { LocalOrgServices } from './orgServices';

/** Publish Immediately calls per transaction (Limits.getLimitPublishImmediateDML). */
export const PUBLISH_IMMEDIATE_LIMIT = 150;
/** Messages per trigger invocation: the default batch size of a platform event trigger. */
export const TRIGGER_BATCH_SIZE = 2000;
/** Times a batch is sent again after EventBus.RetryableException. */
export const MAX_RETRIES = 9;
/** Rounds of subscribers publishing to subscribers before delivery stops (an endless loop). */
const MAX_ROUNDS = 50;

export type PublishBehavior = 'PublishAfterCommit' | 'PublishImmediately';

interface Published {
  seq: number;
  object: ObjectDescribe;
  behavior: PublishBehavior;
  /** The message as subscribers receive it (no Id). */
  message: SObjectValue;
  /** An after-commit message's row in its event's table, which a rollback removes. */
  rowId: string | null;
}

interface BusState {
  published: Published[];
  /** Batches a trigger threw EventBus.RetryableException for, in a test: the next delivery's. */
  retries: Invocation[];
  /** Publish Immediately calls, per limits context (Test.startTest starts another). */
  immediateCalls: WeakMap<LimitCounters, number>;
}

/** What EventBus.TriggerContext.currentContext() reports to the trigger running now. */
export interface TriggerContextState {
  retries: number;
  lastError: string | null;
  checkpoint: string | null;
}

const states = new WeakMap<OrgHost, BusState>();
const replayCounters = new WeakMap<Database, number>();
let sequence = 0;
const contexts: TriggerContextState[] = [];

function stateOf(host: OrgHost): BusState {
  let state = states.get(host);
  if (!state) {
    state = { published: [], retries: [], immediateCalls: new WeakMap() };
    states.set(host, state);
  }
  return state;
}

function servicesOf(host: OrgHost): LocalOrgServices {
  return host.services as LocalOrgServices;
}

/** The trigger context of the platform event trigger running now, if one is. */
export function currentTriggerContext(): TriggerContextState | undefined {
  return contexts[contexts.length - 1];
}

/** Publish Immediately calls made in the current limits context. */
export function publishImmediateCalls(host: OrgHost): number {
  return stateOf(host).immediateCalls.get(host.limits) ?? 0;
}

/** The org's Automated Process user, made the first time an org needs it. */
export function automatedProcessUserId(db: Database): string {
  const existing = db.rows('User').find((u) => u.get('UserType') === 'AutomatedProcess');
  if (existing) {
    return existing.get('Id') as string;
  }
  // The platform's own user has a profile of its own; the administrator's stands in for it
  // (subscribers run in system context either way).
  const profile = db.rows('Profile').find((p) => p.get('Name') === 'System Administrator');
  const user = db.insertRaw('User', {
    Username: 'autoproc@local-runtime.invalid',
    LastName: 'Automated Process',
    Name: 'Automated Process',
    Alias: 'autoproc',
    CommunityNickname: 'automated-process',
    Email: 'autoproc@local-runtime.invalid',
    TimeZoneSidKey: ORG_TIME_ZONE,
    LocaleSidKey: 'en_US',
    LanguageLocaleKey: 'en_US',
    EmailEncodingKey: 'UTF-8',
    ProfileId: profile ? (profile.get('Id') as string) : null,
    IsActive: true,
    UserType: 'AutomatedProcess',
  });
  return user.get('Id') as string;
}

/** Apex DML on a platform event: the platform allows publishing only (assumed wording). */
export function refuseEventDml(op: string, records: SObjectValue[], host: OrgHost): void {
  for (const record of records) {
    const object = host.describeObject(record.type);
    if (object?.platformEvent) {
      const verb = op.charAt(0).toUpperCase() + op.slice(1);
      throw new ApexError(
        'System.TypeException',
        `DML operation ${verb} not allowed on ${object.name}: publish it with EventBus.publish`
      );
    }
  }
}

const TEXT_TYPES = new Set(['string', 'textarea', 'email', 'phone', 'url', 'picklist']);

/** What a subscriber receives for one event: the fields it may carry, and none empty. */
function messageOf(object: ObjectDescribe, event: SObjectValue): SObjectValue {
  const message = new SObjectValue(object.name);
  for (const { name, value } of event.fields.values()) {
    const field = object.fields.get(name.toLowerCase());
    if (!field || field.system || value === null) {
      continue;
    }
    // "If you publish an event in Apex with a Text field set to an empty string, the field
    // value in the delivered event message is null" (Considerations for Publishing).
    message.set(field.name, TEXT_TYPES.has(field.type) && value === '' ? null : value);
  }
  return message;
}

function problemsOf(
  object: ObjectDescribe,
  message: SObjectValue,
  host: OrgHost,
  userMode: boolean
): DmlOutcome['errors'] {
  if (userMode && !host.objectAccess(object.name).create) {
    return [
      {
        statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
        message: `Access to entity '${object.name}' denied`,
        fields: [],
      },
    ];
  }
  const errors: DmlOutcome['errors'] = [];
  const missing: string[] = [];
  const denied: string[] = [];
  for (const field of object.fields.values()) {
    const value = message.get(field.name);
    if (value === null) {
      if (field.required && field.createable && field.type !== 'boolean') {
        missing.push(field.name);
      }
      continue;
    }
    if (userMode && !host.fieldAccess(object.name, field.name).editable) {
      denied.push(field.name);
    }
    if (
      TEXT_TYPES.has(field.type) &&
      typeof value === 'string' &&
      field.length > 0 &&
      value.length > field.length
    ) {
      errors.push({
        statusCode: 'STRING_TOO_LONG',
        message: `${field.label}: data value too large: ${value} (max length=${field.length})`,
        fields: [field.name],
      });
    }
  }
  if (denied.length) {
    errors.push({
      statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
      message: `Operation failed due to fields being inaccessible on Sobject ${object.name}, check errors on Exception or Result`,
      fields: denied,
    });
  }
  if (missing.length) {
    errors.push({
      statusCode: 'REQUIRED_FIELD_MISSING',
      message: `Required fields are missing: [${missing.join(', ')}]`,
      fields: missing,
    });
  }
  return errors;
}

/**
 * EventBus.publish and publishWithAccessLevel: one outcome per event, in order. Events that
 * fail are left out and the others are published, as Database.insert with allOrNone false.
 */
export function publish(
  host: OrgHost,
  events: (SObjectValue | null)[],
  userMode: boolean
): (DmlOutcome & { uuid: string | null })[] {
  const objects = events.map((event) => {
    if (!(event instanceof SObjectValue)) {
      throw new ApexError('System.NullPointerException', 'Argument cannot be null.');
    }
    const object = host.describeObject(event.type);
    if (!object?.platformEvent) {
      throw new ApexError(
        'System.UnexpectedException',
        `${event.type} is not a platform event: EventBus.publish takes instances of Name__e objects only`
      );
    }
    return object;
  });
  const behaviors = new Set(objects.map((o) => o.platformEvent?.publishBehavior));
  if (behaviors.has('PublishAfterCommit')) {
    host.limits.countDml(
      objects.filter((o) => o.platformEvent?.publishBehavior === 'PublishAfterCommit').length
    );
  }
  const state = stateOf(host);
  if (behaviors.has('PublishImmediately')) {
    const calls = (state.immediateCalls.get(host.limits) ?? 0) + 1;
    state.immediateCalls.set(host.limits, calls);
    if (calls > PUBLISH_IMMEDIATE_LIMIT) {
      throw new ApexError(
        'System.LimitException',
        `Too many immediate publish DML statements: ${calls}`,
        true
      );
    }
  }
  const db = servicesOf(host).db;
  return events.map((event, i) => {
    const object = objects[i] as ObjectDescribe;
    const message = messageOf(object, event as SObjectValue);
    const errors = problemsOf(object, message, host, userMode);
    if (errors.length) {
      return { id: null, success: false, errors, uuid: null };
    }
    const id = db.newId(object.name);
    const uuid = randomUUID();
    const replay = (replayCounters.get(db) ?? 0) + 1;
    replayCounters.set(db, replay);
    message.set('ReplayId', String(replay));
    message.set('EventUuid', uuid);
    message.set('CreatedDate', new ApexDatetime(host.now()));
    message.set('CreatedById', host.userId);
    const behavior = object.platformEvent?.publishBehavior ?? 'PublishImmediately';
    let rowId: string | null = null;
    if (behavior === 'PublishAfterCommit') {
      const row = message.clone();
      row.set('Id', id);
      db.putRow(row);
      rowId = id;
    }
    state.published.push({ seq: ++sequence, object, behavior, message, rowId });
    return { id, success: true, errors: [], uuid };
  });
}

/**
 * Takes what is ready for delivery: every Publish Immediately message, and the after-commit
 * ones whose rows a rollback did not remove (when `committed`; otherwise they are dropped).
 */
function takePublished(host: OrgHost, committed: boolean): Published[] {
  const state = states.get(host);
  if (!state) {
    return [];
  }
  const db = servicesOf(host).db;
  const ready: Published[] = [];
  for (const item of state.published) {
    if (item.rowId === null) {
      ready.push(item);
      continue;
    }
    const live = db.getRow(item.rowId) !== undefined;
    if (live) {
      db.removeRow(item.object.name, item.rowId);
    }
    if (live && committed) {
      ready.push(item);
    }
  }
  state.published = [];
  return ready.sort((a, b) => a.seq - b.seq);
}

/** Test.getEventBus().fail(): the messages are removed and no trigger receives them. */
export function failTestEvents(host: OrgHost): void {
  takePublished(host, false);
}

/** The triggers subscribed to an event, each a subscriber of its own; only `after insert`. */
function subscribersOf(services: LocalOrgServices, object: ObjectDescribe): TriggerDecl[] {
  const triggers = services.triggers.filter(
    (t) => services.describeObject(t.objectName)?.name === object.name
  );
  for (const trigger of triggers) {
    if (trigger.events.some((e) => e !== 'after insert')) {
      throw new UnsupportedError(
        `trigger ${trigger.name} on ${object.name} declares ${trigger.events.join(', ')}: platform event triggers support only after insert`,
        { unit: trigger.unit, line: trigger.body.pos.line, column: trigger.body.pos.column }
      );
    }
  }
  return triggers;
}

/** One trigger run on one batch, with what its TriggerContext reports. */
interface Invocation {
  trigger: TriggerDecl;
  object: ObjectDescribe;
  messages: SObjectValue[];
  retries: number;
  lastError: string | null;
}

function invocationsOf(services: LocalOrgServices, ready: Published[]): Invocation[] {
  const invocations: Invocation[] = [];
  // Consecutive messages of one event form a run; each subscriber gets the run in batches.
  let i = 0;
  while (i < ready.length) {
    const object = (ready[i] as Published).object;
    let j = i;
    while (j < ready.length && (ready[j] as Published).object === object) {
      j++;
    }
    const run = ready.slice(i, j).map((p) => p.message);
    for (const trigger of subscribersOf(services, object)) {
      for (let k = 0; k < run.length; k += TRIGGER_BATCH_SIZE) {
        invocations.push({
          trigger,
          object,
          messages: run.slice(k, k + TRIGGER_BATCH_SIZE),
          retries: 0,
          lastError: null,
        });
      }
    }
    i = j;
  }
  return invocations;
}

type Outcome =
  | { kind: 'done' }
  | { kind: 'retry'; message: string }
  | { kind: 'resume'; rest: SObjectValue[] }
  | { kind: 'failed'; error: unknown };

/**
 * Runs one trigger on one batch as its own transaction: the Automated Process user, fresh
 * limits, its writes undone if it ends with an exception.
 */
function runInvocation(host: OrgHost, invocation: Invocation): Outcome {
  const services = servicesOf(host);
  const db = services.db;
  const mark = db.mark();
  const queued = host.asyncQueue.length;
  const savedUser = host.userId;
  const savedLimits = host.limits;
  const context: TriggerContextState = {
    retries: invocation.retries,
    lastError: invocation.lastError,
    checkpoint: null,
  };
  const records = invocation.messages.map((m) => m.clone());
  host.userId = automatedProcessUserId(db);
  host.limits = host.freshLimits(SYNC_LIMITS, []);
  contexts.push(context);
  services.triggerStack.push({
    objectName: invocation.object.name,
    timing: 'after',
    operation: 'insert',
    newRecords: records,
    oldRecords: null,
  });
  let outcome: Outcome = { kind: 'done' };
  try {
    services.interp.runTrigger(invocation.trigger, new Map<string, ApexValue>());
  } catch (error) {
    if (!(error instanceof ApexError)) {
      throw error;
    }
    db.undoTo(mark);
    host.asyncQueue.length = queued;
    outcome =
      error.exceptionType.toLowerCase() === 'eventbus.retryableexception'
        ? { kind: 'retry', message: error.message }
        : { kind: 'failed', error };
  } finally {
    services.triggerStack.pop();
    contexts.pop();
    host.userId = savedUser;
    host.limits = savedLimits;
  }
  if (outcome.kind !== 'retry' && context.checkpoint !== null) {
    const at = invocation.messages.findIndex((m) => m.get('ReplayId') === context.checkpoint);
    if (at >= 0 && at < invocation.messages.length - 1) {
      return { kind: 'resume', rest: invocation.messages.slice(at + 1) };
    }
  }
  return outcome;
}

/**
 * Delivers what was published. In a test, a RetryableException's batch waits for the next
 * delivery and any other exception reaches the test; outside one, a retry runs at once and a
 * failed batch is dropped (the publisher never hears of it).
 */
function deliver(host: OrgHost, invocations: Invocation[], inTest: boolean): void {
  const state = stateOf(host);
  const queue = [...invocations];
  while (queue.length) {
    const invocation = queue.shift() as Invocation;
    const outcome = runInvocation(host, invocation);
    if (outcome.kind === 'resume') {
      // The rest is shorter each time: this ends.
      queue.unshift({ ...invocation, messages: outcome.rest, retries: 0, lastError: null });
    } else if (outcome.kind === 'retry' && invocation.retries < MAX_RETRIES) {
      const retry = {
        ...invocation,
        retries: invocation.retries + 1,
        lastError: outcome.message,
      };
      if (inTest) {
        state.retries.push(retry);
      } else {
        queue.unshift(retry);
      }
    } else if (outcome.kind === 'failed' && inTest) {
      throw outcome.error;
    }
  }
}

/**
 * Test.getEventBus().deliver(), and the event part of Test.stopTest(): the batches waiting for
 * a retry, then everything published, then what the subscribers published in turn. Returns
 * whether anything was delivered.
 */
export function deliverTestEvents(host: OrgHost): boolean {
  const services = servicesOf(host);
  const state = stateOf(host);
  const retries: Invocation[] = state.retries.splice(0);
  let delivered = retries.length > 0;
  deliver(host, retries, true);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const ready = takePublished(host, true);
    if (!ready.length) {
      break;
    }
    delivered = true;
    deliver(host, invocationsOf(services, ready), true);
  }
  return delivered;
}

/** Test.stopTest(): queued jobs and published events, until neither leaves work behind. */
export function stopTestEvents(host: OrgHost): void {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const delivered = deliverTestEvents(host);
    if (host.asyncQueue.length) {
      host.runQueuedJobs();
    } else if (!delivered) {
      return;
    }
  }
}

/** What opens a transaction of the local org (LocalOrg.transaction). */
export interface OpensTransactions {
  transaction(options: { inTest: boolean; userId?: string }): OrgHost;
}

/**
 * After a transaction of the local server ends: its messages (the after-commit ones only when
 * it committed) go to their subscribers, each batch a transaction of the Automated Process
 * user; what those publish goes on the same way. Returns the jobs the subscribers queued.
 */
export function deliverAfterTransaction(
  org: OpensTransactions,
  host: OrgHost,
  committed: boolean
): AsyncJob[] {
  const jobs: AsyncJob[] = [];
  let ready = takePublished(host, committed);
  for (let round = 0; round < MAX_ROUNDS && ready.length; round++) {
    const next: Published[] = [];
    for (const invocation of invocationsOf(servicesOf(host), ready)) {
      const subscriber = org.transaction({
        inTest: false,
        userId: automatedProcessUserId(servicesOf(host).db),
      });
      deliver(subscriber, [invocation], false);
      jobs.push(...subscriber.asyncQueue.filter((job) => job.kind !== 'schedulable'));
      next.push(...takePublished(subscriber, true));
    }
    ready = next.sort((a, b) => a.seq - b.seq);
  }
  return jobs;
}
