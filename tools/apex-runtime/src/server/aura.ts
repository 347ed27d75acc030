// Calling an @AuraEnabled method as Lightning does (LWC Developer Guide: "Call Apex Methods",
// "Handle Errors from Apex"): parameters arrive as JSON named by the Apex parameter names and are
// converted to the declared types; the result goes back as JSON holding only @AuraEnabled
// members, with null members left out; an exception reaches the component as an error body of
// message, exceptionType, isUserDefinedException and, unless it is an AuraHandledException, the
// Apex stack.
import { annotationOf, type MethodDecl } from '../parse/ast';
import type { Interpreter } from '../interpreter/interpreter';
import type { RuntimeClass } from '../interpreter/types';
import type { ApexObject, ApexValue } from '../interpreter/values';
import { ApexError } from '../interpreter/errors';
import { deserialize, serialize, type JsonHost } from '../system/JSON';
import type { SystemContext } from '../system/context';
import { userClassOf } from '../org/host';

export interface AuraMethod {
  rc: RuntimeClass;
  method: MethodDecl;
  cacheable: boolean;
}

/** The body a component sees in `error.body` when the call fails. */
export interface AuraErrorBody {
  message: string;
  exceptionType: string;
  isUserDefinedException: boolean;
  stackTrace?: string;
}

export class AuraCallError extends Error {
  constructor(
    readonly status: number,
    readonly body: AuraErrorBody
  ) {
    super(body.message);
  }
}

/** `Class.method` to its @AuraEnabled static method, or an error saying why there is none. */
export function findAuraMethod(interp: Interpreter, name: string): AuraMethod {
  const [className, methodName, ...rest] = name.split('.');
  const rc = className && !rest.length ? interp.classes.get(className.toLowerCase()) : undefined;
  const lower = (methodName ?? '').toLowerCase();
  // @AuraEnabled methods cannot be overloaded, so the name finds the one method.
  const method = rc?.decl.methods.find((m) => m.isStatic && m.name.toLowerCase() === lower);
  const enabled = method && annotationOf(method.modifiers, 'auraenabled');
  if (!rc || !method || !enabled) {
    throw new AuraCallError(404, {
      message: `No @AuraEnabled static method ${name} in the package`,
      exceptionType: 'System.NoSuchMethodException',
      isUserDefinedException: false,
    });
  }
  return { rc, method, cacheable: enabled.params.get('cacheable') === 'true' };
}

/** The Apex arguments for a call's JSON parameters, by parameter name (absent ones are null). */
export function auraArguments(
  interp: Interpreter,
  json: JsonHost,
  target: AuraMethod,
  params: Record<string, unknown>
): ApexValue[] {
  const byName = new Map(Object.entries(params).map(([k, v]) => [k.toLowerCase(), v]));
  return target.method.params.map((param) => {
    const value = byName.get(param.name.toLowerCase());
    if (value === undefined || value === null) {
      return null;
    }
    const type = interp.qualifyType(param.type, target.rc);
    try {
      return deserialize(JSON.stringify(value), type, json);
    } catch (error) {
      if (error instanceof ApexError) {
        throw new AuraCallError(400, {
          message: `Value for parameter '${param.name}' is not a valid ${param.type.name}: ${error.message}`,
          exceptionType: 'System.IllegalArgumentException',
          isUserDefinedException: false,
        });
      }
      throw error;
    }
  });
}

/** A result as Lightning serialises it: @AuraEnabled members only, null members omitted. */
export function auraResult(value: ApexValue, json: JsonHost, ctx: SystemContext): unknown {
  const auraHost: JsonHost = {
    ...json,
    objectFields: (obj: ApexObject) => {
      const rc = userClassOf(obj);
      if (!rc) {
        return json.objectFields(obj);
      }
      const enabled = new Set<string>();
      for (let c: RuntimeClass | null = rc; c; c = c.superclass) {
        for (const m of c.decl.members) {
          if (annotationOf(m.modifiers, 'auraenabled')) {
            enabled.add(m.name.toLowerCase());
          }
        }
      }
      return json.objectFields(obj).filter(([name]) => enabled.has(name.toLowerCase()));
    },
  };
  return JSON.parse(serialize(value, true, auraHost, ctx)) as unknown;
}

/** The error body for an exception the method let out. */
export function auraErrorBody(error: ApexError, interp: Interpreter): AuraErrorBody {
  const handled = error.exceptionType === 'System.AuraHandledException';
  const userDefined = interp.classes.has(error.exceptionType.toLowerCase());
  return {
    message: error.message,
    exceptionType: error.exceptionType,
    isUserDefinedException: userDefined,
    ...(handled ? {} : { stackTrace: error.apexStack.join('\n') }),
  };
}
