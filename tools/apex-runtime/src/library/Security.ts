// Security.stripInaccessible (Apex Reference Guide: Security Class, SObjectAccessDecision
// Class; Apex Developer Guide: Enforce Security with the stripInaccessible Method). Fields the
// running user may not read (or create, update, upsert) are removed from copies of the
// records; the Id always stays. With enforceRootObjectCRUD (the default) an object the user
// may not access that way throws System.NoAccessException.
import { ApexError } from '../interpreter/errors';
import { defineNative } from '../interpreter/natives';
import {
  ApexList,
  ApexMap,
  ApexObject,
  ApexSet,
  SObjectValue,
  type ApexValue,
} from '../interpreter/values';
import { stateOf, type OrgState } from '../org/state';

type AccessType = 'CREATABLE' | 'READABLE' | 'UPDATABLE' | 'UPSERTABLE';

function allowedObject(state: OrgState, objectName: string, access: AccessType): boolean {
  const p = state.objectAccess(objectName);
  switch (access) {
    case 'READABLE':
      return p.read;
    case 'CREATABLE':
      return p.create;
    case 'UPDATABLE':
      return p.edit;
    case 'UPSERTABLE':
      return p.create && p.edit;
  }
}

function allowedField(
  state: OrgState,
  objectName: string,
  fieldName: string,
  access: AccessType
): boolean {
  const field = state.describeField(objectName, fieldName);
  if (!field) {
    return true;
  }
  const p = state.fieldAccess(objectName, field.name);
  switch (access) {
    case 'READABLE':
      return p.readable;
    case 'CREATABLE':
      return p.editable && field.createable;
    case 'UPDATABLE':
      return p.editable && field.updateable;
    case 'UPSERTABLE':
      return p.editable && field.createable && field.updateable;
  }
}

defineNative({
  name: 'System.Security',
  statics: {
    stripinaccessible: (args, c) => {
      const state = stateOf(c);
      const access = (
        (args[0] as ApexObject | null)?.native as { enumName: AccessType } | undefined
      )?.enumName;
      const source = args[1];
      if (!access || !(source instanceof ApexList)) {
        throw new ApexError('System.NullPointerException', 'Argument cannot be null.');
      }
      const enforceRoot = args[2] !== false;
      const removed = new Map<string, Set<string>>();
      const modified = new Set<number>();
      const records = source.values.map((value, index) => {
        const record = value as SObjectValue;
        if (enforceRoot && !allowedObject(state, record.type, access)) {
          throw new ApexError('System.NoAccessException', `No access to entity: ${record.type}`);
        }
        const copy = record.clone();
        for (const field of [...copy.fields.values()]) {
          if (
            field.name.toLowerCase() === 'id' ||
            field.value instanceof SObjectValue ||
            field.value instanceof ApexList
          ) {
            continue;
          }
          if (!allowedField(state, record.type, field.name, access)) {
            copy.delete(field.name);
            copy.queried?.delete(field.name.toLowerCase());
            modified.add(index);
            const set = removed.get(record.type) ?? new Set<string>();
            set.add(field.name);
            removed.set(record.type, set);
          }
        }
        return copy;
      });
      const decision = new ApexObject('System.SObjectAccessDecision', null);
      decision.native = { records: new ApexList(source.elementType, records), removed, modified };
      return decision;
    },
  },
});

defineNative({
  name: 'System.SObjectAccessDecision',
  methods: {
    getrecords: (self) => (self.native as { records: ApexList }).records,
    getremovedfields: (self) => {
      const map = new ApexMap(
        { name: 'String', args: [] },
        { name: 'Set', args: [{ name: 'String', args: [] }] }
      );
      for (const [object, fields] of (self.native as { removed: Map<string, Set<string>> })
        .removed) {
        map.put(object, new ApexSet({ name: 'String', args: [] }, [...fields] as ApexValue[]));
      }
      return map;
    },
    getmodifiedindexes: (self) =>
      new ApexSet({ name: 'Integer', args: [] }, [
        ...(self.native as { modified: Set<number> }).modified,
      ]),
  },
});
