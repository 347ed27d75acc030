// Names for the generated OpenAPI types, so callers never spell components['schemas'][...].
// Nothing here is written by hand: every shape comes from client/src/generated/openapi.ts.
import type { components } from './generated/openapi';

type Schemas = components['schemas'];

export type ConversationsRequest = Schemas['ConversationsRequest'];
export type Conversation = Schemas['Conversation'];
export type Person = NonNullable<Schemas['Person']>;
export type Message = Schemas['Message'];
export type ConversationsResponse = Schemas['ConversationsResponse'];
export type ConversationResult = Schemas['ConversationResult'];
export type ConversationStatus = ConversationResult['status'];
export type Summary = Schemas['Summary'];
export type SettingsResponse = Schemas['SettingsResponse'];
export type LookupRequest = Schemas['LookupRequest'];
export type LookupProfile = LookupRequest['profiles'][number];
export type LookupResponse = Schemas['LookupResponse'];
export type LookupResult = Schemas['LookupResult'];
export type LookupField = Schemas['LookupField'];
export type ReconcileRequest = Schemas['ReconcileRequest'];
export type HeldConversation = Schemas['HeldConversation'];
export type HeldMessage = Schemas['HeldMessage'];
export type ReconcileResponse = Schemas['ReconcileResponse'];
export type ReconcileResult = Schemas['ReconcileResult'];
export type ReconcileStatus = ReconcileResult['status'];
export type ErrorResponse = Schemas['ErrorResponse'];
/** The error codes the API documents for whole-request errors. */
export type ApiErrorCode = ErrorResponse['error']['code'];
