// System.JSON: serialize / serializePretty / deserialize / deserializeStrict / deserializeUntyped.
// The platform's JSON is Jackson's: its escaping, its pretty printer (`"key" : value`, arrays on
// one line) and its parse error wording are followed here. Typed deserialization and object
// serialization ask the interpreter about classes through a JsonHost.
import { apexThrow, unsupported } from '../interpreter/errors';
import { collectionKind, primitiveName } from '../interpreter/types';
import {
  ApexBlob,
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexDouble,
  ApexList,
  ApexMap,
  ApexObject,
  ApexSet,
  ApexTime,
  SObjectValue,
  TypeValue,
  typeRef,
  typeToString,
  type ApexValue,
  type TypeRef,
} from '../interpreter/values';
import { toId18 } from './Arithmetic';
import type { StaticMethod, SystemContext } from './context';
import { fieldsToMillis } from './Datetime';
import { parseDecimal } from './Decimal';
import { apexToString, dateToString, decimalToString, formatDouble } from './String';
import { timeToString } from './Time';

/** What JSON needs from the interpreter about user classes, enums and SObjects. */
export interface JsonHost {
  /** Instance fields of an object in declaration order (transient and static ones left out). */
  objectFields(obj: ApexObject): [string, ApexValue][];
  /** The constant name of an enum value, or undefined when obj is not an enum value. */
  enumName?(obj: ApexObject): string | undefined;
  /** What a type that is not a primitive or collection denotes. */
  resolveType(type: TypeRef): 'class' | 'sobject' | 'enum' | null;
  /** A new instance of a class, built as JSON.deserialize builds it (no-argument constructor). */
  newObject(type: TypeRef): ApexObject;
  /** A class's instance field matching a JSON key (case-insensitively), or null. */
  fieldOf(obj: ApexObject, jsonKey: string): { name: string; type: TypeRef } | null;
  setField(obj: ApexObject, name: string, value: ApexValue): void;
  /** A new record of an SObject type (the type's canonical API name in `type.name`). */
  newSObject(type: TypeRef): SObjectValue;
  /** A field or relationship of an SObject type matching a JSON key, or null if there is none. */
  sobjectField(record: SObjectValue, jsonKey: string): { name: string; type: TypeRef } | null;
  /** The enum constant named `name` (case-insensitively), or null. */
  enumValue(type: TypeRef, name: string): ApexValue | null;
  /** The API version in SObject attribute URLs (`66.0`). */
  apiVersion?: string;
}

// ---- serialization ------------------------------------------------------------------------

const HEX = '0123456789ABCDEF';

/** A JSON string literal, escaped as Jackson escapes it. */
export function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) {
      out += '\\"';
    } else if (c === 0x5c) {
      out += '\\\\';
    } else if (c < 0x20) {
      switch (c) {
        case 0x08:
          out += '\\b';
          break;
        case 0x09:
          out += '\\t';
          break;
        case 0x0a:
          out += '\\n';
          break;
        case 0x0c:
          out += '\\f';
          break;
        case 0x0d:
          out += '\\r';
          break;
        default:
          out += `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
      }
    } else {
      out += s[i];
    }
  }
  return `${out}"`;
}

function isoDatetime(dt: ApexDatetime, sobjectStyle: boolean): string {
  const d = new Date(dt.millis);
  const iso = d.toISOString(); // yyyy-MM-ddTHH:mm:ss.SSSZ (years 0-9999)
  return sobjectStyle ? iso.replace(/Z$/, '+0000') : iso;
}

type Json = string | { obj: [string, Json][] } | { arr: Json[] };

interface SerializeOptions {
  suppressNulls: boolean;
  host?: JsonHost;
  ctx?: SystemContext;
}

function toJsonTree(v: ApexValue, o: SerializeOptions, inSObject = false): Json {
  if (v === null || v === undefined) {
    return 'null';
  }
  switch (typeof v) {
    case 'string':
      return jsonString(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return String(v);
    case 'bigint':
      return v.toString();
  }
  if (v instanceof ApexDecimal) {
    return decimalToString(v);
  }
  if (v instanceof ApexDouble) {
    if (!Number.isFinite(v.value)) {
      return jsonString(formatDouble(v.value));
    }
    return formatDouble(v.value);
  }
  if (v instanceof ApexDate) {
    return jsonString(dateToString(v));
  }
  if (v instanceof ApexDatetime) {
    return jsonString(isoDatetime(v, inSObject));
  }
  if (v instanceof ApexTime) {
    return jsonString(timeToString(v));
  }
  if (v instanceof ApexBlob) {
    return jsonString(Buffer.from(v.bytes).toString('base64'));
  }
  if (v instanceof ApexList || v instanceof ApexSet) {
    return { arr: v.items().map((x) => toJsonTree(x, o)) };
  }
  if (v instanceof ApexMap) {
    return {
      obj: [...v.entries.values()].map(
        (e) => [apexToString(e.key, o.ctx), toJsonTree(e.value, o)] as [string, Json]
      ),
    };
  }
  if (v instanceof SObjectValue) {
    return sobjectTree(v, o);
  }
  if (v instanceof TypeValue) {
    unsupported('JSON.serialize of a System.Type');
  }
  if (v instanceof ApexObject) {
    const enumName = o.host?.enumName?.(v);
    if (enumName !== undefined) {
      return jsonString(enumName);
    }
    if (v.native !== undefined) {
      unsupported(`JSON.serialize of ${v.className}`);
    }
    if (!o.host) {
      unsupported('JSON.serialize of an object without a JsonHost');
    }
    const entries: [string, Json][] = [];
    for (const [name, value] of o.host.objectFields(v)) {
      if (value === null && o.suppressNulls) {
        continue;
      }
      entries.push([name, toJsonTree(value, o)]);
    }
    return { obj: entries };
  }
  unsupported('JSON.serialize of this value');
}

function sobjectTree(record: SObjectValue, o: SerializeOptions): Json {
  const id = record.get('Id');
  const attributes: [string, Json][] = [['type', jsonString(record.type)]];
  if (typeof id === 'string') {
    const version = o.host?.apiVersion ?? '66.0';
    attributes.push([
      'url',
      jsonString(`/services/data/v${version}/sobjects/${record.type}/${id}`),
    ]);
  }
  const entries: [string, Json][] = [['attributes', { obj: attributes }]];
  for (const field of record.fields.values()) {
    const value = field.value;
    if (value instanceof ApexList) {
      entries.push([
        field.name,
        {
          obj: [
            ['totalSize', String(value.values.length)],
            ['done', 'true'],
            ['records', { arr: value.values.map((r) => toJsonTree(r, o, true)) }],
          ],
        },
      ]);
    } else {
      entries.push([field.name, toJsonTree(value, o, true)]);
    }
  }
  return { obj: entries };
}

function render(tree: Json): string {
  if (typeof tree === 'string') {
    return tree;
  }
  if ('arr' in tree) {
    return `[${tree.arr.map(render).join(',')}]`;
  }
  return `{${tree.obj.map(([k, v]) => `${jsonString(k)}:${render(v)}`).join(',')}}`;
}

/** Jackson's DefaultPrettyPrinter: objects one field a line (2 spaces), arrays inline. */
function renderPretty(tree: Json, level: number): string {
  if (typeof tree === 'string') {
    return tree;
  }
  if ('arr' in tree) {
    if (!tree.arr.length) {
      return '[ ]';
    }
    return `[ ${tree.arr.map((v) => renderPretty(v, level)).join(', ')} ]`;
  }
  if (!tree.obj.length) {
    return '{ }';
  }
  const indent = '  '.repeat(level + 1);
  const fields = tree.obj.map(
    ([k, v]) => `${indent}${jsonString(k)} : ${renderPretty(v, level + 1)}`
  );
  return `{\n${fields.join(',\n')}\n${'  '.repeat(level)}}`;
}

export function serialize(
  value: ApexValue,
  suppressNulls = false,
  host?: JsonHost,
  ctx?: SystemContext
): string {
  return render(toJsonTree(value, { suppressNulls, host, ctx }));
}

export function serializePretty(
  value: ApexValue,
  suppressNulls = false,
  host?: JsonHost,
  ctx?: SystemContext
): string {
  return renderPretty(toJsonTree(value, { suppressNulls, host, ctx }), 0);
}

// ---- parsing ------------------------------------------------------------------------------------

export type JsonNode =
  | { k: 'null' }
  | { k: 'bool'; v: boolean }
  | { k: 'num'; text: string }
  | { k: 'str'; v: string }
  | { k: 'arr'; items: JsonNode[] }
  | { k: 'obj'; entries: [string, JsonNode][] };

function jsonError(message: string): never {
  apexThrow('System.JSONException', message);
}

class Parser {
  private i = 0;

  constructor(private readonly s: string) {}

  private where(at = this.i): string {
    let line = 1;
    let col = 1;
    for (let j = 0; j < at && j < this.s.length; j++) {
      if (this.s[j] === '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return `at [line:${line}, column:${col}]`;
  }

  private describe(at: number): string {
    const c = this.s.charCodeAt(at);
    const ch = this.s[at];
    return c < 0x20 ? `(CTRL-CHAR, code ${c})` : `('${ch}' (code ${c}))`;
  }

  private ws(): void {
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
        this.i++;
      } else {
        break;
      }
    }
  }

  parseRoot(): JsonNode {
    this.ws();
    if (this.i >= this.s.length) {
      jsonError(`No content to map due to end-of-input ${this.where()}`);
    }
    return this.value();
  }

  private value(): JsonNode {
    this.ws();
    if (this.i >= this.s.length) {
      jsonError(`Unexpected end-of-input: expected a value ${this.where()}`);
    }
    const c = this.s[this.i]!;
    if (c === '{') {
      return this.object();
    }
    if (c === '[') {
      return this.array();
    }
    if (c === '"') {
      return { k: 'str', v: this.string() };
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      return this.number();
    }
    for (const [word, node] of [
      ['true', { k: 'bool', v: true }],
      ['false', { k: 'bool', v: false }],
      ['null', { k: 'null' }],
    ] as [string, JsonNode][]) {
      if (
        this.s.startsWith(word, this.i) &&
        !/[A-Za-z0-9_]/.test(this.s[this.i + word.length] ?? '')
      ) {
        this.i += word.length;
        return node;
      }
    }
    if (/[A-Za-z]/.test(c)) {
      const token = /^[A-Za-z0-9_$]+/.exec(this.s.slice(this.i))![0];
      jsonError(
        `Unrecognized token '${token}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false') ${this.where()}`
      );
    }
    jsonError(
      `Unexpected character ${this.describe(this.i)}: expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false') ${this.where(this.i + 1)}`
    );
  }

  private object(): JsonNode {
    this.i++;
    const entries: [string, JsonNode][] = [];
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return { k: 'obj', entries };
    }
    for (;;) {
      this.ws();
      if (this.i >= this.s.length) {
        jsonError(`Unexpected end-of-input: expected close marker for OBJECT ${this.where()}`);
      }
      if (this.s[this.i] !== '"') {
        jsonError(
          `Unexpected character ${this.describe(this.i)}: was expecting double-quote to start field name ${this.where(this.i + 1)}`
        );
      }
      const key = this.string();
      this.ws();
      if (this.s[this.i] !== ':') {
        if (this.i >= this.s.length) {
          jsonError(`Unexpected end-of-input: expected close marker for OBJECT ${this.where()}`);
        }
        jsonError(
          `Unexpected character ${this.describe(this.i)}: was expecting a colon to separate field name and value ${this.where(this.i + 1)}`
        );
      }
      this.i++;
      entries.push([key, this.value()]);
      this.ws();
      const c = this.s[this.i];
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === '}') {
        this.i++;
        return { k: 'obj', entries };
      }
      if (c === undefined) {
        jsonError(`Unexpected end-of-input: expected close marker for OBJECT ${this.where()}`);
      }
      jsonError(
        `Unexpected character ${this.describe(this.i)}: was expecting comma to separate OBJECT entries ${this.where(this.i + 1)}`
      );
    }
  }

  private array(): JsonNode {
    this.i++;
    const items: JsonNode[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return { k: 'arr', items };
    }
    for (;;) {
      items.push(this.value());
      this.ws();
      const c = this.s[this.i];
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === ']') {
        this.i++;
        return { k: 'arr', items };
      }
      if (c === undefined) {
        jsonError(`Unexpected end-of-input: expected close marker for ARRAY ${this.where()}`);
      }
      jsonError(
        `Unexpected character ${this.describe(this.i)}: was expecting comma to separate ARRAY entries ${this.where(this.i + 1)}`
      );
    }
  }

  private string(): string {
    this.i++;
    let out = '';
    for (;;) {
      if (this.i >= this.s.length) {
        jsonError(
          `Unexpected end-of-input: was expecting closing quote for a string value ${this.where()}`
        );
      }
      const c = this.s[this.i];
      const code = this.s.charCodeAt(this.i);
      if (c === '"') {
        this.i++;
        return out;
      }
      if (code < 0x20) {
        jsonError(
          `Illegal unquoted character (${this.describe(this.i).replace(/^\(|\)$/g, '')}): has to be escaped using backslash to be included in string value ${this.where(this.i + 1)}`
        );
      }
      if (c !== '\\') {
        out += c;
        this.i++;
        continue;
      }
      const e = this.s[this.i + 1];
      this.i += 2;
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out += e;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          const hex = this.s.slice(this.i, this.i + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            jsonError(
              `Unexpected character in unicode escape: expected a hex-digit for character escape sequence ${this.where()}`
            );
          }
          out += String.fromCharCode(parseInt(hex, 16));
          this.i += 4;
          break;
        }
        default:
          if (e === undefined) {
            jsonError(`Unexpected end-of-input in character escape sequence ${this.where()}`);
          }
          jsonError(`Unrecognized character escape ${this.describe(this.i - 1)} ${this.where()}`);
      }
    }
  }

  private number(): JsonNode {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i));
    if (!m) {
      jsonError(
        `Unexpected character ${this.describe(this.i + 1)}: expected digit for a number ${this.where(this.i + 1)}`
      );
    }
    const next = this.s[this.i + m[0].length];
    if (next !== undefined && /[0-9]/.test(next) && m[1] === '0') {
      jsonError(`Invalid numeric value: Leading zeroes not allowed ${this.where(this.i + 1)}`);
    }
    this.i += m[0].length;
    return { k: 'num', text: m[0] };
  }
}

export function parseJson(text: string): JsonNode {
  return new Parser(text).parseRoot();
}

const OBJECT: TypeRef = typeRef('Object');
const STRING: TypeRef = typeRef('String');

/** A JSON number as deserializeUntyped gives it: Integer, Long, or Decimal when it has a fraction. */
function untypedNumber(text: string): ApexValue {
  if (/^-?\d+$/.test(text)) {
    const n = BigInt(text);
    if (n >= -2147483648n && n <= 2147483647n) {
      return Number(n);
    }
    if (n === BigInt.asIntN(64, n)) {
      return n;
    }
  }
  return parseDecimal(text);
}

export function toUntyped(node: JsonNode): ApexValue {
  switch (node.k) {
    case 'null':
      return null;
    case 'bool':
      return node.v;
    case 'num':
      return untypedNumber(node.text);
    case 'str':
      return node.v;
    case 'arr':
      return new ApexList(OBJECT, node.items.map(toUntyped));
    case 'obj': {
      const map = new ApexMap(STRING, OBJECT);
      for (const [k, v] of node.entries) {
        map.put(k, toUntyped(v));
      }
      return map;
    }
  }
}

export function deserializeUntyped(text: string): ApexValue {
  return toUntyped(parseJson(text));
}

// ---- typed deserialization ----------------------------------------------------------------------

function kindName(node: JsonNode): string {
  switch (node.k) {
    case 'null':
      return 'VALUE_NULL';
    case 'bool':
      return node.v ? 'VALUE_TRUE' : 'VALUE_FALSE';
    case 'num':
      return /[.eE]/.test(node.text) ? 'VALUE_NUMBER_FLOAT' : 'VALUE_NUMBER_INT';
    case 'str':
      return 'VALUE_STRING';
    case 'arr':
      return 'START_ARRAY';
    case 'obj':
      return 'START_OBJECT';
  }
}

function mismatch(node: JsonNode, type: TypeRef): never {
  const shown = node.k === 'str' ? ` value ${node.v}` : '';
  jsonError(
    `Cannot deserialize instance of ${typeToString(type).toLowerCase()} from ${kindName(node)}${shown} or request may be missing a required field`
  );
}

/** ISO-8601 date-time as JSON.deserialize reads a Datetime; null when it does not parse. */
export function parseIsoDatetime(text: string): number | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(
      text
    );
  if (!m) {
    return null;
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = m;
  const month = Number(mo);
  const day = Number(d);
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    return null;
  }
  let millis = fieldsToMillis(
    Number(y),
    month,
    day,
    Number(h),
    Number(mi),
    Number(s),
    Number(frac.padEnd(3, '0').slice(0, 3))
  );
  if (zone !== 'Z') {
    const zm = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    const offset = (Number(zm[2]) * 60 + Number(zm[3] ?? '0')) * 60_000;
    millis -= zm[1] === '-' ? -offset : offset;
  }
  return millis;
}

interface DeserializeOptions {
  strict: boolean;
  host?: JsonHost;
}

function needHost(o: DeserializeOptions): JsonHost {
  if (!o.host) {
    unsupported('JSON.deserialize into a class or SObject without a JsonHost');
  }
  return o.host;
}

function scalarText(node: JsonNode, type: TypeRef): string {
  switch (node.k) {
    case 'str':
      return node.v;
    case 'num':
      return node.text;
    case 'bool':
      return String(node.v);
    default:
      mismatch(node, type);
  }
}

export function fromJson(node: JsonNode, type: TypeRef, o: DeserializeOptions): ApexValue {
  if (node.k === 'null') {
    return null;
  }
  const coll = collectionKind(type);
  if (coll === 'list' || coll === 'set') {
    if (node.k !== 'arr') {
      mismatch(node, type);
    }
    const element = type.args[0] ?? OBJECT;
    const items = node.items.map((n) => fromJson(n, element, o));
    return coll === 'list' ? new ApexList(element, items) : new ApexSet(element, items);
  }
  if (coll === 'map') {
    if (node.k !== 'obj') {
      mismatch(node, type);
    }
    const keyType = type.args[0] ?? STRING;
    const valueType = type.args[1] ?? OBJECT;
    const map = new ApexMap(keyType, valueType);
    for (const [k, v] of node.entries) {
      map.put(fromJson({ k: 'str', v: k }, keyType, o), fromJson(v, valueType, o));
    }
    return map;
  }
  const prim = primitiveName(type);
  if (prim) {
    return primitiveFromJson(node, prim, type);
  }
  const host = needHost(o);
  const kind = host.resolveType(type);
  if (kind === 'enum') {
    if (node.k !== 'str') {
      mismatch(node, type);
    }
    const value = host.enumValue(type, node.v);
    if (value === null) {
      jsonError(`No enum constant ${typeToString(type)}.${node.v}`);
    }
    return value;
  }
  if (kind === 'sobject') {
    if (node.k !== 'obj') {
      mismatch(node, type);
    }
    const record = host.newSObject(type);
    for (const [key, value] of node.entries) {
      if (key === 'attributes') {
        continue;
      }
      const field = host.sobjectField(record, key);
      if (!field) {
        jsonError(`No such column '${key}' on sobject of type ${record.type}`);
      }
      // A child relationship arrives as {"totalSize":..,"done":..,"records":[...]}.
      if (value.k === 'obj' && collectionKind(field.type) === 'list') {
        const records = value.entries.find(([k]) => k === 'records');
        record.set(field.name, records ? fromJson(records[1], field.type, o) : null);
        continue;
      }
      record.set(field.name, fromJson(value, field.type, o));
    }
    return record;
  }
  if (kind === 'class') {
    if (node.k !== 'obj') {
      mismatch(node, type);
    }
    const obj = host.newObject(type);
    for (const [key, value] of node.entries) {
      const field = host.fieldOf(obj, key);
      if (!field) {
        if (o.strict) {
          jsonError(`Unknown field: ${obj.className}.${key}`);
        }
        continue;
      }
      host.setField(obj, field.name, fromJson(value, field.type, o));
    }
    return obj;
  }
  unsupported(`JSON.deserialize into ${typeToString(type)}`);
}

function primitiveFromJson(node: JsonNode, prim: string, type: TypeRef): ApexValue {
  switch (prim) {
    case 'object':
      return toUntyped(node);
    case 'string':
      return scalarText(node, type);
    case 'id': {
      const text = scalarText(node, type);
      const id = toId18(text);
      if (id === null) {
        apexThrow('System.StringException', `Invalid id: ${text}`);
      }
      return id;
    }
    case 'boolean':
      if (node.k === 'bool') {
        return node.v;
      }
      if (node.k === 'str' && /^(true|false)$/i.test(node.v)) {
        return node.v.toLowerCase() === 'true';
      }
      mismatch(node, type);
      break;
    case 'integer':
    case 'long': {
      const text =
        node.k === 'num' || node.k === 'str'
          ? node.k === 'num'
            ? node.text
            : node.v.trim()
          : mismatch(node, type);
      if (!/^-?\d+(\.\d*)?([eE][+-]?\d+)?$/.test(text)) {
        mismatch(node, type);
      }
      const whole = BigInt(Math.trunc(Number(text)));
      if (prim === 'integer') {
        if (whole > 2147483647n || whole < -2147483648n) {
          jsonError(`Numeric value (${text}) out of range of int`);
        }
        return Number(whole);
      }
      return /^-?\d+$/.test(text) ? BigInt(text) : whole;
    }
    case 'decimal':
      if (node.k === 'num') {
        return parseDecimal(node.text);
      }
      if (node.k === 'str') {
        try {
          return parseDecimal(node.v.trim());
        } catch {
          mismatch(node, type);
        }
      }
      mismatch(node, type);
      break;
    case 'double':
      if (
        node.k === 'num' ||
        (node.k === 'str' && node.v.trim() !== '' && !Number.isNaN(Number(node.v)))
      ) {
        return new ApexDouble(Number(node.k === 'num' ? node.text : node.v));
      }
      mismatch(node, type);
      break;
    case 'date': {
      if (node.k !== 'str') {
        mismatch(node, type);
      }
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(node.v);
      if (!m) {
        mismatch(node, type);
      }
      return new ApexDate(Number(m[1]), Number(m[2]), Number(m[3]));
    }
    case 'datetime': {
      if (node.k === 'num' && /^-?\d+$/.test(node.text)) {
        return new ApexDatetime(Number(node.text));
      }
      if (node.k !== 'str') {
        mismatch(node, type);
      }
      const millis = parseIsoDatetime(node.v);
      if (millis === null) {
        mismatch(node, type);
      }
      return new ApexDatetime(millis);
    }
    case 'time': {
      if (node.k !== 'str') {
        mismatch(node, type);
      }
      const m = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z?$/.exec(node.v);
      if (!m) {
        mismatch(node, type);
      }
      return new ApexTime(
        Number(m[1]) * 3_600_000 +
          Number(m[2]) * 60_000 +
          Number(m[3] ?? '0') * 1000 +
          Number((m[4] ?? '0').padEnd(3, '0'))
      );
    }
    case 'blob':
      if (node.k !== 'str') {
        mismatch(node, type);
      }
      return new ApexBlob(new Uint8Array(Buffer.from(node.v, 'base64')));
  }
  unsupported(`JSON.deserialize into ${prim}`);
}

export function deserialize(
  text: string,
  type: TypeRef,
  host?: JsonHost,
  strict = false
): ApexValue {
  return fromJson(parseJson(text), type, { strict, host });
}

function typeArg(v: ApexValue): TypeRef {
  if (v instanceof TypeValue) {
    return v.type;
  }
  apexThrow('System.NullPointerException', 'Argument cannot be null.');
}

function textArg(v: ApexValue): string {
  if (typeof v !== 'string') {
    apexThrow('System.NullPointerException', 'Argument cannot be null.');
  }
  return v;
}

/** The JSON static methods; the host is bound once by the interpreter. */
export function jsonStaticMethods(host?: JsonHost): Record<string, StaticMethod> {
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  return {
    serialize: ([v = null, suppress], ctx) => serialize(v, suppress === true, host, ctx),
    serializepretty: ([v = null, suppress], ctx) =>
      serializePretty(v, suppress === true, host, ctx),
    deserializeuntyped: ([text = null]) => deserializeUntyped(textArg(text)),
    deserialize: ([text = null, type = null]) =>
      deserialize(textArg(text), typeArg(type), host, false),
    deserializestrict: ([text = null, type = null]) =>
      deserialize(textArg(text), typeArg(type), host, true),
    createparser: () => unsupported('JSON.createParser'),
    creategenerator: () => unsupported('JSON.createGenerator'),
  };
}
