// List, Set and Map methods (Apex Reference Guide: List Class, Set Class, Map Class).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApexError, UnsupportedError } from '../src/interpreter/errors';
import {
  ApexDecimal,
  ApexList,
  ApexMap,
  ApexObject,
  ApexSet,
  SObjectValue,
  typeRef,
  type ApexValue,
} from '../src/interpreter/values';
import { defaultContext } from '../src/system/context';
import { listInstanceMethods as L } from '../src/system/List';
import { mapInstanceMethods as M } from '../src/system/Map';
import { setInstanceMethods as S } from '../src/system/Set';

const ctx = defaultContext();
const list = (type: string, ...items: ApexValue[]) => new ApexList(typeRef(type), items);

/** The table's method `name` (any case): the test fails when the table has none. */
function method<F>(table: Record<string, F>, name: string): F {
  const f = table[name.toLowerCase()];
  assert.ok(f, `no method ${name}`);
  return f;
}

const l = (self: ApexList, name: string, ...args: ApexValue[]) => method(L, name)(self, args, ctx);
const s = (self: ApexSet, name: string, ...args: ApexValue[]) => method(S, name)(self, args, ctx);
const m = (self: ApexMap, name: string, ...args: ApexValue[]) => method(M, name)(self, args, ctx);

function throwsApex(fn: () => unknown, type: string, message?: string): void {
  assert.throws(
    fn,
    (e: unknown) =>
      e instanceof ApexError && e.exceptionType === type && (!message || e.message === message)
  );
}

describe('List', () => {
  it('add, get, set, remove and the index errors', () => {
    const x = list('String', 'a');
    l(x, 'add', 'c');
    l(x, 'add', 1, 'b');
    assert.deepEqual(x.values, ['a', 'b', 'c']);
    assert.equal(l(x, 'get', 2), 'c');
    throwsApex(() => l(x, 'get', 3), 'System.ListException', 'List index out of bounds: 3');
    throwsApex(() => l(x, 'add', 5, 'z'), 'System.ListException', 'List index out of bounds: 5');
    assert.equal(l(x, 'remove', 0), 'a');
    l(x, 'set', 0, 'B');
    assert.deepEqual(x.values, ['B', 'c']);
    assert.equal(l(x, 'size'), 2);
  });

  it('elements take the element type', () => {
    const x = list('Decimal');
    l(x, 'add', 1);
    assert.deepEqual(x.values[0], new ApexDecimal(1, 0));
  });

  it('contains and indexOf are case-sensitive for strings', () => {
    const x = list('String', 'a', 'B');
    assert.equal(l(x, 'contains', 'A'), false);
    assert.equal(l(x, 'indexOf', 'B'), 1);
  });

  it('sort: ascending, nulls first, stable; Comparable through the context', () => {
    const x = list('Integer', 3, null, 1, 2);
    l(x, 'sort');
    assert.deepEqual(x.values, [null, 1, 2, 3]);
    const words = list('String', 'b', 'B', 'a');
    l(words, 'sort');
    assert.deepEqual(words.values, ['B', 'a', 'b']);
    const first = new ApexObject('Thing', null);
    const second = new ApexObject('Thing', null);
    const objs = list('Thing', first, second);
    throwsApex(() => l(objs, 'sort'), 'System.ListException');
    first.fields.set('n', 2);
    second.fields.set('n', 1);
    const byN = defaultContext({
      objectCompare: (a, b) =>
        (a.fields.get('n') as number) - ((b as ApexObject).fields.get('n') as number),
    });
    // The List table defines sort.
    L.sort!(objs, [], byN);
    assert.deepEqual(objs.values, [second, first]);
    assert.throws(
      () => l(list('Contact', new SObjectValue('Contact'), new SObjectValue('Contact')), 'sort'),
      UnsupportedError
    );
  });

  it('clone is shallow, deepClone copies records', () => {
    const c = new SObjectValue('Contact');
    c.set('Id', '003000000000001AAA');
    const x = list('Contact', c);
    assert.equal((l(x, 'clone') as ApexList).values[0], c);
    const deep = l(x, 'deepClone') as ApexList;
    assert.notEqual(deep.values[0], c);
    assert.equal(
      (deep.values[0] as SObjectValue).get('Id'),
      null,
      'Ids are dropped unless preserved'
    );
    assert.equal(
      ((l(x, 'deepClone', true) as ApexList).values[0] as SObjectValue).get('Id'),
      '003000000000001AAA'
    );
  });
});

describe('Set', () => {
  it('add, addAll, contains, remove, retainAll', () => {
    const x = new ApexSet(typeRef('String'), ['a']);
    assert.equal(s(x, 'add', 'a'), false);
    assert.equal(s(x, 'add', 'A'), true, 'case-sensitive');
    assert.equal(s(x, 'addAll', list('String', 'b', 'c')), true);
    assert.equal(s(x, 'containsAll', list('String', 'a', 'b')), true);
    assert.equal(s(x, 'remove', 'A'), true);
    assert.equal(s(x, 'retainAll', list('String', 'a', 'c')), true);
    assert.deepEqual(x.items(), ['a', 'c']);
    assert.equal(s(x, 'size'), 2);
  });

  it('Id sets find 15-character Ids', () => {
    const ids = new ApexSet(typeRef('Id'), []);
    s(ids, 'add', '001000000000001');
    assert.deepEqual(ids.items(), ['001000000000001AAA']);
    assert.equal(s(ids, 'contains', '001000000000001'), true);
  });
});

describe('Map', () => {
  it('put returns the previous value; keySet and values are copies in insertion order', () => {
    const x = new ApexMap(typeRef('String'), typeRef('Integer'));
    assert.equal(m(x, 'put', 'b', 1), null);
    assert.equal(m(x, 'put', 'a', 2), null);
    assert.equal(m(x, 'put', 'b', 3), 1);
    assert.deepEqual((m(x, 'keySet') as ApexSet).items(), ['b', 'a']);
    assert.deepEqual((m(x, 'values') as ApexList).values, [3, 2]);
    assert.equal(m(x, 'containsKey', 'B'), false, 'String keys are case-sensitive');
    assert.equal(m(x, 'remove', 'a'), 2);
    assert.equal(m(x, 'size'), 1);
  });

  it('putAll from records keys them by Id', () => {
    const x = new ApexMap(typeRef('Id'), typeRef('Contact'));
    const c = new SObjectValue('Contact');
    c.set('Id', '003000000000001AAA');
    m(x, 'putAll', list('Contact', c));
    assert.equal(m(x, 'get', '003000000000001'), c);
  });
});

describe('index dispatch', () => {
  it('finds instance and static methods by runtime type and lower-cased name', async () => {
    const { instanceMethod, staticTables } = await import('../src/system/index');
    assert.equal(instanceMethod('abc', 'touppercase')!([], ctx), 'ABC');
    assert.equal(instanceMethod(list('String', 'a'), 'size')!([], ctx), 1);
    assert.equal(
      instanceMethod(new ApexDecimal(1.5, 1), 'setscale')!([2], ctx) instanceof ApexDecimal,
      true
    );
    assert.equal(instanceMethod('abc', 'nosuchmethod'), undefined);
    const tables = staticTables();
    // The tables have Pattern, and Pattern has compile.
    const p = tables.pattern!.compile!(['a(b)'], ctx);
    const matcher = instanceMethod(p, 'matcher')!(['ab'], ctx);
    assert.equal(instanceMethod(matcher, 'matches')!([], ctx), true);
    assert.equal(instanceMethod(matcher, 'group')!([1], ctx), 'b');
  });
});
