// Evaluates a SoqlQuery against the Database.
//
// Rules emulated (SOQL and SOSL Reference: "SOQL SELECT Syntax", "Comparison Operators",
// "Date Formats and Date Literals", "Aggregate Functions", "GROUP BY", "HAVING", "ORDER BY",
// "LIMIT", "OFFSET", "Relationship Queries", "Semi-Join and Anti-Join", "ALL ROWS", "FOR UPDATE",
// "Date Functions", "Converting Time Zones in Date Functions", "toLabel()"; Apex Developer
// Guide: "Set an Access Mode for Database Operations", "Filter SOQL Queries Using WITH
// SECURITY_ENFORCED", "Using Apex Variables in SOQL and SOSL Queries"):
// - Names are case-insensitive; string comparisons (=, !=, <, >, LIKE, IN) are
//   case-insensitive; Ids compare on their 15-character form.
// - `= null` / `!= null` test for no value; other comparisons with null never match.
// - A bound List/Set with IN expands; a bound List with = acts as IN; an SObject bound to an Id
//   comparison uses its Id.
// - Date literals and convertTimezone() use the running user's time zone; date functions
//   without convertTimezone() use GMT; fiscal functions assume a January fiscal year start.
// - ORDER BY: ASC NULLS FIRST and DESC NULLS LAST unless stated; strings case-insensitively.
// - Aggregates without an alias are named expr0, expr1 ...; COUNT() returns an Integer.
// - Records come back with Id and the selected fields only; reading others raises
//   SObjectException (through `queried`); parent paths come back as nested records (null when
//   the reference is empty); sub-queries as lists (empty when no child).
// - User mode: the object must be readable ("sObject type ... is not supported"), every field
//   used anywhere readable (QueryException with getInaccessibleFields); sharing hides the
//   records the user cannot see. WITH SECURITY_ENFORCED checks the SELECT list only.
// - ALL ROWS includes deleted records; FOR UPDATE / VIEW / REFERENCE are accepted (no locks).
import { ApexError, unsupported } from '../interpreter/errors';
import {
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexList,
  ApexMap,
  ApexSet,
  ApexTime,
  SObjectValue,
  isNumeric,
  toNumber,
  type ApexValue,
} from '../interpreter/values';
import type { Database } from '../database/database';
import type { AccessContext } from '../database/dml';
import { isValidId, to18 } from '../database/ids';
import type { FieldDescribe, ObjectDescribe } from '../schema/types';
import type { BindRef, Condition, Expr, Literal, SoqlQuery, Value } from './ast';
import { firstOfMonth, localDate, localParts, startOfDay } from './time';

export interface SoqlContext {
  resolveBind: (ref: BindRef) => ApexValue;
  access: AccessContext;
  userTimeZone: string;
}

export type QueryResult =
  | { kind: 'records'; records: SObjectValue[]; rowsQueried: number; objectName: string }
  | { kind: 'count'; count: number; rowsQueried: number }
  | { kind: 'aggregate'; rows: SObjectValue[]; rowsQueried: number };

/** System.QueryException; getInaccessibleFields() reads `inaccessibleFields`. */
export class QueryError extends ApexError {
  constructor(
    message: string,
    readonly inaccessibleFields: Map<string, Set<string>> = new Map()
  ) {
    super('System.QueryException', message);
  }
}

interface Hop {
  rel: FieldDescribe;
  /** The object the relationship leads to (the Name object for a polymorphic one). */
  target: ObjectDescribe;
  polymorphic: boolean;
}

interface Path {
  hops: Hop[];
  field: FieldDescribe;
  /** The object holding the field. */
  owner: ObjectDescribe;
}

interface Run {
  db: Database;
  ctx: SoqlContext;
  mode: 'user' | 'system';
  sharing: boolean;
  now: number;
  rows: number;
}

const TEXT = new Set([
  'string',
  'textarea',
  'email',
  'phone',
  'url',
  'picklist',
  'multipicklist',
  'combobox',
  'encryptedstring',
]);

function noColumn(field: string, obj: string): never {
  throw new QueryError(
    `No such column '${field}' on entity '${obj}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
  );
}

function notSupported(name: string): never {
  throw new QueryError(
    `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
  );
}

function resolvePath(db: Database, q: SoqlQuery, obj: ObjectDescribe, path: string[]): Path {
  const key = `path:${obj.name}:${path.join('.')}`.toLowerCase();
  const cached = q.cache.get(key) as Path | undefined;
  if (cached) {
    return cached;
  }
  let segments = path;
  if (segments.length > 1) {
    const head = segments[0]!;
    const first = head.toLowerCase();
    if (
      (q.fromAlias && first === q.fromAlias.toLowerCase()) ||
      (first === obj.name.toLowerCase() && !db.schema.relationship(obj, head))
    ) {
      segments = segments.slice(1);
    }
  }
  const hops: Hop[] = [];
  let current = obj;
  for (const seg of segments.slice(0, -1)) {
    const rel = db.schema.relationship(current, seg);
    if (!rel) {
      throw new QueryError(
        `Didn't understand relationship '${seg}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`
      );
    }
    const polymorphic = rel.referenceTo.length > 1;
    // A lookup references at least one object.
    const target = db.schema.object(polymorphic ? 'Name' : rel.referenceTo[0]!);
    if (!target) {
      unsupported(
        `SOQL relationship ${current.name}.${seg} to ${rel.referenceTo.join('|')} (not in the standard object catalog)`
      );
    }
    hops.push({ rel, target, polymorphic });
    current = target;
  }
  // A field path (fieldName in the grammar) has at least one segment.
  const last = segments[segments.length - 1]!;
  const field = db.schema.field(current, last);
  if (!field) {
    noColumn(last, current.name);
  }
  if (field.unsupportedReason) {
    unsupported(field.unsupportedReason);
  }
  const resolved = { hops, field, owner: current };
  q.cache.set(key, resolved);
  return resolved;
}

/** The value a path reads on a stored row (following references). */
function readPath(run: Run, row: SObjectValue, path: Path): ApexValue {
  let current: SObjectValue | undefined = row;
  let poly = false;
  for (const hop of path.hops) {
    const id: ApexValue = current.get(hop.rel.name);
    current = typeof id === 'string' ? run.db.getRow(id) : undefined;
    if (!current) {
      return null;
    }
    poly = hop.polymorphic;
  }
  return fieldOf(run, current, path.field.name, poly);
}

function fieldOf(run: Run, row: SObjectValue, name: string, polymorphic: boolean): ApexValue {
  if (polymorphic) {
    if (name.toLowerCase() === 'type') {
      return row.type;
    }
    const f = run.db.schema.field(row.type, name);
    return f ? row.get(f.name) : null;
  }
  return row.get(name);
}

// ---- values --------------------------------------------------------------------------------

interface Range {
  start: ApexDate;
  /** Exclusive. */
  end: ApexDate;
}

type Operand =
  { kind: 'values'; values: ApexValue[]; list: boolean } | { kind: 'range'; range: Range };

function literalValue(lit: Literal): ApexValue {
  switch (lit.t) {
    case 'null':
      return null;
    case 'boolean':
      return lit.value;
    case 'integer':
      return lit.value;
    case 'decimal':
      return new ApexDecimal(lit.value, lit.scale);
    case 'string':
      return lit.value;
    case 'date':
      return new ApexDate(lit.year, lit.month, lit.day);
    case 'datetime':
      return new ApexDatetime(lit.millis);
    case 'time':
      return new ApexTime(lit.millis);
    case 'dateLiteral':
      throw new Error('date literal is a range');
  }
}

function flatten(value: ApexValue): { values: ApexValue[]; list: boolean } {
  if (value instanceof ApexList || value instanceof ApexSet) {
    return { values: value.items(), list: true };
  }
  if (value instanceof ApexMap) {
    unsupported('SOQL bind of a Map');
  }
  return { values: [value], list: false };
}

function operand(run: Run, q: SoqlQuery, v: Value, field: FieldDescribe | null): Operand {
  switch (v.k) {
    case 'lit':
      if (v.lit.t === 'dateLiteral') {
        return {
          kind: 'range',
          range: dateRange(v.lit.name, v.lit.n, run.ctx.userTimeZone, run.now),
        };
      }
      return { kind: 'values', values: [checkLiteral(literalValue(v.lit), field)], list: false };
    case 'bind': {
      const { values, list } = flatten(run.ctx.resolveBind(v.ref));
      return {
        kind: 'values',
        values: values.map((x) => (x instanceof SObjectValue ? x.get('Id') : x)),
        list,
      };
    }
    case 'list':
      return {
        kind: 'values',
        values: v.values.map((x) => {
          if (x.k !== 'lit' || x.lit.t === 'dateLiteral') {
            unsupported('SOQL value list with binds or date literals');
          }
          return checkLiteral(literalValue(x.lit), field);
        }),
        list: true,
      };
    case 'sub': {
      const sub = v.query;
      const result = evaluate(run.db, sub, run.ctx, run);
      if (result.kind !== 'records') {
        throw new QueryError('Semi join sub-selects can only select one field');
      }
      const item = sub.select[0];
      if (sub.select.length !== 1 || item?.k !== 'expr' || item.expr.k !== 'field') {
        throw new QueryError('Semi join sub-selects can only select one field');
      }
      const obj = run.db.schema.object(sub.from)!;
      const path = resolvePath(run.db, sub, obj, item.expr.path);
      return {
        kind: 'values',
        values: result.records.map((r) => readSelected(r, path)),
        list: true,
      };
    }
  }
}

function readSelected(rec: SObjectValue, path: Path): ApexValue {
  let current: ApexValue = rec;
  for (const hop of path.hops) {
    current = current instanceof SObjectValue ? current.get(hop.rel.relationshipName ?? '') : null;
  }
  return current instanceof SObjectValue ? current.get(path.field.name) : null;
}

function checkLiteral(value: ApexValue, field: FieldDescribe | null): ApexValue {
  if (
    field &&
    (field.type === 'id' || field.type === 'reference') &&
    typeof value === 'string' &&
    !isValidId(value)
  ) {
    throw new QueryError(`invalid ID field: ${value}`);
  }
  return value;
}

/** A value as comparisons see it: lower-cased text, 18-char Ids, numbers, epoch days/millis. */
function comparable(
  value: ApexValue,
  field: FieldDescribe | null
): string | number | boolean | null {
  if (value === null) {
    return null;
  }
  if (typeof value === 'string') {
    if (field && (field.type === 'id' || field.type === 'reference') && isValidId(value)) {
      return to18(value).slice(0, 15);
    }
    return field && field.caseSensitive && field.unique ? value : value.toLowerCase();
  }
  if (typeof value === 'boolean') {
    return value;
  }
  if (isNumeric(value)) {
    return toNumber(value);
  }
  if (value instanceof ApexDate) {
    return value.toEpochDay();
  }
  if (value instanceof ApexDatetime || value instanceof ApexTime) {
    return value.millis;
  }
  return String(value);
}

function compareOrdered(a: string | number | boolean, b: string | number | boolean): number {
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    return Number(a) - Number(b);
  }
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function likeRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      re += pattern[++i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (c === '%') {
      re += '[\\s\\S]*';
    } else if (c === '_') {
      re += '[\\s\\S]';
    } else {
      re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${re}$`, 'i');
}

function dateRange(name: string, n: number | null, tz: string, now: number): Range {
  const today = localDate(now, tz);
  const day = today.toEpochDay();
  const d = (epoch: number): ApexDate => ApexDate.fromEpochDay(epoch);
  const count = n ?? 0;
  // Weeks start on Sunday (en_US locale).
  const weekStart = day - ((day + 4) % 7);
  const month = (offset: number, span = 1): Range => ({
    start: firstOfMonth(today.year, today.month, offset),
    end: firstOfMonth(today.year, today.month, offset + span),
  });
  const quarterStartMonth = Math.floor((today.month - 1) / 3) * 3 + 1;
  const quarter = (offset: number, span = 1): Range => ({
    start: firstOfMonth(today.year, quarterStartMonth, offset * 3),
    end: firstOfMonth(today.year, quarterStartMonth, (offset + span) * 3),
  });
  const year = (offset: number, span = 1): Range => ({
    start: new ApexDate(today.year + offset, 1, 1),
    end: new ApexDate(today.year + offset + span, 1, 1),
  });
  switch (name.replace(/_N$/, '').replace(/FISCAL_/, '')) {
    case 'YESTERDAY':
      return { start: d(day - 1), end: d(day) };
    case 'TODAY':
      return { start: d(day), end: d(day + 1) };
    case 'TOMORROW':
      return { start: d(day + 1), end: d(day + 2) };
    case 'LAST_WEEK':
      return { start: d(weekStart - 7), end: d(weekStart) };
    case 'THIS_WEEK':
      return { start: d(weekStart), end: d(weekStart + 7) };
    case 'NEXT_WEEK':
      return { start: d(weekStart + 7), end: d(weekStart + 14) };
    case 'LAST_MONTH':
      return month(-1);
    case 'THIS_MONTH':
      return month(0);
    case 'NEXT_MONTH':
      return month(1);
    case 'LAST_90_DAYS':
      return { start: d(day - 90), end: d(day + 1) };
    case 'NEXT_90_DAYS':
      return { start: d(day + 1), end: d(day + 91) };
    case 'LAST_N_DAYS':
      return { start: d(day - count), end: d(day + 1) };
    case 'NEXT_N_DAYS':
      return { start: d(day + 1), end: d(day + 1 + count) };
    case 'N_DAYS_AGO':
      return { start: d(day - count), end: d(day - count + 1) };
    case 'NEXT_N_WEEKS':
      return { start: d(weekStart + 7), end: d(weekStart + 7 + 7 * count) };
    case 'LAST_N_WEEKS':
      return { start: d(weekStart - 7 * count), end: d(weekStart) };
    case 'N_WEEKS_AGO':
      return { start: d(weekStart - 7 * count), end: d(weekStart - 7 * count + 7) };
    case 'NEXT_N_MONTHS':
      return month(1, count);
    case 'LAST_N_MONTHS':
      return month(-count, count);
    case 'N_MONTHS_AGO':
      return month(-count);
    case 'THIS_QUARTER':
      return quarter(0);
    case 'LAST_QUARTER':
      return quarter(-1);
    case 'NEXT_QUARTER':
      return quarter(1);
    case 'NEXT_N_QUARTERS':
      return quarter(1, count);
    case 'LAST_N_QUARTERS':
      return quarter(-count, count);
    case 'N_QUARTERS_AGO':
      return quarter(-count);
    case 'THIS_YEAR':
      return year(0);
    case 'LAST_YEAR':
      return year(-1);
    case 'NEXT_YEAR':
      return year(1);
    case 'NEXT_N_YEARS':
      return year(1, count);
    case 'LAST_N_YEARS':
      return year(-count, count);
    case 'N_YEARS_AGO':
      return year(-count);
  }
  return unsupported(`SOQL date literal ${name}`);
}

// ---- expressions -----------------------------------------------------------------------------

interface ExprInfo {
  field: FieldDescribe | null;
  read: (row: SObjectValue) => ApexValue;
}

function dateFnValue(fn: string, value: ApexValue, convertTz: boolean, tz: string): ApexValue {
  if (value === null) {
    return null;
  }
  let date: ApexDate;
  let hour = 0;
  if (value instanceof ApexDatetime) {
    const p = localParts(value.millis, convertTz ? tz : 'GMT');
    date = new ApexDate(p.year, p.month, p.day);
    hour = p.hour;
  } else if (value instanceof ApexDate) {
    date = value;
  } else {
    throw new QueryError(`${fn} requires a date or datetime field`);
  }
  const dayOfYear = date.toEpochDay() - new ApexDate(date.year, 1, 1).toEpochDay() + 1;
  switch (fn) {
    case 'DAY_ONLY':
      return date;
    case 'CALENDAR_MONTH':
    case 'FISCAL_MONTH':
      return date.month;
    case 'CALENDAR_QUARTER':
    case 'FISCAL_QUARTER':
      return Math.floor((date.month - 1) / 3) + 1;
    case 'CALENDAR_YEAR':
    case 'FISCAL_YEAR':
      return date.year;
    case 'DAY_IN_MONTH':
      return date.day;
    case 'DAY_IN_WEEK':
      return ((date.toEpochDay() + 4) % 7) + 1;
    case 'DAY_IN_YEAR':
      return dayOfYear;
    case 'HOUR_IN_DAY':
      return hour;
    case 'WEEK_IN_MONTH':
      return Math.floor((date.day - 1) / 7) + 1;
    case 'WEEK_IN_YEAR':
      return Math.floor((dayOfYear - 1) / 7) + 1;
  }
  return unsupported(`SOQL date function ${fn}`);
}

function exprInfo(run: Run, q: SoqlQuery, obj: ObjectDescribe, expr: Expr): ExprInfo {
  switch (expr.k) {
    case 'field': {
      const path = resolvePath(run.db, q, obj, expr.path);
      return { field: path.field, read: (row) => readPath(run, row, path) };
    }
    case 'datefn': {
      const path = resolvePath(run.db, q, obj, expr.path);
      if (expr.fn === 'DAY_ONLY' && path.field.type !== 'datetime') {
        throw new QueryError('DAY_ONLY requires a datetime field');
      }
      return {
        field: null,
        read: (row) =>
          dateFnValue(expr.fn, readPath(run, row, path), expr.convertTz, run.ctx.userTimeZone),
      };
    }
    case 'tolabel': {
      const path = resolvePath(run.db, q, obj, expr.path);
      return {
        field: path.field,
        read: (row) => {
          const v = readPath(run, row, path);
          const entry = path.field.picklistValues.find((p) => p.value === v);
          return entry ? entry.label : v;
        },
      };
    }
    case 'agg':
      throw new QueryError(
        'Aggregate functions are only allowed in the SELECT list and HAVING clause of an aggregate query'
      );
  }
}

// ---- WHERE ---------------------------------------------------------------------------------

type Predicate = (row: SObjectValue) => boolean;

function compileCondition(
  run: Run,
  q: SoqlQuery,
  obj: ObjectDescribe,
  cond: Condition,
  aggregateRead?: (expr: Expr) => ExprInfo
): Predicate {
  switch (cond.k) {
    case 'and': {
      const items = cond.items.map((c) => compileCondition(run, q, obj, c, aggregateRead));
      return (row) => items.every((p) => p(row));
    }
    case 'or': {
      const items = cond.items.map((c) => compileCondition(run, q, obj, c, aggregateRead));
      return (row) => items.some((p) => p(row));
    }
    case 'not': {
      const inner = compileCondition(run, q, obj, cond.item, aggregateRead);
      return (row) => !inner(row);
    }
    case 'cmp':
      return compileComparison(run, q, obj, cond, aggregateRead);
  }
}

function compileComparison(
  run: Run,
  q: SoqlQuery,
  obj: ObjectDescribe,
  cond: Extract<Condition, { k: 'cmp' }>,
  aggregateRead?: (expr: Expr) => ExprInfo
): Predicate {
  const info = aggregateRead ? aggregateRead(cond.left) : exprInfo(run, q, obj, cond.left);
  const field = info.field;
  if (field && !field.filterable && !aggregateRead) {
    throw new QueryError(`field '${field.name}' can not be filtered in a query call`);
  }
  const right = operand(run, q, cond.right, field);
  const op = cond.op;
  if (right.kind === 'range') {
    const { start, end } = right.range;
    const datetime = field?.type === 'datetime';
    const lo = datetime ? startOfDay(start, run.ctx.userTimeZone) : start.toEpochDay();
    const hi = datetime ? startOfDay(end, run.ctx.userTimeZone) : end.toEpochDay();
    return (row) => {
      const v = comparable(info.read(row), field);
      if (v === null || typeof v !== 'number') {
        return op === '!=' && v === null;
      }
      switch (op) {
        case '=':
          return v >= lo && v < hi;
        case '!=':
          return v < lo || v >= hi;
        case '<':
          return v < lo;
        case '<=':
          return v < hi;
        case '>':
          return v >= hi;
        case '>=':
          return v >= lo;
        default:
          throw new QueryError(`invalid operator ${op} for a date literal`);
      }
    };
  }
  let values = right.values;
  let effective = op;
  if (right.list && op === '=') {
    effective = 'IN';
  } else if (right.list && op === '!=') {
    effective = 'NOT IN';
  }
  const isDatetimeVsDate = field?.type === 'datetime';
  if (isDatetimeVsDate) {
    values = values.map((v) =>
      v instanceof ApexDate ? new ApexDatetime(Date.UTC(v.year, v.month - 1, v.day)) : v
    );
  }
  const multi = field?.type === 'multipicklist';
  switch (effective) {
    case 'IN':
    case 'NOT IN': {
      const set = new Set(values.map((v) => comparable(v, field)));
      const negate = effective === 'NOT IN';
      return (row) => {
        const v = comparable(info.read(row), field);
        const hit = v !== null && set.has(v);
        return negate ? !hit : hit;
      };
    }
    case 'INCLUDES':
    case 'EXCLUDES': {
      const wanted = values.map((v) =>
        String(v ?? '')
          .toLowerCase()
          .split(';')
          .map((s) => s.trim())
          .filter((s) => s)
      );
      return (row) => {
        const raw = info.read(row);
        const have = new Set(
          String(raw ?? '')
            .toLowerCase()
            .split(';')
            .map((s) => s.trim())
            .filter((s) => s)
        );
        const any = wanted.some((group) => group.every((g) => have.has(g)));
        return effective === 'INCLUDES' ? raw !== null && any : !any;
      };
    }
    case 'LIKE': {
      const pattern = values[0];
      if (pattern === null) {
        return () => false;
      }
      const re = likeRegex(String(pattern));
      return (row) => {
        const v = info.read(row);
        return v !== null && re.test(String(v));
      };
    }
    default: {
      const first = values[0];
      const target = first === undefined ? null : comparable(first, field);
      if (multi && typeof target === 'string') {
        const want = target
          .split(';')
          .map((s) => s.trim())
          .sort()
          .join(';');
        return (row) => {
          const v = info.read(row);
          const have =
            v === null
              ? null
              : String(v)
                  .toLowerCase()
                  .split(';')
                  .map((s) => s.trim())
                  .sort()
                  .join(';');
          return effective === '=' ? have === want : have !== want;
        };
      }
      return (row) => {
        const v = comparable(info.read(row), field);
        if (effective === '=') {
          return v === target;
        }
        if (effective === '!=') {
          return v !== target;
        }
        if (v === null || target === null) {
          return false;
        }
        const c = compareOrdered(v, target);
        switch (effective) {
          case '<':
            return c < 0;
          case '<=':
            return c <= 0;
          case '>':
            return c > 0;
          case '>=':
            return c >= 0;
        }
        return false;
      };
    }
  }
}

/** Rows an `Id = x` / `Id IN x` condition at the top of the WHERE narrows the scan to. */
function idCandidates(
  run: Run,
  q: SoqlQuery,
  obj: ObjectDescribe,
  cond: Condition | null
): string[] | null {
  if (!cond) {
    return null;
  }
  if (cond.k === 'and') {
    for (const c of cond.items) {
      const ids = idCandidates(run, q, obj, c);
      if (ids) {
        return ids;
      }
    }
    return null;
  }
  if (
    cond.k !== 'cmp' ||
    cond.left.k !== 'field' ||
    cond.left.path.length !== 1 ||
    cond.left.path[0]!.toLowerCase() !== 'id'
  ) {
    return null;
  }
  if (
    (cond.op !== '=' && cond.op !== 'IN') ||
    cond.right.k === 'sub' ||
    (cond.right.k === 'lit' && cond.right.lit.t === 'dateLiteral')
  ) {
    return null;
  }
  const right = operand(run, q, cond.right, obj.fields.get('id') ?? null);
  if (right.kind !== 'values') {
    return null;
  }
  return right.values
    .filter((v): v is string => typeof v === 'string' && isValidId(v))
    .map((v) => to18(v));
}

// ---- security ------------------------------------------------------------------------------

function pathsOf(q: SoqlQuery, selectOnly: boolean): string[][] {
  const out: string[][] = [];
  const addExpr = (e: Expr): void => {
    if (e.k === 'agg') {
      if (e.arg) {
        out.push(e.arg.path);
      }
    } else {
      out.push(e.path);
    }
  };
  for (const s of q.select) {
    if (s.k === 'expr') {
      addExpr(s.expr);
    }
  }
  if (selectOnly) {
    return out;
  }
  const addCond = (c: Condition | null): void => {
    if (!c) {
      return;
    }
    if (c.k === 'and' || c.k === 'or') {
      c.items.forEach(addCond);
    } else if (c.k === 'not') {
      addCond(c.item);
    } else {
      addExpr(c.left);
    }
  };
  addCond(q.where);
  addCond(q.having);
  q.groupBy.forEach(addExpr);
  q.orderBy.forEach((o) => addExpr(o.expr));
  return out;
}

function checkAccess(run: Run, q: SoqlQuery, obj: ObjectDescribe, securityEnforced: boolean): void {
  const userId = run.ctx.access.userId;
  const sec = run.db.security;
  if (!sec.objectAccess(userId, obj).read) {
    notSupported(obj.name);
  }
  const missing = new Map<string, Set<string>>();
  const note = (o: ObjectDescribe, f: FieldDescribe): void => {
    const set = missing.get(o.name) ?? new Set<string>();
    set.add(f.name);
    missing.set(o.name, set);
  };
  for (const p of pathsOf(q, securityEnforced)) {
    const path = resolvePath(run.db, q, obj, p);
    let current = obj;
    let ok = true;
    for (const hop of path.hops) {
      if (!sec.fieldAccess(userId, current, hop.rel).readable) {
        note(current, hop.rel);
        ok = false;
        break;
      }
      if (!hop.polymorphic && !sec.objectAccess(userId, hop.target).read) {
        ok = false;
        note(current, hop.rel);
        break;
      }
      current = hop.target;
    }
    if (
      ok &&
      !path.hops.some((h) => h.polymorphic) &&
      !sec.fieldAccess(userId, current, path.field).readable
    ) {
      note(current, path.field);
    }
  }
  if (missing.size) {
    if (securityEnforced) {
      throw new QueryError(
        'Insufficient permissions: secure query included inaccessible field',
        missing
      );
    }
    const [objName, fields] = [...missing.entries()][0]!;
    // Wording for user mode: ASSUMED to match the platform's message for a field the user cannot see.
    const e = new QueryError(
      `No such column '${[...fields][0]}' on entity '${objName}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      missing
    );
    throw e;
  }
}

// ---- evaluation ----------------------------------------------------------------------------

function numberOf(run: Run, q: SoqlQuery, v: Value | null, what: string): number | null {
  if (!v) {
    return null;
  }
  const raw =
    v.k === 'lit' ? literalValue(v.lit) : v.k === 'bind' ? run.ctx.resolveBind(v.ref) : null;
  if (raw === null || !isNumeric(raw)) {
    throw new QueryError(`${what} must be a non-negative integer`);
  }
  const n = toNumber(raw);
  if (n < 0 || !Number.isInteger(n)) {
    throw new QueryError(`${what} must be a non-negative integer`);
  }
  return n;
}

function sortRows(
  run: Run,
  q: SoqlQuery,
  rows: SObjectValue[],
  read: (e: Expr) => ExprInfo
): SObjectValue[] {
  if (!q.orderBy.length) {
    return rows;
  }
  const keys = q.orderBy.map((o) => {
    const info = read(o.expr);
    if (info.field && !info.field.sortable) {
      throw new QueryError(`field '${info.field.name}' can not be sorted in a query call`);
    }
    return { info, desc: o.desc, nullsFirst: o.nullsFirst };
  });
  const decorated = rows.map((row, i) => ({
    row,
    i,
    values: keys.map((k) => comparable(k.info.read(row), k.info.field)),
  }));
  decorated.sort((a, b) => {
    for (const [k, key] of keys.entries()) {
      // values holds one entry per key: never undefined.
      const x = a.values[k] ?? null;
      const y = b.values[k] ?? null;
      if (x === y) {
        continue;
      }
      if (x === null) {
        return key.nullsFirst ? -1 : 1;
      }
      if (y === null) {
        return key.nullsFirst ? 1 : -1;
      }
      const c = compareOrdered(x, y);
      if (c !== 0) {
        return key.desc ? -c : c;
      }
    }
    return a.i - b.i;
  });
  return decorated.map((d) => d.row);
}

function addQueried(rec: SObjectValue, name: string, db: Database): void {
  if (!rec.queried) {
    rec.queried = new Set();
  }
  rec.queried.add(name.toLowerCase());
  rec.queried.add(db.schema.unqualify(name).toLowerCase());
}

function project(run: Run, q: SoqlQuery, obj: ObjectDescribe, row: SObjectValue): SObjectValue {
  const rec = new SObjectValue(obj.name);
  rec.queried = new Set();
  rec.set('Id', row.get('Id'));
  addQueried(rec, 'Id', run.db);
  for (const item of q.select) {
    if (item.k === 'sub') {
      projectChildren(run, item.query, obj, row, rec);
      continue;
    }
    const expr = item.expr;
    if (expr.k === 'agg' || expr.k === 'datefn') {
      throw new QueryError('Aggregate and date functions need GROUP BY or an aggregate query');
    }
    const path = resolvePath(run.db, q, obj, expr.path);
    if (expr.k === 'tolabel') {
      const info = exprInfo(run, q, obj, expr);
      setPath(run, rec, row, path, info.read(row));
      continue;
    }
    setPath(run, rec, row, path, undefined);
  }
  return rec;
}

/** Writes a selected path into the result record, nesting parent records. */
function setPath(
  run: Run,
  rec: SObjectValue,
  row: SObjectValue,
  path: Path,
  override: ApexValue | undefined
): void {
  let target = rec;
  let source: SObjectValue | undefined = row;
  let poly = false;
  for (const hop of path.hops) {
    const relName = hop.rel.relationshipName!;
    addQueried(target, relName, run.db);
    const id: ApexValue = source.get(hop.rel.name);
    source = typeof id === 'string' ? run.db.getRow(id) : undefined;
    if (!source) {
      if (!target.has(relName)) {
        target.set(relName, null);
      }
      return;
    }
    let nested = target.get(relName);
    if (!(nested instanceof SObjectValue)) {
      nested = new SObjectValue(source.type);
      nested.queried = new Set();
      nested.set('Id', source.get('Id'));
      addQueried(nested, 'Id', run.db);
      target.set(relName, nested);
    }
    target = nested;
    poly = hop.polymorphic;
  }
  const value = override !== undefined ? override : fieldOf(run, source, path.field.name, poly);
  const name = poly
    ? (run.db.schema.field(source.type, path.field.name)?.name ?? path.field.name)
    : path.field.name;
  target.set(name, value);
  addQueried(target, name, run.db);
}

function projectChildren(
  run: Run,
  sub: SoqlQuery,
  parentObj: ObjectDescribe,
  parentRow: SObjectValue,
  rec: SObjectValue
): void {
  const rel = run.db.schema.childRelationship(parentObj, sub.from);
  if (!rel) {
    throw new QueryError(
      `Didn't understand relationship '${sub.from}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`
    );
  }
  const childObj = run.db.schema.object(rel.childSObject)!;
  if (run.mode === 'user' && !run.db.security.objectAccess(run.ctx.access.userId, childObj).read) {
    notSupported(childObj.name);
  }
  const parentId = parentRow.get('Id');
  let rows = run.db.rows(childObj.name, false).filter((r) => r.get(rel.field) === parentId);
  if (run.sharing) {
    rows = rows.filter((r) => run.db.security.canSee(run.ctx.access.userId, r));
  }
  if (sub.where) {
    const pred = compileCondition(run, sub, childObj, sub.where);
    rows = rows.filter(pred);
  }
  rows = sortRows(run, sub, rows, (e) => exprInfo(run, sub, childObj, e));
  const limit = numberOf(run, sub, sub.limit, 'LIMIT');
  if (limit !== null) {
    rows = rows.slice(0, limit);
  }
  const list = new ApexList(
    { name: childObj.name, args: [] },
    rows.map((r) => project(run, sub, childObj, r))
  );
  run.rows += list.values.length;
  rec.set(rel.relationshipName!, list);
  addQueried(rec, rel.relationshipName!, run.db);
}

// ---- aggregates ----------------------------------------------------------------------------

function aggregate(
  run: Run,
  q: SoqlQuery,
  obj: ObjectDescribe,
  rows: SObjectValue[]
): SObjectValue[] {
  const groupInfos = q.groupBy.map((g) => exprInfo(run, q, obj, g));
  for (const g of groupInfos) {
    if (g.field && !g.field.groupable) {
      throw new QueryError(`field '${g.field.name}' can not be grouped in a query call`);
    }
  }
  const groups = new Map<string, SObjectValue[]>();
  for (const row of rows) {
    const key = JSON.stringify(groupInfos.map((g) => comparable(g.read(row), g.field)));
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  if (!q.groupBy.length && !groups.size) {
    groups.set('[]', []);
  }
  // Aliases: explicit, field names for grouped fields, expr0.. for the rest.
  let exprIndex = 0;
  const columns = q.select.map((s) => {
    if (s.k === 'sub') {
      throw new QueryError('Nested queries are not supported in aggregate queries');
    }
    let alias = s.alias;
    if (!alias) {
      alias =
        s.expr.k === 'field'
          ? resolvePath(run.db, q, obj, s.expr.path).field.name
          : `expr${exprIndex++}`;
    }
    return { alias, expr: s.expr };
  });
  const aggValue = (
    expr: Expr,
    members: SObjectValue[]
  ): { value: ApexValue; field: FieldDescribe | null } => {
    if (expr.k !== 'agg') {
      const info = exprInfo(run, q, obj, expr);
      return { value: members.length ? info.read(members[0]!) : null, field: info.field };
    }
    if (!expr.arg) {
      return { value: members.length, field: null };
    }
    const path = resolvePath(run.db, q, obj, expr.arg.path);
    const values = members.map((m) => readPath(run, m, path)).filter((v) => v !== null);
    const f = path.field;
    switch (expr.fn) {
      case 'COUNT':
        return { value: values.length, field: null };
      case 'COUNT_DISTINCT':
        return { value: new Set(values.map((v) => comparable(v, f))).size, field: null };
      case 'SUM': {
        if (!values.length) {
          return { value: null, field: f };
        }
        const total = values.reduce<number>((a, v) => a + toNumber(v), 0);
        return { value: f.type === 'integer' ? total : ApexDecimal.of(total), field: f };
      }
      case 'AVG': {
        if (!values.length) {
          return { value: null, field: f };
        }
        const total = values.reduce<number>((a, v) => a + toNumber(v), 0);
        return { value: ApexDecimal.of(total / values.length), field: f };
      }
      case 'MIN':
      case 'MAX': {
        let best: ApexValue = null;
        for (const v of values) {
          if (best === null) {
            best = v;
            continue;
          }
          const c = compareOrdered(comparable(v, f)!, comparable(best, f)!);
          if ((expr.fn === 'MIN' && c < 0) || (expr.fn === 'MAX' && c > 0)) {
            best = v;
          }
        }
        return { value: best, field: f };
      }
    }
  };
  const out: { rec: SObjectValue; members: SObjectValue[] }[] = [];
  for (const members of groups.values()) {
    const rec = new SObjectValue('AggregateResult');
    rec.queried = new Set();
    for (const c of columns) {
      rec.set(c.alias, aggValue(c.expr, members).value);
      rec.queried.add(c.alias.toLowerCase());
    }
    out.push({ rec, members });
  }
  let filtered = out;
  if (q.having) {
    const having = q.having;
    const pred = compileCondition(run, q, obj, having, (expr) => ({
      field: expr.k === 'agg' ? null : exprInfo(run, q, obj, expr).field,
      read: (row) => {
        const entry = out.find((o) => o.rec === row)!;
        return aggValue(expr, entry.members).value;
      },
    }));
    filtered = out.filter((o) => pred(o.rec));
  }
  const recs = filtered.map((o) => o.rec);
  return sortRows(run, q, recs, (expr) => ({
    field: null,
    read: (row) => {
      const entry = filtered.find((o) => o.rec === row)!;
      return aggValue(expr, entry.members).value;
    },
  }));
}

// ---- entry -----------------------------------------------------------------------------------

export function evaluate(db: Database, q: SoqlQuery, ctx: SoqlContext, parent?: Run): QueryResult {
  const obj = db.schema.object(q.from);
  if (!obj || !obj.queryable) {
    notSupported(q.from);
  }
  let mode = ctx.access.mode;
  if (q.withMode === 'USER_MODE') {
    mode = 'user';
  } else if (q.withMode === 'SYSTEM_MODE') {
    mode = 'system';
  }
  const run: Run = parent ?? {
    db,
    ctx,
    mode,
    sharing: mode === 'user' || ctx.access.enforceSharing,
    now: db.now(),
    rows: 0,
  };
  if (run.mode === 'user' || q.withMode === 'SECURITY_ENFORCED') {
    checkAccess(run, q, obj, run.mode !== 'user' && q.withMode === 'SECURITY_ENFORCED');
  }
  for (const item of q.select) {
    if (item.k === 'expr' && item.expr.k === 'field') {
      resolvePath(db, q, obj, item.expr.path);
    }
  }
  const ids = idCandidates(run, q, obj, q.where);
  let rows: SObjectValue[];
  if (ids) {
    rows = [];
    const seen = new Set<string>();
    for (const id of ids) {
      const row = db.getRow(id);
      if (
        row &&
        row.type === obj.name &&
        !seen.has(id) &&
        (q.allRows || row.get('IsDeleted') !== true)
      ) {
        rows.push(row);
        seen.add(id);
      }
    }
    rows.sort((a, b) => (String(a.get('Id')) < String(b.get('Id')) ? -1 : 1));
  } else {
    rows = db.rows(obj.name, q.allRows);
  }
  if (run.sharing) {
    rows = rows.filter((r) => db.security.canSee(ctx.access.userId, r));
  }
  if (q.where) {
    const pred = compileCondition(run, q, obj, q.where);
    rows = rows.filter(pred);
  }
  const offset = numberOf(run, q, q.offset, 'OFFSET') ?? 0;
  const limit = numberOf(run, q, q.limit, 'LIMIT');
  if (q.countOnly) {
    let count = Math.max(0, rows.length - offset);
    if (limit !== null) {
      count = Math.min(count, limit);
    }
    run.rows += count;
    return { kind: 'count', count, rowsQueried: run.rows };
  }
  if (q.aggregate) {
    let result = aggregate(run, q, obj, rows);
    result = result.slice(offset, limit === null ? undefined : offset + limit);
    run.rows += result.length;
    return { kind: 'aggregate', rows: result, rowsQueried: run.rows };
  }
  rows = sortRows(run, q, rows, (e) => exprInfo(run, q, obj, e));
  rows = rows.slice(offset, limit === null ? undefined : offset + limit);
  const records = rows.map((r) => project(run, q, obj, r));
  run.rows += records.length;
  return { kind: 'records', records, rowsQueried: run.rows, objectName: obj.name };
}
