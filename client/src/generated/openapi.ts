// Generated from docs/api/openapi.yaml by openapi-typescript. Do not edit: change the
// description and run `npm run client:generate`; npm test fails while this file is out of date.

export interface paths {
  '/v1/conversations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Push up to 200 LinkedIn conversations (fields, and messages as Tasks, transcript and history). */
    post: operations['syncConversations'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/reconcile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Prove the message log complete - which messages Kondo holds that Salesforce lacks or holds differently.
     * @description Per conversation (up to 200; 5,000 message ids in all), the ids of the messages Kondo
     *     holds and, optionally, each body's `hash`: SHA-256 of the body's UTF-8 bytes as 64
     *     lowercase hex digits (a missing body hashes as empty text). The answer lists, per
     *     conversation, the ids Salesforce lacks (`missing`) and those whose stored hash differs
     *     (`different`): push exactly those. A message stored before its text was cut compares
     *     by the body as sent. A metadata-only conversation keeps no hash; its stored ids are
     *     compared and its hashes reported `unverifiable`. Read-only; two queries whatever the
     *     request holds.
     */
    post: operations['reconcileConversations'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The sync settings Kondo needs (frequency, creation, mappings, read-back fields). */
    get: operations['getSettings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lookup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Look up one LinkedIn profile by URL or member URN; same response shape, one result.
     * @description Give linkedInUrl, memberUrn or both. No usable reference gives the one result status
     *     invalid (MISSING_IDENTITY when neither parameter is given).
     */
    get: operations['lookupProfile'];
    put?: never;
    /**
     * Look up to 200 LinkedIn profiles; answers the matched Contact or Lead and its read-back fields.
     * @description Same identity rules and matching as /v1/conversations (member URN first, then the URL key;
     *     Contact or Lead first as the settings say; converted Leads never match; the most recently
     *     modified record wins and ambiguity is reported). Runs as the caller: a record the caller
     *     cannot see is not_found, and a configured read-back field the caller cannot read is left
     *     out of fields and named in hiddenFields. Queries do not grow with the number of profiles.
     */
    post: operations['lookupProfiles'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The Salesforce changes of the Contacts and Leads Kondo knows, after a cursor, oldest first.
     * @description For integrators that poll instead of receiving webhooks. A change is recorded once per
     *     record and transaction, for a Contact or Lead that holds a LinkedIn key or member URN (or
     *     has a Kondo conversation), when a read-back field (GET /v1/settings, readBackFields) or
     *     its LinkedIn identity (the match field, LinkedIn URL, member URN, key) changes (kind
     *     changed), when a Lead is converted (converted, with convertedContactId), when the record
     *     loses a merge (merged, with survivorId; its conversations and Tasks move to the
     *     survivor) or is deleted (deleted). Saves Kondo makes itself through POST
     *     /v1/conversations are not recorded.
     *
     *     Start without since (or since=0) for the oldest change kept; then pass nextCursor as
     *     since. Each change's cursor can be passed too, and an earlier cursor reads again from
     *     there: a change is visible once its transaction commits, so a long transaction can
     *     commit a change behind a cursor already passed; a client that must never miss one reads
     *     again from a cursor a few minutes back and drops the cursors it has seen.
     *
     *     Runs as the caller: a change of a record the caller cannot see is left out (merged: the
     *     survivor; deleted: read access to the object), and a changed field the caller cannot
     *     read is named in hiddenFields instead of being sent. The cursor moves past every change
     *     read, shown or not, so a page may hold fewer than limit changes while hasMore is true.
     *     Changes are kept as long as the sync logs (setting logRetentionDays, default 30 days).
     *     Queries do not grow with the page.
     */
    get: operations['listChanges'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface webhooks {
  changeDelivery: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Salesforce changes, delivered to Kondo's webhook
     * @description Sent by the package, not served by it: with the setting `Webhook_Enabled__c` on, every
     *     change recorded for `GET /v1/changes` is POSTed to the URL of the packaged named credential
     *     `Kondo_Webhook` (plus `Webhook_Path__c`), authenticated by its external credential (the
     *     admin enters the token on the principal `Kondo`; the package sends
     *     `Authorization: Bearer <token>`). Up to 200 changes per request, oldest first; a record's
     *     changes always arrive in the order they happened. The body names fields, never their
     *     values: read those as the integration user with `GET /v1/changes` or `POST /v1/lookup`.
     *     Answer 2xx to accept the whole batch. 5xx, 408 and 429 (and no answer within 30 seconds)
     *     are retried after 1, 2, 4 and 8 minutes, five attempts in all; any other status gives the
     *     batch up at once. A change can arrive more than once (a retry after a lost answer):
     *     deduplicate by `changeId`; `Idempotency-Key` repeats `deliveryId`.
     */
    post: operations['changeDelivery'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface components {
  schemas: {
    ConversationsRequest: {
      conversations: components['schemas']['Conversation'][];
    };
    /**
     * @description Wrong JSON types reject the whole request (400 INVALID_REQUEST with path). Value problems
     *     (no conversationId, duplicate id, bad trigger, no usable LinkedIn reference, malformed
     *     message) fail only this conversation. Null or absent values leave stored values unchanged.
     */
    Conversation: {
      /** @description Kondo's id; required (else MISSING_CONVERSATION_ID). */
      conversationId?: string | null;
      /**
       * @description Required (else INVALID_TRIGGER).
       * @enum {string|null}
       */
      trigger?: 'auto' | 'manual' | null;
      person?: components['schemas']['Person'];
      labels?: string[] | null;
      notes?: string | null;
      kondoUrl?: string | null;
      syncedBy?: {
        email?: string | null;
        name?: string | null;
      } | null;
      /** @description Oldest first. Either the latest message(s) only, or the entire conversation (see messageScope). */
      messages?: components['schemas']['Message'][] | null;
      /**
       * @description Who reads the messages in Salesforce. `shared`: everyone who can see the Contact or
       *     Lead (Task descriptions and the LinkedIn history carry the text). `private`: only the
       *     rep who synced (the Salesforce user whose email is syncedBy.email) and Kondo admins, in
       *     the conversation history component; Tasks keep subject and time, the history field no
       *     line. `metadataOnly`: no text is kept anywhere. The level applied is the strictest of
       *     this value (absent: the value sent last), the admin's label rules and default privacy
       *     (see GET /v1/settings), and is returned as the result's `privacy`. A change of level
       *     applies to what is already stored. Any other value fails the conversation
       *     (INVALID_PRIVACY).
       * @enum {string|null}
       */
      privacy?: 'shared' | 'private' | 'metadataOnly' | null;
      /**
       * @description `latest` (default when absent): messages holds the newest messages only; they are added
       *     to the stored history. `full`: messages holds the entire conversation; the history is
       *     rebuilt from it plus any older stored lines Kondo no longer sends, and the first full
       *     push applies the Task window (as does any push while no message is stored yet). Any other value fails the conversation (INVALID_MESSAGE).
       * @enum {string|null}
       */
      messageScope?: 'latest' | 'full' | null;
      /** @description Kondo property name to value; the source of admin INBOUND mappings. */
      properties?: {
        [key: string]: components['schemas']['Scalar'] | components['schemas']['Scalar'][];
      } | null;
    };
    /** @description At least one of linkedInUrl and memberUrn is required (else MISSING_IDENTITY). */
    Person: {
      linkedInUrl?: string | null;
      memberUrn?: string | null;
      firstName?: string | null;
      lastName?: string | null;
      headline?: string | null;
      location?: string | null;
      company?: string | null;
    } | null;
    /**
     * @description A body is data: HTML, scripts, emoji and right-to-left text are stored as sent and never
     *     interpreted. Stored lengths: Task Description 32,000 and transcript body 131,072 UTF-16
     *     code units (an emoji counts 2), longer bodies cut with a visible marker; in the history
     *     line, line breaks inside a body become spaces.
     */
    Message: {
      /** @description Kondo's message id; required (else INVALID_MESSAGE). Case-sensitive; the idempotency key. */
      id?: string | null;
      /** @enum {string|null} */
      direction?: 'inbound' | 'outbound' | null;
      senderName?: string | null;
      /** @description ISO-8601 with seconds and zone, e.g. 2025-03-01T09:30:00Z. */
      sentAt?: string | null;
      body?: string | null;
      /**
       * @description A direct message (dm, the default), an InMail or a Sales Navigator message. Goes to the Task's Type (LinkedIn Message, LinkedIn InMail, Sales Navigator Message), the transcript, and as a tag before the text in the history line. Any other value fails the conversation (INVALID_MESSAGE).
       * @enum {string|null}
       */
      kind?: 'dm' | 'inmail' | 'salesNavigator' | null;
      /**
       * @description The message was deleted on LinkedIn. A stored message then has its text replaced by
       *     a marker in the transcript, its Task and the history line (the row stays, marked
       *     deleted; counted in messagesDeleted); a message first seen deleted is recorded the
       *     same way, without a Task. A deletion is final. A stored message sent again with a
       *     different body is an edit: the three take the new text (messagesEdited). Both are
       *     idempotent.
       */
      deleted?: boolean | null;
    };
    Scalar: string | number | boolean | null;
    ConversationsResponse: {
      requestId: string;
      /**
       * @description The queued job that records the messages of results marked messagesDeferred, null when
       *     none were deferred. Its AsyncApexJob Id, listed in Setup > Apex Jobs; if a run of it
       *     fails, the sync log holds an entry (endpoint MessageSyncJob) with this id as request id
       *     that names the job retrying it, and MESSAGES_NOT_RECORDED after the last run.
       */
      deferredJobId: string | null;
      results: components['schemas']['ConversationResult'][];
      summary: components['schemas']['Summary'];
    };
    ConversationResult: {
      conversationId: string | null;
      /** @enum {string} */
      status: 'created' | 'updated' | 'skipped' | 'failed';
      /** @enum {string|null} */
      objectType: 'Contact' | 'Lead' | null;
      recordId: string | null;
      /** @enum {string|null} */
      matchedBy: 'urn' | 'url' | 'created' | null;
      ambiguous: boolean;
      /** @description Every matching record when ambiguous, pick first (most recently modified, then lowest Id). */
      candidates: string[];
      fieldErrors: components['schemas']['FieldError'][];
      warnings: components['schemas']['Warning'][];
      /**
       * @description For skipped: SKIPPED_MANUAL_MODE, SKIPPED_NO_LABEL, NO_MATCH. For failed:
       *     MISSING_CONVERSATION_ID, INVALID_CONVERSATION_ID, DUPLICATE_IN_REQUEST, INVALID_TRIGGER,
       *     MISSING_IDENTITY, INVALID_MEMBER_URN, INVALID_MESSAGE, INVALID_PRIVACY, the identity codes INVALID_URL,
       *     NOT_LINKEDIN, NOT_A_PROFILE, UNRESOLVABLE_LINK, EMPTY, the creation codes RECORD_TYPE_NOT_AVAILABLE
       *     (the admin's record type is unknown, inactive or not the integration user's) and DUPLICATE_DETECTED
       *     (an org duplicate rule stopped the new record; the message names the rule and the records it
       *     matched), or a Salesforce DML status code
       *     (e.g. STRING_TOO_LONG, FIELD_CUSTOM_VALIDATION_EXCEPTION).
       */
      errorCode: string | null;
      errorMessage: string | null;
      /** @description Messages this conversation carried in the request. */
      messagesReceived: number;
      /** @description Tasks created for messages never recorded before (0 when messages are off). */
      tasksCreated: number;
      /** @description Messages already recorded (by an earlier request, earlier in this one, or by a request racing this one): no second Task. */
      duplicatesIgnored: number;
      /** @description Stored messages whose text took the edit sent (transcript, Task, history line). */
      messagesEdited: number;
      /** @description Messages marked deleted (their text replaced by a marker; the row kept). */
      messagesDeleted: number;
      /** @description The history field no longer shows every message: past 131,072 characters it keeps the newest and starts with "[N earlier messages not shown]". */
      historyTruncated: boolean;
      /** @description Some messages did not fit this transaction (DML rows) and are recorded by a queued job; tasksCreated and duplicatesIgnored count only what was done here. */
      messagesDeferred: boolean;
      /**
       * @description The conversation's privacy level after this sync; null when it was not saved.
       * @enum {string|null}
       */
      privacy: 'shared' | 'private' | 'metadataOnly' | null;
    };
    FieldError: {
      field: string | null;
      property: string | null;
      /** @enum {string} */
      code:
        | 'UNKNOWN_FIELD'
        | 'FIELD_NOT_WRITABLE'
        | 'UNSUPPORTED_FIELD_TYPE'
        | 'TYPE_MISMATCH'
        | 'VALUE_TOO_LONG'
        | 'NUMBER_OUT_OF_RANGE'
        | 'INVALID_PICKLIST_VALUE'
        | 'INVALID_EMAIL'
        | 'FIELD_NOT_READABLE';
      message: string;
    };
    Warning: {
      /** @enum {string} */
      code:
        | 'LABELS_TRUNCATED'
        | 'NOTES_TRUNCATED'
        | 'HEADLINE_TRUNCATED'
        | 'LOCATION_TRUNCATED'
        | 'KONDO_URL_IGNORED'
        | 'NAME_TRUNCATED'
        | 'MEMBER_URN_CONFLICT'
        | 'MATCH_FIELD_NOT_SET'
        | 'IGNORED_MEMBER_URN'
        | 'IGNORED_LINKEDIN_URL'
        | 'MESSAGES_NOT_RECORDED'
        | 'TASKS_NOT_CREATED'
        | 'MESSAGE_BODY_TRUNCATED'
        | 'HISTORY_NOT_SAVED'
        | 'MESSAGES_NOT_REVISED'
        | 'TASKS_NOT_REVISED'
        | 'DUPLICATE_SAVED';
      message: string;
    };
    Summary: {
      received: number;
      created: number;
      updated: number;
      skipped: number;
      failed: number;
    };
    SettingsResponse: {
      /** @enum {string} */
      syncFrequency: 'AUTO_ALL' | 'AUTO_LABELLED' | 'MANUAL';
      syncMessages: boolean;
      /** @description An admin paused syncing; POST /v1/conversations answers 503 SYNC_PAUSED until it resumes. Stop pushing and keep what is unsent. */
      syncPaused: boolean;
      /** @description Salesforce delivers its changes to Kondo's webhook (see webhooks.changeDelivery). When false, follow them with GET /v1/changes. */
      webhookEnabled: boolean;
      createIfMissing: boolean;
      /** @enum {string} */
      createAs: 'Lead' | 'Contact';
      /** @enum {string} */
      matchPriority: 'Contact' | 'Lead';
      /** @description 0 means all. */
      taskWindowDays: number;
      /**
       * @description The least privacy of a conversation; a conversation's `privacy` can only raise it.
       * @enum {string}
       */
      defaultPrivacy: 'SHARED' | 'PRIVATE' | 'METADATA_ONLY';
      /** @description Labels (lower case, compared without case) that make a conversation private. */
      privateLabels: string[];
      /** @description Labels (lower case, compared without case) that make a conversation metadata only. */
      metadataOnlyLabels: string[];
      mappings: {
        /** @enum {string} */
        object: 'Contact' | 'Lead';
        kondoProperty: string;
        targetField: string;
        /**
         * @description When the field already holds a value - OVERWRITE replaces it, FILL_BLANK writes only while it is empty, CREATE_ONLY writes only on records Kondo creates.
         * @enum {string}
         */
        overwritePolicy: 'OVERWRITE' | 'FILL_BLANK' | 'CREATE_ONLY';
      }[];
      readBackFields: {
        /** @enum {string} */
        object: 'Contact' | 'Lead';
        field: string;
      }[];
    };
    LookupRequest: {
      profiles: {
        linkedInUrl?: string | null;
        memberUrn?: string | null;
      }[];
    };
    LookupResponse: {
      requestId: string;
      results: components['schemas']['LookupResult'][];
    };
    LookupResult: {
      /**
       * @description not_found also when the only matching records are ones the caller cannot see.
       * @enum {string}
       */
      status: 'found' | 'not_found' | 'invalid';
      /** @enum {string|null} */
      objectType: 'Contact' | 'Lead' | null;
      recordId: string | null;
      name: string | null;
      /** @description Opens the record in Lightning Experience (https://<org>.lightning.force.com/lightning/r/<Object>/<Id>/view). */
      recordUrl: string | null;
      /** @enum {string|null} */
      matchedBy: 'urn' | 'url' | null;
      ambiguous: boolean;
      /** @description All matching record ids the caller can see when ambiguous, the pick first (most recently modified, then lowest Id). */
      candidates: string[];
      /** @description The admin's read-back fields for this object that the caller can read, in the admin's order. */
      fields: components['schemas']['LookupField'][];
      /** @description API names of configured read-back fields the caller cannot read (field-level security). */
      hiddenFields: string[];
      /**
       * @description For invalid: the identity codes INVALID_URL, NOT_LINKEDIN, NOT_A_PROFILE,
       *     UNRESOLVABLE_LINK, EMPTY, INVALID_MEMBER_URN, MISSING_IDENTITY.
       */
      errorCode: string | null;
      errorMessage: string | null;
    };
    LookupField: {
      field: string;
      label: string;
      /** @description The Schema.DisplayType name in lower case (string, email, picklist, date, currency, ...). */
      type: string;
      /** @description JSON scalar; dates as YYYY-MM-DD, date-times as ISO-8601 UTC, times as HH:mm:ss.SSS; picklists as API values; compound fields (address, location) as text. */
      value: string | number | boolean | null;
      /** @description For display - picklist labels (multi-select joined with "; "), numbers in the caller's locale (percent with "%"), booleans "true"/"false", dates and times as in value. */
      displayValue: string | null;
    };
    ReconcileRequest: {
      conversations: components['schemas']['HeldConversation'][];
    };
    HeldConversation: {
      conversationId: string;
      /** @description Every message Kondo holds for the conversation; may be empty. */
      messages: components['schemas']['HeldMessage'][];
    };
    HeldMessage: {
      /** @description Case-sensitive */
      id: string;
      /** @description SHA-256 of the body's UTF-8 bytes, lowercase hex. Without it only presence is checked. */
      hash?: string | null;
      /** @description Kondo holds the message as deleted on LinkedIn. A stored message not yet marked deleted is then listed in different (push it with deleted true). A message Salesforce marked deleted is never different (a deletion is final). */
      deleted?: boolean | null;
    };
    ReconcileResponse: {
      requestId: string;
      results: components['schemas']['ReconcileResult'][];
      /** @description Conversations whose status is complete. */
      completeCount: number;
      /** @description Message ids missing or different over the request. */
      toPushCount: number;
    };
    ReconcileResult: {
      conversationId: string | null;
      /** @enum {string} */
      status: 'complete' | 'incomplete' | 'unknown' | 'failed';
      /** @description Message ids Kondo listed. */
      heldCount: number;
      /** @description Messages Salesforce stores for the conversation. */
      storedCount: number;
      /** @description Ids Salesforce lacks. */
      missing: string[];
      /** @description Ids whose stored body hash differs from the one sent. */
      different: string[];
      /** @description Stored ids whose text cannot be compared (a metadata-only conversation keeps no hash). */
      unverifiable: string[];
      /** @description Stored messages Kondo did not list. */
      extraCount: number;
      /** @enum {string|null} */
      errorCode: 'INVALID_CONVERSATION' | 'INVALID_MESSAGE' | null;
      errorMessage: string | null;
    };
    ChangesResponse: {
      requestId: string;
      changes: components['schemas']['RecordChange'][];
      /** @description The since of the next call - the cursor of the last change read, or the since given when there was none. */
      nextCursor: string;
      /** @description More changes wait now; call again with nextCursor. */
      hasMore: boolean;
    };
    RecordChange: {
      /** @description The change's place in the feed; pass it as since to read what came after it. */
      cursor: string;
      /**
       * Format: date-time
       * @description When the transaction first reported the record.
       */
      changedAt: string;
      /** @description Id of the user whose transaction made the change. */
      changedBy: string;
      /** @enum {string} */
      objectType: 'Contact' | 'Lead';
      recordId: string;
      /** @description The record's current name; null for merged and deleted. */
      name: string | null;
      /** @enum {string} */
      kind: 'changed' | 'converted' | 'merged' | 'deleted';
      /** @description API names of the read-back and identity fields that changed in the transaction, in alphabetical order. */
      changedFields: string[];
      /** @description The current values of the changed fields the caller can read that are still followed (as in the lookup); empty for merged and deleted. */
      fields: components['schemas']['LookupField'][];
      /** @description Changed fields the caller cannot read. */
      hiddenFields: string[];
      /** @description merged: the record it was merged into. */
      survivorId: string | null;
      /** @description converted: the Contact the Lead became. */
      convertedContactId: string | null;
    };
    WebhookPayload: {
      /** @description SHA-256 (hex) of the batch's change ids; also the Idempotency-Key header. */
      deliveryId: string;
      /**
       * Format: date-time
       * @description When this attempt was made.
       */
      sentAt: string;
      changes: components['schemas']['WebhookChange'][];
    };
    WebhookChange: {
      /** @description The change's cursor in GET /v1/changes: unique, the deduplication key. */
      changeId: string;
      /** Format: date-time */
      changedAt: string;
      /** @description Id of the user whose transaction made the change. */
      changedBy: string;
      /** @enum {string} */
      objectType: 'Contact' | 'Lead';
      recordId: string;
      /** @enum {string} */
      kind: 'changed' | 'converted' | 'merged' | 'deleted';
      /** @description API names of the read-back and identity fields that changed, in alphabetical order. */
      changedFields: string[];
      /** @description merged: the record it was merged into. */
      survivorId: string | null;
      /** @description converted: the Contact the Lead became. */
      convertedContactId: string | null;
      /** @description 1 on the first attempt. */
      attempt: number;
    };
    ErrorResponse: {
      error: {
        /** @enum {string} */
        code:
          | 'MALFORMED_JSON'
          | 'INVALID_REQUEST'
          | 'TOO_MANY_CONVERSATIONS'
          | 'PERMISSION_DENIED'
          | 'FIELD_NOT_READABLE'
          | 'INTERNAL_ERROR'
          | 'TOO_MANY_PROFILES'
          | 'TOO_MANY_MESSAGES'
          | 'BODY_TOO_LARGE'
          | 'SYNC_PAUSED'
          | 'INVALID_CURSOR'
          | 'INVALID_LIMIT';
        message: string;
        /** @description JSON path of the offending value, e.g. conversations[3].person; '$' is the root. */
        path?: string;
      };
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  syncConversations: {
    parameters: {
      query?: never;
      header?: {
        /** @description Echoed as requestId when it matches `[A-Za-z0-9._:-]{1,64}`; otherwise a UUID is generated. */
        'X-Request-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ConversationsRequest'];
      };
    };
    responses: {
      /**
       * @description Processed. Per-conversation outcomes, in request order; some may have failed.
       *     A request whose messages need more than the DML rows one transaction allows (10,000:
       *     one per new message, one per Task) records what fits and hands the rest to a queued
       *     job; those conversations say `messagesDeferred: true` (status stays created/updated)
       *     and their Tasks are counted in no response.
       */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConversationsResponse'];
        };
      };
      /** @description MALFORMED_JSON (not JSON) or INVALID_REQUEST (breaks the schema; path names where). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PERMISSION_DENIED (caller lacks Kondo_Sync_API), or FIELD_NOT_READABLE (a field Kondo needs is not readable for the integration user; the message names it; nothing was saved, and a retry fails alike until the access is granted). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description TOO_MANY_CONVERSATIONS (more than 200), or BODY_TOO_LARGE (a body over 1,000,000 bytes, refused before it is read; split the batch). 413 is on the Apex RestResponse list of accepted codes. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INTERNAL_ERROR; nothing was saved, the request may be retried. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description SYNC_PAUSED - a Salesforce admin paused syncing (GET /v1/settings says syncPaused). Nothing was saved; send the same conversations again after the Retry-After seconds (900), or once syncPaused is false. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  reconcileConversations: {
    parameters: {
      query?: never;
      header?: {
        /** @description Echoed as requestId when it matches `[A-Za-z0-9._:-]{1,64}`; otherwise a UUID is generated. */
        'X-Request-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReconcileRequest'];
      };
    };
    responses: {
      /** @description One result per conversation, in request order. A conversation that breaks a rule (INVALID_CONVERSATION, INVALID_MESSAGE) is a result with status failed; the others are still answered. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReconcileResponse'];
        };
      };
      /** @description MALFORMED_JSON (not JSON) or INVALID_REQUEST (breaks the schema; path names where). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PERMISSION_DENIED (caller lacks Kondo_Sync_API), or FIELD_NOT_READABLE. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description TOO_MANY_CONVERSATIONS (more than 200), TOO_MANY_MESSAGES (more than 5,000 message ids), or BODY_TOO_LARGE (a body over 1,000,000 bytes). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INTERNAL_ERROR; nothing was changed, the request may be retried. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  getSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Current settings. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SettingsResponse'];
        };
      };
      /** @description PERMISSION_DENIED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  lookupProfile: {
    parameters: {
      query?: {
        linkedInUrl?: string;
        memberUrn?: string;
      };
      header?: {
        /** @description Echoed as requestId when it matches `[A-Za-z0-9._:-]{1,64}`; otherwise a UUID is generated. */
        'X-Request-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One result. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LookupResponse'];
        };
      };
      /** @description PERMISSION_DENIED (caller lacks Kondo_Sync_API). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INTERNAL_ERROR; the request may be retried. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  lookupProfiles: {
    parameters: {
      query?: never;
      header?: {
        /** @description Echoed as requestId when it matches `[A-Za-z0-9._:-]{1,64}`; otherwise a UUID is generated. */
        'X-Request-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LookupRequest'];
      };
    };
    responses: {
      /** @description One result per profile, in request order. An unrecognisable URL is a result with status invalid, not a request error. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LookupResponse'];
        };
      };
      /** @description MALFORMED_JSON (not JSON) or INVALID_REQUEST (breaks the schema; path names where). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PERMISSION_DENIED (caller lacks Kondo_Sync_API, or cannot read the field mappings). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description TOO_MANY_PROFILES (more than 200), or BODY_TOO_LARGE (a body over 1,000,000 bytes). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INTERNAL_ERROR; nothing was changed, the request may be retried. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  listChanges: {
    parameters: {
      query?: {
        /** @description A cursor this API returned (a change's cursor or nextCursor); absent or 0 for the oldest change kept. Up to ten digits, else INVALID_CURSOR. */
        since?: string;
        /** @description How many changes to read, 1 to 2,000 (default 200), else INVALID_LIMIT. */
        limit?: number;
      };
      header?: {
        /** @description Echoed as requestId when it matches `[A-Za-z0-9._:-]{1,64}`; otherwise a UUID is generated. */
        'X-Request-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The changes after since, oldest first, with the cursor to go on from. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChangesResponse'];
        };
      };
      /** @description INVALID_CURSOR (since is not a cursor) or INVALID_LIMIT (limit outside 1 to 2,000); path names the parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PERMISSION_DENIED (caller lacks Kondo_Sync_API). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INTERNAL_ERROR; the request may be retried with the same since. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  changeDelivery: {
    parameters: {
      query?: never;
      header: {
        /** @description The request's deliveryId. */
        'Idempotency-Key': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookPayload'];
      };
    };
    responses: {
      /** @description Accepted (any 2xx is); the body is ignored. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Refused (any 4xx other than 408 and 429); not sent again. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Not now (any 5xx, 408 or 429); sent again with backoff, five attempts in all. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}
