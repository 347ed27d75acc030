// The system exception classes and the methods every exception has (Apex Developer Guide:
// Exception Class and Built-In Exceptions). DmlException and QueryException add their own.
import { ApexError } from '../interpreter/errors';
import { defineNative, type InstanceMethod } from '../interpreter/natives';
import type { RuntimeClass } from '../interpreter/types';
import { ApexList, ApexMap, ApexObject, ApexSet, type ApexValue } from '../interpreter/values';

export const SYSTEM_EXCEPTIONS = [
  'AsyncException',
  'BigObjectException',
  'CalloutException',
  'DmlException',
  'EmailException',
  'ExternalObjectException',
  'FinalException',
  'HandledException',
  'IllegalArgumentException',
  'InvalidParameterValueException',
  'JSONException',
  'LimitException',
  'ListException',
  'MathException',
  'NoAccessException',
  'NoDataFoundException',
  'NoSuchElementException',
  'NullPointerException',
  'QueryException',
  'RequiredFeatureMissingException',
  'SearchException',
  'SecurityException',
  'SerializationException',
  'SObjectException',
  'StringException',
  'TypeException',
  'UnexpectedException',
  'VisualforceException',
  'XmlException',
  'AssertException',
  'AuraHandledException',
];

function typeNameOf(self: ApexObject): string {
  if (self.cls && typeof self.cls === 'object' && 'decl' in (self.cls as object)) {
    return (self.cls as RuntimeClass).decl.fullName;
  }
  return self.className;
}

const exceptionMethods: Record<string, InstanceMethod> = {
  getmessage: (self) => {
    // AuraHandledException hides its message from Apex unless setMessage was called.
    if (
      typeNameOf(self).toLowerCase() === 'system.aurahandledexception' &&
      !self.fields.has('$messageSet')
    ) {
      return 'Script-thrown exception';
    }
    return (self.fields.get('$message') ?? null) as ApexValue;
  },
  setmessage: (self, args) => {
    self.fields.set('$message', args[0] ?? null);
    self.fields.set('$messageSet', true);
    return null;
  },
  getcause: (self) => (self.fields.get('$cause') ?? null) as ApexValue,
  initcause: (self, args) => {
    self.fields.set('$cause', args[0] ?? null);
    return null;
  },
  gettypename: (self) => typeNameOf(self),
  getlinenumber: (self) => {
    const error = self.native;
    if (error instanceof ApexError && error.apexStack[0]) {
      return Number(/line (\d+)/.exec(error.apexStack[0])?.[1] ?? 0);
    }
    return 0;
  },
  getstacktracestring: (self) => {
    const error = self.native;
    return error instanceof ApexError ? error.apexStack.join('\n') : '';
  },
  tostring: (self) => `${typeNameOf(self)}: ${String(self.fields.get('$message') ?? null)}`,
};

defineNative({
  name: 'Exception',
  methods: exceptionMethods,
  construct: (args, c) => newException('Exception', args, c.interp),
});
for (const name of SYSTEM_EXCEPTIONS) {
  const full = `System.${name}`;
  defineNative({
    name: full,
    parent: 'Exception',
    methods: exceptionMethods,
    construct: (args, c) => newException(full, args, c.interp),
  });
}

function newException(
  name: string,
  args: ApexValue[],
  interp: { initException(o: ApexObject, a: ApexValue[]): void }
): ApexObject {
  const obj = new ApexObject(name, null);
  obj.fields.set('$message', null);
  interp.initException(obj, args);
  const error = new ApexError(name, String(obj.fields.get('$message') ?? ''));
  error.object = obj;
  obj.native = error;
  return obj;
}

/** What a DML failure carries, for DmlException's getDml* methods. */
export interface DmlFailure {
  index: number;
  id: string | null;
  statusCode: string;
  message: string;
  fields: string[];
}

function dmlFailures(self: ApexObject): DmlFailure[] {
  const error = self.native as (ApexError & { dmlErrors?: DmlFailure[] }) | undefined;
  return error?.dmlErrors ?? [];
}

defineNative({
  name: 'System.DmlException',
  methods: {
    getnumdml: (self) => dmlFailures(self).length,
    getdmlmessage: (self, args) => dmlFailures(self)[args[0] as number]?.message ?? null,
    getdmlindex: (self, args) => dmlFailures(self)[args[0] as number]?.index ?? null,
    getdmlid: (self, args) => dmlFailures(self)[args[0] as number]?.id ?? null,
    getdmlfieldnames: (self, args) =>
      new ApexList({ name: 'String', args: [] }, [
        ...(dmlFailures(self)[args[0] as number]?.fields ?? []),
      ]),
    getdmltype: (self, args, c) => {
      const code = dmlFailures(self)[args[0] as number]?.statusCode ?? null;
      return code === null
        ? null
        : (c.interp.host.nativeStaticProperty(
            'System.StatusCode',
            code,
            c.interp,
            c.pos
          ) as ApexValue);
    },
  },
});

// QueryException.getInaccessibleFields (Apex Reference Guide: QueryException Class): for a
// user-mode query refused on field access, the object names and the fields the user cannot
// read; empty for any other QueryException, including one a program constructs.
defineNative({
  name: 'System.QueryException',
  methods: {
    getinaccessiblefields: (self) => {
      const error = self.native as
        (ApexError & { inaccessibleFields?: Map<string, Set<string>> }) | undefined;
      const map = new ApexMap(
        { name: 'String', args: [] },
        { name: 'Set', args: [{ name: 'String', args: [] }] }
      );
      for (const [objectName, fields] of error?.inaccessibleFields ?? []) {
        map.put(objectName, new ApexSet({ name: 'String', args: [] }, [...fields]));
      }
      return map;
    },
  },
});
