// Shapes exchanged with SetupController (Apex SetupModel inner classes). Field names are exactly
// the Apex field names; the contract test parses both sides and fails on drift. Apex omits null
// fields from the JSON it sends, so a `| null` field may also arrive undefined.
export {};
