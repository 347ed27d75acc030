// Shapes returned by ConversationHistoryController (Apex). Field names are exactly the Apex DTO
// field names; a contract test parses both sides and fails on drift, so change them together.
// Apex Id/String -> string, Datetime -> ISO string, Integer -> number, Boolean -> boolean,
// List<String> -> string[]. Apex omits null fields from the JSON it sends, so a `| null`
// field may also arrive undefined: read them with `??` or a falsy check.
export {};
