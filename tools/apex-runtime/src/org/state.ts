// What the system classes need from the org around the running Apex: the running user, the
// limits of the current execution context, queued asynchronous work, the REST context, the
// debug log and the clock. The host (org/host.ts) is the one implementation.
import type { CallContext } from '../interpreter/natives';
import type {
  DmlCall,
  DmlOperation,
  DmlOutcome,
  LeadConvertOutcome,
  MergeOutcome,
} from '../library/Database';
import type { ApexMap, ApexObject, ApexValue, SObjectValue } from '../interpreter/values';
import type {
  FieldDescribe,
  FieldPermission,
  ObjectDescribe,
  ObjectPermission,
} from '../schema/types';
import type { LimitCounters } from './limits';
import type { CustomLabelInfo } from '../schema/schema';

export type AsyncKind = 'queueable' | 'batch' | 'schedulable' | 'future';

export interface AsyncJob {
  id: string;
  kind: AsyncKind;
  job: ApexObject;
  /** Batch scope size. */
  scope: number;
  /** For scheduled jobs: the name and cron expression. */
  name?: string;
  cron?: string;
}

export interface OrgState {
  readonly userId: string;
  readonly orgId: string;
  limits: LimitCounters;
  inTest: boolean;
  testStarted: boolean;
  testStopped: boolean;
  asyncQueue: AsyncJob[];
  /** The Queueable job running now and the Finalizer it attached, or null outside one. */
  queueable: { jobId: string; finalizer: ApexObject | null } | null;
  restRequest: ApexObject | null;
  restResponse: ApexObject | null;
  debugLog: string[];
  /** Milliseconds since the epoch: the transaction's `now`. */
  now(): number;
  user(): SObjectValue;
  timeZone(): string;
  locale(): string;
  enqueue(
    kind: AsyncKind,
    job: ApexObject,
    scope: number,
    extra?: { name?: string; cron?: string }
  ): string;
  /** The heap estimate now (heap.ts), checked against the limit. */
  checkHeap(): number;
  startTest(): void;
  stopTest(): void;
  setCreatedDate(id: string, value: ApexValue): void;
  hasCustomPermission(name: string): boolean;
  /** A custom label of the project: namespace null, empty or the project's own. */
  customLabel(namespace: string | null, name: string): CustomLabelInfo | undefined;
  newId(objectName: string): string;
  orgDomainUrl(): string;
  describeObject(name: string): ObjectDescribe | undefined;
  describeField(objectName: string, fieldName: string): FieldDescribe | undefined;
  allObjects(): ObjectDescribe[];
  /** The running user's access, from their profile and permission sets. */
  objectAccess(objectName: string): ObjectPermission;
  fieldAccess(objectName: string, fieldName: string): FieldPermission;
  /** An active record type available to the running user (profile or permission sets). */
  recordTypeAvailable(objectName: string, developerName: string): boolean;
  dmlRecords(op: DmlOperation, records: SObjectValue[], options: DmlCall): DmlOutcome[];
  /** Dynamic SOQL; userMode null means the query's own WITH clause (or system mode). */
  queryString(soql: string, binds: ApexMap | null, userMode: boolean | null): ApexValue;
  convertLead(requests: Map<string, ApexValue>[], options: DmlCall): LeadConvertOutcome[];
  mergeRecords(master: ApexValue, duplicates: ApexValue, options: DmlCall): MergeOutcome;
  setSavepoint(): number;
  rollback(savepoint: number): void;
}

export function stateOf(c: CallContext): OrgState {
  return (c.interp.host as unknown as { state: OrgState }).state;
}
