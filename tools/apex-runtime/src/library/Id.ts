// Id (Apex Reference Guide: Id Class). An Id is held as its 18-character string; these are the
// methods an Id has beyond String's.
import { ApexError } from '../interpreter/errors';
import { defineNative, type CallContext } from '../interpreter/natives';
import type { ApexValue } from '../interpreter/values';
import { idValueOf, isValidId, to15 } from '../database/ids';
import { stateOf } from '../org/state';
import { sobjectTypeToken } from './Schema';

defineNative({
  name: 'Id',
  statics: {
    valueof: (args) => {
      if (typeof args[0] !== 'string') {
        throw new ApexError('System.NullPointerException', 'Argument cannot be null.');
      }
      return idValueOf(args[0]);
    },
  },
});

/** Methods of an Id value, tried before String's (an Id is a string at run time). */
export const idInstanceMethods: Record<
  string,
  (self: string, args: ApexValue[], c: CallContext) => ApexValue
> = {
  getsobjecttype: (self, _args, c) => {
    const object = stateOf(c)
      .allObjects()
      .find((o) => o.keyPrefix === self.slice(0, 3));
    if (!isValidId(self) || !object) {
      throw new ApexError('System.StringException', `Invalid id: ${self}`);
    }
    return sobjectTypeToken(object.name);
  },
  to15: (self) => to15(self),
};
