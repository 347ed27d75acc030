// How the runtime signals what happens to an Apex program, as JavaScript exceptions:
//   ApexError        an Apex exception (System.StringException, a user's exception class ...);
//                    catchable by Apex code unless uncatchable (System.LimitException).
//   UnsupportedError a feature this runtime does not implement: the test is reported
//                    unsupported, never passed, naming the feature and the Apex file and line.
//   AssertionFailure System.Assert's failure: System.AssertException, uncatchable as on the
//                    platform.

/** Where in the Apex source something happened. */
export interface SourcePosition {
  /** The class or trigger name, e.g. `MessageSyncService`. */
  unit: string;
  line: number;
  column: number;
}

export class ApexError extends Error {
  /** The Apex exception object, once the interpreter has materialised it. */
  object: unknown = undefined;
  /** Apex stack frames, innermost first: `Class.MessageSyncService.plan: line 238, column 1`. */
  apexStack: string[] = [];

  constructor(
    /** The exception type's full name: `System.QueryException`, `KondoApiException`. */
    readonly exceptionType: string,
    message: string,
    readonly uncatchable = false
  ) {
    super(message);
  }
}

export class UnsupportedError extends Error {
  position: SourcePosition | undefined;

  constructor(
    readonly feature: string,
    position?: SourcePosition
  ) {
    super(`unsupported: ${feature}`);
    this.position = position;
  }
}

export function unsupported(feature: string, position?: SourcePosition): never {
  throw new UnsupportedError(feature, position);
}

/** Throws a catchable Apex system exception from library code. */
export function apexThrow(exceptionType: string, message: string): never {
  throw new ApexError(exceptionType, message);
}
