// The in-memory org database: one table of records per object, keyed by 18-character Id.
//
// Storage model: a stored row is an SObjectValue that is never mutated once stored (a write
// replaces it with a new object), and each table's Map is copy-on-write. A snapshot is therefore
// a reference to every table's current Map: O(number of tables) to take and to restore, which
// makes per-test isolation (restore before each test method, after @TestSetup) and Savepoints
// cheap. Deleted rows stay in their table with IsDeleted = true (the recycle bin) until purged.
//
// Rules emulated (Apex Developer Guide: "Transaction Control" for savepoints and rollback; Apex
// Developer Guide: "Isolation of Test Data from Organization Data in Unit Tests"):
// - Database.rollback(sp) restores the data as it was at setSavepoint and invalidates every
//   savepoint set after it; Ids are not reused after a rollback.
// - Each test method starts from the org data plus its class's @TestSetup records.
import { ApexError } from '../interpreter/errors';
import { ApexDatetime, SObjectValue, type ApexValue } from '../interpreter/values';
import type { Schema } from '../schema/schema';
import type { ObjectDescribe } from '../schema/types';
import { IdGenerator, isValidId, to18 } from './ids';
import { Security } from './security';
import * as dml from './dml';
import type { DmlOptions, DmlResult } from './dml';
import { convertLeads, type LeadConvertOutcome, type LeadConvertRequest } from './convertLead';
import { mergeRecords, type MergeOutcome } from './merge';
import {
  query as runQuery,
  type QueryOptions,
  type QueryResult,
  type SoqlQuery,
} from '../soql/index';
import type { QueryContext } from '@apexdevtools/apex-parser';
import type { ApexDate } from '../interpreter/values';

interface Table {
  map: Map<string, SObjectValue>;
  /** True while a snapshot holds this Map: the next write copies it first. */
  shared: boolean;
}

export interface Snapshot {
  readonly tables: Map<string, Map<string, SObjectValue>>;
  readonly idCounter: number;
  readonly autoNumbers: Map<string, number>;
}

export interface DatabaseOptions {
  /** The clock for CreatedDate, LastModifiedDate, SystemModstamp (epoch milliseconds). */
  now: () => number;
}

/** Objects whose rows decide who may do what: writing them invalidates cached permissions. */
const SECURITY_OBJECTS = new Set(['user', 'profile', 'permissionset', 'permissionsetassignment']);

export class Database {
  readonly schema: Schema;
  readonly now: () => number;
  readonly ids = new IdGenerator();
  readonly security: Security;
  /** Bumped on every change to a security object, a restore or a rollback. */
  securityGeneration = 0;
  /** Per object.field auto-number counters (lower-cased key). */
  autoNumbers = new Map<string, number>();

  private readonly tables = new Map<string, Table>();
  private savepoints: Snapshot[] = [];

  constructor(schema: Schema, options: DatabaseOptions) {
    this.schema = schema;
    this.now = options.now;
    this.security = new Security(this);
  }

  /** The describe of an object, or a QueryException / DML error naming it as the platform does. */
  describe(objectName: string): ObjectDescribe {
    const obj = this.schema.object(objectName);
    if (!obj) {
      throw new ApexError('System.SObjectException', `Invalid sObject type: ${objectName}`);
    }
    return obj;
  }

  private table(objectName: string): Table {
    const key = objectName.toLowerCase();
    let t = this.tables.get(key);
    if (!t) {
      t = { map: new Map(), shared: false };
      this.tables.set(key, t);
    }
    return t;
  }

  private writable(objectName: string): Map<string, SObjectValue> {
    const t = this.table(objectName);
    if (t.shared) {
      t.map = new Map(t.map);
      t.shared = false;
    }
    if (SECURITY_OBJECTS.has(objectName.toLowerCase())) {
      this.securityGeneration++;
    }
    return t.map;
  }

  /** Every stored row of an object (deleted ones only when includeDeleted). Do not mutate them. */
  rows(objectName: string, includeDeleted = false): SObjectValue[] {
    const obj = this.describe(objectName);
    const t = this.tables.get(obj.name.toLowerCase());
    if (!t) {
      return [];
    }
    const out: SObjectValue[] = [];
    for (const row of t.map.values()) {
      if (includeDeleted || row.get('IsDeleted') !== true) {
        out.push(row);
      }
    }
    return out;
  }

  /** The stored row with this Id (any object), deleted or not; undefined when there is none. */
  getRow(id: string): SObjectValue | undefined {
    if (!isValidId(id)) {
      return undefined;
    }
    const id18 = to18(id);
    for (const obj of this.schema.objectsByKeyPrefix(id18.slice(0, 3))) {
      const row = this.tables.get(obj.name.toLowerCase())?.map.get(id18);
      if (row) {
        return row;
      }
    }
    return undefined;
  }

  /** The live (not deleted) row with this Id. */
  getLive(id: string): SObjectValue | undefined {
    const row = this.getRow(id);
    return row && row.get('IsDeleted') !== true ? row : undefined;
  }

  /** The object an Id belongs to, telling apart objects that share a key prefix by their rows. */
  objectOfId(id: string): ObjectDescribe | undefined {
    if (!isValidId(id)) {
      return undefined;
    }
    const candidates = this.schema.objectsByKeyPrefix(id.slice(0, 3));
    if (candidates.length > 1) {
      const id18 = to18(id);
      const found = candidates.find((o) => this.tables.get(o.name.toLowerCase())?.map.has(id18));
      if (found) {
        return found;
      }
    }
    return candidates[0];
  }

  /** Stores a row as is (it must carry its Id); the row must not be mutated afterwards. */
  putRow(row: SObjectValue): void {
    const id = row.get('Id');
    if (typeof id !== 'string') {
      throw new Error('putRow: row without an Id');
    }
    const obj = this.describe(row.type);
    row.type = obj.name;
    this.writable(obj.name).set(id, row);
  }

  /** Removes a row entirely (no recycle bin): a failed partial save undoing itself. */
  removeRow(objectName: string, id: string): void {
    this.writable(objectName).delete(id);
  }

  newId(objectName: string): string {
    const obj = this.describe(objectName);
    if (!obj.keyPrefix) {
      throw new Error(`${obj.name} has no key prefix`);
    }
    return this.ids.next(obj.keyPrefix);
  }

  nowValue(): ApexDatetime {
    return new ApexDatetime(this.now());
  }

  /**
   * Inserts a row the runtime itself writes (org metadata, AsyncApexJob, CronTrigger ...): no
   * triggers, validation or permissions; audit fields and Id are filled in. Returns a copy.
   */
  insertRaw(objectName: string, values: Record<string, ApexValue>, userId?: string): SObjectValue {
    const obj = this.describe(objectName);
    const row = new SObjectValue(obj.name);
    for (const [k, v] of Object.entries(values)) {
      const f = this.schema.field(obj, k);
      row.set(f ? f.name : k, v);
    }
    const id = typeof values.Id === 'string' ? to18(values.Id) : this.newId(obj.name);
    row.set('Id', id);
    this.stampInsert(obj, row, userId ?? null);
    this.putRow(row);
    return row.clone();
  }

  /** Changes fields of a stored row directly (runtime bookkeeping, Test.setCreatedDate ...). */
  patchRaw(id: string, values: Record<string, ApexValue>): SObjectValue {
    const row = this.getRow(id);
    if (!row) {
      throw new Error(`patchRaw: no row ${id}`);
    }
    const obj = this.describe(row.type);
    const copy = row.clone();
    for (const [k, v] of Object.entries(values)) {
      const f = this.schema.field(obj, k);
      copy.set(f ? f.name : k, v);
    }
    this.putRow(copy);
    return copy.clone();
  }

  /** Audit fields of a new row. */
  stampInsert(obj: ObjectDescribe, row: SObjectValue, userId: string | null): void {
    const now = this.nowValue();
    const set = (name: string, value: ApexValue): void => {
      if (obj.fields.has(name.toLowerCase()) && (row.get(name) === null || !row.has(name))) {
        row.set(name, value);
      }
    };
    set('IsDeleted', false);
    set('CreatedDate', now);
    set('LastModifiedDate', now);
    set('SystemModstamp', now);
    if (userId) {
      set('CreatedById', userId);
      set('LastModifiedById', userId);
      if (obj.hasOwner) {
        set('OwnerId', userId);
      }
    }
  }

  // ---- snapshots -------------------------------------------------------------------------

  /** The whole database as it is now: cheap (copy-on-write). */
  snapshot(): Snapshot {
    const tables = new Map<string, Map<string, SObjectValue>>();
    for (const [name, t] of this.tables) {
      t.shared = true;
      tables.set(name, t.map);
    }
    return { tables, idCounter: this.ids.counter, autoNumbers: new Map(this.autoNumbers) };
  }

  /** Back to a snapshot, counters included (test isolation: each test sees the same Ids). */
  restore(snapshot: Snapshot): void {
    this.restoreTables(snapshot);
    this.ids.counter = snapshot.idCounter;
    this.autoNumbers = new Map(snapshot.autoNumbers);
    this.savepoints = [];
  }

  private restoreTables(snapshot: Snapshot): void {
    this.tables.clear();
    for (const [name, map] of snapshot.tables) {
      this.tables.set(name, { map, shared: true });
    }
    this.securityGeneration++;
  }

  /** Database.setSavepoint: returns a handle for rollback. */
  setSavepoint(): number {
    this.savepoints.push(this.snapshot());
    return this.savepoints.length - 1;
  }

  /** Database.rollback: data back to the savepoint; later savepoints become invalid. */
  rollback(savepoint: number): void {
    const snap = this.savepoints[savepoint];
    if (!snap) {
      throw new ApexError('System.TypeException', 'Savepoint does not exist in this context.');
    }
    this.restoreTables(snap);
    this.savepoints.length = savepoint + 1;
  }

  /** Every stored row by table, deleted ones included: what a persistent local org saves. */
  allRows(): Map<string, SObjectValue[]> {
    const out = new Map<string, SObjectValue[]>();
    for (const [name, t] of this.tables) {
      out.set(name, [...t.map.values()]);
    }
    return out;
  }

  /** Replaces every table and counter with saved ones: what a persistent local org loads. */
  load(
    rows: Map<string, SObjectValue[]>,
    idCounter: number,
    autoNumbers: Map<string, number>
  ): void {
    this.tables.clear();
    for (const [name, list] of rows) {
      this.tables.set(name.toLowerCase(), {
        map: new Map(list.map((row) => [row.get('Id') as string, row])),
        shared: false,
      });
    }
    this.ids.counter = idCounter;
    this.autoNumbers = new Map(autoNumbers);
    this.savepoints = [];
    this.securityGeneration++;
  }

  /** Internal all-or-none boundary of one DML call (does not touch the Apex savepoint stack). */
  mark(): Snapshot {
    return this.snapshot();
  }

  undoTo(mark: Snapshot): void {
    this.restoreTables(mark);
  }

  // ---- DML ------------------------------------------------------------------------------

  insert(records: SObjectValue[], options: DmlOptions): DmlResult[] {
    return dml.insert(this, records, options);
  }

  update(records: SObjectValue[], options: DmlOptions): DmlResult[] {
    return dml.update(this, records, options);
  }

  upsert(records: SObjectValue[], options: DmlOptions): DmlResult[] {
    return dml.upsert(this, records, options);
  }

  delete(records: SObjectValue[] | string[], options: DmlOptions): DmlResult[] {
    return dml.remove(this, records, options);
  }

  undelete(records: SObjectValue[] | string[], options: DmlOptions): DmlResult[] {
    return dml.undelete(this, records, options);
  }

  /** The merge statement and Database.merge: the duplicates (Ids) into the master record. */
  merge(master: SObjectValue, duplicateIds: (string | null)[], options: DmlOptions): MergeOutcome {
    return mergeRecords(this, master, duplicateIds, options);
  }

  /** Database.convertLead; `today` is the conversion date in the running user's time zone. */
  convertLead(
    requests: LeadConvertRequest[],
    options: DmlOptions,
    today: ApexDate
  ): LeadConvertOutcome[] {
    return convertLeads(this, requests, options, today);
  }

  // ---- SOQL -----------------------------------------------------------------------------

  /** Runs SOQL (a lowered query, the parser's QueryContext of inline SOQL, or dynamic text). */
  query(q: SoqlQuery | QueryContext | string, options: QueryOptions): QueryResult {
    return runQuery(this, q, options);
  }
}
