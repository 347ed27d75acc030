import type { Configuration, MappingRow, ReadBackRow, ValidationError } from 'types/dto/setup';

/**
 * The server's validation errors on the setup page (template-less module): the summary line of
 * each error, naming its setting or its row as the admin sees them, and each row error kept on
 * its row while the admin removes or moves rows before the next save.
 */

/** Each setting as the summary names it. */
const SETTING_LABELS: Record<string, string> = {
  createIfMissing: 'Create if not found',
  createAs: 'Create as',
  accountRule: 'Default Account rule',
  defaultAccountId: 'Default Account Id',
  matchPriority: 'Match first',
  contactMatchField: 'Contact LinkedIn URL field',
  leadMatchField: 'Lead LinkedIn URL field',
  syncMessages: 'Sync LinkedIn messages',
  syncFrequency: 'Sync frequency',
  taskWindowDays: 'Task window',
  logRetentionDays: 'Log retention',
  defaultPrivacy: 'Default privacy',
  privateLabels: 'Private labels',
  metadataOnlyLabels: 'Metadata only labels',
};

export interface ErrorLine {
  key: string;
  text: string;
}

/** Index of the n-th (0-based) occurrence of key in keys, or -1. */
function nthIndexOf(keys: string[], key: string, n: number): number {
  let seen = 0;
  for (let index = 0; index < keys.length; index++) {
    if (keys[index] === key) {
      if (seen === n) {
        return index;
      }
      seen++;
    }
  }
  return -1;
}

/**
 * The server's row errors name rows by index. When rows are removed or moved, each error
 * follows its row (found by content); a removed row's error goes. An edited row keeps its
 * error until the next save checks it again.
 */
function followRows(
  errors: ValidationError[],
  section: string,
  before: object[],
  after: object[]
): ValidationError[] {
  const beforeKeys = before.map((row) => JSON.stringify(row));
  const afterKeys = after.map((row) => JSON.stringify(row));
  return errors.flatMap((error) => {
    const index = error.rowIndex;
    if (error.section !== section || typeof index !== 'number' || index >= beforeKeys.length) {
      return [error];
    }
    const key = beforeKeys[index] as string;
    const twinsBefore = beforeKeys.slice(0, index).filter((other) => other === key).length;
    const moved = nthIndexOf(afterKeys, key, twinsBefore);
    if (moved >= 0) {
      return [{ ...error, rowIndex: moved }];
    }
    return after.length < before.length ? [] : [error];
  });
}

/** The errors once the mapping and shown-field rows of before have become those of after. */
export function followRowErrors(
  errors: ValidationError[],
  before: Pick<Configuration, 'mappings' | 'readBackFields'>,
  after: { mappings: MappingRow[]; readBackFields: ReadBackRow[] }
): ValidationError[] {
  return followRows(
    followRows(errors, 'mappings', before.mappings, after.mappings),
    'readBackFields',
    before.readBackFields,
    after.readBackFields
  );
}

/**
 * Names a row as the tables number it, per object ("Lead mapping 2"): the server's index
 * counts both objects' rows together, which the admin never sees.
 */
function rowName(rows: { objectName: string }[], index: number, noun: string): string {
  const objectName = rows[index]?.objectName;
  if (objectName === undefined) {
    return `Row ${index + 1}`;
  }
  const position = rows.slice(0, index + 1).filter((row) => row.objectName === objectName).length;
  return `${objectName} ${noun} ${position}`;
}

/** One line per error, "where: message", the rows named in the draft the admin sees. */
export function errorLines(errors: ValidationError[], draft: Configuration): ErrorLine[] {
  return errors.map((error, index) => {
    let where = SETTING_LABELS[error.field] ?? error.field;
    // Apex leaves a null rowIndex out of the JSON: undefined means a section-wide error.
    const row = typeof error.rowIndex === 'number' ? error.rowIndex : null;
    if (error.section === 'mappings') {
      where = row === null ? 'Field mappings' : rowName(draft.mappings, row, 'mapping');
    } else if (error.section === 'readBackFields') {
      where =
        row === null ? 'Fields shown in Kondo' : rowName(draft.readBackFields, row, 'shown field');
    }
    return { key: `error-${index}`, text: `${where}: ${error.message}` };
  });
}
