// Platform events in Apex (Apex Reference Guide: EventBus Class, EventBus.TestBroker Class,
// EventBus.TriggerContext Class, EventBus.RetryableException; Test.getEventBus; Limits
// getPublishImmediateDML). The bus itself, publishing and delivery, is org/eventBus.ts.
import { ApexError } from '../interpreter/errors';
import { defineNative, type CallContext } from '../interpreter/natives';
import { ApexList, ApexObject, SObjectValue, type ApexValue } from '../interpreter/values';
import type { OrgHost } from '../org/host';
import {
  PUBLISH_IMMEDIATE_LIMIT,
  currentTriggerContext,
  deliverTestEvents,
  failTestEvents,
  publish,
  publishImmediateCalls,
  type TriggerContextState,
} from '../org/eventBus';

function hostOf(c: CallContext): OrgHost {
  return c.interp.host as unknown as OrgHost;
}

function saveResult(outcome: ReturnType<typeof publish>[number]): ApexObject {
  const result = new ApexObject('Database.SaveResult', null);
  result.native = outcome;
  return result;
}

function isAccessLevel(value: ApexValue): value is ApexObject {
  return value instanceof ApexObject && value.className === 'System.AccessLevel';
}

/** publish(event) or publish(events), in system mode unless `userMode`. */
function publishArgument(value: ApexValue, userMode: boolean, c: CallContext): ApexValue {
  if (value === null) {
    throw new ApexError('System.NullPointerException', 'Argument cannot be null.');
  }
  if (value instanceof ApexList) {
    const outcomes = publish(hostOf(c), value.values as (SObjectValue | null)[], userMode);
    return new ApexList({ name: 'Database.SaveResult', args: [] }, outcomes.map(saveResult));
  }
  if (value instanceof SObjectValue) {
    const [outcome] = publish(hostOf(c), [value], userMode);
    return saveResult(outcome as ReturnType<typeof publish>[number]);
  }
  throw new ApexError('System.TypeException', 'EventBus.publish takes an SObject or a list');
}

function refuseCallback(args: ApexValue[], expected: number, c: CallContext): void {
  if (args.length > expected) {
    c.interp.unsupported('EventBus.publish with a publish callback', c.pos);
  }
}

defineNative({
  name: 'EventBus',
  statics: {
    publish: (args, c) => {
      refuseCallback(args, 1, c);
      return publishArgument(args[0] ?? null, false, c);
    },
    publishwithaccesslevel: (args, c) => {
      const level = args[args.length - 1] ?? null;
      if (!isAccessLevel(level)) {
        return c.interp.unsupported(
          'EventBus.publishWithAccessLevel with a publish callback',
          c.pos
        );
      }
      refuseCallback(args, 2, c);
      const userMode = (level.native as { enumName: string }).enumName === 'USER_MODE';
      return publishArgument(args[0] ?? null, userMode, c);
    },
    // "Returns the event UUID, which identifies a published event message"; null when the
    // publish failed synchronously.
    getoperationid: (args) => {
      const result = args[0];
      if (!(result instanceof ApexObject) || result.className !== 'Database.SaveResult') {
        throw new ApexError('System.NullPointerException', 'Argument cannot be null.');
      }
      return (result.native as { uuid?: string | null }).uuid ?? null;
    },
  },
});

defineNative({
  name: 'EventBus.TestBroker',
  methods: {
    deliver: (_self, _args, c) => {
      deliverTestEvents(hostOf(c));
      return null;
    },
    fail: (_self, _args, c) => {
      failTestEvents(hostOf(c));
      return null;
    },
  },
});

defineNative({
  name: 'System.Test',
  statics: {
    geteventbus: () => new ApexObject('EventBus.TestBroker', null),
  },
});

function contextState(self: ApexObject): TriggerContextState {
  return self.native as TriggerContextState;
}

defineNative({
  name: 'EventBus.TriggerContext',
  statics: {
    currentcontext: (_args, c) => {
      const state = currentTriggerContext();
      if (!state) {
        return c.interp.unsupported(
          'EventBus.TriggerContext.currentContext() outside a platform event trigger',
          c.pos
        );
      }
      const context = new ApexObject('EventBus.TriggerContext', null);
      context.native = state;
      return context;
    },
  },
  fields: {
    retries: (self) => contextState(self).retries,
    lasterror: (self) => contextState(self).lastError,
  },
  methods: {
    getresumecheckpoint: (self) => contextState(self).checkpoint,
    setresumecheckpoint: (self, args) => {
      const replayId = args[0] ?? null;
      if (typeof replayId !== 'string') {
        throw new ApexError('System.NullPointerException', 'Argument cannot be null.');
      }
      contextState(self).checkpoint = replayId;
      return null;
    },
  },
});

defineNative({
  name: 'EventBus.RetryableException',
  parent: 'Exception',
  construct: (args, c) => {
    const name = 'EventBus.RetryableException';
    const obj = new ApexObject(name, null);
    obj.fields.set('$message', null);
    c.interp.initException(obj, args);
    const error = new ApexError(name, String(obj.fields.get('$message') ?? ''));
    error.object = obj;
    obj.native = error;
    return obj;
  },
});

defineNative({
  name: 'System.Limits',
  statics: {
    getpublishimmediatedml: (_args, c) => publishImmediateCalls(hostOf(c)),
    getlimitpublishimmediatedml: () => PUBLISH_IMMEDIATE_LIMIT,
  },
});
