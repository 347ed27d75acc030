// The runtime's own small SOQL tree, lowered once per query from the apex-parser CST (see
// lower.ts) and cached. Names are kept as written; resolution against the schema happens at
// evaluation (and is cached on the query per object).

/** Opaque reference to a bind expression: the interpreter's handle (inline SOQL) or the
 * variable name (dynamic SOQL). */
export type BindRef = unknown;

export type AggregateFn = 'COUNT' | 'COUNT_DISTINCT' | 'SUM' | 'MIN' | 'MAX' | 'AVG';

export type DateFn =
  | 'CALENDAR_MONTH'
  | 'CALENDAR_QUARTER'
  | 'CALENDAR_YEAR'
  | 'DAY_IN_MONTH'
  | 'DAY_IN_WEEK'
  | 'DAY_IN_YEAR'
  | 'DAY_ONLY'
  | 'FISCAL_MONTH'
  | 'FISCAL_QUARTER'
  | 'FISCAL_YEAR'
  | 'HOUR_IN_DAY'
  | 'WEEK_IN_MONTH'
  | 'WEEK_IN_YEAR';

/** A field reference, possibly through relationships: `Owner.Name` is ['Owner', 'Name']. */
export interface FieldRef {
  k: 'field';
  path: string[];
}

/** A date function over a field; convertTz for `convertTimezone(field)`. */
export interface DateFnRef {
  k: 'datefn';
  fn: DateFn;
  convertTz: boolean;
  path: string[];
}

export interface AggregateRef {
  k: 'agg';
  fn: AggregateFn;
  /** null for COUNT(). */
  arg: FieldRef | null;
}

export interface ToLabelRef {
  k: 'tolabel';
  path: string[];
}

export type Expr = FieldRef | DateFnRef | AggregateRef | ToLabelRef;

export type SelectItem =
  { k: 'expr'; expr: Expr; alias: string | null } | { k: 'sub'; query: SoqlQuery };

/** A literal as SOQL writes it. */
export type Literal =
  | { t: 'null' }
  | { t: 'boolean'; value: boolean }
  | { t: 'integer'; value: number }
  | { t: 'decimal'; value: number; scale: number }
  | { t: 'string'; value: string }
  | { t: 'date'; year: number; month: number; day: number }
  | { t: 'datetime'; millis: number }
  | { t: 'time'; millis: number }
  | { t: 'dateLiteral'; name: string; n: number | null };

export type Value =
  | { k: 'lit'; lit: Literal }
  | { k: 'bind'; ref: BindRef }
  | { k: 'list'; values: Value[] }
  | { k: 'sub'; query: SoqlQuery };

export type CompareOp =
  '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'IN' | 'NOT IN' | 'INCLUDES' | 'EXCLUDES';

export type Condition =
  | { k: 'and'; items: Condition[] }
  | { k: 'or'; items: Condition[] }
  | { k: 'not'; item: Condition }
  | { k: 'cmp'; left: Expr; op: CompareOp; right: Value };

export interface OrderItem {
  expr: Expr;
  desc: boolean;
  nullsFirst: boolean;
}

export interface SoqlQuery {
  /** The text the query was lowered from (whitespace as the source has it, or the CST's). */
  text: string;
  select: SelectItem[];
  /** Object name as written (a relationship name in a child sub-query). */
  from: string;
  fromAlias: string | null;
  where: Condition | null;
  /** The WITH clause: access mode written in the query, if any. */
  withMode: 'USER_MODE' | 'SYSTEM_MODE' | 'SECURITY_ENFORCED' | null;
  groupBy: Expr[];
  having: Condition | null;
  orderBy: OrderItem[];
  limit: Value | null;
  offset: Value | null;
  forClause: 'UPDATE' | 'VIEW' | 'REFERENCE' | null;
  allRows: boolean;
  /** `SELECT COUNT() FROM ...`: the result is an Integer. */
  countOnly: boolean;
  /** Aggregate functions or GROUP BY: the result is AggregateResult rows. */
  aggregate: boolean;
  /** Resolutions per object name (lower-cased), filled in by the evaluator. */
  cache: Map<string, unknown>;
}
