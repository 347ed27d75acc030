// System.Set methods on ApexSet. Members are keyed by the platform's key equality (values.ts
// keyOf: strings case-sensitive); 15-character Ids are stored in their 18-character form.
import { apexThrow, unsupported } from '../interpreter/errors';
import { primitiveName } from '../interpreter/types';
import { ApexList, ApexSet, keyOf, type ApexValue } from '../interpreter/values';
import { apexEquals, coerce } from './Arithmetic';
import type { InstanceMethod } from './context';
import { apexToString } from './String';

export function setElement(set: ApexSet, value: ApexValue): ApexValue {
  return coerce(value, set.elementType);
}

function lookup(set: ApexSet, value: ApexValue): ApexValue {
  return primitiveName(set.elementType) === 'id' && typeof value === 'string'
    ? coerceQuiet(value, set)
    : value;
}

function coerceQuiet(value: string, set: ApexSet): ApexValue {
  try {
    return coerce(value, set.elementType);
  } catch {
    return value;
  }
}

function itemsOf(v: ApexValue): ApexValue[] {
  if (v instanceof ApexList || v instanceof ApexSet) {
    return v.items();
  }
  if (v === null) {
    apexThrow('System.NullPointerException', 'Argument cannot be null.');
  }
  unsupported('Set method with this kind of argument');
}

export const setInstanceMethods: Record<string, InstanceMethod<ApexSet>> = {
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  add: (self, [v = null]) => self.add(setElement(self, v)),
  addall: (self, [other = null]) => {
    let changed = false;
    for (const v of itemsOf(other)) {
      changed = self.add(setElement(self, v)) || changed;
    }
    return changed;
  },
  contains: (self, [v = null]) => self.has(lookup(self, v)),
  containsall: (self, [other = null]) => itemsOf(other).every((v) => self.has(lookup(self, v))),
  remove: (self, [v = null]) => self.delete(lookup(self, v)),
  removeall: (self, [other = null]) => {
    let changed = false;
    for (const v of itemsOf(other)) {
      changed = self.delete(lookup(self, v)) || changed;
    }
    return changed;
  },
  retainall: (self, [other = null]) => {
    const keep = new Set(itemsOf(other).map((v) => keyOf(lookup(self, v))));
    let changed = false;
    for (const k of [...self.map.keys()]) {
      if (!keep.has(k)) {
        self.map.delete(k);
        changed = true;
      }
    }
    return changed;
  },
  size: (self) => self.map.size,
  isempty: (self) => self.map.size === 0,
  clear: (self) => {
    self.map.clear();
    return null;
  },
  clone: (self) => new ApexSet(self.elementType, self.items()),
  equals: (self, [other = null], ctx) => apexEquals(self, other, ctx),
  hashcode: (self) => {
    let h = 0;
    for (const k of self.map.keys()) {
      for (const c of String(k)) {
        h = (h + c.charCodeAt(0)) | 0;
      }
    }
    return h;
  },
  tostring: (self, _a, ctx) => apexToString(self, ctx),
  iterator: () => unsupported('Set.iterator'),
};
