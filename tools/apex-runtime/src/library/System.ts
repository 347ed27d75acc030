// System's static methods that are not assertions (Apex Reference Guide: System Class), Test
// (Test Class), Limits (Limits Class), UserInfo (UserInfo Class), FeatureManagement, URL and
// DomainCreator as far as the code under test reaches them.
import { ApexError } from '../interpreter/errors';
import { defineNative, type CallContext } from '../interpreter/natives';
import { ApexDatetime, ApexDouble, ApexObject, type ApexValue } from '../interpreter/values';
import { stateOf } from '../org/state';
import type { RuntimeClass } from '../interpreter/types';
import { today } from '../system/Date';

function job(args: ApexValue[], c: CallContext, iface: string): ApexObject {
  const value = args[0];
  if (!(value instanceof ApexObject) || !value.cls || !('decl' in (value.cls as object))) {
    throw new ApexError('System.AsyncException', `The job does not implement ${iface}`);
  }
  void c;
  return value;
}

defineNative({
  name: 'System',
  statics: {
    debug: (args, c) => {
      // debug(message) or debug(level, message); a missing message reads as null.
      const [first = null, second] = args;
      const message = second === undefined ? first : second;
      const level = second === undefined ? 'DEBUG' : c.interp.host.toApexString(first, c.interp);
      stateOf(c).debugLog.push(
        `USER_DEBUG [${c.pos.line}] ${level} ${c.interp.host.toApexString(message, c.interp)}`
      );
      return null;
    },
    now: (_args, c) => new ApexDatetime(stateOf(c).now()),
    today: (_args, c) =>
      today({
        timeZone: stateOf(c).timeZone(),
        locale: stateOf(c).locale(),
        now: () => stateOf(c).now(),
      }),
    currenttimemillis: (_args, c) => BigInt(stateOf(c).now()),
    // Transaction Finalizers (Apex Developer Guide), with the errors its table lists.
    attachfinalizer: (args, c) => {
      const state = stateOf(c);
      const finalizer = args[0] ?? null;
      if (!state.queueable) {
        throw new ApexError(
          'System.AsyncException',
          'System.attachFinalizer(Finalizer) is not allowed in this context'
        );
      }
      if (finalizer === null) {
        throw new ApexError('System.NullPointerException', 'Argument cannot be null');
      }
      const rc =
        finalizer instanceof ApexObject && finalizer.cls && 'decl' in (finalizer.cls as object)
          ? (finalizer.cls as RuntimeClass)
          : null;
      if (!rc || !c.interp.implementsNative(rc, 'finalizer')) {
        throw new ApexError(
          'System.AsyncException',
          `Class ${finalizer instanceof ApexObject ? finalizer.className : 'value'} must implement the Finalizer interface`
        );
      }
      if (state.queueable.finalizer) {
        throw new ApexError(
          'System.AsyncException',
          'More than one Finalizer cannot be attached to same Async Apex Job'
        );
      }
      state.queueable.finalizer = finalizer as ApexObject;
      return null;
    },
    enqueuejob: (args, c) => {
      const state = stateOf(c);
      // In an Apex test a Queueable cannot queue another (chaining): the platform throws, and
      // the test's stopTest runs only the jobs the test itself queued (assumed; see DIVERGENCES).
      if (state.inTest && state.queueable) {
        throw new ApexError('System.AsyncException', 'Maximum stack depth has been reached.');
      }
      state.limits.countQueueable();
      return state.enqueue('queueable', job(args, c, 'Queueable'), 1);
    },
    schedule: (args, c) =>
      stateOf(c).enqueue('schedulable', job([args[2] ?? null], c, 'Schedulable'), 1, {
        name: args[0] as string,
        cron: args[1] as string,
      }),
    isbatch: () => false,
    isfuture: () => false,
    isqueueable: () => false,
    isscheduled: () => false,
    requestversion: () => null,
  },
});

defineNative({
  name: 'System.Test',
  statics: {
    isrunningtest: (_args, c) => stateOf(c).inTest,
    starttest: (_args, c) => {
      const state = stateOf(c);
      if (state.testStarted) {
        throw new ApexError('System.FinalException', 'Testing already started');
      }
      state.startTest();
      return null;
    },
    stoptest: (_args, c) => {
      stateOf(c).stopTest();
      return null;
    },
    setcreateddate: (args, c) => {
      stateOf(c).setCreatedDate(args[0] as string, args[1] ?? null);
      return null;
    },
    testinstall: (args, c) => {
      const handler = args[0] as ApexObject;
      const context = new ApexObject('System.InstallContext', null);
      context.native = { previous: args[1] ?? null, isPush: args[2] === true };
      return c.interp.invokeObjectMethod(handler, 'onInstall', [context], c.pos);
    },
  },
});

defineNative({
  name: 'System.InstallContext',
  methods: {
    organizationid: (_self, _args, c) => stateOf(c).orgId,
    installerid: (_self, _args, c) => stateOf(c).userId,
    previousversion: (self) => (self.native as { previous: ApexValue }).previous,
    isupgrade: (self) => (self.native as { previous: ApexValue }).previous !== null,
    ispush: (self) => (self.native as { isPush: boolean }).isPush,
  },
});

defineNative({
  name: 'System.Limits',
  statics: {
    getqueries: (_a, c) => stateOf(c).limits.queries,
    getlimitqueries: (_a, c) => stateOf(c).limits.limits.queries,
    getqueryrows: (_a, c) => stateOf(c).limits.queryRows,
    getlimitqueryrows: (_a, c) => stateOf(c).limits.limits.queryRows,
    getdmlstatements: (_a, c) => stateOf(c).limits.dmlStatements,
    getlimitdmlstatements: (_a, c) => stateOf(c).limits.limits.dmlStatements,
    getdmlrows: (_a, c) => stateOf(c).limits.dmlRows,
    getlimitdmlrows: (_a, c) => stateOf(c).limits.limits.dmlRows,
    getqueueablejobs: (_a, c) => stateOf(c).limits.queueableJobs,
    getlimitqueueablejobs: (_a, c) => stateOf(c).limits.limits.queueableJobs,
    getfuturecalls: (_a, c) => stateOf(c).limits.futureCalls,
    getlimitfuturecalls: (_a, c) => stateOf(c).limits.limits.futureCalls,
    getcallouts: (_a, c) => stateOf(c).limits.callouts,
    getlimitcallouts: (_a, c) => stateOf(c).limits.limits.callouts,
    // A heap check, as each call measures the heap.
    getheapsize: (_a, c) => stateOf(c).checkHeap(),
    getlimitheapsize: (_a, c) => stateOf(c).limits.limits.heapSize,
    getlimitcputime: (_a, c) => stateOf(c).limits.limits.cpuTime,
  },
});

defineNative({
  name: 'System.UserInfo',
  statics: {
    getuserid: (_a, c) => stateOf(c).userId,
    getorganizationid: (_a, c) => stateOf(c).orgId,
    getusername: (_a, c) => stateOf(c).user().get('Username'),
    getuseremail: (_a, c) => stateOf(c).user().get('Email'),
    getname: (_a, c) => stateOf(c).user().get('Name'),
    getfirstname: (_a, c) => stateOf(c).user().get('FirstName'),
    getlastname: (_a, c) => stateOf(c).user().get('LastName'),
    getprofileid: (_a, c) => stateOf(c).user().get('ProfileId'),
    getlocale: (_a, c) => stateOf(c).locale(),
    getlanguage: (_a, c) => stateOf(c).user().get('LanguageLocaleKey'),
    gettimezone: (_a, c) =>
      c.interp.host.nativeStatic(
        'System.TimeZone',
        'getTimeZone',
        [stateOf(c).timeZone()],
        c.interp,
        c.pos
      ),
    getusertype: () => 'Standard',
    getdefaultcurrency: () => null,
    ismulticurrencyorganization: () => false,
  },
});

defineNative({
  name: 'System.FeatureManagement',
  statics: {
    checkpermission: (args, c) => stateOf(c).hasCustomPermission(args[0] as string),
  },
});

defineNative({
  name: 'System.DomainCreator',
  statics: {
    getlightninghostname: (_a, c) =>
      new URL(stateOf(c).orgDomainUrl()).host.replace('.my.salesforce.com', '.lightning.force.com'),
    getorgmydomainhostname: (_a, c) => new URL(stateOf(c).orgDomainUrl()).host,
  },
});

// System.Version (Apex Reference Guide: Version Class): a package version, major.minor[.patch].
defineNative({
  name: 'System.Version',
  construct: (args) => {
    const version = new ApexObject('System.Version', null);
    version.native = {
      major: args[0] as number,
      minor: args[1] as number,
      patch: (args[2] ?? null) as number | null,
    };
    return version;
  },
  methods: {
    major: (self) => (self.native as { major: number }).major,
    minor: (self) => (self.native as { minor: number }).minor,
    patch: (self) => (self.native as { patch: number | null }).patch,
    compareto: (self, args) => {
      const a = self.native as { major: number; minor: number; patch: number | null };
      const other = args[0];
      if (!(other instanceof ApexObject)) {
        throw new ApexError('System.NullPointerException', 'Argument cannot be null.');
      }
      const b = other.native as { major: number; minor: number; patch: number | null };
      return Math.sign(a.major - b.major || a.minor - b.minor || (a.patch ?? 0) - (b.patch ?? 0));
    },
    tostring: (self) => {
      const v = self.native as { major: number; minor: number; patch: number | null };
      return v.patch === null ? `${v.major}.${v.minor}` : `${v.major}.${v.minor}.${v.patch}`;
    },
  },
});

// System.Location (Apex Reference Guide: Location Class): a latitude and longitude, as
// geolocation fields hold them. Distances are not implemented.
defineNative({
  name: 'System.Location',
  statics: {
    newinstance: (args) => {
      const [latitude, longitude] = args.map((a) =>
        a === null
          ? null
          : new ApexDouble(Number(a instanceof Object && 'value' in a ? a.value : a))
      );
      const location = new ApexObject('System.Location', null);
      location.native = { latitude, longitude };
      return location;
    },
  },
  methods: {
    getlatitude: (self) => (self.native as { latitude: ApexValue }).latitude,
    getlongitude: (self) => (self.native as { longitude: ApexValue }).longitude,
  },
});

// System.Address (Apex Reference Guide: Address Class): read-only parts of a compound address.
defineNative({
  name: 'System.Address',
  methods: Object.fromEntries(
    [
      'street',
      'city',
      'state',
      'statecode',
      'postalcode',
      'country',
      'countrycode',
      'latitude',
      'longitude',
    ].map((part) => [
      `get${part}`,
      (self: ApexObject) => (self.native as Record<string, ApexValue>)[part] ?? null,
    ])
  ),
});
