// SOQL: lowering (inline and dynamic) and evaluation against the Database.
import type { QueryContext } from '@apexdevtools/apex-parser';
import type { Database } from '../database/database';
import type { SoqlQuery } from './ast';
import { evaluate, type QueryResult, type SoqlContext } from './evaluate';
import { bindByText, lowerQuery, parseSoql, type BindOf } from './lower';

export type { BindRef, SoqlQuery } from './ast';
export { QueryError, type QueryResult, type SoqlContext } from './evaluate';
export { bindByText, lowerQuery, parseSoql, type BindOf } from './lower';

export interface QueryOptions extends SoqlContext {
  /** Inline SOQL handed over as the parser's QueryContext: how its binds become refs (identity by default). */
  bindOf?: BindOf;
}

function isSoqlQuery(q: unknown): q is SoqlQuery {
  return typeof q === 'object' && q !== null && 'select' in q && 'cache' in q && 'from' in q;
}

/** The query's tree: a lowered query as is, a CST lowered once, a text parsed once. */
export function toSoqlQuery(q: SoqlQuery | QueryContext | string, bindOf?: BindOf): SoqlQuery {
  if (typeof q === 'string') {
    return parseSoql(q);
  }
  if (isSoqlQuery(q)) {
    return q;
  }
  return lowerQuery(q, bindOf ?? ((expr) => expr));
}

/** Runs a SOQL query; `rowsQueried` counts returned rows, child rows included. */
export function query(
  db: Database,
  q: SoqlQuery | QueryContext | string,
  ctx: QueryOptions
): QueryResult {
  return evaluate(db, toSoqlQuery(q, ctx.bindOf), ctx);
}
