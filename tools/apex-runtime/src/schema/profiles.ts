// The profiles this runtime offers, as documented stand-ins for the org's real profiles (whose
// metadata a source project does not carry). Tests find them by name in the Profile table:
//
//   System Administrator          View All Data and Modify All Data: every object, every field,
//                                 every record. The user the test runner runs as.
//   Standard User                 Create/read/edit/delete on the standard CRM objects (Account,
//                                 Contact, Lead, Opportunity, Task, Event), read on the others the
//                                 catalog marks readable, field-level security on every standard
//                                 field, Edit Tasks and Edit Events. NO access to custom objects or
//                                 custom fields unless a permission set grants them.
//   Minimum Access - Salesforce   Nothing but the read of the user's own User record; objects and
//                                 fields come from permission sets only (standard fields without
//                                 field-level security, such as Id, Name and required fields, follow
//                                 the object's access).
//
// Record types: System Administrator and Standard User have every active record type of the
// project available (as the New Record Type wizard offers it to every profile); Minimum Access
// has none but the master unless a permission set's recordTypeVisibilities adds one.
//
// (Salesforce Help: "Standard Profiles"; "Minimum Access - Salesforce Profile".) The real
// profiles differ in many system permissions this runtime does not model; see DIVERGENCES.md.
import type { PermissionGrant } from './types';

function emptyGrant(name: string): PermissionGrant {
  return {
    name,
    label: name,
    kind: 'profile',
    objects: new Map(),
    fields: new Map(),
    customPermissions: new Set(),
    classAccesses: new Set(),
    viewAllData: false,
    modifyAllData: false,
    allStandardObjects: false,
    userPermissions: new Set(),
  };
}

export const SYSTEM_ADMINISTRATOR = 'System Administrator';
export const STANDARD_USER = 'Standard User';
export const MINIMUM_ACCESS = 'Minimum Access - Salesforce';

export function standInProfiles(): Map<string, PermissionGrant> {
  const admin = emptyGrant(SYSTEM_ADMINISTRATOR);
  admin.viewAllData = true;
  admin.modifyAllData = true;
  admin.allStandardObjects = true;
  admin.allRecordTypes = true;
  for (const p of [
    'edittask',
    'editevent',
    'viewalldata',
    'modifyalldata',
    'apienabled',
    'customizeapplication',
    'manageusers',
    'viewsetup',
  ]) {
    admin.userPermissions.add(p);
  }
  const standard = emptyGrant(STANDARD_USER);
  standard.allStandardObjects = true;
  standard.allRecordTypes = true;
  for (const p of ['edittask', 'editevent', 'apienabled']) {
    standard.userPermissions.add(p);
  }
  const minimum = emptyGrant(MINIMUM_ACCESS);
  minimum.ownUserRead = true;
  return new Map([
    [admin.name.toLowerCase(), admin],
    [standard.name.toLowerCase(), standard],
    [minimum.name.toLowerCase(), minimum],
  ]);
}
