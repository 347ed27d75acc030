// Governor limits as the platform counts them (Apex Developer Guide: Execution Governors and
// Limits). Exceeding one throws System.LimitException, which no Apex code can catch.
import { ApexError } from '../interpreter/errors';
import type { ApexValue } from '../interpreter/values';
import { newHeapContext, type HeapContext } from './heap';

export interface LimitValues {
  queries: number;
  queryRows: number;
  dmlStatements: number;
  dmlRows: number;
  queueableJobs: number;
  futureCalls: number;
  callouts: number;
  emailInvocations: number;
  heapSize: number;
  cpuTime: number;
}

export const SYNC_LIMITS: LimitValues = {
  queries: 100,
  queryRows: 50_000,
  dmlStatements: 150,
  dmlRows: 10_000,
  queueableJobs: 50,
  futureCalls: 50,
  callouts: 100,
  emailInvocations: 10,
  heapSize: 6_000_000,
  cpuTime: 10_000,
};

export const ASYNC_LIMITS: LimitValues = {
  ...SYNC_LIMITS,
  queries: 200,
  heapSize: 12_000_000,
  cpuTime: 60_000,
};

/** The counters of one execution context; Test.startTest gives the code under test a fresh set. */
export class LimitCounters {
  queries = 0;
  queryRows = 0;
  dmlStatements = 0;
  dmlRows = 0;
  queueableJobs = 0;
  futureCalls = 0;
  callouts = 0;
  /** Milliseconds the callouts of this context took (Callout Limits: 120 s cumulative). */
  calloutMs = 0;
  emailInvocations = 0;
  /**
   * Uncommitted work that forbids a callout (Callout Limits and Limitations: "pending
   * operations"): a DML statement, savepoint or rollback, a Publish After Commit event ...
   */
  pendingDml = false;
  /** ... or async work queued (Queueable, batch, scheduled). Test.stopTest runs it. */
  pendingAsync = false;
  /** The last walk's figure, plus rows queried since; null before this context's first walk. */
  heapEstimate: number | null = null;
  readonly started = Date.now();

  constructor(
    readonly limits: LimitValues,
    /**
     * The heap this context is charged for (heap.ts): what the frames from `base` up and the
     * other roots reach, less what an earlier context saw first, plus `owned`, the job it
     * runs, whose state the platform hands to the job's own transaction.
     */
    readonly heap: { base: number; context: HeapContext; owned: ApexValue[] } = {
      base: 0,
      context: newHeapContext(),
      owned: [],
    }
  ) {}

  /** Execution Governors and Limits: "Total heap size", 6 MB synchronous, 12 MB asynchronous. */
  countHeap(bytes: number): void {
    if (bytes > this.limits.heapSize) {
      throw new ApexError('System.LimitException', `Apex heap size too large: ${bytes}`, true);
    }
  }

  countQuery(): void {
    this.queries++;
    if (this.queries > this.limits.queries) {
      throw new ApexError('System.LimitException', `Too many SOQL queries: ${this.queries}`, true);
    }
  }

  countRows(rows: number): void {
    this.queryRows += rows;
    if (this.queryRows > this.limits.queryRows) {
      throw new ApexError('System.LimitException', `Too many query rows: ${this.queryRows}`, true);
    }
  }

  countDml(rows: number): void {
    this.pendingDml = true;
    this.dmlStatements++;
    if (this.dmlStatements > this.limits.dmlStatements) {
      throw new ApexError(
        'System.LimitException',
        `Too many DML statements: ${this.dmlStatements}`,
        true
      );
    }
    this.dmlRows += rows;
    if (this.dmlRows > this.limits.dmlRows) {
      throw new ApexError('System.LimitException', `Too many DML rows: ${this.dmlRows}`, true);
    }
  }

  /** "A single Apex transaction can make a maximum of 100 callouts". */
  countCallout(): void {
    this.callouts++;
    if (this.callouts > this.limits.callouts) {
      throw new ApexError('System.LimitException', `Too many callouts: ${this.callouts}`, true);
    }
  }

  countQueueable(): void {
    this.queueableJobs++;
    if (this.queueableJobs > this.limits.queueableJobs) {
      throw new ApexError(
        'System.LimitException',
        `Too many queueable jobs added to the queue: ${this.queueableJobs}`,
        true
      );
    }
  }
}
