// Schema describe (Apex Reference Guide: Schema Namespace: SObjectType, SObjectField,
// DescribeSObjectResult, DescribeFieldResult, PicklistEntry, DisplayType). Tokens and results
// are objects holding the object and field names; access checks ask the running user's
// permissions at the moment of the call, as describe does.
import { ApexError } from '../interpreter/errors';
import { defineNative, type CallContext } from '../interpreter/natives';
import { ApexList, ApexMap, ApexObject, type ApexValue } from '../interpreter/values';
import type { FieldDescribe, ObjectDescribe } from '../schema/types';
import { MASTER_RECORD_TYPE_ID } from '../schema/orgRules';
import { stateOf } from '../org/state';

interface ObjectRef {
  objectName: string;
}
interface FieldRef extends ObjectRef {
  fieldName: string;
}

function tokenObject(className: string, native: ObjectRef | FieldRef, key: string): ApexObject {
  const obj = new ApexObject(className, null);
  obj.native = native;
  obj.keyHook = () => key;
  return obj;
}

export function sobjectTypeToken(objectName: string): ApexObject {
  return tokenObject('Schema.SObjectType', { objectName }, `#sot:${objectName.toLowerCase()}`);
}

export function sobjectFieldToken(objectName: string, fieldName: string): ApexObject {
  return tokenObject(
    'Schema.SObjectField',
    { objectName, fieldName },
    `#sof:${objectName.toLowerCase()}.${fieldName.toLowerCase()}`
  );
}

export function describeResult(objectName: string): ApexObject {
  return tokenObject(
    'Schema.DescribeSObjectResult',
    { objectName },
    `#dsr:${objectName.toLowerCase()}`
  );
}

function fieldResult(objectName: string, fieldName: string): ApexObject {
  return tokenObject(
    'Schema.DescribeFieldResult',
    { objectName, fieldName },
    `#dfr:${objectName.toLowerCase()}.${fieldName.toLowerCase()}`
  );
}

function objectOf(self: ApexObject, c: CallContext): ObjectDescribe {
  const ref = self.native as ObjectRef;
  const found = stateOf(c).describeObject(ref.objectName);
  if (!found) {
    throw new ApexError('System.UnexpectedException', `No such object ${ref.objectName}`);
  }
  return found;
}

function fieldOf(self: ApexObject, c: CallContext): FieldDescribe {
  const ref = self.native as FieldRef;
  const found = stateOf(c).describeField(ref.objectName, ref.fieldName);
  if (!found) {
    throw new ApexError(
      'System.UnexpectedException',
      `No such field ${ref.objectName}.${ref.fieldName}`
    );
  }
  return found;
}

export function displayType(type: string, c: CallContext): ApexValue {
  return c.interp.host.nativeStaticProperty(
    'Schema.DisplayType',
    type.toUpperCase(),
    c.interp,
    c.pos
  ) as ApexValue;
}

/** Resolves `Schema.SObjectType.Contact` and `Contact.SObjectType`-style names to the describe name. */
export function describedObjectName(name: string, c: CallContext): string | null {
  return stateOf(c).describeObject(name)?.name ?? null;
}

const SOBJECT_TYPE_NAMES = { name: 'Schema.SObjectType', args: [] };

defineNative({
  name: 'Schema',
  statics: {
    getglobaldescribe: (_args, c) => {
      const map = new ApexMap({ name: 'String', args: [] }, SOBJECT_TYPE_NAMES);
      map.ignoreKeyCase = true;
      for (const o of stateOf(c).allObjects()) {
        map.put(o.name.toLowerCase(), sobjectTypeToken(o.name));
      }
      return map;
    },
    describesobjects: (args, c) => {
      const names = (args[0] as ApexList).values as string[];
      return new ApexList(
        { name: 'Schema.DescribeSObjectResult', args: [] },
        names.map((n) => {
          const name = describedObjectName(n, c);
          if (!name) {
            throw new ApexError(
              'System.InvalidParameterValueException',
              `In describeSObjects(), invalid SObject type: ${n}`
            );
          }
          return describeResult(name);
        })
      );
    },
  },
});

defineNative({
  name: 'Schema.SObjectType',
  methods: {
    getdescribe: (self) => describeResult((self.native as ObjectRef).objectName),
    newsobject: (self, args, c) => {
      const record = c.interp.host.newSObject((self.native as ObjectRef).objectName, c.interp);
      if (args[0] !== undefined && args[0] !== null) {
        c.interp.host.setSObjectField(record, 'Id', args[0], c.interp);
      }
      return record;
    },
    tostring: (self, _args, c) => objectOf(self, c).name,
    equals: (self, args) =>
      args[0] instanceof ApexObject && args[0].keyHook?.(args[0]) === self.keyHook?.(self),
    hashcode: (self) => (self.native as ObjectRef).objectName.length,
  },
});

defineNative({
  name: 'Schema.SObjectField',
  methods: {
    getdescribe: (self) =>
      fieldResult((self.native as FieldRef).objectName, (self.native as FieldRef).fieldName),
    tostring: (self, _args, c) => fieldOf(self, c).name,
    equals: (self, args) =>
      args[0] instanceof ApexObject && args[0].keyHook?.(args[0]) === self.keyHook?.(self),
  },
});

/** `describe.fields`: `.X` is a DescribeFieldResult, `getMap()` the field tokens by name. */
defineNative({
  name: 'Schema.SObjectTypeFields',
  methods: {
    getmap: (self, _args, c) => {
      const object = objectOf(self, c);
      const map = new ApexMap(
        { name: 'String', args: [] },
        { name: 'Schema.SObjectField', args: [] }
      );
      map.ignoreKeyCase = true;
      for (const f of object.fields.values()) {
        map.put(f.name.toLowerCase(), sobjectFieldToken(object.name, f.name));
      }
      return map;
    },
  },
  fields: {},
});

export function fieldsAccessor(objectName: string): ApexObject {
  return tokenObject(
    'Schema.SObjectTypeFields',
    { objectName },
    `#fields:${objectName.toLowerCase()}`
  );
}

export function fieldsMember(self: ApexObject, name: string, c: CallContext): ApexValue {
  const object = objectOf(self, c);
  const field = stateOf(c).describeField(object.name, name);
  if (!field) {
    throw new ApexError('System.SObjectException', `Invalid field ${name} for ${object.name}`);
  }
  return fieldResult(object.name, field.name);
}

defineNative({
  name: 'Schema.DescribeSObjectResult',
  methods: {
    getname: (self, _a, c) => objectOf(self, c).name,
    getlocalname: (self, _a, c) => objectOf(self, c).localName,
    getlabel: (self, _a, c) => objectOf(self, c).label,
    getlabelplural: (self, _a, c) => objectOf(self, c).labelPlural,
    getkeyprefix: (self, _a, c) => objectOf(self, c).keyPrefix,
    getsobjecttype: (self, _a, c) => sobjectTypeToken(objectOf(self, c).name),
    iscustom: (self, _a, c) => objectOf(self, c).custom,
    iscustomsetting: (self, _a, c) => objectOf(self, c).customSettingType !== null,
    isaccessible: (self, _a, c) => stateOf(c).objectAccess(objectOf(self, c).name).read,
    iscreateable: (self, _a, c) => stateOf(c).objectAccess(objectOf(self, c).name).create,
    isupdateable: (self, _a, c) => stateOf(c).objectAccess(objectOf(self, c).name).edit,
    isdeletable: (self, _a, c) => stateOf(c).objectAccess(objectOf(self, c).name).delete,
    isqueryable: (self, _a, c) => stateOf(c).objectAccess(objectOf(self, c).name).read,
    getrecordtypeinfos: (self, _a, c) =>
      new ApexList(RECORD_TYPE_INFO, recordTypeInfos(objectOf(self, c), c)),
    getrecordtypeinfosbydevelopername: (self, _a, c) =>
      recordTypeMap(objectOf(self, c), c, (i) => i.developerName),
    getrecordtypeinfosbyname: (self, _a, c) => recordTypeMap(objectOf(self, c), c, (i) => i.name),
    getrecordtypeinfosbyid: (self, _a, c) =>
      recordTypeMap(objectOf(self, c), c, (i) => i.id, { name: 'Id', args: [] }),
    getchildrelationships: () => {
      throw new ApexError(
        'System.UnexpectedException',
        'getChildRelationships is not implemented by the local runtime'
      );
    },
  },
});

const RECORD_TYPE_INFO = { name: 'Schema.RecordTypeInfo', args: [] };

interface RecordTypeInfoState {
  id: string;
  name: string;
  developerName: string;
  active: boolean;
  available: boolean;
  defaultMapping: boolean;
  master: boolean;
}

/**
 * The object's record types as the running user sees them (Apex Reference Guide: RecordTypeInfo
 * Class): the master one and the project's. Available: active and granted (schema/profiles.ts);
 * the master is available, and the default, only when no other is; otherwise the default is the
 * first available by developer name (an org reads it from the profile: DIVERGENCES.md).
 */
function recordTypeInfos(obj: ObjectDescribe, c: CallContext): ApexObject[] {
  const state = stateOf(c);
  const own: RecordTypeInfoState[] = (obj.recordTypes ?? [])
    .slice()
    .sort((a, b) => a.developerName.localeCompare(b.developerName))
    .map((rt) => ({
      id: rt.id ?? MASTER_RECORD_TYPE_ID,
      name: rt.label,
      developerName: rt.developerName,
      active: rt.active,
      available: rt.active && state.recordTypeAvailable(obj.name, rt.developerName),
      defaultMapping: false,
      master: false,
    }));
  const firstAvailable = own.find((i) => i.available);
  if (firstAvailable) {
    firstAvailable.defaultMapping = true;
  }
  const master: RecordTypeInfoState = {
    id: MASTER_RECORD_TYPE_ID,
    name: 'Master',
    developerName: 'Master',
    active: true,
    available: !firstAvailable,
    defaultMapping: !firstAvailable,
    master: true,
  };
  return [...own, master].map((info) => {
    const obj = new ApexObject('Schema.RecordTypeInfo', null);
    obj.native = info;
    return obj;
  });
}

function recordTypeMap(
  obj: ObjectDescribe,
  c: CallContext,
  keyOf: (info: RecordTypeInfoState) => string,
  keyType = { name: 'String', args: [] }
): ApexMap {
  const map = new ApexMap(keyType, RECORD_TYPE_INFO);
  for (const info of recordTypeInfos(obj, c)) {
    map.put(keyOf(info.native as RecordTypeInfoState), info);
  }
  return map;
}

defineNative({
  name: 'Schema.RecordTypeInfo',
  methods: {
    getrecordtypeid: (self) => (self.native as RecordTypeInfoState).id,
    getname: (self) => (self.native as RecordTypeInfoState).name,
    getdevelopername: (self) => (self.native as RecordTypeInfoState).developerName,
    isactive: (self) => (self.native as RecordTypeInfoState).active,
    isavailable: (self) => (self.native as RecordTypeInfoState).available,
    isdefaultrecordtypemapping: (self) => (self.native as RecordTypeInfoState).defaultMapping,
    ismaster: (self) => (self.native as RecordTypeInfoState).master,
  },
});

function fieldMethod(read: (f: FieldDescribe, c: CallContext, self: ApexObject) => ApexValue) {
  return (self: ApexObject, _args: ApexValue[], c: CallContext): ApexValue =>
    read(fieldOf(self, c), c, self);
}

defineNative({
  name: 'Schema.DescribeFieldResult',
  methods: {
    getname: fieldMethod((f) => f.name),
    getlocalname: fieldMethod((f) => f.localName),
    getlabel: fieldMethod((f) => f.label),
    gettype: fieldMethod((f, c) => displayType(f.type, c)),
    getlength: fieldMethod((f) => f.length),
    getprecision: fieldMethod((f) => f.precision),
    getscale: fieldMethod((f) => f.scale),
    getdigits: fieldMethod((f) => f.digits),
    isnillable: fieldMethod((f) => f.nillable),
    isunique: fieldMethod((f) => f.unique),
    isexternalid: fieldMethod((f) => f.externalId),
    iscasesensitive: fieldMethod((f) => f.caseSensitive),
    iscustom: fieldMethod((f) => f.custom),
    iscalculated: fieldMethod((f) => f.calculated),
    isautonumber: fieldMethod((f) => f.autoNumber),
    isfilterable: fieldMethod((f) => f.filterable),
    issortable: fieldMethod((f) => f.sortable),
    isgroupable: fieldMethod((f) => f.groupable),
    ishtmlformatted: fieldMethod((f) => f.htmlFormatted),
    isnamefield: fieldMethod((f) => f.nameField),
    getinlinehelptext: fieldMethod((f) => f.inlineHelpText),
    getrelationshipname: fieldMethod((f) => f.relationshipName),
    getreferenceto: fieldMethod(
      (f) =>
        new ApexList(
          SOBJECT_TYPE_NAMES,
          f.referenceTo.map((r) => sobjectTypeToken(r))
        )
    ),
    getsobjectfield: fieldMethod((f, _c, self) =>
      sobjectFieldToken((self.native as FieldRef).objectName, f.name)
    ),
    isaccessible: fieldMethod(
      (f, c, self) => stateOf(c).fieldAccess((self.native as FieldRef).objectName, f.name).readable
    ),
    iscreateable: fieldMethod(
      (f, c, self) =>
        f.createable &&
        stateOf(c).fieldAccess((self.native as FieldRef).objectName, f.name).editable
    ),
    isupdateable: fieldMethod(
      (f, c, self) =>
        f.updateable &&
        stateOf(c).fieldAccess((self.native as FieldRef).objectName, f.name).editable
    ),
    getpicklistvalues: fieldMethod(
      (f) =>
        new ApexList(
          { name: 'Schema.PicklistEntry', args: [] },
          f.picklistValues.map((p) => {
            const entry = new ApexObject('Schema.PicklistEntry', null);
            entry.native = p;
            return entry;
          })
        )
    ),
    isrestrictedpicklist: fieldMethod((f) => f.restrictedPicklist === true),
    isdependentpicklist: fieldMethod(() => false),
    getsoaptype: fieldMethod(
      (f, c) =>
        c.interp.host.nativeStaticProperty(
          'Schema.SoapType',
          (f.apexType ?? 'String').toUpperCase(),
          c.interp,
          c.pos
        ) as ApexValue
    ),
    getdefaultvalue: fieldMethod((f) =>
      f.defaultValue === null ? null : (f.defaultValue as ApexValue)
    ),
  },
});

defineNative({
  name: 'Schema.PicklistEntry',
  methods: {
    getvalue: (self) => (self.native as { value: string }).value,
    getlabel: (self) => (self.native as { label: string }).label,
    isactive: (self) => (self.native as { active: boolean }).active,
    isdefaultvalue: (self) => (self.native as { defaultValue: boolean }).defaultValue,
  },
});

// Schema.DisplayType and the other system enums the describe calls return.
defineNative({
  name: 'Schema.DisplayType',
  enumValues: [
    'ADDRESS',
    'ANYTYPE',
    'BASE64',
    'BOOLEAN',
    'COMBOBOX',
    'CURRENCY',
    'DATACATEGORYGROUPREFERENCE',
    'DATE',
    'DATETIME',
    'DOUBLE',
    'EMAIL',
    'ENCRYPTEDSTRING',
    'ID',
    'INTEGER',
    'LOCATION',
    'LONG',
    'MULTIPICKLIST',
    'PERCENT',
    'PHONE',
    'PICKLIST',
    'REFERENCE',
    'STRING',
    'TEXTAREA',
    'TIME',
    'URL',
  ],
});
defineNative({
  name: 'Schema.SObjectDescribeOptions',
  enumValues: ['DEFAULT', 'DEFERRED', 'FULL'],
});
