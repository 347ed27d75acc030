// The seam between the host and the modules behind it: the schema, the database and SOQL
// engine, and the system library's function tables. services-impl.ts is the implementation;
// keeping the seam narrow lets each module be tested on its own.
import type { Expr, Pos, Stmt } from '../parse/ast';
import type { Interpreter } from '../interpreter/interpreter';
import type { ApexObject, ApexValue, SObjectValue, TypeRef } from '../interpreter/values';
import type { SystemContext } from '../system/context';
import type {
  FieldDescribe,
  FieldPermission,
  ObjectDescribe,
  ObjectPermission,
} from '../schema/types';
import type {
  DmlCall,
  DmlOperation,
  DmlOutcome,
  LeadConvertOutcome,
  MergeOutcome,
} from '../library/Database';
import type { ApexList, ApexMap } from '../interpreter/values';
import type { OrgHost } from './host';
import type { AsyncJob, AsyncKind } from './state';
import type { CustomLabelInfo, StaticResourceInfo } from '../schema/schema';

export type LibraryStatic = (args: ApexValue[], ctx: SystemContext) => ApexValue;
export type LibraryInstance = (self: ApexValue, args: ApexValue[], ctx: SystemContext) => ApexValue;

export interface OrgServices {
  describeObject(name: string): ObjectDescribe | undefined;
  describeField(objectName: string, fieldName: string): FieldDescribe | undefined;
  allObjects(): ObjectDescribe[];
  objectAccess(userId: string, objectName: string): ObjectPermission;
  fieldAccess(userId: string, objectName: string, fieldName: string): FieldPermission;
  recordTypeAvailable(userId: string, objectName: string, developerName: string): boolean;
  hasCustomPermission(userId: string, name: string): boolean;
  /** Whether the user holds a principal of the external credential (permission sets). */
  hasExternalCredentialAccess(userId: string, externalCredential: string): boolean;
  customLabel(namespace: string | null, name: string): CustomLabelInfo | undefined;
  /** A static resource of the project, by name (any case), for StaticResourceCalloutMock. */
  staticResource(name: string): StaticResourceInfo | undefined;
  userRecord(userId: string): SObjectValue;
  newId(objectName: string): string;
  normaliseId(id: string): string;
  setCreatedDate(id: string, value: ApexValue): void;
  recordAsyncJob(
    id: string,
    kind: AsyncKind,
    className: string,
    name: string | null,
    cron: string | null,
    userId: string
  ): void;
  runAsyncJob(job: AsyncJob, host: OrgHost): void;
  /** Values the services hold for the running Apex: the trigger context's records. */
  heapRoots(): ApexValue[];
  /** Whether a trigger (of DML or of a platform event) is running. */
  inTrigger(): boolean;

  newSObject(typeName: string): SObjectValue;
  setField(
    record: SObjectValue,
    name: string,
    value: ApexValue,
    host: OrgHost,
    interp: Interpreter
  ): void;
  getField(record: SObjectValue, name: string): ApexValue;
  isQueryList(list: ApexList): boolean;
  singleRow(list: ApexList): ApexValue;
  /** Static methods of an SObject type: the custom setting methods (getInstance ...). */
  sobjectStatic(
    objectName: string,
    lowerName: string,
    args: ApexValue[],
    host: OrgHost,
    pos: Pos
  ): ApexValue;
  sobjectMethod(
    record: SObjectValue,
    lowerName: string,
    args: ApexValue[],
    host: OrgHost,
    pos: Pos
  ): ApexValue;
  inlineQuery(
    expr: Extract<Expr, { k: 'soql' }>,
    binds: Map<unknown, ApexValue>,
    interp: Interpreter,
    host: OrgHost
  ): ApexValue;
  dmlStatement(
    stmt: Extract<Stmt, { k: 'dml' }>,
    value: ApexValue,
    interp: Interpreter,
    host: OrgHost,
    other?: ApexValue
  ): void;
  dml(op: DmlOperation, records: SObjectValue[], options: DmlCall, host: OrgHost): DmlOutcome[];
  queryString(
    soql: string,
    binds: ApexMap | null,
    userMode: boolean | null,
    host: OrgHost
  ): ApexValue;
  convertLead(
    requests: Map<string, ApexValue>[],
    options: DmlCall,
    host: OrgHost
  ): LeadConvertOutcome[];
  /** The merge statement and Database.merge: duplicates is a record, an Id or a list of them. */
  mergeRecords(
    master: ApexValue,
    duplicates: ApexValue,
    options: DmlCall,
    host: OrgHost
  ): MergeOutcome;
  setSavepoint(): number;
  rollback(savepoint: number): void;

  libraryStatic(className: string, lowerName: string): LibraryStatic | undefined;
  libraryProperty(className: string, lowerName: string): ApexValue | undefined;
  libraryConstruct(className: string): LibraryStatic | undefined;
  libraryInstance(target: ApexObject, lowerName: string): LibraryInstance | undefined;
  libraryField(target: ApexObject, lowerName: string): ApexValue | undefined;
  /** Methods on strings, numbers, dates, blobs, collections. */
  valueMethod(target: ApexValue, lowerName: string): LibraryInstance | undefined;

  toApexString(value: ApexValue, ctx: SystemContext): string;
  equals(a: ApexValue, b: ApexValue, ctx: SystemContext): boolean;
  compare(a: ApexValue, b: ApexValue, ctx: SystemContext): number;
  arithmetic(
    op: string,
    a: ApexValue,
    b: ApexValue,
    ctx: SystemContext,
    interp: Interpreter,
    pos: Pos
  ): ApexValue;
  coerce(value: ApexValue, type: TypeRef, host: OrgHost, interp: Interpreter, pos: Pos): ApexValue;
}
