// Custom setting methods (Apex Reference Guide: Custom Settings Methods, Hierarchy Custom
// Setting Methods, List Custom Setting Methods). They read the settings rows without a query,
// as the platform's application cache does, so they count against no SOQL limit.
//   getOrgDefaults()      the organization-level row; an empty record when there is none
//   getInstance([id])     the running user's (or the given user's or profile's) row, with every
//                         field it leaves null taken from the level above it: user, profile, org.
//                         With no row at that level, a new record (Id null, SetupOwnerId the id)
//                         holding the merged fields of the levels above.
//   getValues(id)         exactly the row of that owner, without merging; null when none.
//   getAll(), getValues(name), getInstance(name) for list settings.
// Assumed (no document states it): an empty record carries the checkbox fields' defaults.
import type { Pos } from '../parse/ast';
import { ApexError } from '../interpreter/errors';
import { ApexMap, SObjectValue, type ApexValue } from '../interpreter/values';
import type { ObjectDescribe } from '../schema/types';
import type { OrgHost } from '../org/host';
import type { LocalOrgServices } from '../org/orgServices';

const SYSTEM_FIELDS = new Set([
  'id',
  'name',
  'setupownerid',
  'isdeleted',
  'createddate',
  'createdbyid',
  'lastmodifieddate',
  'lastmodifiedbyid',
  'systemmodstamp',
]);

function emptyRecord(object: ObjectDescribe, ownerId: string | null): SObjectValue {
  const record = new SObjectValue(object.name);
  for (const f of object.fields.values()) {
    if (f.type === 'boolean' && !SYSTEM_FIELDS.has(f.name.toLowerCase())) {
      record.set(f.name, f.defaultValue === true);
    }
  }
  if (ownerId) {
    record.set('SetupOwnerId', ownerId);
  }
  return record;
}

function copyOf(row: SObjectValue): SObjectValue {
  const copy = row.clone();
  copy.queried = null;
  return copy;
}

export function customSettingMethod(
  services: LocalOrgServices,
  object: ObjectDescribe,
  lowerName: string,
  args: ApexValue[],
  host: OrgHost,
  pos: Pos
): ApexValue {
  const rows = services.db.rows(object.name);
  const byOwner = (id: string | null): SObjectValue | undefined =>
    id
      ? rows.find((r) => String(r.get('SetupOwnerId')).slice(0, 15) === id.slice(0, 15))
      : undefined;
  const orgId = host.orgId;
  if (object.customSettingType === 'List') {
    switch (lowerName) {
      case 'getall': {
        const map = new ApexMap({ name: 'String', args: [] }, { name: object.name, args: [] });
        for (const r of rows) {
          map.put(r.get('Name'), copyOf(r));
        }
        return map;
      }
      case 'getvalues':
      case 'getinstance': {
        const hit = rows.find((r) => r.get('Name') === args[0]);
        return hit ? copyOf(hit) : null;
      }
    }
    services.interp.unsupported(`list custom setting method ${lowerName}`, pos);
  }
  switch (lowerName) {
    case 'getorgdefaults': {
      const row = byOwner(orgId);
      return row ? copyOf(row) : emptyRecord(object, null);
    }
    case 'getvalues': {
      const id = args[0];
      if (typeof id !== 'string') {
        throw new ApexError('System.NullPointerException', 'Argument cannot be null.');
      }
      const row = byOwner(services.normaliseId(id));
      return row ? copyOf(row) : null;
    }
    case 'getinstance': {
      const id = args.length ? (args[0] as string | null) : host.userId;
      if (id === null) {
        throw new ApexError('System.NullPointerException', 'Argument cannot be null.');
      }
      const ownerId = services.normaliseId(id);
      const isProfile = ownerId.startsWith('00e');
      const profileId = isProfile
        ? ownerId
        : ((services.db.getRow(ownerId)?.get('ProfileId') ?? null) as string | null);
      const levels = [
        isProfile ? undefined : byOwner(ownerId),
        byOwner(profileId),
        byOwner(orgId),
      ].filter((r): r is SObjectValue => r !== undefined);
      const own = isProfile ? byOwner(profileId) : byOwner(ownerId);
      const result = own ? copyOf(own) : emptyRecord(object, ownerId);
      for (const f of object.fields.values()) {
        if (SYSTEM_FIELDS.has(f.name.toLowerCase())) {
          continue;
        }
        const current = result.get(f.name);
        if (
          current !== null &&
          !(f.type === 'boolean' && !own && current === (f.defaultValue === true))
        ) {
          continue;
        }
        const inherited = levels.find((r) => r.get(f.name) !== null);
        if (inherited) {
          result.set(f.name, inherited.get(f.name));
        }
      }
      return result;
    }
  }
  services.interp.unsupported(`hierarchy custom setting method ${lowerName}`, pos);
}
