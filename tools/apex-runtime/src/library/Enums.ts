// System enums the package's code names (Apex Reference Guide: the enum pages). A constant is
// one object per name, so `==` and Map keys compare them as the platform does.
import { defineNative } from '../interpreter/natives';

defineNative({
  name: 'System.TriggerOperation',
  enumValues: [
    'BEFORE_INSERT',
    'BEFORE_UPDATE',
    'BEFORE_DELETE',
    'AFTER_INSERT',
    'AFTER_UPDATE',
    'AFTER_DELETE',
    'AFTER_UNDELETE',
  ],
});
defineNative({ name: 'System.AccessLevel', enumValues: ['SYSTEM_MODE', 'USER_MODE'] });
defineNative({ name: 'System.ParentJobResult', enumValues: ['SUCCESS', 'UNHANDLED_EXCEPTION'] });
defineNative({
  name: 'System.AccessType',
  enumValues: ['CREATABLE', 'READABLE', 'UPDATABLE', 'UPSERTABLE'],
});
defineNative({
  name: 'System.LoggingLevel',
  enumValues: ['NONE', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'FINE', 'FINER', 'FINEST'],
});
defineNative({
  name: 'System.RoundingMode',
  enumValues: [
    'CEILING',
    'DOWN',
    'FLOOR',
    'HALF_DOWN',
    'HALF_EVEN',
    'HALF_UP',
    'UNNECESSARY',
    'UP',
  ],
});
defineNative({
  name: 'System.Quiddity',
  enumValues: [
    'ANONYMOUS',
    'BATCH_APEX',
    'FUTURE',
    'QUEUEABLE',
    'REST',
    'SCHEDULED',
    'SYNCHRONOUS',
    'RUNTEST_SYNC',
    'RUNTEST_ASYNC',
    'RUNTEST_DEPLOY',
    'AURA',
    'INVOCABLE_ACTION',
    'VF',
    'TRANSACTION_FINALIZER_QUEUEABLE',
  ],
});
defineNative({
  name: 'System.StatusCode',
  // The codes the runtime's DML reports, and the common ones tests compare against.
  enumValues: [
    'REQUIRED_FIELD_MISSING',
    'STRING_TOO_LONG',
    'DUPLICATE_VALUE',
    'DUPLICATE_EXTERNAL_ID',
    'DUPLICATES_DETECTED',
    'INVALID_EMAIL_ADDRESS',
    'INVALID_FIELD',
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    'INVALID_CROSS_REFERENCE_KEY',
    'INVALID_ID_FIELD',
    'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    'INVALID_TYPE',
    'INSUFFICIENT_ACCESS_OR_READONLY',
    'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
    'ENTITY_IS_DELETED',
    'FIELD_CUSTOM_VALIDATION_EXCEPTION',
    'FIELD_INTEGRITY_EXCEPTION',
    'FIELD_FILTER_VALIDATION_EXCEPTION',
    'MISSING_ARGUMENT',
    'MIXED_DML_OPERATION',
    'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
    'CANNOT_UPDATE_CONVERTED_LEAD',
    'UNABLE_TO_LOCK_ROW',
    'NUMBER_OUTSIDE_VALID_RANGE',
    'INVALID_STATUS',
    'DELETE_FAILED',
    'UNKNOWN_EXCEPTION',
    'STORAGE_LIMIT_EXCEEDED',
    'MALFORMED_ID',
    'ALREADY_IN_PROCESS',
    'LIMIT_EXCEEDED',
    'INVALID_OPERATION',
    'ENTITY_FAILED_IFLASTMODIFIED_ON_UPDATE',
  ],
});
