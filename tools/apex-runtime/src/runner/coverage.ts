// Which lines of a class count for coverage: the lines where a statement starts, in every
// method, constructor, initialiser and property accessor, and the lines of field initialisers
// (the platform counts executable lines, not declarations or comments).
import type { ClassDecl, Stmt, TriggerDecl } from '../parse/ast';

function statementLines(stmt: Stmt | null | 'auto', into: Set<number>): void {
  if (!stmt || stmt === 'auto') {
    return;
  }
  if (stmt.k !== 'block') {
    into.add(stmt.pos.line);
  }
  switch (stmt.k) {
    case 'block':
      stmt.body.forEach((s) => statementLines(s, into));
      break;
    case 'if':
      statementLines(stmt.then, into);
      statementLines(stmt.else, into);
      break;
    case 'while':
    case 'do':
    case 'foreach':
      statementLines(stmt.body, into);
      break;
    case 'for':
      if (stmt.init && !Array.isArray(stmt.init)) {
        statementLines(stmt.init, into);
      }
      statementLines(stmt.body, into);
      break;
    case 'try':
      statementLines(stmt.body, into);
      stmt.catches.forEach((c) => statementLines(c.body, into));
      statementLines(stmt.finally, into);
      break;
    case 'runAs':
      statementLines(stmt.body, into);
      break;
    case 'switch':
      stmt.whens.forEach((w) => statementLines(w.body, into));
      break;
    default:
      break;
  }
}

export function executableLines(decl: ClassDecl, into: Set<number> = new Set()): Set<number> {
  for (const m of [...decl.methods, ...decl.ctors]) {
    statementLines(m.body, into);
  }
  for (const s of [...decl.staticInits, ...decl.instanceInits]) {
    statementLines(s, into);
  }
  for (const member of decl.members) {
    if (member.kind === 'field' && member.init) {
      into.add(member.pos.line);
    }
    if (member.kind === 'property') {
      statementLines(member.getter, into);
      statementLines(member.setter, into);
    }
  }
  for (const inner of decl.inner) {
    executableLines(inner, into);
  }
  return into;
}

export function triggerLines(decl: TriggerDecl): Set<number> {
  const into = new Set<number>();
  statementLines(decl.body, into);
  return into;
}
