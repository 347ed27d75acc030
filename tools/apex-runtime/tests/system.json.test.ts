// System.JSON. Output shapes follow the Apex Reference Guide (JSON Class) and the Jackson
// library the platform uses for them (escaping, DefaultPrettyPrinter, parse error wording).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApexError } from '../src/interpreter/errors';
import {
  ApexBlob,
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexDouble,
  ApexList,
  ApexMap,
  ApexObject,
  SObjectValue,
  TypeValue,
  typeRef,
  type ApexValue,
  type TypeRef,
} from '../src/interpreter/values';
import {
  deserialize,
  deserializeUntyped,
  jsonStaticMethods,
  serialize,
  serializePretty,
  type JsonHost,
} from '../src/system/JSON';

// A tiny host: one class `Point {Integer x; String label; List<Integer> tags}` and Contact.
const POINT_FIELDS: Record<string, TypeRef> = {
  x: typeRef('Integer'),
  label: typeRef('String'),
  tags: typeRef('List', typeRef('Integer')),
  when: typeRef('Datetime'),
};
const host: JsonHost = {
  objectFields: (obj) =>
    Object.keys(POINT_FIELDS)
      .filter((k) => obj.fields.has(k))
      .map((k) => [k, obj.fields.get(k)!]),
  resolveType: (t) => (t.name === 'Point' ? 'class' : t.name === 'Contact' ? 'sobject' : null),
  newObject: (t) => new ApexObject(t.name, null),
  fieldOf: (_obj, key) => {
    const name = Object.keys(POINT_FIELDS).find((k) => k.toLowerCase() === key.toLowerCase());
    // name is one of POINT_FIELDS' keys.
    return name ? { name, type: POINT_FIELDS[name]! } : null;
  },
  setField: (obj, name, value) => void obj.fields.set(name, value),
  newSObject: (t) => new SObjectValue(t.name),
  sobjectField: (_r, key) =>
    ({
      id: { name: 'Id', type: typeRef('Id') },
      lastname: { name: 'LastName', type: typeRef('String') },
    })[key.toLowerCase()] ?? null,
  enumValue: () => null,
};

function point(x: ApexValue, label: ApexValue): ApexObject {
  const p = new ApexObject('Point', null);
  p.fields.set('x', x);
  p.fields.set('label', label);
  return p;
}

function jsonError(fn: () => unknown, message?: RegExp): void {
  assert.throws(
    fn,
    (e: unknown) =>
      e instanceof ApexError &&
      e.exceptionType === 'System.JSONException' &&
      (!message || message.test(e.message))
  );
}

describe('JSON.serialize', () => {
  it('primitives', () => {
    assert.equal(serialize('a"b\\c\n\u0001'), '"a\\"b\\\\c\\n\\u0001"');
    assert.equal(serialize(5), '5');
    assert.equal(serialize(5n), '5');
    assert.equal(serialize(new ApexDecimal(1.5, 2)), '1.50');
    assert.equal(serialize(new ApexDouble(2)), '2.0');
    assert.equal(serialize(null), 'null');
    assert.equal(serialize(new ApexDate(2024, 1, 31)), '"2024-01-31"');
    assert.equal(
      serialize(new ApexDatetime(Date.UTC(2024, 0, 31, 21, 5))),
      '"2024-01-31T21:05:00.000Z"'
    );
    assert.equal(serialize(new ApexBlob(new TextEncoder().encode('hi'))), '"aGk="');
    assert.equal(serialize('é/€'), '"é/€"', 'non-ASCII and / are not escaped');
  });

  it('maps keep insertion order; lists are arrays', () => {
    const map = new ApexMap(typeRef('String'), typeRef('Object'));
    map.put('b', 1);
    map.put('a', new ApexList(typeRef('Object'), [true, null]));
    assert.equal(serialize(map), '{"b":1,"a":[true,null]}');
  });

  it('objects: declared fields in order, nulls suppressed on request', () => {
    assert.equal(serialize(point(1, null), false, host), '{"x":1,"label":null}');
    assert.equal(serialize(point(1, null), true, host), '{"x":1}');
  });

  it('records carry attributes with the sobject URL', () => {
    const c = new SObjectValue('Contact');
    c.set('Id', '003000000000001AAA');
    c.set('LastName', 'Doe');
    assert.equal(
      serialize(c, false, host),
      '{"attributes":{"type":"Contact","url":"/services/data/v66.0/sobjects/Contact/003000000000001AAA"},"Id":"003000000000001AAA","LastName":"Doe"}'
    );
    const fresh = new SObjectValue('Contact');
    fresh.set('LastName', 'X');
    assert.equal(serialize(fresh, false, host), '{"attributes":{"type":"Contact"},"LastName":"X"}');
  });

  it('serializePretty uses the Jackson pretty printer', () => {
    const map = new ApexMap(typeRef('String'), typeRef('Object'));
    map.put('name', 'x');
    map.put('list', new ApexList(typeRef('Object'), [1, 2]));
    const inner = new ApexMap(typeRef('String'), typeRef('Object'));
    inner.put('a', 1);
    map.put('objects', new ApexList(typeRef('Object'), [inner]));
    map.put('empty', new ApexMap(typeRef('String'), typeRef('Object')));
    assert.equal(
      serializePretty(map),
      '{\n  "name" : "x",\n  "list" : [ 1, 2 ],\n  "objects" : [ {\n    "a" : 1\n  } ],\n  "empty" : { }\n}'
    );
  });
});

describe('JSON.deserializeUntyped', () => {
  it('objects become ordered Map<String, Object>, numbers Integer/Long/Decimal', () => {
    const v = deserializeUntyped(
      '{"z":1,"a":[1,2.50,3000000000,1e2],"n":null,"s":"\\u00e9"}'
    ) as ApexMap;
    assert.deepEqual(v.keys(), ['z', 'a', 'n', 's']);
    const a = v.get('a') as ApexList;
    assert.equal(a.values[0], 1);
    assert.deepEqual(a.values[1], new ApexDecimal(2.5, 2));
    assert.equal(a.values[2], 3000000000n);
    assert.equal((a.values[3] as ApexDecimal).value, 100);
    assert.equal(v.get('n'), null);
    assert.equal(v.get('s'), 'é');
    assert.equal(a.elementType.name, 'Object');
  });

  it('invalid JSON throws JSONException with a position', () => {
    jsonError(
      () => deserializeUntyped('{"a":}'),
      /Unexpected character \('}' \(code 125\)\).*\[line:1, column:7\]/
    );
    jsonError(() => deserializeUntyped('{a:1}'), /was expecting double-quote to start field name/);
    jsonError(() => deserializeUntyped('[1,2'), /expected close marker for ARRAY/);
    jsonError(() => deserializeUntyped('nope'), /Unrecognized token 'nope'/);
    jsonError(() => deserializeUntyped(''), /No content to map/);
    jsonError(() => deserializeUntyped('"a\nb"'), /Illegal unquoted character/);
  });
});

describe('JSON.deserialize', () => {
  it('into classes: case-insensitive fields, unknown ones ignored (strict: error)', () => {
    const p = deserialize(
      '{"X":2,"label":"a","tags":[1,2],"extra":true}',
      typeRef('Point'),
      host
    ) as ApexObject;
    assert.equal(p.fields.get('x'), 2);
    assert.equal(p.fields.get('label'), 'a');
    assert.deepEqual((p.fields.get('tags') as ApexList).values, [1, 2]);
    jsonError(
      () => deserialize('{"extra":1}', typeRef('Point'), host, true),
      /Unknown field: Point.extra/
    );
  });

  it('round trips an object', () => {
    const original = point(7, 'seven');
    const copy = deserialize(
      serialize(original, false, host),
      typeRef('Point'),
      host
    ) as ApexObject;
    assert.deepEqual([...copy.fields.entries()], [...original.fields.entries()]);
  });

  it('Datetimes from ISO-8601 with a zone', () => {
    const dt = (s: string) =>
      (deserialize(JSON.stringify(s), typeRef('Datetime')) as ApexDatetime).millis;
    assert.equal(dt('2025-03-01T09:30:00Z'), Date.UTC(2025, 2, 1, 9, 30));
    assert.equal(dt('2025-03-01T09:30:00.250+02:00'), Date.UTC(2025, 2, 1, 7, 30, 0, 250));
    jsonError(() => deserialize('"01/03/2025"', typeRef('Datetime')));
  });

  it('typed lists, maps and records', () => {
    const ints = deserialize('[1,2]', typeRef('List', typeRef('Integer'))) as ApexList;
    assert.equal(ints.elementType.name, 'Integer');
    const m = deserialize(
      '{"a":1.5}',
      typeRef('Map', typeRef('String'), typeRef('Decimal'))
    ) as ApexMap;
    assert.deepEqual(m.get('a'), new ApexDecimal(1.5, 1));
    const c = deserialize(
      '{"attributes":{"type":"Contact"},"LastName":"Doe"}',
      typeRef('Contact'),
      host
    ) as SObjectValue;
    assert.equal(c.get('LastName'), 'Doe');
    jsonError(
      () => deserialize('{"Nope":1}', typeRef('Contact'), host),
      /No such column 'Nope' on sobject of type Contact/
    );
    jsonError(
      () => deserialize('"x"', typeRef('Integer')),
      /Cannot deserialize instance of integer from VALUE_STRING/
    );
  });

  it('the static table takes a System.Type', () => {
    // The table defines deserialize and serialize.
    const t = jsonStaticMethods(host);
    const ctx = { timeZone: 'GMT', locale: 'en_US', now: () => 0 };
    const v = t.deserialize!(
      ['[1]', new TypeValue(typeRef('List', typeRef('Long')), 'list<long>')],
      ctx
    ) as ApexList;
    assert.deepEqual(v.values, [1n]);
    assert.equal(t.serialize!([point(1, null), true], ctx), '{"x":1}');
  });
});
