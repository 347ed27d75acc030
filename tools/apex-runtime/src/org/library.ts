// Which function table of the system library (src/system) answers a call: static methods by
// class name, instance methods by the receiver's kind. One row per class; the tables themselves
// live in the file named for the class.
import { defineNative } from '../interpreter/natives';
import type { InstanceMethod, StaticMethod } from '../system/context';
import { blobInstanceMethods, blobStaticMethods } from '../system/Blob';
import { booleanStaticMethods } from '../system/Boolean';
import { cryptoStaticMethods } from '../system/Crypto';
import { encodingUtilStaticMethods } from '../system/EncodingUtil';
import { listInstanceMethods } from '../system/List';
import { mapInstanceMethods } from '../system/Map';
import { setInstanceMethods } from '../system/Set';
import { urlInstanceMethods, urlStaticMethods } from '../system/Url';
import { uuidInstanceMethods, uuidStaticMethods } from '../system/UUID';
import { dateInstanceMethods, dateStaticMethods } from '../system/Date';
import { datetimeInstanceMethods, datetimeStaticMethods } from '../system/Datetime';
import { decimalInstanceMethods, decimalStaticMethods } from '../system/Decimal';
import { doubleInstanceMethods, doubleStaticMethods } from '../system/Double';
import { integerInstanceMethods, integerStaticMethods } from '../system/Integer';
import { longInstanceMethods, longStaticMethods } from '../system/Long';
import { mathStaticMethods } from '../system/Math';
import {
  matcherInstanceMethods,
  matcherStaticMethods,
  patternInstanceMethods,
  patternStaticMethods,
} from '../system/Pattern';
import { stringInstanceMethods, stringStaticMethods } from '../system/String';
import { timeInstanceMethods, timeStaticMethods } from '../system/Time';
import { timeZoneInstanceMethods, timeZoneStaticMethods } from '../system/TimeZone';

export interface LibraryClass {
  statics?: Record<string, StaticMethod>;
  /** Methods of the receiver: the primitive itself, or the native object a wrapper holds. */
  instances?: Record<string, InstanceMethod<never>>;
}

/** By lower-cased class name, as written or as canonical (`string`, `system.pattern`). */
export const LIBRARY = new Map<string, LibraryClass>();

function add(names: string[], cls: LibraryClass): void {
  for (const n of names) {
    LIBRARY.set(n.toLowerCase(), cls);
  }
  // Classes that are not primitives must resolve as type names (`Pattern`, `System.Math`).
  const canonical = names.find((n) => n.startsWith('System.'));
  if (
    canonical &&
    ![
      'System.String',
      'System.Integer',
      'System.Long',
      'System.Double',
      'System.Decimal',
      'System.Boolean',
      'System.Date',
      'System.Datetime',
      'System.Time',
      'System.Blob',
      'System.List',
      'System.Set',
      'System.Map',
    ].includes(canonical)
  ) {
    defineNative({ name: canonical });
  }
}

add(['String', 'System.String'], {
  statics: stringStaticMethods,
  instances: stringInstanceMethods as never,
});
add(['Integer', 'System.Integer'], {
  statics: integerStaticMethods,
  instances: integerInstanceMethods as never,
});
add(['Long', 'System.Long'], {
  statics: longStaticMethods,
  instances: longInstanceMethods as never,
});
add(['Double', 'System.Double'], {
  statics: doubleStaticMethods,
  instances: doubleInstanceMethods as never,
});
add(['Decimal', 'System.Decimal'], {
  statics: decimalStaticMethods,
  instances: decimalInstanceMethods as never,
});
add(['Boolean', 'System.Boolean'], { statics: booleanStaticMethods });
add(['Date', 'System.Date'], {
  statics: dateStaticMethods,
  instances: dateInstanceMethods as never,
});
add(['Datetime', 'System.Datetime'], {
  statics: datetimeStaticMethods,
  instances: datetimeInstanceMethods as never,
});
add(['Time', 'System.Time'], {
  statics: timeStaticMethods,
  instances: timeInstanceMethods as never,
});
add(['System.Math', 'Math'], { statics: mathStaticMethods });
add(['System.Pattern', 'Pattern'], {
  statics: patternStaticMethods,
  instances: patternInstanceMethods as never,
});
add(['System.Matcher', 'Matcher'], {
  statics: matcherStaticMethods,
  instances: matcherInstanceMethods as never,
});
add(['Blob', 'System.Blob'], {
  statics: blobStaticMethods,
  instances: blobInstanceMethods as never,
});
add(['List', 'System.List'], { instances: listInstanceMethods as never });
add(['Set', 'System.Set'], { instances: setInstanceMethods as never });
add(['Map', 'System.Map'], { instances: mapInstanceMethods as never });
add(['System.Crypto', 'Crypto'], { statics: cryptoStaticMethods });
add(['System.EncodingUtil', 'EncodingUtil'], { statics: encodingUtilStaticMethods });
add(['System.URL', 'URL'], { statics: urlStaticMethods, instances: urlInstanceMethods as never });
add(['System.UUID', 'UUID'], {
  statics: uuidStaticMethods,
  instances: uuidInstanceMethods as never,
});
add(['System.TimeZone', 'TimeZone'], {
  statics: timeZoneStaticMethods,
  instances: timeZoneInstanceMethods as never,
});

/** JSON needs the interpreter (for classes and SObjects): the local org adds it once built. */
export function addLibraryClass(names: string[], cls: LibraryClass): void {
  add(names, cls);
}

export function libraryClass(name: string): LibraryClass | undefined {
  return LIBRARY.get(name.toLowerCase());
}
