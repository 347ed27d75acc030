// Shapes exchanged with SetupController (Apex SetupModel inner classes). Field names are exactly
// the Apex field names; the contract test parses both sides and fails on drift. Apex omits null
// fields from the JSON it sends, so a `| null` field may also arrive undefined.

/** SetupModel.SetupPage: everything the setup page shows, in one round trip. */
export interface SetupPage {
  configuration: Configuration;
  connection: Connection;
  fieldOptions: FieldOption[];
  properties: PropertyOption[];
  health: SyncHealth;
  backfillJobs: JobProgress[];
  /** The Contact and Lead record types created records can be given. */
  recordTypes: RecordTypeOption[];
}

// The settings' values, as KondoSettings declares them (the contract test compares each union
// with its Apex list and with GET /v1/settings).
export type CreateAs = 'Lead' | 'Contact';
export type AccountRule = 'NONE' | 'DEFAULT_ACCOUNT' | 'MATCH_BY_COMPANY';
export type MatchPriority = 'Contact' | 'Lead';
export type SyncFrequency = 'AUTO_ALL' | 'AUTO_LABELLED' | 'MANUAL';
export type DefaultPrivacy = 'SHARED' | 'PRIVATE' | 'METADATA_ONLY';
/** How created records meet the org's duplicate rules. */
export type DuplicateRuleMode = 'ENFORCE' | 'ALLOW_SAVE';
/** What a sync does when a mapping's field already holds a value. */
export type OverwritePolicy = 'OVERWRITE' | 'FILL_BLANK' | 'CREATE_ONLY';

/** SetupModel.Configuration: what an admin edits, saves, exports and imports. */
export interface Configuration {
  createIfMissing: boolean;
  createAs: CreateAs;
  accountRule: AccountRule;
  defaultAccountId: string | null;
  /** New Leads run the org's Lead assignment rule. */
  useLeadAssignmentRules: boolean;
  /** Record type DeveloperNames of created records; null: the integration user's default. */
  contactRecordType: string | null;
  leadRecordType: string | null;
  duplicateRuleMode: DuplicateRuleMode;
  matchPriority: MatchPriority;
  contactMatchField: string;
  leadMatchField: string;
  syncMessages: boolean;
  /** The master switch: while on, every sync endpoint answers 503 SYNC_PAUSED. */
  syncPaused: boolean;
  /** Platform events for Flows on each synced message and conversation. */
  publishEvents: boolean;
  syncFrequency: SyncFrequency;
  taskWindowDays: number | null;
  logRetentionDays: number | null;
  /** Deliver recorded changes to Kondo's webhook (the Kondo Webhook named credential). */
  webhookEnabled: boolean;
  /** Added after the Kondo Webhook named credential's URL; null for none. */
  webhookPath: string | null;
  /** The least privacy of a conversation. */
  defaultPrivacy: DefaultPrivacy;
  /** Labels, separated by semicolons, that make a conversation private; null when none. */
  privateLabels: string | null;
  /** Labels, separated by semicolons, that make a conversation metadata only; null when none. */
  metadataOnlyLabels: string | null;
  mappings: MappingRow[];
  readBackFields: ReadBackRow[];
}

/** SetupModel.MappingRow: Kondo writes kondoProperty into targetField of objectName. */
export interface MappingRow {
  objectName: string;
  kondoProperty: string;
  targetField: string;
  overwritePolicy: OverwritePolicy;
}

/** SetupModel.ReadBackRow: a field shown in Kondo's side panel, in list order. */
export interface ReadBackRow {
  objectName: string;
  field: string;
}

/** SetupModel.FieldOption: a Contact or Lead field; fieldType is a Schema.DisplayType name. */
export interface FieldOption {
  objectName: string;
  apiName: string;
  label: string;
  fieldType: string;
  matchable: boolean;
  mappable: boolean;
}

/** SetupModel.RecordTypeOption: an active record type of Contact or Lead the admin can use. */
export interface RecordTypeOption {
  objectName: string;
  developerName: string;
  label: string;
}

/** SetupModel.PropertyOption: a Kondo property and the field types that can hold it. */
export interface PropertyOption {
  name: string;
  label: string;
  fieldTypes: string[];
}

/** SetupModel.Connection: endpoint URLs and recent sync figures. */
export interface Connection {
  conversationsUrl: string;
  settingsUrl: string;
  lookupUrl: string;
  integrationUserCount: number;
  lastSuccessfulSyncAt: string | null;
  failedConversationsLast24Hours: number;
  failedRequestsLast24Hours: number;
}

/** SetupModel.SyncHealth: the sync log of the last 14 days. */
export interface SyncHealth {
  days: DayCount[];
  requests: RequestRow[];
  failures: FailureRow[];
  /** Changes waiting for Kondo's webhook, and those given up (counted up to 10,000). */
  webhookPending: number;
  webhookFailed: number;
}

/** SetupModel.DayCount: one day (yyyy-MM-dd) of the chart. */
export interface DayCount {
  day: string;
  synced: number;
  skipped: number;
  failed: number;
}

/** SetupModel.RequestRow: one REST request of the sync log. */
export interface RequestRow {
  id: string;
  name: string;
  startedAt: string | null;
  endpoint: string | null;
  outcome: string | null;
  received: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  errorCode: string | null;
  errorMessage: string | null;
}

/** SetupModel.FailureRow: one failed conversation with its reason. */
export interface FailureRow {
  id: string;
  logId: string;
  logName: string | null;
  startedAt: string | null;
  conversationId: string | null;
  /** The stored conversation record, when there is one the admin can see. */
  conversationRecordId: string | null;
  errorCode: string | null;
  reason: string | null;
}

/** SetupModel.SaveOutcome: saved with the new page, or the errors and nothing saved. */
export interface SaveOutcome {
  saved: boolean;
  errors: ValidationError[];
  page: SetupPage | null;
}

/** SetupModel.ValidationError: section is settings, mappings or readBackFields. */
export interface ValidationError {
  section: string;
  rowIndex: number | null;
  field: string;
  message: string;
}

/** SetupModel.MatchTest: the tester's answer for one URL. */
export interface MatchTest {
  valid: boolean;
  key: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  matches: MatchedRecord[];
}

/** SetupModel.MatchedRecord: a Contact or Lead carrying the tested key. */
export interface MatchedRecord {
  id: string;
  name: string;
  objectName: string;
}

/** SetupModel.JobProgress: one key backfill job. */
export interface JobProgress {
  jobId: string;
  objectName: string | null;
  status: string;
  processedBatches: number;
  totalBatches: number;
  errorCount: number;
  finished: boolean;
  createdAt: string | null;
}
