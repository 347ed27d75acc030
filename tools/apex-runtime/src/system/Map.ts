// System.Map methods on ApexMap. Keys are converted to the key type on the way in (an Id key is
// held in its 18-character form); keySet() and values() are copies, as on the platform.
import { apexThrow, unsupported } from '../interpreter/errors';
import { primitiveName } from '../interpreter/types';
import { ApexList, ApexMap, ApexSet, SObjectValue, type ApexValue } from '../interpreter/values';
import { apexEquals, coerce } from './Arithmetic';
import type { InstanceMethod } from './context';
import { apexToString } from './String';

function keyFor(map: ApexMap, key: ApexValue): ApexValue {
  if (primitiveName(map.keyType) === 'id' && typeof key === 'string') {
    try {
      return coerce(key, map.keyType);
    } catch {
      return key;
    }
  }
  return key;
}

function copy(map: ApexMap, deep: boolean): ApexMap {
  const out = new ApexMap(map.keyType, map.valueType);
  for (const e of map.entries.values()) {
    out.put(e.key, deep && e.value instanceof SObjectValue ? e.value.clone() : e.value);
  }
  return out;
}

export const mapInstanceMethods: Record<string, InstanceMethod<ApexMap>> = {
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  put: (self, [k = null, v = null]) =>
    self.put(coerce(keyFor(self, k), self.keyType), coerce(v, self.valueType)),
  get: (self, [k = null]) => self.get(keyFor(self, k)),
  containskey: (self, [k = null]) => self.has(keyFor(self, k)),
  remove: (self, [k = null]) => self.delete(keyFor(self, k)),
  keyset: (self) => new ApexSet(self.keyType, self.keys()),
  values: (self) => new ApexList(self.valueType, self.values()),
  size: (self) => self.entries.size,
  isempty: (self) => self.entries.size === 0,
  clear: (self) => {
    self.entries.clear();
    return null;
  },
  putall: (self, [other]) => {
    if (other instanceof ApexMap) {
      for (const e of other.entries.values()) {
        self.put(coerce(keyFor(self, e.key), self.keyType), coerce(e.value, self.valueType));
      }
      return null;
    }
    if (other instanceof ApexList) {
      for (const record of other.values) {
        if (!(record instanceof SObjectValue)) {
          unsupported('Map.putAll from a list of non-SObjects');
        }
        const id = record.get('Id');
        if (id === null) {
          apexThrow(
            'System.ListException',
            'Row with null Id at index: ' + other.values.indexOf(record)
          );
        }
        self.put(keyFor(self, id), record);
      }
      return null;
    }
    apexThrow('System.NullPointerException', 'Argument cannot be null.');
  },
  clone: (self) => copy(self, false),
  deepclone: (self) => copy(self, true),
  equals: (self, [other = null], ctx) => apexEquals(self, other, ctx),
  tostring: (self, _a, ctx) => apexToString(self, ctx),
  getsobjecttype: () => unsupported('Map.getSObjectType'),
  hashcode: () => unsupported('Map.hashCode'),
};
