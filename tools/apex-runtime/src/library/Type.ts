// System.Type (Apex Reference Guide: Type Class): `X.class` values and Type.forName.
import { ApexError } from '../interpreter/errors';
import { defineNative } from '../interpreter/natives';
import type { RuntimeClass } from '../interpreter/types';
import { TypeValue, type ApexValue } from '../interpreter/values';

function typeName(t: TypeValue): string {
  const text = (ref: TypeValue['type']): string =>
    ref.args.length ? `${ref.name}<${ref.args.map(text).join(',')}>` : ref.name;
  return text(t.type);
}

defineNative({
  name: 'System.Type',
  statics: {
    forname: (args, c) => {
      const name =
        (args.length === 2
          ? (args[0] ? `${args[0] as string}.` : '') + (args[1] as string)
          : (args[0] as string)) ?? '';
      const marker = c.interp.resolveTypeMarker(name);
      if (!marker) {
        return null;
      }
      return c.interp.typeValue({ name, args: [] }, c.pos);
    },
  },
  methods: {
    getname: (self) => typeName(self as unknown as TypeValue),
    tostring: (self) => typeName(self as unknown as TypeValue),
    equals: (self, args) =>
      args[0] instanceof TypeValue && args[0].key === (self as unknown as TypeValue).key,
    hashcode: (self) => (self as unknown as TypeValue).key.length,
    newinstance: (self, _args, c): ApexValue => {
      const t = self as unknown as TypeValue;
      const cls = c.interp.classes.get(t.key) as RuntimeClass | undefined;
      if (cls) {
        return c.interp.instantiate(cls, [], c.pos);
      }
      const sobject = c.interp.host.isSObjectType(t.type.name);
      if (sobject) {
        return c.interp.host.newSObject(sobject, c.interp);
      }
      throw new ApexError('System.TypeException', `Type cannot be constructed: ${typeName(t)}`);
    },
  },
});
