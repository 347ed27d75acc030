import type { Configuration, MappingRow, ReadBackRow, ValidationError } from 'types/dto/setup';
import ROW_MAPPING from '@salesforce/label/c.Setup_RowMapping';
import ROW_SHOWN_FIELD from '@salesforce/label/c.Setup_RowShownField';
import ROW_NUMBER from '@salesforce/label/c.Setup_RowNumber';
import SECTION_MAPPINGS from '@salesforce/label/c.Setup_Section_Mappings';
import SHOWN_FIELDS from '@salesforce/label/c.Setup_ShownFields';
import OBJECT_CONTACT from '@salesforce/label/c.Setup_Object_Contact';
import OBJECT_LEAD from '@salesforce/label/c.Setup_Object_Lead';
import { formatLabel } from 'c/kondoFormat';
import { SETTING_LABELS, SETTING_SECTIONS } from 'c/kondoSettingEdit';
import type { SectionName, SettingField } from 'c/kondoSettingEdit';

/**
 * The server's validation errors on the setup page (template-less module): the summary line of
 * each error, naming its setting or its row with the words the page shows there and saying where
 * to move focus, each row error kept on its row while the admin removes or moves rows before the
 * next save, and the invalid mark an error puts on its input.
 */

const OBJECT_LABELS: Record<string, string> = { Contact: OBJECT_CONTACT, Lead: OBJECT_LEAD };

/** Contact or Lead as the page names it; another name as it is. */
export function objectLabel(objectName: string): string {
  return OBJECT_LABELS[objectName] ?? objectName;
}

export interface ErrorLine {
  key: string;
  /** The setting or row as the page names it (the summary's link). */
  where: string;
  message: string;
  /** `where: message`. */
  text: string;
  /** The section holding the input at fault; null when the page has none to point at. */
  sectionName: SectionName | null;
  /** The error's section, field and row, to find the input at fault. */
  section: string;
  field: string;
  rowIndex: number | null;
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
function rowName(rows: { objectName: string }[], index: number, label: string): string {
  const objectName = rows[index]?.objectName;
  if (objectName === undefined) {
    return formatLabel(ROW_NUMBER, index + 1);
  }
  const position = rows.slice(0, index + 1).filter((row) => row.objectName === objectName).length;
  return formatLabel(label, objectLabel(objectName), position);
}

/**
 * The same problem reported twice (same section, field, row and message) is one problem to the
 * admin: the first report stays.
 */
function distinctErrors(errors: ValidationError[]): ValidationError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const row = typeof error.rowIndex === 'number' ? error.rowIndex : null;
    const key = JSON.stringify([error.section, error.field, row, error.message]);
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

/** One line per problem, "where: message", the rows named in the draft the admin sees. */
export function errorLines(errors: ValidationError[], draft: Configuration): ErrorLine[] {
  return distinctErrors(errors).map((error, index) => {
    // Apex leaves a null rowIndex out of the JSON: undefined means a section-wide error.
    const row = typeof error.rowIndex === 'number' ? error.rowIndex : null;
    let where = SETTING_LABELS[error.field as SettingField] ?? error.field;
    let sectionName: SectionName | null = SETTING_SECTIONS[error.field as SettingField] ?? null;
    if (error.section === 'mappings') {
      where = row === null ? SECTION_MAPPINGS : rowName(draft.mappings, row, ROW_MAPPING);
      sectionName = 'mappings';
    } else if (error.section === 'readBackFields') {
      where = row === null ? SHOWN_FIELDS : rowName(draft.readBackFields, row, ROW_SHOWN_FIELD);
      sectionName = 'mappings';
    }
    return {
      key: `error-${index}`,
      where,
      message: error.message,
      text: `${where}: ${error.message}`,
      sectionName,
      section: error.section,
      field: error.field,
      rowIndex: row,
    };
  });
}

/** A base input that shows a custom validity message (lightning-input, -combobox, -picker ...). */
export interface ValidityInput extends HTMLElement {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
}

// The message each input was last given: an input is told again only when its message changes,
// so a re-render neither repeats the report nor clears what the admin sees.
const appliedMessages = new WeakMap<Element, string>();

/**
 * Marks the input invalid with message (the base component shows it under the input, in red),
 * or valid again with an empty message.
 */
export function applyValidity(input: ValidityInput, message: string): void {
  if ((appliedMessages.get(input) ?? '') === message) {
    return;
  }
  appliedMessages.set(input, message);
  input.setCustomValidity(message);
  input.reportValidity();
}
