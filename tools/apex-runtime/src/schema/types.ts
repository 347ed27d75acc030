// The org's schema as describe reports it: objects and fields from the project's metadata
// (namespaced as an installed package reports them) plus a described set of standard objects.
// Every name lookup is case-insensitive; names are reported in the schema's own spelling.

/** Schema.DisplayType, lower-cased: what describe's getType() reports. */
export type FieldType =
  | 'id'
  | 'reference'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'multipicklist'
  | 'combobox'
  | 'boolean'
  | 'integer'
  | 'long'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'time'
  | 'base64'
  | 'encryptedstring'
  | 'address'
  | 'location'
  | 'anytype';

export interface PicklistEntry {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
}

export interface FieldDescribe {
  /** As describe reports it: `kondo__LinkedIn_Key__c` for a package field, `LastName`. */
  name: string;
  /** Without the namespace: `LinkedIn_Key__c`. */
  localName: string;
  label: string;
  type: FieldType;
  /** Characters for text types (0 otherwise). */
  length: number;
  precision: number;
  scale: number;
  /** Integer digits for integer-typed number fields. */
  digits: number;
  nillable: boolean;
  /** Not nillable, createable and with no default: insert without it fails REQUIRED_FIELD_MISSING. */
  required: boolean;
  unique: boolean;
  caseSensitive: boolean;
  externalId: boolean;
  /** Lookup / master-detail targets (several for polymorphic fields like WhoId). */
  referenceTo: string[];
  /** `Account` for AccountId, `kondo__Conversation__r` for kondo__Conversation__c. */
  relationshipName: string | null;
  /** Master-detail: deleting the parent deletes this record. */
  cascadeDelete: boolean;
  custom: boolean;
  calculated: boolean;
  autoNumber: boolean;
  createable: boolean;
  updateable: boolean;
  filterable: boolean;
  sortable: boolean;
  groupable: boolean;
  /** False for long text and other fields SOQL cannot filter (textarea > 255 is not filterable). */
  htmlFormatted: boolean;
  nameField: boolean;
  /** Written by the platform: Id, CreatedDate, CreatedById, LastModifiedDate, SystemModstamp ... */
  system: boolean;
  picklistValues: PicklistEntry[];
  /** A checkbox's default, or a default value formula that is a literal. */
  defaultValue: string | boolean | number | null;
  inlineHelpText: string | null;
  /** A `<defaultValue>` formula that is not a literal: applying it is unsupported. */
  defaultFormula?: string;
  /** `<restricted>` picklists reject values outside picklistValues. */
  restrictedPicklist?: boolean;
  /** Lookups: what deleting the referenced record does (SetNull unless declared). */
  deleteConstraint?: 'SetNull' | 'Restrict' | 'Cascade';
  /** Master-detail: `<writeRequiresMasterRead>` (edit on the master needed to write the detail). */
  writeRequiresMasterRead?: boolean;
  /** Auto-number `<displayFormat>` such as `SL-{00000000}`. */
  displayFormat?: string;
  /** A formula or roll-up summary that this runtime does not evaluate (reading it is unsupported). */
  unsupportedReason?: string;
  /** Standard fields that carry no field-level security (Id, audit fields, required fields ...). */
  alwaysAccessible?: boolean;
  /** The Apex type describe reports (`String`, `Decimal`, `Id` ...), for standard fields from the catalog. */
  apexType?: string;
}

export interface ChildRelationship {
  childSObject: string;
  field: string;
  relationshipName: string | null;
  cascadeDelete: boolean;
}

export type SharingModel = 'Private' | 'Read' | 'ReadWrite' | 'ControlledByParent' | 'FullAccess';

export interface ObjectDescribe {
  /** As describe reports it: `kondo__Kondo_Message__c`, `Contact`. */
  name: string;
  localName: string;
  label: string;
  labelPlural: string;
  /** The first three characters of this object's Ids. */
  keyPrefix: string;
  custom: boolean;
  /** 'Hierarchy' or 'List' for a custom setting, null otherwise. */
  customSettingType: 'Hierarchy' | 'List' | null;
  /** Setup objects (User, PermissionSetAssignment ...) cannot be written in the same transaction as others. */
  setupObject: boolean;
  sharingModel: SharingModel;
  /** Whether records carry an OwnerId. */
  hasOwner: boolean;
  fields: Map<string, FieldDescribe>;
  childRelationships: ChildRelationship[];
  /** The custom object's `<visibility>`: Protected settings are readable only by the package. */
  visibility: 'Public' | 'Protected';
  /** The Activity-derived objects (Task, Event) get the fields declared under objects/Activity. */
  createable: boolean;
  queryable: boolean;
  /** Updateable / deletable through DML at all (false for LeadStatus, AsyncApexJob ...). */
  updateable?: boolean;
  deletable?: boolean;
  /** The master-detail (or Contact's AccountId) field whose parent controls sharing. */
  sharingParentField?: string | null;
  /** Objects whose rows the runtime seeds or writes itself (AsyncApexJob ...) rather than Apex DML. */
  systemManaged?: boolean;
  /** How a stand-in profile with `allStandardObjects` may use this standard object. */
  standardUserAccess?: 'crud' | 'read' | 'none';
  /** Set for a platform event (`Name__e`): its metadata's settings (platformEvents.ts). */
  platformEvent?: PlatformEventInfo;
  /** The object's record types from `objects/<Object>/recordTypes` (recordTypes.ts). */
  recordTypes?: RecordTypeDefinition[];
}

/** One `<RecordType>` of the project's metadata; its Id is given when the org is created. */
export interface RecordTypeDefinition {
  developerName: string;
  label: string;
  active: boolean;
  description: string | null;
  /** Set by the org bootstrap: the RecordType row's Id. */
  id?: string;
}

/** A platform event's definition: when its messages are published (Platform Event Fields). */
export interface PlatformEventInfo {
  eventType: string;
  publishBehavior: 'PublishAfterCommit' | 'PublishImmediately';
}

/** Access one permission set grants on one object. */
export interface ObjectPermission {
  read: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
}

export interface FieldPermission {
  readable: boolean;
  editable: boolean;
}

/** A permission set (from the project's XML) or a profile (the runtime's documented stand-ins). */
export interface PermissionGrant {
  /** The API name: `Kondo_User`, or the profile's name: `Standard User`. */
  name: string;
  label: string;
  kind: 'permissionSet' | 'profile';
  /** Object API names (schema spelling, lower-cased keys). */
  objects: Map<string, ObjectPermission>;
  /** `object.field`, lower-cased, both in schema spelling. */
  fields: Map<string, FieldPermission>;
  /** Custom permission API names, lower-cased. */
  customPermissions: Set<string>;
  /** Apex classes this grant may run (`<classAccesses>`), lower-cased. */
  classAccesses: Set<string>;
  /** Profile-wide: View All Data, Modify All Data (System Administrator). */
  viewAllData: boolean;
  modifyAllData: boolean;
  /** A profile that gets CRUD and FLS on every standard object and field (Standard User). */
  allStandardObjects: boolean;
  /** System permissions (`<userPermissions>` enabled): `EditTask`, `ViewAllData` ..., lower-cased. */
  userPermissions: Set<string>;
  /** The read of one's own User record that every profile keeps (Minimum Access). */
  ownUserRead?: boolean;
  /** `<recordTypeVisibilities>` made visible: `object.developername`, lower-cased, schema spelling. */
  recordTypes?: Set<string>;
  /** Stand-in profiles: every active record type is available (recordTypes.ts says why). */
  allRecordTypes?: boolean;
  /**
   * `<externalCredentialPrincipalAccesses>` enabled: `ExternalCredential-Principal`, lower-cased,
   * as written (a named credential's callouts need one of its external credential's principals).
   */
  externalCredentialPrincipals?: Set<string>;
}
