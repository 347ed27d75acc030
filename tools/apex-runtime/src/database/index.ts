// The database module's public surface.
export { Database, type DatabaseOptions, type Snapshot } from './database';
export {
  DmlError,
  NO_TRIGGERS,
  emptyRecycleBin,
  type AccessContext,
  type DmlFailure,
  type DmlOptions,
  type DmlResult,
  type DmlRowError,
  type TriggerHost,
  type TriggerOperation,
} from './dml';
export { Security, type FieldAccess } from './security';
export { bootstrapOrg, ORG_TIME_ZONE, type OrgInfo } from './bootstrap';
export { type LeadConvertOutcome, type LeadConvertRequest } from './convertLead';
export { type MergeOutcome } from './merge';
export {
  addRecordError,
  clearRecordErrors,
  hasRecordErrors,
  recordErrors,
  type RecordError,
} from './recordErrors';
export {
  IdGenerator,
  ORG_ID,
  checksumOf,
  idValueOf,
  isValidId,
  sameId,
  sobjectTypeOf,
  to15,
  to18,
} from './ids';
