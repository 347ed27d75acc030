// The local org's records on disk: one JSON file holding every table, the Id counter, the
// auto-number counters and whatever the server keeps beside them (its users' tokens). Values that
// JSON has no type for carry a tag, so a Decimal keeps its scale and a Date stays a Date. The
// file is written whole to a temporary name and renamed, so a crash mid-write leaves the last
// good copy; it names the fingerprint of the metadata it was written for, and a file written for
// other metadata is set aside rather than loaded into a schema it does not fit.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  ApexBlob,
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexDouble,
  ApexTime,
  SObjectValue,
  type ApexValue,
} from '../interpreter/values';
import type { Database } from '../database/database';

const FORMAT = 1;

type Encoded =
  | null
  | boolean
  | number
  | string
  | { $: 'long'; v: string }
  | { $: 'double'; v: number }
  | { $: 'decimal'; v: number; scale: number }
  | { $: 'date'; v: [number, number, number] }
  | { $: 'datetime'; v: number }
  | { $: 'time'; v: number }
  | { $: 'blob'; v: string };

interface StoredRow {
  type: string;
  /** [API name as written, value] per field. */
  fields: [string, Encoded][];
}

export interface StoreFile<Extra> {
  format: number;
  fingerprint: string;
  savedAt: string;
  idCounter: number;
  autoNumbers: [string, number][];
  tables: Record<string, StoredRow[]>;
  extra: Extra;
}

function encode(value: ApexValue): Encoded {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'bigint') {
    return { $: 'long', v: value.toString() };
  }
  if (value instanceof ApexDouble) {
    return { $: 'double', v: value.value };
  }
  if (value instanceof ApexDecimal) {
    return { $: 'decimal', v: value.value, scale: value.scale };
  }
  if (value instanceof ApexDate) {
    return { $: 'date', v: [value.year, value.month, value.day] };
  }
  if (value instanceof ApexDatetime) {
    return { $: 'datetime', v: value.millis };
  }
  if (value instanceof ApexTime) {
    return { $: 'time', v: value.millis };
  }
  if (value instanceof ApexBlob) {
    return { $: 'blob', v: Buffer.from(value.bytes).toString('base64') };
  }
  // A stored row holds field values only; anything else is a bug of the database, not data.
  throw new Error(`a stored field holds a ${value.constructor.name}, which cannot be saved`);
}

function decode(value: Encoded): ApexValue {
  if (value === null || typeof value !== 'object') {
    return value;
  }
  switch (value.$) {
    case 'long':
      return BigInt(value.v);
    case 'double':
      return new ApexDouble(value.v);
    case 'decimal':
      return new ApexDecimal(value.v, value.scale);
    case 'date':
      return new ApexDate(value.v[0], value.v[1], value.v[2]);
    case 'datetime':
      return new ApexDatetime(value.v);
    case 'time':
      return new ApexTime(value.v);
    case 'blob':
      return new ApexBlob(new Uint8Array(Buffer.from(value.v, 'base64')));
  }
}

/** Writes the database (and the server's extra state) to `file` atomically. */
export function saveStore<Extra>(
  db: Database,
  file: string,
  fingerprint: string,
  extra: Extra
): void {
  const tables: Record<string, StoredRow[]> = {};
  for (const [name, rows] of db.allRows()) {
    tables[name] = rows.map((row) => ({
      type: row.type,
      fields: [...row.fields.values()].map((f): [string, Encoded] => [f.name, encode(f.value)]),
    }));
  }
  const content: StoreFile<Extra> = {
    format: FORMAT,
    fingerprint,
    savedAt: new Date().toISOString(),
    idCounter: db.ids.counter,
    autoNumbers: [...db.autoNumbers.entries()],
    tables,
    extra,
  };
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(content));
  renameSync(temporary, file);
}

export type LoadOutcome<Extra> =
  | { kind: 'loaded'; extra: Extra; savedAt: string }
  | { kind: 'missing' }
  | { kind: 'stale'; reason: string; setAsideTo: string };

/**
 * Loads `file` into the database when it was written for the same metadata; a file for other
 * metadata (or an unreadable one) is renamed beside it and reported, and the database is left
 * as it was.
 */
export function loadStore<Extra>(
  db: Database,
  file: string,
  fingerprint: string
): LoadOutcome<Extra> {
  if (!existsSync(file)) {
    return { kind: 'missing' };
  }
  let content: StoreFile<Extra>;
  try {
    content = JSON.parse(readFileSync(file, 'utf8')) as StoreFile<Extra>;
  } catch (error) {
    return setAside(file, `it does not parse (${(error as Error).message})`);
  }
  if (content.format !== FORMAT) {
    return setAside(file, `it is in format ${content.format}, this runtime reads ${FORMAT}`);
  }
  if (content.fingerprint !== fingerprint) {
    return setAside(file, 'the package metadata changed since it was written');
  }
  const tables = new Map<string, SObjectValue[]>();
  for (const [name, rows] of Object.entries(content.tables)) {
    tables.set(
      name,
      rows.map((stored) => {
        const row = new SObjectValue(stored.type);
        for (const [field, value] of stored.fields) {
          row.set(field, decode(value));
        }
        return row;
      })
    );
  }
  db.load(tables, content.idCounter, new Map(content.autoNumbers));
  return { kind: 'loaded', extra: content.extra, savedAt: content.savedAt };
}

/** What the server kept beside the tables in `file` (its users), without loading the tables. */
export function readStoreExtra<Extra>(file: string): Extra | null {
  if (!existsSync(file)) {
    return null;
  }
  return (JSON.parse(readFileSync(file, 'utf8')) as StoreFile<Extra>).extra;
}

function setAside(
  file: string,
  reason: string
): { kind: 'stale'; reason: string; setAsideTo: string } {
  const setAsideTo = `${file}.${new Date().toISOString().replace(/[:.]/g, '-')}.old`;
  renameSync(file, setAsideTo);
  return { kind: 'stale', reason, setAsideTo };
}
