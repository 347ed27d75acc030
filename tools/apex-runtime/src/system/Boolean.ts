// System.Boolean.valueOf: 'true' in any case is true, any other text false.
import { apexThrow } from '../interpreter/errors';
import type { StaticMethod } from './context';

export const booleanStaticMethods: Record<string, StaticMethod> = {
  valueof: ([v]) => {
    if (v === null) {
      return null;
    }
    if (typeof v === 'boolean') {
      return v;
    }
    if (typeof v === 'string') {
      return v.toLowerCase() === 'true';
    }
    apexThrow('System.TypeException', 'Invalid boolean');
  },
};
