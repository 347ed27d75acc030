/**
 * Error helpers shared by the Kondo components (template-less module).
 *
 * `reduceErrors` folds every error shape a component meets (Apex and UI API responses from
 * wire adapters and imperative calls, JavaScript errors, strings, arrays of any of these) into a
 * flat list of readable messages. Controllers throw `AuraHandledException`s whose message starts
 * with a code (`NO_ACCESS: ...`); `errorCodeOf` and `withoutCode` read that prefix.
 */

const CODE_PREFIX = /^([A-Z][A-Z0-9_]*):\s*/;

type Dict = Record<string, unknown>;

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null;
}

function messagesOfList(list: unknown): string[] {
  if (!Array.isArray(list)) {
    return [];
  }
  return list
    .map((entry) => (isDict(entry) ? entry.message : undefined))
    .filter((message): message is string => typeof message === 'string');
}

function messagesOfFieldErrors(fieldErrors: unknown): string[] {
  if (!isDict(fieldErrors)) {
    return [];
  }
  return Object.values(fieldErrors).flatMap((errorsOfField) => messagesOfList(errorsOfField));
}

function messagesOfBody(body: unknown): string[] {
  if (Array.isArray(body)) {
    return messagesOfList(body);
  }
  if (!isDict(body)) {
    return [];
  }
  const messages = [...messagesOfList(body.pageErrors), ...messagesOfFieldErrors(body.fieldErrors)];
  if (isDict(body.output)) {
    messages.push(
      ...messagesOfList(body.output.errors),
      ...messagesOfFieldErrors(body.output.fieldErrors)
    );
  }
  if (typeof body.message === 'string') {
    messages.push(body.message);
  }
  return messages;
}

function messagesOf(error: unknown): string[] {
  if (typeof error === 'string') {
    return [error];
  }
  if (!isDict(error)) {
    return [];
  }
  const fromBody = messagesOfBody(error.body);
  if (fromBody.length > 0) {
    return fromBody;
  }
  if (typeof error.message === 'string') {
    return [error.message];
  }
  if (typeof error.statusText === 'string') {
    return [error.statusText];
  }
  return [];
}

/** Every readable message held by `errors` (one error or an array of them), blanks dropped. */
export function reduceErrors(errors: unknown): string[] {
  const list: unknown[] = Array.isArray(errors) ? errors : [errors];
  return list
    .flatMap((error) => messagesOf(error))
    .map((message) => message.trim())
    .filter((message) => message.length > 0);
}

/** The code prefix of the first message that has one (`NO_ACCESS` for `NO_ACCESS: ...`), else null. */
export function errorCodeOf(errors: unknown): string | null {
  for (const message of reduceErrors(errors)) {
    const match = CODE_PREFIX.exec(message);
    if (match?.[1]) {
      return match[1];
    }
  }
  return null;
}

/** The message without its code prefix, for display. */
export function withoutCode(message: string): string {
  return message.replace(CODE_PREFIX, '');
}
