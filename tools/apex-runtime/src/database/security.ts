// Who may do what: object permissions, field-level security, custom permissions and record
// sharing of a user, computed from the User row's ProfileId (a Profile row whose Name is one of
// the runtime's stand-in profiles, see schema/profiles.ts) and the user's
// PermissionSetAssignment rows (PermissionSetId -> a PermissionSet row whose Name and
// NamespacePrefix match a permission set of the project).
//
// Rules emulated (Salesforce Help: "Object Permissions", "Field-Level Security", "Custom
// Permissions", "Sharing Default Access Settings", "Considerations for Sharing and Accessing
// Contacts", "Activity Access"; Apex Developer Guide: "Enforcing Object and Field Permissions"):
// - Access is the union of the profile and every assigned permission set.
// - View All Data / Modify All Data see / change every record of every object; an object's View
//   All / Modify All do so for that object.
// - Edit implies read; fields need the object's access first; fields without field-level
//   security (Id, Name, audit fields, required fields) follow the object.
// - Sharing by org-wide default: Private (owner only), Read (all read, owner edits), ReadWrite
//   (all), ControlledByParent (the master record's access; a Contact without an Account is
//   private to its owner). Activities (Task, Event) are private: visible to their owner and to
//   whoever can see the record in WhoId or WhatId; edited by the owner.
// - Tasks and Events have no object permissions: Edit Tasks / Edit Events (user permissions)
//   allow creating and changing them; every user may read them.
// NOT emulated: the role hierarchy, sharing rules, manual shares, teams, territories, queues.
import type { SObjectValue } from '../interpreter/values';
import type {
  FieldDescribe,
  ObjectDescribe,
  ObjectPermission,
  PermissionGrant,
} from '../schema/types';
import type { Database } from './database';

export interface FieldAccess {
  readable: boolean;
  editable: boolean;
  /** Createable for this user (editable and the field can be written on create). */
  createable: boolean;
  /** Updateable for this user. */
  updateable: boolean;
}

const NO_ACCESS: ObjectPermission = {
  read: false,
  create: false,
  edit: false,
  delete: false,
  viewAll: false,
  modifyAll: false,
};

interface UserGrants {
  generation: number;
  userId: string;
  /** Profile first, then permission sets. */
  grants: PermissionGrant[];
  viewAllData: boolean;
  modifyAllData: boolean;
  objectCache: Map<string, ObjectPermission>;
  fieldCache: Map<string, FieldAccess>;
}

const ACTIVITY_OBJECTS = new Set(['task', 'event']);

export class Security {
  private readonly cache = new Map<string, UserGrants>();

  constructor(private readonly db: Database) {}

  /** The grants that apply to a user (profile stand-in plus assigned project permission sets). */
  grantsOf(userId: string): UserGrants {
    const cached = this.cache.get(userId);
    if (cached && cached.generation === this.db.securityGeneration) {
      return cached;
    }
    const grants: PermissionGrant[] = [];
    const user = this.db.getLive(userId);
    if (user) {
      const profileId = user.get('ProfileId');
      const profileRow = typeof profileId === 'string' ? this.db.getLive(profileId) : undefined;
      const profileName = profileRow ? String(profileRow.get('Name') ?? '') : '';
      const profile = this.db.schema.profiles.get(profileName.toLowerCase());
      if (profile) {
        grants.push(profile);
      }
      for (const psa of this.db.rows('PermissionSetAssignment')) {
        if (psa.get('AssigneeId') !== userId) {
          continue;
        }
        const psId = psa.get('PermissionSetId');
        const ps = typeof psId === 'string' ? this.db.getLive(psId) : undefined;
        if (!ps || ps.get('IsOwnedByProfile') === true) {
          continue;
        }
        const ns = (ps.get('NamespacePrefix') as string | null) ?? null;
        if ((ns ?? null) !== (this.db.schema.namespace ?? null) && ns !== null) {
          continue;
        }
        const grant = this.db.schema.permissionSets.get(String(ps.get('Name') ?? '').toLowerCase());
        if (grant) {
          grants.push(grant);
        }
      }
    }
    const entry: UserGrants = {
      generation: this.db.securityGeneration,
      userId,
      grants,
      viewAllData: grants.some((g) => g.viewAllData || g.modifyAllData),
      modifyAllData: grants.some((g) => g.modifyAllData),
      objectCache: new Map(),
      fieldCache: new Map(),
    };
    this.cache.set(userId, entry);
    return entry;
  }

  hasUserPermission(userId: string, permission: string): boolean {
    const p = permission.toLowerCase();
    return this.grantsOf(userId).grants.some((g) => g.userPermissions.has(p));
  }

  /** CRUD, View All and Modify All of a user on an object. */
  objectAccess(userId: string, objectName: string | ObjectDescribe): ObjectPermission {
    const obj = typeof objectName === 'string' ? this.db.schema.object(objectName) : objectName;
    if (!obj) {
      return NO_ACCESS;
    }
    const g = this.grantsOf(userId);
    const key = obj.name.toLowerCase();
    const cached = g.objectCache.get(key);
    if (cached) {
      return cached;
    }
    const access: ObjectPermission = { ...NO_ACCESS };
    const createable = obj.createable;
    const updateable = obj.updateable ?? true;
    const deletable = obj.deletable ?? true;
    if (
      obj.systemManaged ||
      (obj.customSettingType === null && obj.name.toLowerCase().endsWith('__mdt'))
    ) {
      // Setup data every user may read, no one may write through Apex DML.
      access.read = true;
      access.viewAll = true;
    } else if (ACTIVITY_OBJECTS.has(key)) {
      access.read = true;
      const perm = key === 'task' ? 'edittask' : 'editevent';
      const canEdit = g.modifyAllData || g.grants.some((x) => x.userPermissions.has(perm));
      access.create = canEdit;
      access.edit = canEdit;
      access.delete = canEdit;
      access.viewAll = g.viewAllData;
      access.modifyAll = g.modifyAllData;
    } else {
      for (const grant of g.grants) {
        if (grant.modifyAllData) {
          merge(access, {
            read: true,
            create: true,
            edit: true,
            delete: true,
            viewAll: true,
            modifyAll: true,
          });
        } else if (grant.viewAllData) {
          merge(access, { ...NO_ACCESS, read: true, viewAll: true });
        }
        if (grant.allStandardObjects && !obj.custom) {
          const level = obj.standardUserAccess ?? 'read';
          if (level === 'crud') {
            merge(access, { ...NO_ACCESS, read: true, create: true, edit: true, delete: true });
          } else if (level === 'read') {
            merge(access, { ...NO_ACCESS, read: true });
          }
        }
        if (grant.ownUserRead && key === 'user') {
          merge(access, { ...NO_ACCESS, read: true });
        }
        const explicit = grant.objects.get(key);
        if (explicit) {
          merge(access, explicit);
        }
      }
      // Edit implies read; delete implies edit; Modify All implies everything.
      if (access.modifyAll) {
        access.viewAll = access.read = access.edit = access.delete = true;
      }
      if (access.viewAll) {
        access.read = true;
      }
      if (access.create || access.edit || access.delete) {
        access.read = true;
      }
    }
    access.create = access.create && createable;
    access.edit = access.edit && updateable;
    access.delete = access.delete && deletable;
    g.objectCache.set(key, access);
    return access;
  }

  /** Field-level security of a user on a field (object access included). */
  fieldAccess(
    userId: string,
    objectName: string | ObjectDescribe,
    fieldName: string | FieldDescribe
  ): FieldAccess {
    const obj = typeof objectName === 'string' ? this.db.schema.object(objectName) : objectName;
    const field = obj
      ? typeof fieldName === 'string'
        ? this.db.schema.field(obj, fieldName)
        : fieldName
      : undefined;
    const none: FieldAccess = {
      readable: false,
      editable: false,
      createable: false,
      updateable: false,
    };
    if (!obj || !field) {
      return none;
    }
    const g = this.grantsOf(userId);
    const key = `${obj.name}.${field.name}`.toLowerCase();
    const cached = g.fieldCache.get(key);
    if (cached) {
      return cached;
    }
    const o = this.objectAccess(userId, obj);
    let readable = false;
    let editable = false;
    if (o.read) {
      const standardField = !field.custom;
      if (
        g.viewAllData ||
        field.alwaysAccessible ||
        field.system ||
        field.type === 'id' ||
        obj.systemManaged ||
        (standardField && !obj.custom && g.grants.some((x) => x.allStandardObjects)) ||
        (standardField && obj.custom)
      ) {
        readable = true;
        editable = true;
      }
      for (const grant of g.grants) {
        const fp = grant.fields.get(key);
        if (fp) {
          readable = readable || fp.readable || fp.editable;
          editable = editable || fp.editable;
        }
      }
      if (g.modifyAllData) {
        readable = editable = true;
      }
    }
    const writable = editable && (o.create || o.edit);
    const result: FieldAccess = {
      readable,
      editable: writable && (field.createable || field.updateable),
      createable: writable && o.create && field.createable,
      updateable: writable && o.edit && field.updateable,
    };
    g.fieldCache.set(key, result);
    return result;
  }

  hasCustomPermission(userId: string, name: string): boolean {
    const key = name.toLowerCase();
    const local = this.db.schema.unqualify(key).toLowerCase();
    return this.grantsOf(userId).grants.some(
      (g) => g.customPermissions.has(key) || g.customPermissions.has(local)
    );
  }

  /**
   * Whether a grant of the user gives access to a principal of an external credential
   * (`<externalCredentialPrincipalAccesses>`, `Credential-Principal`); a namespace prefix on
   * either side is left out, as the project's metadata carries none.
   */
  hasExternalCredentialAccess(userId: string, externalCredential: string): boolean {
    const local = (name: string): string =>
      (name.includes('__') ? name.slice(name.indexOf('__') + 2) : name).toLowerCase();
    const wanted = local(externalCredential);
    return this.grantsOf(userId).grants.some((g) =>
      [...(g.externalCredentialPrincipals ?? [])].some((principal) => {
        const dash = principal.lastIndexOf('-');
        return dash > 0 && local(principal.slice(0, dash)) === wanted;
      })
    );
  }

  /**
   * Whether an active record type is available to the user: through a stand-in profile that has
   * them all (schema/profiles.ts) or a permission set's recordTypeVisibilities.
   */
  recordTypeAvailable(userId: string, objectName: string, developerName: string): boolean {
    const key = `${objectName}.${developerName}`.toLowerCase();
    return this.grantsOf(userId).grants.some(
      (g) => g.allRecordTypes === true || g.recordTypes?.has(key) === true
    );
  }

  /** Whether a grant of the user lets it run an Apex class (`<classAccesses>`). */
  hasClassAccess(userId: string, className: string): boolean {
    const g = this.grantsOf(userId);
    return g.modifyAllData || g.grants.some((x) => x.classAccesses.has(className.toLowerCase()));
  }

  /** Record visibility by sharing (object permission not included). */
  canSee(userId: string, record: SObjectValue, depth = 0): boolean {
    const obj = this.db.schema.object(record.type);
    if (!obj) {
      return false;
    }
    const g = this.grantsOf(userId);
    if (g.viewAllData || this.objectAccess(userId, obj).viewAll) {
      return true;
    }
    const key = obj.name.toLowerCase();
    if (key === 'user') {
      return true;
    }
    const owner = record.get('OwnerId');
    switch (obj.sharingModel) {
      case 'Read':
      case 'ReadWrite':
      case 'FullAccess':
        return true;
      case 'Private':
        if (owner === userId) {
          return true;
        }
        if (ACTIVITY_OBJECTS.has(key) && depth < 3) {
          return ['WhoId', 'WhatId'].some((f) => {
            const id = record.get(f);
            const parent = typeof id === 'string' ? this.db.getLive(id) : undefined;
            return parent ? this.canSee(userId, parent, depth + 1) : false;
          });
        }
        return false;
      case 'ControlledByParent': {
        const parentField = obj.sharingParentField;
        const parentId = parentField ? record.get(parentField) : null;
        const parent = typeof parentId === 'string' ? this.db.getLive(parentId) : undefined;
        if (!parent) {
          return obj.hasOwner && owner === userId;
        }
        return depth < 5 && this.canSee(userId, parent, depth + 1);
      }
    }
    return false;
  }

  /** Whether sharing lets the user edit (or delete) the record. */
  canEdit(userId: string, record: SObjectValue, depth = 0): boolean {
    const obj = this.db.schema.object(record.type);
    if (!obj) {
      return false;
    }
    const g = this.grantsOf(userId);
    if (g.modifyAllData || this.objectAccess(userId, obj).modifyAll) {
      return true;
    }
    const key = obj.name.toLowerCase();
    const owner = record.get('OwnerId');
    if (key === 'user') {
      return record.get('Id') === userId;
    }
    switch (obj.sharingModel) {
      case 'ReadWrite':
      case 'FullAccess':
        return true;
      case 'Read':
      case 'Private':
        return obj.hasOwner ? owner === userId : false;
      case 'ControlledByParent': {
        const parentField = obj.sharingParentField;
        const parentId = parentField ? record.get(parentField) : null;
        const parent = typeof parentId === 'string' ? this.db.getLive(parentId) : undefined;
        if (!parent) {
          return obj.hasOwner && owner === userId;
        }
        return depth < 5 && this.canEdit(userId, parent, depth + 1);
      }
    }
    return false;
  }
}

function merge(into: ObjectPermission, from: ObjectPermission): void {
  into.read = into.read || from.read;
  into.create = into.create || from.create;
  into.edit = into.edit || from.edit;
  into.delete = into.delete || from.delete;
  into.viewAll = into.viewAll || from.viewAll;
  into.modifyAll = into.modifyAll || from.modifyAll;
}
