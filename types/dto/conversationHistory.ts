// Shapes returned by ConversationHistoryController (Apex). Field names are exactly the Apex DTO
// field names; a contract test parses both sides and fails on drift, so change them together.
// Apex Id/String -> string, Datetime -> ISO string, Integer -> number, Boolean -> boolean,
// List<String> -> string[]. Apex omits null fields from the JSON it sends, so a `| null`
// field may also arrive undefined: read them with `??` or a falsy check.

/** ConversationHistoryController.ConversationSummary: one LinkedIn thread of the person. */
export interface ConversationSummary {
  id: string;
  name: string;
  labels: string[];
  notes: string | null;
  kondoUrl: string | null;
  linkedInUrl: string | null;
  messageCount: number;
  lastMessageAt: string | null;
  /** Who reads the messages: everyone who sees the person, the rep who synced, or no one (no text kept). */
  privacy: ConversationPrivacy;
  /** True when this user may not read the messages (a private conversation of another rep). */
  messagesHidden: boolean;
}

/** The privacy levels, spelled as Apex ConversationPrivacy and the REST API spell them. */
export type ConversationPrivacy = 'shared' | 'private' | 'metadataOnly';

/** ConversationHistoryController.ConversationMessage: direction is 'inbound' or 'outbound'. */
export interface ConversationMessage {
  id: string;
  direction: string;
  senderName: string | null;
  sentAt: string | null;
  body: string | null;
}

/** ConversationHistoryController.MessagePage: messages oldest first; olderCursor reads the page before. */
export interface MessagePage {
  messages: ConversationMessage[];
  hasOlder: boolean;
  olderCursor: string | null;
}

/**
 * ConversationHistoryController.ConversationHistory: the first paint in one call. firstPage is
 * the newest page of openConversationId (the first conversation), empty when its messages are
 * hidden; openConversationId is null when the person has no conversation.
 */
export interface ConversationHistory {
  conversations: ConversationSummary[];
  openConversationId: string | null;
  firstPage: MessagePage;
}
