// The rows every org has before a test runs: the Organization, the stand-in profiles (see
// schema/profiles.ts), the user the tests run as (a System Administrator), the project's
// permission sets, custom permissions, static resources, Apex classes and custom metadata
// records, the standard picklist rows LeadStatus and TaskStatus, record types and queues.
//
// Values chosen (documented stand-ins, not read from any org):
// - Organization: Name 'Local Runtime Org', TimeZoneSidKey 'America/Los_Angeles' (the default
//   of a new Developer Edition or scratch org created from the US), en_US locale and language,
//   fiscal year starting in January, NamespacePrefix the project's namespace (the packaging org).
// - LeadStatus and TaskStatus values are those of a new org (Salesforce Help: "Lead Status
//   Picklist", "Task Fields"; Object Reference: "LeadStatus", "TaskStatus"): Open - Not
//   Contacted (default), Working - Contacted, Closed - Converted (converted), Closed - Not
//   Converted; Not Started (default), In Progress, Completed (closed), Waiting on someone else,
//   Deferred.
import {
  ApexBlob,
  ApexDecimal,
  ApexDate,
  ApexDatetime,
  type ApexValue,
} from '../interpreter/values';
import { MINIMUM_ACCESS, STANDARD_USER, SYSTEM_ADMINISTRATOR } from '../schema/profiles';
import type { Database } from './database';
import { ORG_ID } from './ids';

export interface OrgInfo {
  orgId: string;
  /** The System Administrator the test runner runs as. */
  adminUserId: string;
  /** Profile Ids by name. */
  profileIds: Map<string, string>;
  timeZone: string;
}

export const ORG_TIME_ZONE = 'America/Los_Angeles';

export function bootstrapOrg(db: Database): OrgInfo {
  const schema = db.schema;
  const ns = schema.namespace;
  db.insertRaw('Organization', {
    Id: ORG_ID,
    Name: 'Local Runtime Org',
    TimeZoneSidKey: ORG_TIME_ZONE,
    LanguageLocaleKey: 'en_US',
    DefaultLocaleSidKey: 'en_US',
    FiscalYearStartMonth: 1,
    IsSandbox: false,
    OrganizationType: 'Developer Edition',
    NamespacePrefix: ns,
    InstanceName: 'LOCAL',
    Country: 'US',
  });
  const profileIds = new Map<string, string>();
  for (const grant of schema.profiles.values()) {
    const row = db.insertRaw('Profile', {
      Name: grant.name,
      UserType: 'Standard',
      PermissionsModifyAllData: grant.modifyAllData,
      PermissionsViewAllData: grant.viewAllData,
      PermissionsApiEnabled: grant.userPermissions.has('apienabled'),
    });
    profileIds.set(grant.name, row.get('Id') as string);
  }
  const admin = db.insertRaw('User', {
    Username: 'admin@local-runtime.invalid',
    FirstName: 'Runtime',
    LastName: 'Admin',
    Name: 'Runtime Admin',
    Alias: 'radmin',
    Email: 'admin@local-runtime.invalid',
    CommunityNickname: 'runtime-admin',
    TimeZoneSidKey: ORG_TIME_ZONE,
    LocaleSidKey: 'en_US',
    LanguageLocaleKey: 'en_US',
    EmailEncodingKey: 'UTF-8',
    ProfileId: profileIds.get(SYSTEM_ADMINISTRATOR)!,
    IsActive: true,
    IsPortalEnabled: false,
    UserType: 'Standard',
  });
  const adminUserId = admin.get('Id') as string;
  // The audit fields of what was seeded so far name the admin.
  for (const name of ['Organization', 'Profile', 'User']) {
    for (const row of db.rows(name)) {
      db.patchRaw(row.get('Id') as string, {
        CreatedById: adminUserId,
        LastModifiedById: adminUserId,
      });
    }
  }
  for (const name of [SYSTEM_ADMINISTRATOR, STANDARD_USER, MINIMUM_ACCESS]) {
    db.insertRaw(
      'PermissionSet',
      {
        Name: `X00e${name.replace(/[^A-Za-z]/g, '').slice(0, 20)}`,
        Label: name,
        IsOwnedByProfile: true,
        IsCustom: false,
        ProfileId: profileIds.get(name)!,
        Type: 'Profile',
        NamespacePrefix: null,
      },
      adminUserId
    );
  }
  for (const grant of schema.permissionSets.values()) {
    db.insertRaw(
      'PermissionSet',
      {
        Name: grant.name,
        Label: grant.label,
        NamespacePrefix: ns,
        IsOwnedByProfile: false,
        IsCustom: true,
        Type: 'Regular',
        HasActivationRequired: false,
      },
      adminUserId
    );
  }
  for (const cp of schema.customPermissions.values()) {
    db.insertRaw(
      'CustomPermission',
      {
        DeveloperName: cp.name,
        MasterLabel: cp.label,
        Description: cp.description,
        NamespacePrefix: ns,
        IsLicensed: false,
        IsProtected: false,
      },
      adminUserId
    );
  }
  const leadStatuses: [string, boolean, boolean][] = [
    ['Open - Not Contacted', false, true],
    ['Working - Contacted', false, false],
    ['Closed - Converted', true, false],
    ['Closed - Not Converted', false, false],
  ];
  leadStatuses.forEach(([label, converted, isDefault], i) => {
    db.insertRaw(
      'LeadStatus',
      {
        ApiName: label,
        MasterLabel: label,
        IsConverted: converted,
        IsDefault: isDefault,
        SortOrder: i + 1,
      },
      adminUserId
    );
  });
  const taskStatuses: [string, boolean, boolean][] = [
    ['Not Started', false, true],
    ['In Progress', false, false],
    ['Completed', true, false],
    ['Waiting on someone else', false, false],
    ['Deferred', false, false],
  ];
  taskStatuses.forEach(([label, closed, isDefault], i) => {
    db.insertRaw(
      'TaskStatus',
      {
        ApiName: label,
        MasterLabel: label,
        IsClosed: closed,
        IsDefault: isDefault,
        SortOrder: i + 1,
      },
      adminUserId
    );
  });
  for (const res of schema.staticResources.values()) {
    db.insertRaw(
      'StaticResource',
      {
        Name: res.name,
        NamespacePrefix: ns,
        Body: new ApexBlob(res.body),
        BodyLength: res.body.length,
        ContentType: res.contentType,
        CacheControl: res.cacheControl,
        Description: res.description,
      },
      adminUserId
    );
  }
  for (const name of schema.apexClassNames) {
    db.insertRaw(
      'ApexClass',
      {
        Name: name,
        NamespacePrefix: ns,
        Status: 'Active',
        IsValid: true,
        ApiVersion: new ApexDecimal(66, 1),
      },
      adminUserId
    );
  }
  for (const records of schema.customMetadata.values()) {
    for (const rec of records) {
      const obj = schema.object(rec.type);
      if (!obj) {
        continue;
      }
      const values: Record<string, ApexValue> = {
        DeveloperName: rec.developerName,
        MasterLabel: rec.label,
        Label: rec.label,
        QualifiedApiName: rec.developerName,
        NamespacePrefix: ns,
      };
      for (const [field, raw] of rec.values) {
        const f = schema.field(obj, field);
        values[f ? f.name : field] = typed(f?.type ?? 'string', raw);
      }
      db.insertRaw(obj.name, values, adminUserId);
    }
  }
  // The project's record types (schema/orgRules.ts); the master one has no row, as in an org.
  for (const obj of schema.objects.values()) {
    for (const rt of obj.recordTypes ?? []) {
      const row = db.insertRaw(
        'RecordType',
        {
          Name: rt.label,
          DeveloperName: rt.developerName,
          Description: rt.description,
          IsActive: rt.active,
          IsPersonType: false,
          SobjectType: obj.name,
          NamespacePrefix: null,
        },
        adminUserId
      );
      rt.id = row.get('Id') as string;
    }
  }
  // The project's queues (schema/orgRules.ts), which assignment rules name: Group rows of Type
  // Queue, visible to every test as setup rows are.
  for (const queue of schema.queues) {
    db.insertRaw(
      'Group',
      {
        Name: queue.name,
        DeveloperName: queue.developerName,
        Type: 'Queue',
        DoesSendEmailToMembers: false,
        DoesIncludeBosses: false,
      },
      adminUserId
    );
  }
  return { orgId: ORG_ID, adminUserId, profileIds, timeZone: ORG_TIME_ZONE };
}

function typed(type: string, raw: string | boolean | number | null): ApexValue {
  if (raw === null) {
    return type === 'boolean' ? false : null;
  }
  const text = String(raw);
  switch (type) {
    case 'boolean':
      return text === 'true';
    case 'double':
    case 'currency':
    case 'percent':
      return new ApexDecimal(Number(text), (text.split('.')[1] ?? '').length);
    case 'integer':
      return Number(text);
    case 'date': {
      // A metadata date value is always yyyy-MM-dd (the deploy refuses any other).
      const [y, m, d] = text.split('-').map(Number);
      return new ApexDate(y!, m!, d!);
    }
    case 'datetime':
      return new ApexDatetime(Date.parse(text));
    default:
      return text;
  }
}
