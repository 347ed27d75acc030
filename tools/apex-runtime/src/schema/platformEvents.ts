// Platform event objects (`Name__e`) as describe reports them, from their CustomObject metadata
// (Platform Events Developer Guide: "Migrate Platform Event Definitions with Metadata API",
// "Platform Event Fields"). An event is defined like a custom object, but its messages are only
// ever published: no Name, owner or last-modified fields, no updates, deletes or queries.
// - `eventType`: only HighVolume is supported on the platform; StandardVolume is deprecated.
// - `publishBehavior`: PublishAfterCommit ("published only after a transaction commits
//   successfully and isn't published if the transaction fails") or PublishImmediately
//   ("published when the publish call executes, regardless of whether the transaction
//   succeeds"). The default of a definition without the element is assumed to be
//   PublishImmediately, the default the Setup page names.
// - Standard fields of every event: ReplayId, EventUuid, CreatedDate and CreatedById. The Id a
//   publish result carries "isn't included in the event message delivered to subscribers".
import { parseFieldSpec } from './schema';
import type { ObjectDescribe, PlatformEventInfo } from './types';

type Xml = Record<string, unknown>;

function text(node: Xml, key: string): string | null {
  const value = node[key];
  return typeof value === 'string' ? value : null;
}

/** The event's settings from its metadata, with the defaults above. */
export function platformEventInfo(node: Xml): PlatformEventInfo {
  const behavior = text(node, 'publishBehavior');
  return {
    eventType: text(node, 'eventType') ?? 'HighVolume',
    publishBehavior:
      behavior === 'PublishAfterCommit' ? 'PublishAfterCommit' : 'PublishImmediately',
  };
}

/** Describe of one platform event; `name` is in the schema's spelling (namespaced). */
export function platformEventObject(
  name: string,
  localName: string,
  node: Xml,
  keyPrefix: string
): ObjectDescribe {
  const obj: ObjectDescribe = {
    name,
    localName,
    label: text(node, 'label') ?? localName,
    labelPlural: text(node, 'pluralLabel') ?? text(node, 'label') ?? localName,
    keyPrefix,
    custom: true,
    customSettingType: null,
    setupObject: false,
    sharingModel: 'ReadWrite',
    hasOwner: false,
    fields: new Map(),
    childRelationships: [],
    visibility: 'Public',
    // Published through the API by "inserting" a message; never updated, deleted or queried.
    createable: true,
    updateable: false,
    deletable: false,
    queryable: false,
    standardUserAccess: 'none',
    sharingParentField: null,
    platformEvent: platformEventInfo(node),
  };
  for (const spec of [
    'Id:id ro nofls',
    'ReplayId:string(255) ro nofls',
    'EventUuid:string(36) ro nofls',
    'CreatedDate:datetime ro nofls',
    'CreatedById:ref(User) rel=CreatedBy ro nofls',
  ]) {
    const field = parseFieldSpec(spec);
    field.system = true;
    field.filterable = false;
    obj.fields.set(field.name.toLowerCase(), field);
  }
  return obj;
}
