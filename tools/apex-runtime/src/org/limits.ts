// Governor limits as the platform counts them (Apex Developer Guide: Execution Governors and
// Limits). Exceeding one throws System.LimitException, which no Apex code can catch.
import { ApexError } from '../interpreter/errors';

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
  emailInvocations = 0;
  readonly started = Date.now();

  constructor(readonly limits: LimitValues) {}

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
