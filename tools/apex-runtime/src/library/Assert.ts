// System.Assert (Apex Reference Guide: Assert Class). A failed assertion throws
// System.AssertException, which Apex code cannot catch: the test fails with the message.
import { ApexError } from '../interpreter/errors';
import { defineNative, type CallContext } from '../interpreter/natives';
import type { ApexValue } from '../interpreter/values';

function fail(message: string): never {
  throw new ApexError('System.AssertException', message, true);
}

function withMessage(base: string, args: ApexValue[], index: number, c: CallContext): string {
  const custom = args[index];
  return custom === undefined || custom === null
    ? base
    : `${base}: ${c.interp.host.toApexString(custom, c.interp)}`;
}

function show(value: ApexValue, c: CallContext): string {
  return c.interp.host.toApexString(value, c.interp);
}

// A missing argument reads as null, as the interpreter binds a user method's (the Apex compiler
// lets no call leave out an argument these methods need).

defineNative({
  name: 'System.Assert',
  statics: {
    areequal: (args, c) => {
      const [expected = null, actual = null] = args;
      const same =
        expected === null || actual === null
          ? expected === actual
          : c.interp.host.equals(expected, actual, c.interp);
      // areEqual on Strings is case-sensitive (it uses equals(), not ==).
      const exactStrings =
        typeof expected === 'string' && typeof actual === 'string' ? expected === actual : true;
      if (!same || !exactStrings) {
        fail(
          `Assertion Failed${args[2] !== undefined && args[2] !== null ? `: ${show(args[2], c)}` : ''}: Expected: ${show(expected, c)}, Actual: ${show(actual, c)}`
        );
      }
      return null;
    },
    arenotequal: (args, c) => {
      const [notExpected = null, actual = null] = args;
      const same =
        notExpected === null || actual === null
          ? notExpected === actual
          : c.interp.host.equals(notExpected, actual, c.interp) &&
            (typeof notExpected !== 'string' || notExpected === actual);
      if (same) {
        fail(`${withMessage('Assertion Failed', args, 2, c)}: Same value: ${show(actual, c)}`);
      }
      return null;
    },
    istrue: (args, c) => {
      if (args[0] !== true) {
        fail(withMessage('Assertion Failed', args, 1, c));
      }
      return null;
    },
    isfalse: (args, c) => {
      if (args[0] !== false) {
        fail(withMessage('Assertion Failed', args, 1, c));
      }
      return null;
    },
    isnull: (args, c) => {
      if (args[0] !== null) {
        fail(
          `${withMessage('Assertion Failed', args, 1, c)}: Expected: null, Actual: ${show(args[0] ?? null, c)}`
        );
      }
      return null;
    },
    isnotnull: (args, c) => {
      if (args[0] === null) {
        fail(withMessage('Assertion Failed', args, 1, c));
      }
      return null;
    },
    fail: (args, c) => fail(withMessage('Assertion Failed', args, 0, c)),
    isinstanceoftype: (args, c) => {
      const type = args[1] as unknown as { type: { name: string; args: [] } };
      if (!c.interp.isInstance(args[0] ?? null, type.type)) {
        fail(withMessage('Assertion Failed', args, 2, c));
      }
      return null;
    },
    isnotinstanceoftype: (args, c) => {
      const type = args[1] as unknown as { type: { name: string; args: [] } };
      if (c.interp.isInstance(args[0] ?? null, type.type)) {
        fail(withMessage('Assertion Failed', args, 2, c));
      }
      return null;
    },
  },
});

// The older System.assert* methods behave the same way.
defineNative({
  name: 'System',
  statics: {
    assert: (args, c) => {
      if (args[0] !== true) {
        fail(withMessage('Assertion Failed', args, 1, c));
      }
      return null;
    },
    assertequals: (args, c) => {
      const [expected = null, actual = null] = args;
      if (
        !(expected === null || actual === null
          ? expected === actual
          : c.interp.host.equals(expected, actual, c.interp))
      ) {
        fail(
          `${withMessage('Assertion Failed', args, 2, c)}: Expected: ${show(expected, c)}, Actual: ${show(actual, c)}`
        );
      }
      return null;
    },
    assertnotequals: (args, c) => {
      const [notExpected = null, actual = null] = args;
      if (
        notExpected === null || actual === null
          ? notExpected === actual
          : c.interp.host.equals(notExpected, actual, c.interp)
      ) {
        fail(`${withMessage('Assertion Failed', args, 2, c)}: Same value: ${show(actual, c)}`);
      }
      return null;
    },
  },
});
