// The schema module's public surface.
export { loadSchema, Schema, parseFieldSpec } from './schema';
export type {
  CustomLabelInfo,
  CustomMetadataRecord,
  CustomPermissionInfo,
  StaticResourceInfo,
} from './schema';
export { MINIMUM_ACCESS, STANDARD_USER, SYSTEM_ADMINISTRATOR } from './profiles';
export * from './types';
