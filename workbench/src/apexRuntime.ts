// The workbench's `@salesforce/apex/<Class>.<method>` modules. Each import resolves (at build
// time) to `apexMethod('<Class>.<method>')`: a function for imperative calls that also carries a
// wire adapter (`.adapter`), like the platform's Apex imports. A call is answered by the real
// Apex method in the local org, as the viewing user, unless the state shown simulates it with a
// handler (a server failure, an answer that never comes, a generated history). Wired data is
// frozen, as the platform's is; imperative results are fresh copies.
import type { ApexMethodName } from './apexMethods';
import { callApex, type ApexErrorBody, type LocalOrgUser } from './localOrg';
import type { ApexHandlers, StateContext } from './types';

type Handler = (params: unknown, context: StateContext) => unknown;

interface ActiveState {
  name: string;
  apex: ApexHandlers;
  context: StateContext;
  /** Whom the org's Apex runs as. */
  user: LocalOrgUser;
  latencyMs: number;
}

let active: ActiveState | undefined;

/** One Apex call the page made: the method and performance.now() when it was made. */
export interface ApexCall {
  method: ApexMethodName;
  at: number;
}
/** Every Apex call of the page, in order (read by the browser tests and the benchmark). */
export const apexCalls: ApexCall[] = [];
const refreshers = new WeakMap<object, () => Promise<void>>();

/** Called by the page before it inserts a component. */
export function activateState(state: ActiveState): void {
  active = state;
}

/** The user the shown state's Apex runs as; the workbench's base-component stand-ins read as them too. */
export function viewingUser(): LocalOrgUser | undefined {
  return active?.user;
}

/**
 * A failed Apex call as a component receives it (wire `error`, rejected call): the platform's
 * fields (`status`, `statusText`, `ok`, `body`, `headers`) on an Error.
 */
export class ApexError extends Error {
  readonly statusText: string;
  readonly ok = false;
  readonly headers: Record<string, never> = {};

  constructor(
    readonly body: ApexErrorBody,
    readonly status = 500
  ) {
    super(body.message);
    this.name = 'ApexError';
    this.statusText = status === 500 ? 'Server Error' : 'Error';
  }
}

/** Throw this from a handler to answer like an AuraHandledException with that message. */
export function apexError(message: string): ApexError {
  return new ApexError({
    message,
    exceptionType: 'System.AuraHandledException',
    isUserDefinedException: false,
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) {
      deepFreeze(child);
    }
  }
  return value;
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((done) => setTimeout(done, ms)) : Promise.resolve();
}

async function invoke(name: ApexMethodName, params: unknown): Promise<unknown> {
  const state = active;
  if (!state) {
    throw apexError(`WORKBENCH: ${name} was called before the page chose a state.`);
  }
  apexCalls.push({ method: name, at: performance.now() });
  const handler = state.apex[name] as Handler | undefined;
  await delay(state.latencyMs);
  if (handler) {
    // A copy, so that neither the component nor the next call can change the sample data.
    return structuredClone(await handler(structuredClone(params), state.context));
  }
  const answer = await callApex(state.user, name, params);
  if (!answer.ok) {
    throw new ApexError(answer.body, answer.status);
  }
  return answer.value;
}

type WireCallback = (value: { data?: unknown; error?: unknown }) => void;

export function apexMethod(name: ApexMethodName): ((params: unknown) => Promise<unknown>) & {
  adapter: new (callback: WireCallback) => unknown;
} {
  const call = (params: unknown): Promise<unknown> => invoke(name, params);

  class ApexWireAdapter {
    private config: Record<string, unknown> | undefined;
    private connected = false;
    private request = 0;

    constructor(private readonly callback: WireCallback) {}

    connect(): void {
      this.connected = true;
    }

    disconnect(): void {
      this.connected = false;
    }

    update(config: Record<string, unknown>): void {
      this.config = config;
      // Like the platform, an Apex wire waits until no parameter is undefined.
      if (Object.values(config).some((value) => value === undefined)) {
        return;
      }
      void this.fetch();
    }

    fetch(): Promise<void> {
      const request = ++this.request;
      return invoke(name, this.config).then(
        (data) => this.provide(request, { data: deepFreeze(data), error: undefined }),
        (error: unknown) => this.provide(request, { data: undefined, error: deepFreeze(error) })
      );
    }

    private provide(request: number, value: { data: unknown; error: unknown }): void {
      // A late answer for an older configuration is dropped, as the platform does.
      if (!this.connected || request !== this.request) {
        return;
      }
      refreshers.set(value, () => this.fetch());
      this.callback(value);
    }
  }

  return Object.assign(call, { adapter: ApexWireAdapter });
}

/** `refreshApex` of `@salesforce/apex`: reads the wired method again with its last config. */
export function refreshApex(wiredValue: unknown): Promise<void> {
  const refresh =
    typeof wiredValue === 'object' && wiredValue !== null ? refreshers.get(wiredValue) : undefined;
  return refresh ? refresh() : Promise.resolve();
}
