// Lowers apex-parser's concrete tree into the runtime's syntax tree (ast.ts). One function per
// grammar rule that matters; anything the grammar accepts but the runtime does not implement is
// lowered to an `unsupported` failure naming the construct, the file and the line.
import {
  ApexParserFactory,
  AnnotationContext,
  ArrayExpressionContext,
  Arth1ExpressionContext,
  Arth2ExpressionContext,
  AssignExpressionContext,
  BitAndExpressionContext,
  BitExpressionContext,
  BitNotExpressionContext,
  BitOrExpressionContext,
  BlockContext,
  BoundExpressionContext,
  CastExpressionContext,
  ClassDeclarationContext,
  CmpExpressionContext,
  CoalExpressionContext,
  CondExpressionContext,
  DotExpressionContext,
  EnumDeclarationContext,
  EqualityExpressionContext,
  ExpressionContext,
  IdPrimaryContext,
  InstanceOfExpressionContext,
  InterfaceDeclarationContext,
  LiteralPrimaryContext,
  LogAndExpressionContext,
  LogOrExpressionContext,
  MethodCallExpressionContext,
  NegExpressionContext,
  NewExpressionContext,
  PostOpExpressionContext,
  PreOpExpressionContext,
  PrimaryExpressionContext,
  SoqlPrimaryContext,
  SoslPrimaryContext,
  SubExpressionContext,
  SuperPrimaryContext,
  ThisPrimaryContext,
  TypeRefPrimaryContext,
  VoidPrimaryContext,
  type ClassBodyDeclarationContext,
  type QueryContext,
  type LiteralContext,
  type MethodCallContext,
  type ModifierContext,
  type StatementContext,
  type TypeRefContext,
  type TriggerUnitContext,
  type WhenLiteralContext,
} from '@apexdevtools/apex-parser';
import type { ApexParserRuleContext as ParserRuleContext } from '@apexdevtools/apex-parser';
import { unsupported } from '../interpreter/errors';
import {
  ApexDecimal,
  ApexDouble,
  decimalScaleOf,
  type ApexValue,
  type TypeRef,
} from '../interpreter/values';
import type {
  Annotation,
  ClassDecl,
  Expr,
  MemberDecl,
  MethodDecl,
  Modifiers,
  Pos,
  Stmt,
  TriggerDecl,
  WhenClause,
} from './ast';

export class Lowerer {
  constructor(
    private readonly unit: string,
    private readonly file: string,
    /** The file's text: inline SOQL keeps its own source, to be parsed again from a cache. */
    private readonly source = ''
  ) {}

  // The parser's token offsets count code points; a String indexes UTF-16 units, so a file
  // with an emoji before a query would cut it short. Split into code points only then.
  private codePoints: string[] | undefined;

  private sourceSlice(start: number, end: number): string {
    if (!/[\uD800-\uDBFF]/.test(this.source)) {
      return this.source.slice(start, end);
    }
    this.codePoints ??= Array.from(this.source);
    return this.codePoints.slice(start, end).join('');
  }

  pos(ctx: ParserRuleContext): Pos {
    return { line: ctx.start.line, column: ctx.start.column + 1 };
  }

  fail(feature: string, ctx: ParserRuleContext): never {
    const p = this.pos(ctx);
    return unsupported(feature, { unit: this.unit, line: p.line, column: p.column });
  }

  // ---- declarations ----

  modifiers(list: ModifierContext[]): Modifiers {
    const keywords = new Set<string>();
    const annotations: Annotation[] = [];
    let sharing: Modifiers['sharing'] = null;
    for (const m of list) {
      const annotation = m.annotation();
      if (annotation) {
        annotations.push(this.annotation(annotation));
        continue;
      }
      const text = m.getText().toLowerCase();
      if (text.endsWith('sharing')) {
        sharing = text.startsWith('without')
          ? 'without'
          : text.startsWith('inherited')
            ? 'inherited'
            : 'with';
      } else {
        keywords.add(text);
      }
    }
    return { keywords, annotations, sharing };
  }

  annotation(ctx: AnnotationContext): Annotation {
    const params = new Map<string, string>();
    const pairs = ctx.elementValuePairs();
    if (pairs) {
      for (const pair of pairs.elementValuePair_list()) {
        params.set(pair.id().getText().toLowerCase(), stripQuotes(pair.elementValue().getText()));
      }
    }
    const single = ctx.elementValue();
    if (single) {
      params.set('value', stripQuotes(single.getText()));
    }
    return { name: ctx.id().getText().toLowerCase(), params };
  }

  typeRef(ctx: TypeRefContext): TypeRef {
    const names = ctx.typeName_list();
    let args: TypeRef[] = [];
    const parts: string[] = [];
    for (const typeName of names) {
      if (typeName.LIST()) {
        parts.push('List');
      } else if (typeName.SET()) {
        parts.push('Set');
      } else if (typeName.MAP()) {
        parts.push('Map');
      } else {
        parts.push(typeName.id().getText());
      }
      const typeArgs = typeName.typeArguments();
      if (typeArgs) {
        args = typeArgs
          .typeList()
          .typeRef_list()
          .map((t) => this.typeRef(t));
      }
    }
    let type: TypeRef = { name: parts.join('.'), args };
    const subscripts = ctx.arraySubscripts().getText().length / 2;
    for (let i = 0; i < subscripts; i++) {
      type = { name: 'List', args: [type], array: true };
    }
    return type;
  }

  classDecl(
    ctx: ClassDeclarationContext | InterfaceDeclarationContext | EnumDeclarationContext,
    modifiers: Modifiers,
    outer: ClassDecl | null
  ): ClassDecl {
    const name = ctx.id().getText();
    const decl: ClassDecl = {
      kind:
        ctx instanceof ClassDeclarationContext
          ? 'class'
          : ctx instanceof InterfaceDeclarationContext
            ? 'interface'
            : 'enum',
      name,
      fullName: outer ? `${outer.fullName}.${name}` : name,
      modifiers,
      extendsType: null,
      implementsTypes: [],
      members: [],
      methods: [],
      ctors: [],
      inner: [],
      staticInits: [],
      instanceInits: [],
      enumValues: [],
      outer,
      unit: this.unit,
      file: this.file,
      pos: this.pos(ctx),
    };
    if (ctx instanceof EnumDeclarationContext) {
      decl.enumValues = (ctx.enumConstants()?.id_list() ?? []).map((id) => id.getText());
      return decl;
    }
    if (ctx instanceof InterfaceDeclarationContext) {
      const ext = ctx.typeList();
      decl.implementsTypes = ext ? ext.typeRef_list().map((t) => this.typeRef(t)) : [];
      for (const m of ctx.interfaceBody().interfaceMethodDeclaration_list()) {
        const method: MethodDecl = {
          name: m.id().getText(),
          params: this.params(m.formalParameters()),
          returnType: m.typeRef() ? this.typeRef(m.typeRef()) : null,
          modifiers: this.modifiers(m.modifier_list()),
          isStatic: false,
          body: null,
          pos: this.pos(m),
          owner: decl,
        };
        method.modifiers.keywords.add('abstract');
        decl.methods.push(method);
      }
      return decl;
    }
    if (ctx.typeRef()) {
      decl.extendsType = this.typeRef(ctx.typeRef());
    }
    if (ctx.typeList()) {
      decl.implementsTypes = ctx
        .typeList()
        .typeRef_list()
        .map((t) => this.typeRef(t));
    }
    for (const body of ctx.classBody().classBodyDeclaration_list()) {
      this.classBodyDeclaration(body, decl);
    }
    return decl;
  }

  classBodyDeclaration(ctx: ClassBodyDeclarationContext, decl: ClassDecl): void {
    if (ctx.SEMI()) {
      return;
    }
    const block = ctx.block();
    if (block) {
      (ctx.STATIC() ? decl.staticInits : decl.instanceInits).push(this.block(block));
      return;
    }
    const modifiers = this.modifiers(ctx.modifier_list());
    const member = ctx.memberDeclaration();
    const isStatic = modifiers.keywords.has('static');
    const method = member.methodDeclaration();
    if (method) {
      decl.methods.push({
        name: method.id().getText(),
        params: this.params(method.formalParameters()),
        returnType: method.typeRef() ? this.typeRef(method.typeRef()) : null,
        modifiers,
        isStatic,
        body: method.block() ? this.block(method.block()) : null,
        pos: this.pos(method),
        owner: decl,
      });
      return;
    }
    const ctor = member.constructorDeclaration();
    if (ctor) {
      decl.ctors.push({
        name: '<init>',
        params: this.params(ctor.formalParameters()),
        returnType: null,
        modifiers,
        isStatic: false,
        body: this.block(ctor.block()),
        pos: this.pos(ctor),
        owner: decl,
      });
      return;
    }
    const field = member.fieldDeclaration();
    if (field) {
      const type = this.typeRef(field.typeRef());
      for (const v of field.variableDeclarators().variableDeclarator_list()) {
        decl.members.push({
          kind: 'field',
          name: v.id().getText(),
          type,
          isStatic,
          modifiers,
          init: v.expression() ? this.expr(v.expression()) : null,
          pos: this.pos(v),
        });
      }
      return;
    }
    const property = member.propertyDeclaration();
    if (property) {
      const prop: MemberDecl = {
        kind: 'property',
        name: property.id().getText(),
        type: this.typeRef(property.typeRef()),
        isStatic,
        modifiers,
        getter: null,
        setter: null,
        setterPrivate: false,
        pos: this.pos(property),
      };
      for (const pb of property.propertyBlock_list()) {
        const getter = pb.getter();
        const setter = pb.setter();
        if (getter) {
          prop.getter = getter.block() ? this.block(getter.block()) : 'auto';
        }
        if (setter) {
          prop.setter = setter.block() ? this.block(setter.block()) : 'auto';
          const words = pb.modifier_list().map((m) => m.getText().toLowerCase());
          prop.setterPrivate = words.includes('private') || words.includes('protected');
        }
      }
      decl.members.push(prop);
      return;
    }
    const inner =
      member.classDeclaration() ?? member.interfaceDeclaration() ?? member.enumDeclaration();
    if (inner) {
      decl.inner.push(this.classDecl(inner, modifiers, decl));
      return;
    }
    this.fail('class member', ctx);
  }

  params(ctx: { formalParameterList(): { formalParameter_list(): any[] } | null }): {
    type: TypeRef;
    name: string;
  }[] {
    const list = ctx.formalParameterList();
    if (!list) {
      return [];
    }
    return list.formalParameter_list().map((p: any) => ({
      type: this.typeRef(p.typeRef()),
      name: p.id().getText() as string,
    }));
  }

  trigger(ctx: TriggerUnitContext): TriggerDecl {
    const ids = ctx.id_list();
    const events = ctx
      .triggerCase_list()
      .map((c) => `${c.getChild(0).getText()} ${c.getChild(1).getText()}`.toLowerCase());
    const body: Stmt[] = [];
    for (const member of ctx.triggerBlock().triggerBlockMember_list()) {
      const statement = member.statement();
      if (statement) {
        body.push(this.stmt(statement));
        continue;
      }
      // `Integer x = 1;` at the top of a trigger parses as a field: it is a local variable.
      const field = member.triggerMemberDeclaration().fieldDeclaration();
      if (!field) {
        this.fail('methods and classes inside a trigger body', member);
      }
      body.push({
        k: 'local',
        type: this.typeRef(field.typeRef()),
        decls: field
          .variableDeclarators()
          .variableDeclarator_list()
          .map((v) => ({
            name: v.id().getText(),
            init: v.expression() ? this.expr(v.expression()) : null,
            pos: this.pos(v),
          })),
        pos: this.pos(field),
      });
    }
    // The grammar's trigger unit: `trigger <name> on <object>`.
    return {
      name: ids[0]!.getText(),
      objectName: ids[1]!.getText(),
      events,
      body: { k: 'block', body, pos: this.pos(ctx) },
      unit: this.unit,
      file: this.file,
    };
  }

  // ---- statements ----

  block(ctx: BlockContext): Stmt {
    return { k: 'block', body: ctx.statement_list().map((s) => this.stmt(s)), pos: this.pos(ctx) };
  }

  stmt(ctx: StatementContext): Stmt {
    const pos = this.pos(ctx);
    const child = ctx.getChild(0) as ParserRuleContext;
    const c = child as any;
    const name = child.constructor.name;
    switch (name) {
      case 'BlockContext':
        return this.block(c);
      case 'LocalVariableDeclarationStatementContext': {
        const decl = c.localVariableDeclaration();
        return {
          k: 'local',
          type: this.typeRef(decl.typeRef()),
          decls: decl
            .variableDeclarators()
            .variableDeclarator_list()
            .map((v: any) => ({
              name: v.id().getText(),
              init: v.expression() ? this.expr(v.expression()) : null,
              pos: this.pos(v),
            })),
          pos,
        };
      }
      case 'ExpressionStatementContext':
        return { k: 'expr', expr: this.expr(c.expression()), pos };
      case 'IfStatementContext': {
        const statements = c.statement_list();
        return {
          k: 'if',
          test: this.expr(c.parExpression().expression()),
          then: this.stmt(statements[0]),
          else: statements[1] ? this.stmt(statements[1]) : null,
          pos,
        };
      }
      case 'WhileStatementContext':
        return {
          k: 'while',
          test: this.expr(c.parExpression().expression()),
          body: c.statement() ? this.stmt(c.statement()) : null,
          pos,
        };
      case 'DoWhileStatementContext':
        return {
          k: 'do',
          test: this.expr(c.parExpression().expression()),
          body: this.block(c.block()),
          pos,
        };
      case 'ForStatementContext': {
        const control = c.forControl();
        const body = c.statement() ? this.stmt(c.statement()) : null;
        const enhanced = control.enhancedForControl();
        if (enhanced) {
          return {
            k: 'foreach',
            type: this.typeRef(enhanced.typeRef()),
            name: enhanced.id().getText(),
            iterable: this.expr(enhanced.expression()),
            body,
            pos,
          };
        }
        const init = control.forInit();
        let lowered: Stmt | Expr[] | null = null;
        if (init) {
          const local = init.localVariableDeclaration();
          if (local) {
            lowered = {
              k: 'local',
              type: this.typeRef(local.typeRef()),
              decls: local
                .variableDeclarators()
                .variableDeclarator_list()
                .map((v: any) => ({
                  name: v.id().getText(),
                  init: v.expression() ? this.expr(v.expression()) : null,
                  pos: this.pos(v),
                })),
              pos,
            };
          } else {
            lowered = init
              .expressionList()
              .expression_list()
              .map((e: ExpressionContext) => this.expr(e));
          }
        }
        return {
          k: 'for',
          init: lowered,
          test: control.expression() ? this.expr(control.expression()) : null,
          update: control.forUpdate()
            ? control
                .forUpdate()
                .expressionList()
                .expression_list()
                .map((e: ExpressionContext) => this.expr(e))
            : [],
          body,
          pos,
        };
      }
      case 'TryStatementContext':
        return {
          k: 'try',
          body: this.block(c.block()),
          catches: c.catchClause_list().map((cc: any) => ({
            type: { name: cc.qualifiedName().getText(), args: [] },
            name: cc.id().getText(),
            body: this.block(cc.block()),
          })),
          finally: c.finallyBlock() ? this.block(c.finallyBlock().block()) : null,
          pos,
        };
      case 'ReturnStatementContext':
        return { k: 'return', expr: c.expression() ? this.expr(c.expression()) : null, pos };
      case 'ThrowStatementContext':
        return { k: 'throw', expr: this.expr(c.expression()), pos };
      case 'BreakStatementContext':
        return { k: 'break', pos };
      case 'ContinueStatementContext':
        return { k: 'continue', pos };
      case 'InsertStatementContext':
      case 'UpdateStatementContext':
      case 'DeleteStatementContext':
      case 'UndeleteStatementContext':
      case 'UpsertStatementContext': {
        const level = c.accessLevel();
        return {
          k: 'dml',
          op: name.replace('StatementContext', '').toLowerCase() as 'insert',
          access: level
            ? level.getText().toLowerCase().endsWith('user')
              ? 'user'
              : 'system'
            : null,
          expr: this.expr(c.expression()),
          field:
            name === 'UpsertStatementContext' && c.qualifiedName()
              ? c.qualifiedName().getText()
              : null,
          other: null,
          pos,
        };
      }
      case 'MergeStatementContext': {
        // merge [as user|system] masterRecord duplicates;
        const level = c.accessLevel();
        return {
          k: 'dml',
          op: 'merge',
          access: level
            ? level.getText().toLowerCase().endsWith('user')
              ? 'user'
              : 'system'
            : null,
          expr: this.expr(c.expression(0)),
          field: null,
          other: this.expr(c.expression(1)),
          pos,
        };
      }
      case 'RunAsStatementContext':
        return {
          k: 'runAs',
          args: c.expressionList()
            ? c
                .expressionList()
                .expression_list()
                .map((e: ExpressionContext) => this.expr(e))
            : [],
          body: this.block(c.block()),
          pos,
        };
      case 'SwitchStatementContext':
        return {
          k: 'switch',
          expr: this.expr(c.expression()),
          whens: c.whenControl_list().map((w: any): WhenClause => {
            const value = w.whenValue();
            const body = this.block(w.block());
            if (value.ELSE()) {
              return { kind: 'else', body };
            }
            if (value.typeRef()) {
              return {
                kind: 'type',
                type: this.typeRef(value.typeRef()),
                name: value.id().getText(),
                body,
              };
            }
            return {
              kind: 'values',
              values: value.whenLiteral_list().map((l: WhenLiteralContext) => this.whenLiteral(l)),
              body,
            };
          }),
          pos,
        };
      default:
        return this.fail(`statement ${name}`, ctx);
    }
  }

  whenLiteral(ctx: WhenLiteralContext): Expr {
    const pos = this.pos(ctx);
    if (ctx.whenLiteral()) {
      return this.whenLiteral(ctx.whenLiteral());
    }
    if (ctx.NULL()) {
      return { k: 'lit', value: null, pos };
    }
    if (ctx.qualifiedName()) {
      const parts = ctx
        .qualifiedName()
        .id_list()
        .map((i) => i.getText());
      // A qualified name has at least one id.
      let expr: Expr = { k: 'name', name: parts[0]!, pos };
      for (const part of parts.slice(1)) {
        expr = { k: 'field', target: expr, name: part, safe: false, pos };
      }
      return expr;
    }
    const text = ctx.getText();
    const negative = (text.match(/-/g) ?? []).length % 2 === 1;
    if (ctx.IntegerLiteral()) {
      const n = Number(ctx.IntegerLiteral().getText());
      return { k: 'lit', value: negative ? -n : n, pos };
    }
    if (ctx.LongLiteral()) {
      const n = BigInt(ctx.LongLiteral().getText().replace(/[lL]$/, ''));
      return { k: 'lit', value: negative ? -n : n, pos };
    }
    const literal = ctx.StringLiteral() ?? ctx.MultilineStringLiteral();
    return { k: 'lit', value: unescapeApexString(literal.getText()), pos };
  }

  // ---- expressions ----

  args(list: { expression_list(): ExpressionContext[] } | null): Expr[] {
    return list ? list.expression_list().map((e) => this.expr(e)) : [];
  }

  expr(ctx: ExpressionContext): Expr {
    const pos = this.pos(ctx);
    if (ctx instanceof PrimaryExpressionContext) {
      return this.primary(ctx.primary(), pos);
    }
    if (ctx instanceof DotExpressionContext) {
      const target = this.expr(ctx.expression());
      const safe = !!ctx.QUESTIONDOT();
      const call = ctx.dotMethodCall();
      if (call) {
        return {
          k: 'call',
          target,
          name: call.anyId().getText(),
          args: this.args(call.expressionList()),
          safe,
          pos,
        };
      }
      return { k: 'field', target, name: ctx.anyId().getText(), safe, pos };
    }
    if (ctx instanceof MethodCallExpressionContext) {
      return this.methodCall(ctx.methodCall(), pos);
    }
    if (ctx instanceof ArrayExpressionContext) {
      // Each of these grammar alternatives has its fixed number of operands.
      const [target, index] = ctx.expression_list();
      return { k: 'index', target: this.expr(target!), index: this.expr(index!), pos };
    }
    if (ctx instanceof NewExpressionContext) {
      return this.creator(ctx, pos);
    }
    if (ctx instanceof CastExpressionContext) {
      return {
        k: 'cast',
        type: this.typeRef(ctx.typeRef()),
        expr: this.expr(ctx.expression()),
        pos,
      };
    }
    if (ctx instanceof SubExpressionContext) {
      return this.expr(ctx.expression());
    }
    if (ctx instanceof PostOpExpressionContext) {
      return {
        k: 'incdec',
        op: ctx.INC() ? '++' : '--',
        prefix: false,
        target: this.expr(ctx.expression()),
        pos,
      };
    }
    if (ctx instanceof PreOpExpressionContext) {
      const op = ctx.getChild(0).getText();
      const operand = this.expr(ctx.expression());
      if (op === '++' || op === '--') {
        return { k: 'incdec', op, prefix: true, target: operand, pos };
      }
      return { k: 'unary', op: op as '-' | '+', expr: operand, pos };
    }
    if (ctx instanceof NegExpressionContext) {
      return {
        k: 'unary',
        op: ctx.getChild(0).getText() as '!' | '~',
        expr: this.expr(ctx.expression()),
        pos,
      };
    }
    if (
      ctx instanceof Arth1ExpressionContext ||
      ctx instanceof Arth2ExpressionContext ||
      ctx instanceof EqualityExpressionContext ||
      ctx instanceof CmpExpressionContext ||
      ctx instanceof BitExpressionContext ||
      ctx instanceof BitAndExpressionContext ||
      ctx instanceof BitOrExpressionContext ||
      ctx instanceof BitNotExpressionContext ||
      ctx instanceof LogAndExpressionContext ||
      ctx instanceof LogOrExpressionContext ||
      ctx instanceof CoalExpressionContext
    ) {
      const operands = ctx.expression_list();
      // The operator is every token between the two operands (`>` `=` arrive as two tokens).
      const op: string[] = [];
      for (let i = 0; i < ctx.getChildCount(); i++) {
        const child = ctx.getChild(i);
        if (child !== operands[0] && child !== operands[1]) {
          op.push(child.getText());
        }
      }
      return {
        k: 'binary',
        op: op.join(''),
        left: this.expr(operands[0]!),
        right: this.expr(operands[1]!),
        pos,
      };
    }
    if (ctx instanceof InstanceOfExpressionContext) {
      return {
        k: 'instanceof',
        expr: this.expr(ctx.expression()),
        type: this.typeRef(ctx.typeRef()),
        pos,
      };
    }
    if (ctx instanceof CondExpressionContext) {
      const [test, a, b] = ctx.expression_list();
      return { k: 'cond', test: this.expr(test!), then: this.expr(a!), else: this.expr(b!), pos };
    }
    if (ctx instanceof AssignExpressionContext) {
      const [target, value] = ctx.expression_list();
      return {
        k: 'assign',
        op: ctx.getChild(1).getText(),
        target: this.expr(target!),
        value: this.expr(value!),
        pos,
      };
    }
    return this.fail(`expression ${ctx.constructor.name}`, ctx);
  }

  methodCall(ctx: MethodCallContext, pos: Pos): Expr {
    const args = this.args(ctx.expressionList());
    if (ctx.THIS()) {
      return { k: 'ctorCall', which: 'this', args, pos };
    }
    if (ctx.SUPER()) {
      return { k: 'ctorCall', which: 'super', args, pos };
    }
    return { k: 'call', target: null, name: ctx.id().getText(), args, safe: false, pos };
  }

  primary(ctx: ParserRuleContext, pos: Pos): Expr {
    if (ctx instanceof ThisPrimaryContext) {
      return { k: 'this', pos };
    }
    if (ctx instanceof SuperPrimaryContext) {
      return { k: 'super', pos };
    }
    if (ctx instanceof LiteralPrimaryContext) {
      return { k: 'lit', value: literalValue(ctx.literal()), pos };
    }
    if (ctx instanceof TypeRefPrimaryContext) {
      return { k: 'classLit', type: this.typeRef(ctx.typeRef()), pos };
    }
    if (ctx instanceof VoidPrimaryContext) {
      return { k: 'classLit', type: { name: 'void', args: [] }, pos };
    }
    if (ctx instanceof IdPrimaryContext) {
      return { k: 'name', name: ctx.id().getText(), pos };
    }
    if (ctx instanceof SoqlPrimaryContext) {
      const query = ctx.soqlLiteral().query();
      const end = query.stop ? query.stop.stop + 1 : Number.MAX_SAFE_INTEGER;
      const text = this.source ? this.sourceSlice(query.start.start, end) : query.getText();
      return { k: 'soql', query, binds: this.binds(query), text, pos: this.pos(query) };
    }
    if (ctx instanceof SoslPrimaryContext) {
      return this.fail('SOSL', ctx);
    }
    return this.fail(`primary ${ctx.constructor.name}`, ctx);
  }

  /** The bind expressions of an inline query, lowered, by the parser's node for each. */
  binds(query: QueryContext): Map<unknown, Expr> {
    const binds = new Map<unknown, Expr>();
    const visit = (node: ParserRuleContext): void => {
      if (node instanceof BoundExpressionContext) {
        binds.set(node.expression(), this.expr(node.expression()));
        return;
      }
      for (let i = 0; i < node.getChildCount(); i++) {
        const child = node.getChild(i);
        if (child && 'getChildCount' in child && (child as ParserRuleContext).start) {
          visit(child as ParserRuleContext);
        }
      }
    };
    visit(query);
    return binds;
  }

  creator(ctx: NewExpressionContext, pos: Pos): Expr {
    const creator = ctx.creator();
    const pairs = creator.createdName().idCreatedNamePair_list();
    const names: string[] = [];
    let args: TypeRef[] = [];
    for (const pair of pairs) {
      names.push(pair.anyId().getText());
      if (pair.typeList()) {
        args = pair
          .typeList()
          .typeRef_list()
          .map((t) => this.typeRef(t));
      }
    }
    let type: TypeRef = { name: names.join('.'), args };
    const node: Extract<Expr, { k: 'new' }> = {
      k: 'new',
      type,
      args: [],
      fieldArgs: null,
      items: null,
      pairs: null,
      size: null,
      pos,
    };
    if (creator.noRest()) {
      node.items = [];
      if (/^map$/i.test(type.name)) {
        node.items = null;
        node.pairs = [];
      }
      return node;
    }
    const classRest = creator.classCreatorRest();
    if (classRest) {
      const list = classRest.arguments().expressionList();
      const exprs = list ? list.expression_list() : [];
      // `new Contact(LastName = 'x')` parses as assignment expressions: name = value pairs.
      if (
        exprs.length > 0 &&
        exprs.every(
          (e) =>
            e instanceof AssignExpressionContext &&
            e.getChild(1).getText() === '=' &&
            e.expression(0) instanceof PrimaryExpressionContext &&
            (e.expression(0) as PrimaryExpressionContext).primary() instanceof IdPrimaryContext
        )
      ) {
        node.fieldArgs = exprs.map((e) => {
          const a = e as AssignExpressionContext;
          return { name: a.expression(0).getText(), value: this.expr(a.expression(1)) };
        });
        // Resolved at run time: an SObject takes pairs, a class would take assignments as args.
        node.args = exprs.map((e) => this.expr(e));
      } else {
        node.args = exprs.map((e) => this.expr(e));
      }
      return node;
    }
    const arrayRest = creator.arrayCreatorRest();
    if (arrayRest) {
      type = { name: 'List', args: [type], array: true };
      node.type = type;
      if (arrayRest.expression()) {
        node.size = this.expr(arrayRest.expression());
      } else {
        const init = arrayRest.arrayInitializer();
        node.items = init ? init.expression_list().map((e) => this.expr(e)) : [];
      }
      return node;
    }
    const mapRest = creator.mapCreatorRest();
    if (mapRest) {
      node.pairs = mapRest.mapCreatorRestPair_list().map((p) => ({
        key: this.expr(p.expression(0)),
        value: this.expr(p.expression(1)),
      }));
      return node;
    }
    const setRest = creator.setCreatorRest();
    if (setRest) {
      node.items = setRest.expression_list().map((e) => this.expr(e));
      return node;
    }
    return this.fail('creator', ctx);
  }
}

function stripQuotes(text: string): string {
  return text.startsWith("'") && text.endsWith("'") ? unescapeApexString(text) : text;
}

/** An Apex string literal's value: the quotes removed and the escapes applied. */
export function unescapeApexString(literal: string): string {
  const body = literal.slice(1, -1);
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, esc: string) => {
    switch (esc[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'u':
        return String.fromCharCode(parseInt(esc.slice(1), 16));
      default:
        return esc;
    }
  });
}

function literalValue(ctx: LiteralContext): ApexValue {
  if (ctx.IntegerLiteral()) {
    return Number(ctx.IntegerLiteral().getText());
  }
  if (ctx.LongLiteral()) {
    return BigInt(ctx.LongLiteral().getText().replace(/[lL]$/, ''));
  }
  if (ctx.NumberLiteral()) {
    const text = ctx.NumberLiteral().getText();
    if (/[dD]$/.test(text)) {
      return new ApexDouble(Number(text.slice(0, -1)));
    }
    const fraction = text.split('.')[1] ?? '';
    return new ApexDecimal(Number(text), fraction.length || decimalScaleOf(Number(text)));
  }
  const str = ctx.StringLiteral() ?? ctx.MultilineStringLiteral();
  if (str) {
    return unescapeApexString(str.getText());
  }
  if (ctx.BooleanLiteral()) {
    return ctx.BooleanLiteral().getText().toLowerCase() === 'true';
  }
  return null;
}

/**
 * Gives an inline query read from the parse cache its parser tree again: the query's text is
 * parsed at the position it had in its file (padded with blank lines and spaces), so errors
 * and bind expressions keep their lines.
 */
export function hydrateSoql(expr: Extract<Expr, { k: 'soql' }>, unit: string): void {
  if (expr.query) {
    return;
  }
  const padded = '\n'.repeat(expr.pos.line - 1) + ' '.repeat(expr.pos.column - 1) + expr.text;
  const query = ApexParserFactory.createParser(padded).query();
  expr.query = query;
  expr.binds = new Lowerer(unit, unit, padded).binds(query);
}
