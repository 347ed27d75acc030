// The runtime's own syntax tree: the parser's concrete tree (apex-parser, ANTLR) lowered into
// small records that the evaluator walks. Names keep the case they were written in; every
// lookup lower-cases them, since Apex identifiers are case-insensitive.
import type { QueryContext } from '@apexdevtools/apex-parser';
import type { ApexValue, TypeRef } from '../interpreter/values';

export interface Pos {
  line: number;
  column: number;
}

export type Expr =
  | { k: 'lit'; value: ApexValue; pos: Pos }
  | { k: 'name'; name: string; pos: Pos }
  | { k: 'this'; pos: Pos }
  | { k: 'super'; pos: Pos }
  | { k: 'field'; target: Expr; name: string; safe: boolean; pos: Pos }
  | { k: 'call'; target: Expr | null; name: string; args: Expr[]; safe: boolean; pos: Pos }
  | { k: 'ctorCall'; which: 'this' | 'super'; args: Expr[]; pos: Pos }
  | { k: 'index'; target: Expr; index: Expr; pos: Pos }
  | {
      k: 'new';
      type: TypeRef;
      args: Expr[];
      /** `new Contact(LastName = 'x')`: name = value pairs. */
      fieldArgs: { name: string; value: Expr }[] | null;
      /** `new List<String>{ 'a' }` / `new Set<..>{..}` / `new String[]{..}`. */
      items: Expr[] | null;
      /** `new Map<K, V>{ k => v }`. */
      pairs: { key: Expr; value: Expr }[] | null;
      /** `new String[3]`. */
      size: Expr | null;
      pos: Pos;
    }
  | { k: 'cast'; type: TypeRef; expr: Expr; pos: Pos }
  | { k: 'unary'; op: '-' | '+' | '!' | '~'; expr: Expr; pos: Pos }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: Expr; pos: Pos }
  | { k: 'binary'; op: string; left: Expr; right: Expr; pos: Pos }
  | { k: 'instanceof'; expr: Expr; type: TypeRef; pos: Pos }
  | { k: 'cond'; test: Expr; then: Expr; else: Expr; pos: Pos }
  | { k: 'assign'; op: string; target: Expr; value: Expr; pos: Pos }
  | { k: 'classLit'; type: TypeRef; pos: Pos }
  | {
      k: 'soql';
      /** The parser's tree, absent for a query read from the parse cache until first run. */
      query: QueryContext | null;
      binds: Map<unknown, Expr>;
      /** The query as written, from SELECT to its end. */
      text: string;
      pos: Pos;
    };

export interface LocalDecl {
  name: string;
  init: Expr | null;
  pos: Pos;
}

export type WhenClause =
  | { kind: 'else'; body: Stmt }
  | { kind: 'values'; values: Expr[]; body: Stmt }
  | { kind: 'type'; type: TypeRef; name: string; body: Stmt };

export type Stmt =
  | { k: 'block'; body: Stmt[]; pos: Pos }
  | { k: 'local'; type: TypeRef; decls: LocalDecl[]; pos: Pos }
  | { k: 'expr'; expr: Expr; pos: Pos }
  | { k: 'if'; test: Expr; then: Stmt; else: Stmt | null; pos: Pos }
  | { k: 'while'; test: Expr; body: Stmt | null; pos: Pos }
  | { k: 'do'; test: Expr; body: Stmt; pos: Pos }
  | {
      k: 'for';
      init: Stmt | Expr[] | null;
      test: Expr | null;
      update: Expr[];
      body: Stmt | null;
      pos: Pos;
    }
  | { k: 'foreach'; type: TypeRef; name: string; iterable: Expr; body: Stmt | null; pos: Pos }
  | { k: 'return'; expr: Expr | null; pos: Pos }
  | { k: 'break'; pos: Pos }
  | { k: 'continue'; pos: Pos }
  | { k: 'throw'; expr: Expr; pos: Pos }
  | {
      k: 'try';
      body: Stmt;
      catches: { type: TypeRef; name: string; body: Stmt }[];
      finally: Stmt | null;
      pos: Pos;
    }
  | {
      k: 'dml';
      op: 'insert' | 'update' | 'upsert' | 'delete' | 'undelete' | 'merge';
      access: 'user' | 'system' | null;
      expr: Expr;
      /** upsert's external id field, merge's second operand. */
      field: string | null;
      other: Expr | null;
      pos: Pos;
    }
  | { k: 'runAs'; args: Expr[]; body: Stmt; pos: Pos }
  | { k: 'switch'; expr: Expr; whens: WhenClause[]; pos: Pos };

export interface Annotation {
  /** Lower-cased: `istest`, `testsetup`, `auraenabled`, `httppost`, `restresource`. */
  name: string;
  /** Lower-cased parameter names to their source text, quotes removed: {seealldata: 'true'}. */
  params: Map<string, string>;
}

export interface Modifiers {
  /** Lower-cased keywords: public, private, static, final, virtual, abstract, override ... */
  keywords: Set<string>;
  annotations: Annotation[];
  sharing: 'with' | 'without' | 'inherited' | null;
}

/** The annotation of that lower-cased name (`auraenabled`, `istest`), or undefined. */
export function annotationOf(modifiers: Modifiers, name: string): Annotation | undefined {
  return modifiers.annotations.find((a) => a.name === name);
}

export interface ParamDecl {
  type: TypeRef;
  name: string;
}

export interface MethodDecl {
  name: string;
  params: ParamDecl[];
  returnType: TypeRef | null;
  modifiers: Modifiers;
  isStatic: boolean;
  body: Stmt | null;
  pos: Pos;
  /** The last line of the body, for coverage. */
  owner: ClassDecl;
}

export interface FieldDecl {
  kind: 'field';
  name: string;
  type: TypeRef;
  isStatic: boolean;
  modifiers: Modifiers;
  init: Expr | null;
  pos: Pos;
}

export interface PropertyDecl {
  kind: 'property';
  name: string;
  type: TypeRef;
  isStatic: boolean;
  modifiers: Modifiers;
  /** 'auto' for `get;`, a body for `get { ... }`, null when absent. */
  getter: Stmt | 'auto' | null;
  setter: Stmt | 'auto' | null;
  setterPrivate: boolean;
  pos: Pos;
}

export type MemberDecl = FieldDecl | PropertyDecl;

export interface ClassDecl {
  kind: 'class' | 'interface' | 'enum';
  name: string;
  /** `Outer.Inner` for an inner class. */
  fullName: string;
  modifiers: Modifiers;
  extendsType: TypeRef | null;
  implementsTypes: TypeRef[];
  /** Fields and properties in declaration order (initialisation and JSON follow it). */
  members: MemberDecl[];
  methods: MethodDecl[];
  ctors: MethodDecl[];
  inner: ClassDecl[];
  staticInits: Stmt[];
  instanceInits: Stmt[];
  enumValues: string[];
  outer: ClassDecl | null;
  /** The file name without extension: what a stack trace and coverage name. */
  unit: string;
  file: string;
  pos: Pos;
}

export interface TriggerDecl {
  name: string;
  objectName: string;
  /** `before insert`, `after update` ... */
  events: string[];
  body: Stmt;
  /** Members declared inside the trigger body are not supported. */
  unit: string;
  file: string;
}
