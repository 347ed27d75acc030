// Lowers apex-parser's SOQL CST (`QueryContext`) into the runtime's SoqlQuery (ast.ts).
// Inline SOQL arrives as the QueryContext of `[SELECT ...]` (lowered once per context object);
// dynamic SOQL is parsed here from its text (lowered once per text). Syntax the runtime does not
// evaluate throws UnsupportedError naming it (SOQL and SOSL Reference: "SOQL SELECT Syntax").
import {
  ApexErrorListener,
  ApexParserFactory,
  type DateFieldNameContext,
  type DateFormulaContext,
  type ExpressionContext,
  type FieldNameContext,
  type FieldOrderContext,
  type LogicalExpressionContext,
  type QueryContext,
  type SoqlFunctionContext,
  type SubQueryContext,
  type ValueContext,
  type WhereLogicalExpressionContext,
  type ConditionalExpressionContext,
  type WhereConditionalExpressionContext,
  type SelectEntryContext,
  type SubFieldEntryContext,
} from '@apexdevtools/apex-parser';
import { ApexError, unsupported } from '../interpreter/errors';
import type {
  AggregateFn,
  BindRef,
  CompareOp,
  Condition,
  DateFn,
  Expr,
  FieldRef,
  Literal,
  OrderItem,
  SelectItem,
  SoqlQuery,
  Value,
} from './ast';

export type BindOf = (expr: ExpressionContext) => BindRef;

/** Dynamic SOQL binds are variable names: the ref is the expression's text. */
export const bindByText: BindOf = (expr) => expr.getText();

const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'MIN', 'MAX', 'AVG']);
const DATE_FNS = new Set([
  'CALENDAR_MONTH',
  'CALENDAR_QUARTER',
  'CALENDAR_YEAR',
  'DAY_IN_MONTH',
  'DAY_IN_WEEK',
  'DAY_IN_YEAR',
  'DAY_ONLY',
  'FISCAL_MONTH',
  'FISCAL_QUARTER',
  'FISCAL_YEAR',
  'HOUR_IN_DAY',
  'WEEK_IN_MONTH',
  'WEEK_IN_YEAR',
]);

function firstToken(ctx: { getChild(i: number): unknown; getChildCount(): number }): string {
  const child = ctx.getChild(0) as { getText(): string } | null;
  return child ? child.getText().toUpperCase() : '';
}

class Lowerer {
  constructor(
    private readonly bindOf: BindOf,
    private readonly text: string
  ) {}

  query(ctx: QueryContext): SoqlQuery {
    if (ctx.usingScope()) {
      unsupported('SOQL USING SCOPE');
    }
    if (ctx.UPDATE()) {
      unsupported('SOQL UPDATE TRACKING / VIEWSTAT');
    }
    const entries = ctx.selectList().selectEntry_list();
    const q = this.base(this.text, ctx.fromNameList());
    q.select = entries.map((e) => this.selectEntry(e));
    this.clauses(q, ctx);
    const withClause = ctx.withClause();
    if (withClause) {
      if (withClause.USER_MODE()) {
        q.withMode = 'USER_MODE';
      } else if (withClause.SYSTEM_MODE()) {
        q.withMode = 'SYSTEM_MODE';
      } else if (withClause.SECURITY_ENFORCED()) {
        q.withMode = 'SECURITY_ENFORCED';
      } else {
        unsupported(`SOQL WITH ${withClause.getText().slice(4)}`);
      }
    }
    const groupBy = ctx.groupByClause();
    if (groupBy) {
      if (groupBy.ROLLUP() || groupBy.CUBE()) {
        unsupported('SOQL GROUP BY ROLLUP / CUBE');
      }
      q.groupBy = groupBy
        .fieldGroupByList()
        .fieldGroupBy_list()
        .map((g) => (g.soqlFunction() ? this.fn(g.soqlFunction()) : this.field(g.fieldName())));
      const having = groupBy.logicalExpression();
      q.having = having ? this.logical(having) : null;
    }
    const offset = ctx.offsetClause();
    if (offset) {
      q.offset = offset.boundExpression()
        ? { k: 'bind', ref: this.bindOf(offset.boundExpression().expression()) }
        : { k: 'lit', lit: { t: 'integer', value: Number(offset.IntegerLiteral().getText()) } };
    }
    if (ctx.allRowsClause()) {
      q.allRows = true;
    }
    this.finish(q);
    return q;
  }

  private base(
    text: string,
    from: QueryContext['fromNameList'] extends () => infer R ? R : never
  ): SoqlQuery {
    const names = from.fieldName_list();
    if (names.length !== 1) {
      unsupported('SOQL FROM with several objects');
    }
    const aliases = from.soqlId_list();
    return {
      text,
      select: [],
      from: names[0]!.getText(),
      fromAlias: aliases[0]?.getText() ?? null,
      where: null,
      withMode: null,
      groupBy: [],
      having: null,
      orderBy: [],
      limit: null,
      offset: null,
      forClause: null,
      allRows: false,
      countOnly: false,
      aggregate: false,
      cache: new Map(),
    };
  }

  private clauses(
    q: SoqlQuery,
    ctx: {
      whereClause(): { whereLogicalExpression(): WhereLogicalExpressionContext } | null;
      orderByClause(): { fieldOrderList(): { fieldOrder_list(): FieldOrderContext[] } } | null;
      limitClause(): {
        boundExpression(): { expression(): ExpressionContext } | null;
        IntegerLiteral(): { getText(): string };
      } | null;
      forClauses(): { getText(): string } | null;
    }
  ): void {
    const where = ctx.whereClause();
    if (where) {
      q.where = this.whereLogical(where.whereLogicalExpression());
    }
    const order = ctx.orderByClause();
    if (order) {
      q.orderBy = order
        .fieldOrderList()
        .fieldOrder_list()
        .map((o) => this.order(o));
    }
    const limit = ctx.limitClause();
    if (limit) {
      const bound = limit.boundExpression();
      q.limit = bound
        ? { k: 'bind', ref: this.bindOf(bound.expression()) }
        : { k: 'lit', lit: { t: 'integer', value: Number(limit.IntegerLiteral().getText()) } };
    }
    const forText = ctx.forClauses()?.getText().toUpperCase() ?? '';
    if (forText.includes('UPDATE')) {
      q.forClause = 'UPDATE';
    } else if (forText.includes('VIEW')) {
      q.forClause = 'VIEW';
    } else if (forText.includes('REFERENCE')) {
      q.forClause = 'REFERENCE';
    }
  }

  private finish(q: SoqlQuery): void {
    const items = q.select.filter((s): s is Extract<SelectItem, { k: 'expr' }> => s.k === 'expr');
    const only = items.length === 1 ? items[0]!.expr : null;
    const countOnly = only?.k === 'agg' && only.fn === 'COUNT' && only.arg === null;
    if (countOnly) {
      if (q.select.length !== 1 || q.groupBy.length) {
        throw new ApexError(
          'System.QueryException',
          'COUNT() cannot be combined with other select fields or GROUP BY'
        );
      }
      q.countOnly = true;
      return;
    }
    q.aggregate = q.groupBy.length > 0 || items.some((i) => i.expr.k === 'agg');
  }

  private subQuery(ctx: SubQueryContext): SoqlQuery {
    if (ctx.UPDATE()) {
      unsupported('SOQL UPDATE TRACKING / VIEWSTAT');
    }
    const q = this.base(ctx.getText(), ctx.fromNameList());
    q.select = ctx
      .subFieldList()
      .subFieldEntry_list()
      .map((e) => this.selectEntry(e));
    this.clauses(q, ctx);
    this.finish(q);
    return q;
  }

  private selectEntry(e: SelectEntryContext | SubFieldEntryContext): SelectItem {
    if (e.typeOf()) {
      unsupported('SOQL TYPEOF');
    }
    const alias = e.soqlId() ? e.soqlId().getText() : null;
    if (e.subQuery()) {
      return { k: 'sub', query: this.subQuery(e.subQuery()) };
    }
    if (e.soqlFunction()) {
      return { k: 'expr', expr: this.fn(e.soqlFunction()), alias };
    }
    return { k: 'expr', expr: this.field(e.fieldName()), alias };
  }

  private field(ctx: FieldNameContext): FieldRef {
    return { k: 'field', path: ctx.soqlId_list().map((id) => id.getText()) };
  }

  private dateField(ctx: DateFieldNameContext): { convertTz: boolean; path: string[] } {
    return { convertTz: !!ctx.CONVERT_TIMEZONE(), path: this.field(ctx.fieldName()).path };
  }

  private fn(ctx: SoqlFunctionContext): Expr {
    const name = firstToken(ctx);
    if (AGGREGATES.has(name)) {
      const fieldName = ctx.fieldName();
      if (!fieldName && name !== 'COUNT') {
        unsupported(`SOQL ${name} over a function`);
      }
      return { k: 'agg', fn: name as AggregateFn, arg: fieldName ? this.field(fieldName) : null };
    }
    if (DATE_FNS.has(name)) {
      const df = ctx.dateFieldName();
      return { k: 'datefn', fn: name as DateFn, ...this.dateField(df) };
    }
    if (name === 'TOLABEL' && ctx.fieldName()) {
      return { k: 'tolabel', path: this.field(ctx.fieldName()).path };
    }
    return unsupported(`SOQL function ${name}()`);
  }

  private order(o: FieldOrderContext): OrderItem {
    const expr = o.soqlFunction() ? this.fn(o.soqlFunction()) : this.field(o.fieldName());
    const desc = !!o.DESC();
    const nullsFirst = o.NULLS() ? !!o.FIRST() : !desc;
    return { expr, desc, nullsFirst };
  }

  private whereLogical(ctx: WhereLogicalExpressionContext): Condition {
    // The grammar gives a logical expression at least one operand.
    const items = ctx.whereConditionalExpression_list().map((c) => this.whereConditional(c));
    if (ctx.NOT()) {
      return { k: 'not', item: items[0]! };
    }
    if (items.length === 1) {
      return items[0]!;
    }
    return ctx.SOQLOR_list().length ? { k: 'or', items } : { k: 'and', items };
  }

  private whereConditional(ctx: WhereConditionalExpressionContext): Condition {
    if (ctx.whereLogicalExpression()) {
      return this.whereLogical(ctx.whereLogicalExpression());
    }
    const fe = ctx.whereFieldExpression();
    if (fe.FORMULA()) {
      unsupported('SOQL FORMULA() filter');
    }
    const inner = fe.fieldExpression();
    return this.comparison(
      inner.soqlFunction() ? this.fn(inner.soqlFunction()) : this.field(inner.fieldName()),
      inner.comparisonOperator(),
      inner.value()
    );
  }

  private logical(ctx: LogicalExpressionContext): Condition {
    // The grammar gives a logical expression at least one operand.
    const items = ctx.conditionalExpression_list().map((c) => this.conditional(c));
    if (ctx.NOT()) {
      return { k: 'not', item: items[0]! };
    }
    if (items.length === 1) {
      return items[0]!;
    }
    return ctx.SOQLOR_list().length ? { k: 'or', items } : { k: 'and', items };
  }

  private conditional(ctx: ConditionalExpressionContext): Condition {
    if (ctx.logicalExpression()) {
      return this.logical(ctx.logicalExpression());
    }
    const fe = ctx.fieldExpression();
    return this.comparison(
      fe.soqlFunction() ? this.fn(fe.soqlFunction()) : this.field(fe.fieldName()),
      fe.comparisonOperator(),
      fe.value()
    );
  }

  private comparison(left: Expr, opCtx: { getText(): string }, valueCtx: ValueContext): Condition {
    const raw = opCtx.getText().toUpperCase().replace(/\s+/g, '');
    const ops: Record<string, CompareOp> = {
      '=': '=',
      '!=': '!=',
      '<>': '!=',
      '<': '<',
      '<=': '<=',
      '>': '>',
      '>=': '>=',
      LIKE: 'LIKE',
      IN: 'IN',
      NOTIN: 'NOT IN',
      INCLUDES: 'INCLUDES',
      EXCLUDES: 'EXCLUDES',
    };
    const op = ops[raw];
    if (!op) {
      unsupported(`SOQL operator ${raw}`);
    }
    return { k: 'cmp', left, op, right: this.value(valueCtx) };
  }

  private value(ctx: ValueContext): Value {
    if (ctx.boundExpression()) {
      return { k: 'bind', ref: this.bindOf(ctx.boundExpression().expression()) };
    }
    if (ctx.subQuery()) {
      return { k: 'sub', query: this.subQuery(ctx.subQuery()) };
    }
    if (ctx.valueList()) {
      return {
        k: 'list',
        values: ctx
          .valueList()
          .value_list()
          .map((v) => this.value(v)),
      };
    }
    return { k: 'lit', lit: this.literal(ctx) };
  }

  private literal(ctx: ValueContext): Literal {
    if (ctx.NULL()) {
      return { t: 'null' };
    }
    if (ctx.BooleanLiteral()) {
      return { t: 'boolean', value: ctx.BooleanLiteral().getText().toLowerCase() === 'true' };
    }
    if (ctx.StringLiteral()) {
      return { t: 'string', value: unquote(ctx.StringLiteral().getText()) };
    }
    if (ctx.signedNumber() || (ctx.DOT() && ctx.IntegerLiteral())) {
      const text = ctx.getText();
      if (/[.eE]/.test(text)) {
        const scale = (text.split('.')[1] ?? '').replace(/[dD]$/, '').length;
        return { t: 'decimal', value: Number(text.replace(/[dD]$/, '')), scale };
      }
      return { t: 'integer', value: Number(text.replace(/[lL]$/, '')) };
    }
    if (ctx.DateLiteral()) {
      // The lexer's DateLiteral is always yyyy-MM-dd.
      const [y, m, d] = ctx.DateLiteral().getText().split('-').map(Number);
      return { t: 'date', year: y!, month: m!, day: d! };
    }
    if (ctx.DateTimeLiteral()) {
      return { t: 'datetime', millis: parseDatetimeLiteral(ctx.DateTimeLiteral().getText()) };
    }
    if (ctx.TimeLiteral()) {
      const m = /^(\d\d):(\d\d):(\d\d)(?:\.(\d+))?Z?$/i.exec(ctx.TimeLiteral().getText());
      if (!m) {
        unsupported(`SOQL time literal ${ctx.TimeLiteral().getText()}`);
      }
      return {
        t: 'time',
        millis:
          ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 +
          Number((m[4] ?? '0').padEnd(3, '0').slice(0, 3)),
      };
    }
    if (ctx.dateFormula()) {
      return this.dateFormula(ctx.dateFormula());
    }
    if (ctx.IntegralCurrencyLiteral()) {
      unsupported('SOQL currency literal (multi-currency)');
    }
    return unsupported(`SOQL value ${ctx.getText()}`);
  }

  private dateFormula(ctx: DateFormulaContext): Literal {
    const name = firstToken(ctx);
    const n = ctx.signedInteger() ? Number(ctx.signedInteger().getText()) : null;
    return { t: 'dateLiteral', name, n };
  }
}

/** SOQL string literal body: backslash escapes as SOQL defines them. */
function unquote(text: string): string {
  const body = text.slice(1, -1);
  return body.replace(/\\(.)/g, (_, c: string) => {
    switch (c) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      default:
        return c;
    }
  });
}

function parseDatetimeLiteral(text: string): number {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?(Z|[+-]\d\d:?\d\d)$/i.exec(
    text
  );
  if (!m) {
    throw new ApexError(
      'System.QueryException',
      `line 1:0 no viable alternative at character '${text}'`
    );
  }
  // Every group but the fraction always takes part in a match.
  const [, y, mo, d, h, mi, s, frac] = m;
  const zone = m[8]!;
  let millis = Date.UTC(
    +y!,
    +mo! - 1,
    +d!,
    +h!,
    +mi!,
    +s!,
    Number((frac ?? '0').padEnd(3, '0').slice(0, 3))
  );
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    millis -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return millis;
}

const inlineCache = new WeakMap<QueryContext, SoqlQuery>();
const textCache = new Map<string, SoqlQuery>();

/** Inline SOQL: lowered once per CST node (the parser's trees are cached per file). */
export function lowerQuery(ctx: QueryContext, bindOf: BindOf): SoqlQuery {
  let q = inlineCache.get(ctx);
  if (!q) {
    q = new Lowerer(bindOf, ctx.getText()).query(ctx);
    inlineCache.set(ctx, q);
  }
  return q;
}

class SoqlSyntax extends ApexErrorListener {
  readonly problems: string[] = [];

  apexSyntaxError(line: number, column: number, message: string): void {
    this.problems.push(`line ${line}:${column} ${message}`);
  }
}

/** Dynamic SOQL (Database.query, queryWithBinds, getQueryLocator): parsed once per text. */
export function parseSoql(text: string): SoqlQuery {
  const key = text.trim();
  let q = textCache.get(key);
  if (!q) {
    const listener = new SoqlSyntax();
    const { parser } = ApexParserFactory.createLexerAndParser(key, listener);
    const ctx = parser.query();
    if (listener.problems.length) {
      throw new ApexError('System.QueryException', listener.problems[0]!);
    }
    q = new Lowerer(bindByText, key).query(ctx);
    textCache.set(key, q);
  }
  return q;
}
