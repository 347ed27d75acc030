// Errors attached to records by SObject.addError (in triggers or before DML). The DML engine
// reads them after the before triggers and after the after triggers: a record carrying one is
// not saved (Apex Reference Guide: "SObject Class" addError; Apex Developer Guide: "Triggers and
// Order of Execution").
import type { SObjectValue } from '../interpreter/values';

export interface RecordError {
  message: string;
  /** The field named by field.addError, or none for a record-level error. */
  field: string | null;
  statusCode: string;
}

const errors = new WeakMap<SObjectValue, RecordError[]>();

/** SObject.addError / field.addError: called by the system library. */
export function addRecordError(
  record: SObjectValue,
  message: string,
  field: string | null = null
): void {
  const list = errors.get(record) ?? [];
  list.push({ message, field, statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' });
  errors.set(record, list);
}

export function recordErrors(record: SObjectValue): RecordError[] {
  return errors.get(record) ?? [];
}

/** SObject.hasErrors. */
export function hasRecordErrors(record: SObjectValue): boolean {
  return (errors.get(record)?.length ?? 0) > 0;
}

export function clearRecordErrors(record: SObjectValue): void {
  errors.delete(record);
}
