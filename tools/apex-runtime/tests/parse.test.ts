// The parse-and-lower layer: every construct the evaluator walks comes out of the concrete tree
// as the runtime's own node, with its source position; constructs it does not implement fail
// loudly with the file and line instead of being dropped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UnsupportedError } from '../src/interpreter/errors';
import { ApexDecimal, ApexDouble } from '../src/interpreter/values';
import type { Expr, Stmt } from '../src/parse/ast';
import { forgetTreesInMemory, parseClass, parseTrigger } from '../src/parse/parse';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hydrateSoql, unescapeApexString } from '../src/parse/lower';

function bodyOf(source: string): Stmt[] {
  const decl = parseClass(`public class T { static void m() { ${source} } }`, 'T', 'T.cls');
  const body = decl.methods[0]?.body;
  assert.ok(body && body.k === 'block');
  return body.body;
}

function exprOf(source: string): Expr {
  const [stmt] = bodyOf(`Object x = ${source};`);
  assert.ok(stmt?.k === 'local');
  const init = stmt.decls[0]?.init;
  assert.ok(init);
  return init;
}

test('literals keep their Apex types: Integer, Long, Decimal with its scale, Double', () => {
  assert.deepEqual((exprOf('42') as { value: unknown }).value, 42);
  assert.equal((exprOf('42L') as { value: unknown }).value, 42n);
  const decimal = (exprOf('1.50') as { value: unknown }).value;
  assert.ok(decimal instanceof ApexDecimal);
  assert.equal(decimal.scale, 2, '1.50 keeps two digits of scale');
  assert.ok((exprOf('1.5d') as { value: unknown }).value instanceof ApexDouble);
});

test('string escapes are applied as Apex applies them', () => {
  assert.equal(unescapeApexString("'a\\'b\\n\\\\c\\u00e9'"), "a'b\n\\cé");
});

test('operators split into single and two-token forms', () => {
  const ge = exprOf('1 >= 2');
  assert.ok(ge.k === 'binary' && ge.op === '>=');
  const shift = exprOf('1 >>> 2');
  assert.ok(shift.k === 'binary' && shift.op === '>>>');
  const safe = exprOf('a?.b');
  assert.ok(safe.k === 'field' && safe.safe);
});

test('an SObject constructor with name = value pairs keeps the field names', () => {
  const created = exprOf("new Contact(LastName = 'Ng', Email = null)");
  assert.ok(created.k === 'new');
  assert.deepEqual(
    created.fieldArgs?.map((f) => f.name),
    ['LastName', 'Email']
  );
});

test('inline SOQL keeps its bind expressions, lowered', () => {
  const query = exprOf('[SELECT Id FROM Contact WHERE LastName IN :names.keySet() LIMIT :n]');
  assert.ok(query.k === 'soql');
  // A tree read from the disk cache gets its query tree again on first use.
  hydrateSoql(query, 'T');
  assert.equal(
    query.text,
    'SELECT Id FROM Contact WHERE LastName IN :names.keySet() LIMIT :n',
    'the text as written'
  );
  assert.equal(query.binds.size, 2, 'two binds');
  const kinds = [...query.binds.values()].map((b) => b.k);
  assert.deepEqual(kinds.sort(), ['call', 'name']);
});

test('classes: members in declaration order, properties with accessors, inner classes and sharing', () => {
  const decl = parseClass(
    `public with sharing class Outer {
       public static final Integer A = 1;
       public String b { get; private set; }
       private Integer c;
       public class Inner extends Exception {}
       public Outer() {}
     }`,
    'Outer',
    'Outer.cls'
  );
  assert.deepEqual(
    decl.members.map((m) => m.name),
    ['A', 'b', 'c']
  );
  const property = decl.members[1];
  assert.ok(property?.kind === 'property' && property.getter === 'auto' && property.setterPrivate);
  assert.equal(decl.modifiers.sharing, 'with');
  assert.equal(decl.inner[0]?.fullName, 'Outer.Inner');
  assert.equal(decl.ctors.length, 1);
});

test('a trigger lowers its events and body', () => {
  const trigger = parseTrigger(
    'trigger T on Contact (before insert, after update) { Integer x = 1; }',
    'T',
    'T.trigger'
  );
  assert.deepEqual(trigger.events, ['before insert', 'after update']);
  assert.equal(trigger.objectName, 'Contact');
});

test('an unimplemented construct fails with the file and line', () => {
  assert.throws(
    () => bodyOf("\n\n List<List<SObject>> found = [FIND 'x' IN ALL FIELDS RETURNING Account];"),
    (e: unknown) => e instanceof UnsupportedError && e.feature === 'SOSL' && e.position?.line === 3
  );
});

test('a merge statement lowers its master, its duplicates and its access level', () => {
  const [stmt] = bodyOf('merge as user master duplicates;');
  assert.ok(stmt?.k === 'dml');
  assert.equal(stmt.op, 'merge');
  assert.equal(stmt.access, 'user');
  assert.deepEqual(
    [stmt.expr, stmt.other].map((e) => (e?.k === 'name' ? e.name : e?.k)),
    ['master', 'duplicates']
  );
});

test('a tree read back from the disk cache runs like a fresh one: literals, sets, maps and links', () => {
  const source = `public class Cached { static final Long BIG = 9007199254740993L; static Decimal d = 1.50; public class Inner { void m() {} } }`;
  const previous = process.env.APEX_RUNTIME_CACHE;
  process.env.APEX_RUNTIME_CACHE = mkdtempSync(join(tmpdir(), 'apex-parse-cache-'));
  const fresh = parseClass(source, 'Cached', 'Cached.cls');
  forgetTreesInMemory();
  const again = parseClass(source, 'Cached', 'Cached.cls');
  if (previous === undefined) {
    delete process.env.APEX_RUNTIME_CACHE;
  } else {
    process.env.APEX_RUNTIME_CACHE = previous;
  }
  assert.notEqual(again, fresh, 'the second tree comes from disk, not memory');
  const big = again.members[0];
  assert.ok(
    big?.kind === 'field' && big.init?.k === 'lit' && big.init.value === 9007199254740993n,
    'a Long survives exactly'
  );
  const decimal = again.members[1];
  assert.ok(
    decimal?.kind === 'field' &&
      decimal.init?.k === 'lit' &&
      decimal.init.value instanceof ApexDecimal
  );
  assert.ok(again.modifiers.keywords instanceof Set, 'modifiers are a Set');
  const [inner] = again.inner;
  assert.ok(inner);
  assert.equal(inner.outer, again, 'an inner class links to its outer class');
  assert.equal(inner.methods[0]?.owner, inner, 'a method links to its class');
});
