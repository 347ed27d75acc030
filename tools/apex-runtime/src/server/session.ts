// A running local org: the project's Apex and schema over a database that lasts (a file under
// the project), named users with access tokens, and every request one transaction. A request
// runs to the end before the next starts (the runtime is synchronous, so requests that arrive
// together are serialised); one that fails is undone whole; queued jobs it enqueued run after it
// committed, each in a transaction of its own, as the platform runs them.
import { routeCallouts } from '../org/calloutRoutes';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ApexError, UnsupportedError } from '../interpreter/errors';
import type { ApexList, ApexValue } from '../interpreter/values';
import { serialize } from '../system/JSON';
import { LocalOrg } from '../org/localOrg';
import type { OrgHost } from '../org/host';
import type { AsyncJob } from '../org/state';
import { deliverAfterTransaction } from '../org/eventBus';
import {
  APEX_REST_PREFIX,
  answerFrom,
  invalidSession,
  jsonAnswer,
  platformError,
  restContextFor,
  restResources,
  routeRest,
  type RestAnswer,
  type RestCall,
} from './rest';
import {
  AuraCallError,
  auraArguments,
  auraErrorBody,
  auraResult,
  findAuraMethod,
  type AuraErrorBody,
} from './aura';
import { loadStore, readStoreExtra, saveStore, type LoadOutcome } from './store';

/** A user of the local org, as the project's config describes it. */
export interface LocalUserSpec {
  /** The name a token is asked for by: `admin`, `integration`, `rep`. */
  key: string;
  firstName: string;
  lastName: string;
  /** A profile of the local org: `Standard User`, `System Administrator`. */
  profile: string;
  /** Permission set names of the package. */
  permissionSets: string[];
  /** One line on who this is, shown where users are listed. */
  description: string;
}

export interface LocalOrgConfig {
  /** The administrator is `admin`; every other key is a user made on first start. */
  users: LocalUserSpec[];
  /** A client-credentials app: what `/services/oauth2/token` accepts, and whom it runs as. */
  clientCredentials?: { clientId: string; clientSecret: string; runAs: string };
  /**
   * Where `callout:<Name>/path` callouts go: a base URL for each named credential
   * (`{ Webhooks: 'http://127.0.0.1:4010' }`, served by another process). Without it every
   * callout the org's Apex makes fails with a CalloutException (org/calloutRoutes.ts).
   */
  calloutRoutes?: Record<string, string>;
}

export interface LocalUser {
  key: string;
  id: string;
  name: string;
  username: string;
  profile: string;
  permissionSets: string[];
  description: string;
  token: string;
}

interface Saved {
  users: LocalUser[];
}

/** The users of the org saved in `file` (with their tokens), or null when there is none. */
export function savedUsers(file: string): LocalUser[] | null {
  return readStoreExtra<Saved>(file)?.users ?? null;
}

/** One line per request, for the console and for tests. */
export interface RequestRecord {
  at: string;
  user: string;
  what: string;
  status: number;
  ms: number;
  queries: number;
  dmlStatements: number;
  dmlRows: number;
  callouts: number;
  jobs: number;
}

export type AuraOutcome =
  { ok: true; value: unknown } | { ok: false; status: number; body: AuraErrorBody };

export interface OpenSessionOptions {
  root: string;
  config: LocalOrgConfig;
  /** The database file; null keeps the org in memory only (tests). */
  storeFile: string | null;
  /** Start over even if the file holds an org. */
  reset?: boolean;
}

export type StartKind = 'loaded' | 'created';

function metadataFingerprint(org: LocalOrg): string {
  const hash = createHash('sha256');
  // Stored rows depend on the schema: the package's metadata files and the runtime's own
  // standard objects. Apex source changes do not change what a row may hold.
  hash.update(readFileSync(join(__dirname, '..', 'schema', 'standardObjects.ts')));
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder).sort()) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) {
        walk(path);
      } else if (
        entry.endsWith('-meta.xml') &&
        !entry.endsWith('.cls-meta.xml') &&
        !entry.endsWith('.trigger-meta.xml')
      ) {
        hash.update(path.slice(org.project.root.length));
        hash.update(readFileSync(path));
      }
    }
  };
  for (const dir of org.project.packageDirectories) {
    walk(join(org.project.root, dir));
  }
  return hash.digest('hex').slice(0, 16);
}

/** What the runtime lacks and where the Apex met it. */
function notImplemented(error: UnsupportedError): string {
  const at = error.position ? ` (${error.position.unit}, line ${error.position.line})` : '';
  return `The local Apex runtime does not implement ${error.feature}${at}`;
}

function newToken(orgId: string): string {
  // Shaped like a Salesforce access token: the org Id, an exclamation mark, an opaque part.
  return `${orgId.slice(0, 15)}!${randomBytes(24).toString('base64url')}`;
}

export class LocalOrgSession {
  readonly log: RequestRecord[] = [];
  /** Called with each request's record (the server prints them). */
  onRequest: ((record: RequestRecord) => void) | null = null;
  private users: LocalUser[] = [];
  private readonly resources;
  private readonly fingerprint: string;

  private constructor(
    readonly org: LocalOrg,
    readonly config: LocalOrgConfig,
    private readonly storeFile: string | null
  ) {
    this.resources = restResources(org.interp);
    this.fingerprint = metadataFingerprint(org);
  }

  /**
   * Opens the org in `storeFile`, or makes a new one (users, tokens) when there is none, when
   * it was written for other metadata, or on `reset`. `seed` runs only for a new org.
   */
  static open(
    options: OpenSessionOptions,
    seed?: (session: LocalOrgSession) => void
  ): { session: LocalOrgSession; kind: StartKind; note: string | null } {
    const org = LocalOrg.open(options.root);
    if (options.config.calloutRoutes) {
      org.calloutHandler = routeCallouts(options.config.calloutRoutes);
    }
    const session = new LocalOrgSession(org, options.config, options.storeFile);
    let loaded: LoadOutcome<Saved> = { kind: 'missing' };
    if (options.storeFile && !options.reset) {
      loaded = loadStore<Saved>(org.db, options.storeFile, session.fingerprint);
    }
    if (loaded.kind === 'loaded') {
      session.users = loaded.extra.users;
      return { session, kind: 'loaded', note: `records from ${loaded.savedAt}` };
    }
    session.createUsers();
    seed?.(session);
    session.save();
    const note =
      loaded.kind === 'stale'
        ? `the saved org was set aside (${loaded.reason}): ${loaded.setAsideTo}`
        : null;
    return { session, kind: 'created', note };
  }

  // ---------- users ----------

  listUsers(): LocalUser[] {
    return this.users.map((u) => ({ ...u }));
  }

  user(key: string): LocalUser {
    const found = this.users.find((u) => u.key === key);
    if (!found) {
      throw new Error(
        `no local user "${key}"; the users are ${this.users.map((u) => u.key).join(', ')}`
      );
    }
    return found;
  }

  /** The user a bearer token belongs to, or null. */
  userForToken(token: string | null): LocalUser | null {
    return (token && this.users.find((u) => u.token === token)) || null;
  }

  private createUsers(): void {
    const { db, info } = this.org;
    const profileId = (name: string): string => {
      const id = info.profileIds.get(name);
      if (!id) {
        throw new Error(`local org config: no profile named ${name}`);
      }
      return id;
    };
    const permissionSetIds = new Map(
      db.rows('PermissionSet').map((p) => [String(p.get('Name')), String(p.get('Id'))])
    );
    this.users = this.config.users.map((spec) => {
      const username = `${spec.key}@kondo-local.invalid`;
      const name = `${spec.firstName} ${spec.lastName}`;
      const id =
        spec.key === 'admin'
          ? (db.patchRaw(info.adminUserId, {
              FirstName: spec.firstName,
              LastName: spec.lastName,
              Name: name,
              Username: username,
              Email: username,
            }),
            info.adminUserId)
          : String(
              db
                .insertRaw(
                  'User',
                  {
                    Username: username,
                    FirstName: spec.firstName,
                    LastName: spec.lastName,
                    Name: name,
                    Alias: spec.key.replace(/[^a-z]/g, '').slice(0, 8),
                    Email: username,
                    CommunityNickname: spec.key,
                    TimeZoneSidKey: 'Europe/London',
                    LocaleSidKey: 'en_GB',
                    LanguageLocaleKey: 'en_US',
                    EmailEncodingKey: 'UTF-8',
                    ProfileId: profileId(spec.profile),
                    IsActive: true,
                    IsPortalEnabled: false,
                    UserType: 'Standard',
                  },
                  info.adminUserId
                )
                .get('Id')
            );
      for (const setName of spec.permissionSets) {
        const permissionSetId = permissionSetIds.get(setName);
        if (!permissionSetId) {
          throw new Error(`local org config: no permission set named ${setName}`);
        }
        db.insertRaw(
          'PermissionSetAssignment',
          { AssigneeId: id, PermissionSetId: permissionSetId },
          info.adminUserId
        );
      }
      return {
        key: spec.key,
        id,
        name,
        username,
        profile: spec.profile,
        permissionSets: [...spec.permissionSets],
        description: spec.description,
        token: newToken(info.orgId),
      };
    });
  }

  // ---------- transactions ----------

  /**
   * Runs `body` as one transaction of `userId`: undone whole if it throws, and followed by the
   * jobs it queued, each its own transaction. The database is saved after each.
   */
  transact<T>(
    userId: string,
    what: string,
    body: (host: OrgHost) => T,
    status: (value: T) => number
  ): T {
    const started = Date.now();
    const db = this.org.db;
    const mark = db.mark();
    const host = this.org.transaction({ inTest: false, userId });
    let value!: T;
    let failed = true;
    try {
      value = body(host);
      failed = false;
    } finally {
      if (failed) {
        db.undoTo(mark);
        // Publish Immediately messages were published whatever became of the transaction.
        this.runJobs(deliverAfterTransaction(this.org, host, false));
      }
    }
    const jobs = host.asyncQueue.filter((job) => job.kind !== 'schedulable');
    const usedLimits = host.limits;
    // Committed: its platform event messages go to their subscribers, then the jobs run.
    jobs.push(...deliverAfterTransaction(this.org, host, true));
    this.runJobs(jobs);
    this.save();
    this.remember(userId, what, status(value), {
      ms: Date.now() - started,
      queries: usedLimits.queries,
      dmlStatements: usedLimits.dmlStatements,
      dmlRows: usedLimits.dmlRows,
      callouts: usedLimits.callouts,
      jobs: jobs.length,
    });
    return value;
  }

  /** Adds a request to the log (the last 500 are kept) and tells whoever listens. */
  private remember(
    userId: string,
    what: string,
    status: number,
    used: Pick<
      RequestRecord,
      'ms' | 'queries' | 'dmlStatements' | 'dmlRows' | 'callouts' | 'jobs'
    > = {
      ms: 0,
      queries: 0,
      dmlStatements: 0,
      dmlRows: 0,
      callouts: 0,
      jobs: 0,
    }
  ): void {
    const record: RequestRecord = {
      at: new Date(Date.now() - used.ms).toISOString(),
      user: this.users.find((u) => u.id === userId)?.key ?? userId,
      what,
      status,
      ...used,
    };
    this.log.push(record);
    if (this.log.length > 500) {
      this.log.shift();
    }
    this.onRequest?.(record);
  }

  /**
   * Queued work after commit: each job in a fresh transaction of the user who queued it. A job
   * that fails is marked Failed on its AsyncApexJob with its writes undone (by the runtime, as
   * in a test), and the next one runs.
   */
  private runJobs(jobs: AsyncJob[]): void {
    const queue = [...jobs];
    // Jobs that chain more jobs are bounded, as the platform bounds chaining depth in practice.
    for (let ran = 0; queue.length && ran < 100; ran++) {
      const job = queue.shift() as AsyncJob;
      const submittedBy = String(
        this.org.db.getRow(job.id)?.get('CreatedById') ?? this.org.info.adminUserId
      );
      const host = this.org.transaction({ inTest: false, userId: submittedBy });
      host.asyncQueue = [job];
      try {
        host.runQueuedJobs();
      } catch {
        queue.push(...deliverAfterTransaction(this.org, host, false));
        continue;
      }
      queue.push(...host.asyncQueue.filter((next) => next.kind !== 'schedulable'));
      queue.push(...deliverAfterTransaction(this.org, host, true));
    }
  }

  save(): void {
    if (this.storeFile) {
      saveStore<Saved>(this.org.db, this.storeFile, this.fingerprint, { users: this.users });
    }
  }

  // ---------- REST ----------

  /** An Apex REST call, as `/services/apexrest/...` answers it; `path` starts after that prefix. */
  rest(call: RestCall, token: string | null): RestAnswer {
    const caller = this.userForToken(token);
    if (!caller) {
      return invalidSession();
    }
    const route = routeRest(this.resources, this.org.project.namespace, call);
    const what = `${call.method.toUpperCase()} ${APEX_REST_PREFIX}${call.path}`;
    if (route.kind === 'answer') {
      this.remember(caller.id, what, route.answer.status);
      return route.answer;
    }
    try {
      return this.transact(
        caller.id,
        what,
        (host) => {
          const { request, response } = restContextFor(
            call,
            route.resource,
            this.org.project.namespace
          );
          host.restRequest = request;
          host.restResponse = response;
          const args = this.restArguments(route.method.params.length, call);
          const returned = this.org.interp.runStatic(route.resource.rc, route.method.name, args);
          const json =
            route.method.returnType && route.method.returnType.name.toLowerCase() !== 'void'
              ? {
                  value: returned,
                  json: serialize(returned, false, this.org.services.json, host.systemContext()),
                }
              : null;
          // The method may have replaced RestContext.response: answer from the one it left.
          return answerFrom(host.restResponse ?? response, json);
        },
        (answer) => answer.status
      );
    } catch (error) {
      const answer = this.failure(error);
      this.remember(caller.id, what, answer.status);
      return answer;
    }
  }

  /**
   * A JSON request to the namespace's Apex REST as one of the org's users, from inside the
   * process (seeding, tests): `path` is the resource's, `/v1/conversations`.
   */
  restAs(
    userKey: string,
    method: string,
    path: string,
    body?: unknown
  ): { status: number; body: unknown } {
    const namespace = this.org.project.namespace;
    const answer = this.rest(
      {
        method,
        path: `${namespace ? `/${namespace}` : ''}${path}`,
        query: [],
        headers: [['Content-Type', 'application/json']],
        body: Buffer.isBuffer(body)
          ? body
          : Buffer.from(body === undefined ? '' : JSON.stringify(body)),
        remoteAddress: '127.0.0.1',
      },
      this.user(userKey).token
    );
    const text = answer.body.toString('utf8');
    return { status: answer.status, body: text ? (JSON.parse(text) as unknown) : null };
  }

  private restArguments(count: number, call: RestCall): ApexValue[] {
    if (count === 0) {
      return [];
    }
    // Methods that take their body as parameters are not used by this package yet.
    throw new UnsupportedError(
      `Apex REST method with parameters (${call.method} ${call.path}): the runtime passes the body through RestContext only`
    );
  }

  private failure(error: unknown): RestAnswer {
    if (error instanceof ApexError) {
      const stack = error.apexStack.length ? `\n\n${error.apexStack.join('\n')}` : '';
      return platformError(500, 'APEX_ERROR', `${error.exceptionType}: ${error.message}${stack}`);
    }
    if (error instanceof UnsupportedError) {
      return platformError(
        500,
        'LOCAL_RUNTIME_UNSUPPORTED',
        `${notImplemented(error)}. An org would run this request.`
      );
    }
    throw error;
  }

  // ---------- Lightning ----------

  /** An @AuraEnabled call as the token's user: its JSON result or the error body. */
  aura(name: string, params: Record<string, unknown>, token: string | null): AuraOutcome {
    const caller = this.userForToken(token);
    if (!caller) {
      return {
        ok: false,
        status: 401,
        body: {
          message: 'Session expired or invalid',
          exceptionType: 'INVALID_SESSION_ID',
          isUserDefinedException: false,
        },
      };
    }
    const what = `aura ${name}`;
    try {
      const target = findAuraMethod(this.org.interp, name);
      return this.transact(
        caller.id,
        what,
        (host): AuraOutcome => {
          const args = auraArguments(this.org.interp, this.org.services.json, target, params);
          const value = this.org.interp.runStatic(target.rc, target.method.name, args);
          return {
            ok: true,
            value: auraResult(value, this.org.services.json, host.systemContext()),
          };
        },
        (outcome) => (outcome.ok ? 200 : outcome.status)
      );
    } catch (error) {
      const outcome = this.auraFailure(error);
      this.remember(caller.id, what, outcome.status);
      return outcome;
    }
  }

  private auraFailure(error: unknown): AuraOutcome & { ok: false } {
    if (error instanceof AuraCallError) {
      return { ok: false, status: error.status, body: error.body };
    }
    if (error instanceof ApexError) {
      return { ok: false, status: 500, body: auraErrorBody(error, this.org.interp) };
    }
    if (error instanceof UnsupportedError) {
      return {
        ok: false,
        status: 500,
        body: {
          message: `LOCAL_RUNTIME_UNSUPPORTED: ${notImplemented(error)}.`,
          exceptionType: 'LocalRuntime.UnsupportedException',
          isUserDefinedException: false,
        },
      };
    }
    throw error;
  }

  /**
   * A SOQL query as the REST API's `query` resource runs it: as the caller, with sharing and
   * field-level security. Records come back as JSON.serialize writes them (with attributes).
   */
  query(soql: string, token: string | null): RestAnswer {
    const caller = this.userForToken(token);
    if (!caller) {
      return invalidSession();
    }
    const what = `query ${soql.slice(0, 80)}`;
    try {
      return this.transact(
        caller.id,
        what,
        (host) => {
          const rows = host.queryString(soql, null, true) as ApexList;
          const records = serialize(rows, false, this.org.services.json, host.systemContext());
          return jsonAnswer(
            200,
            `{"totalSize":${rows.values.length},"done":true,"records":${records}}`
          );
        },
        (answer) => answer.status
      );
    } catch (error) {
      if (error instanceof ApexError) {
        const code = /no such column|didn't understand relationship/i.test(error.message)
          ? 'INVALID_FIELD'
          : /sObject type .* is not supported/i.test(error.message)
            ? 'INVALID_TYPE'
            : 'MALFORMED_QUERY';
        this.remember(caller.id, what, 400);
        return platformError(400, code, error.message);
      }
      const answer = this.failure(error);
      this.remember(caller.id, what, answer.status);
      return answer;
    }
  }

  /** A query as one of the org's users, from inside the process: its records, or an error. */
  queryAs<T = Record<string, unknown>>(userKey: string, soql: string): T[] {
    const answer = this.query(soql, this.user(userKey).token);
    const text = answer.body.toString('utf8');
    if (answer.status !== 200) {
      throw new Error(`query as ${userKey} answered ${answer.status}: ${text}`);
    }
    return (JSON.parse(text) as { records: T[] }).records;
  }

  /** Anonymous Apex as `userId` (the admin by default), committed when it ends without error. */
  runAnonymous(
    text: string,
    userId = this.org.info.adminUserId
  ): {
    debug: string[];
    error: string | null;
  } {
    const mark = this.org.db.mark();
    const result = this.org.runAnonymous(text, 'anonymous.apex', userId);
    if (result.error) {
      this.org.db.undoTo(mark);
    } else {
      this.save();
    }
    return result;
  }
}
