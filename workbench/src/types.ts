// The contract of a workbench entry: one file per component in workbench/components/, named
// after the bundle (`workbench/components/kondoConversationHistory.ts`), default-exporting a
// `WorkbenchEntry`. See workbench/README.md.
import type { ApexMethodName, ApexMethods } from './apexMethods';
import type { LocalOrg, LocalOrgUser } from './localOrg';

type AnyFunction = (...args: never[]) => unknown;

/** What the page knows when a state runs: the chosen sample record and the URL parameters. */
export interface StateContext {
  /** Id of the sample record picked in the page (entries with `records`), else undefined. */
  recordId: string | undefined;
  /** Query parameters of the page URL (`?messages=10000`), for generated data. */
  params: URLSearchParams;
  /** The user the org's Apex runs as in this state. */
  user: LocalOrgUser;
}

/**
 * Simulates one Apex method in a state (what the local org cannot be made to do on demand: a
 * server failure, an answer that never comes): receives the same parameters as the Apex method
 * and returns (or resolves to) the same DTO. Throw `apexError(...)` to answer like an
 * AuraHandledException.
 */
export type ApexHandler<F extends AnyFunction> = (
  params: Parameters<F>[0],
  context: StateContext
) => Awaited<ReturnType<F>> | Promise<Awaited<ReturnType<F>>>;

export type ApexHandlers = { [K in ApexMethodName]?: ApexHandler<ApexMethods[K]> };

export interface WorkbenchState {
  /** Shown on the state switch. */
  label: string;
  /** One sentence: what the state shows. */
  description: string;
  /** Public (@api) properties set on the component before it is inserted. */
  props?: (context: StateContext) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /**
   * Apex methods simulated in this state; every other call goes to the real method in the
   * local org. The page marks a state with handlers as simulated.
   */
  apex?: ApexHandlers;
  /** The viewing user this state is about (`no-access`), whatever the page's user switch says. */
  user?: string;
  /** Runs before the component is inserted: build large generated data here, not in a handler. */
  prepare?: (context: StateContext) => void;
}

export interface SampleRecord {
  id: string;
  label: string;
}

export interface WorkbenchEntry {
  /** Bundle name, e.g. 'kondoConversationHistory'; must match the file name. */
  component: string;
  /** One or two sentences: what the component is and where it lives in Salesforce. */
  description: string;
  /**
   * Width of the region the component is placed in, like its slot on a Lightning page: the page's
   * preview width starts at sidebar (`narrow`), main column (`medium`) or full width (`wide`).
   */
  width?: 'narrow' | 'medium' | 'wide';
  /**
   * The records to choose from (record page components get the id as `recordId`), read from
   * the local org by the page (as the administrator, so the list is the same for every user).
   */
  records?: (org: OrgReader) => Promise<SampleRecord[]>;
  /** The states, by key; the first is the default. Keys are URL-safe (`long-history`). */
  states: Record<string, WorkbenchState>;
}

/** What an entry may read of the local org to build its record list. */
export interface OrgReader {
  org: LocalOrg;
  query: <T>(soql: string) => Promise<T[]>;
}

/** Identity helper that gives an entry file its types without a type annotation. */
export function defineEntry(entry: WorkbenchEntry): WorkbenchEntry {
  return entry;
}
