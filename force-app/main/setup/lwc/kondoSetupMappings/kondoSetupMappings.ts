import { LightningElement, api } from 'lwc';
import type {
  FieldOption,
  MappingRow,
  OverwritePolicy,
  PropertyOption,
  ReadBackRow,
  ValidationError,
} from 'types/dto/setup';
import MAPPINGS_TITLE from '@salesforce/label/c.Setup_MappingsTitle';
import MAPPINGS_INTRO from '@salesforce/label/c.Setup_MappingsIntro';
import MAPPINGS_NONE from '@salesforce/label/c.Setup_MappingsNone';
import SHOWN_TITLE from '@salesforce/label/c.Setup_ShownTitle';
import SHOWN_NONE from '@salesforce/label/c.Setup_ShownNone';
import COLUMN_NUMBER from '@salesforce/label/c.Setup_ColumnNumber';
import COLUMN_PROPERTY from '@salesforce/label/c.Setup_ColumnProperty';
import COLUMN_FIELD from '@salesforce/label/c.Setup_ColumnField';
import COLUMN_OVERWRITE_POLICY from '@salesforce/label/c.Setup_ColumnOverwritePolicy';
import COLUMN_ACTIONS from '@salesforce/label/c.Setup_ColumnActions';
import CHOOSE_PROPERTY from '@salesforce/label/c.Setup_ChooseProperty';
import CHOOSE_FIELD from '@salesforce/label/c.Setup_ChooseField';
import CUSTOM_PROPERTY_LABEL from '@salesforce/label/c.Setup_CustomProperty';
import CUSTOM_PLACEHOLDER from '@salesforce/label/c.Setup_CustomPropertyPlaceholder';
import PROPERTY_OF_ROW from '@salesforce/label/c.Setup_PropertyOfRow';
import CUSTOM_OF_ROW from '@salesforce/label/c.Setup_CustomPropertyOfRow';
import FIELD_OF_ROW from '@salesforce/label/c.Setup_FieldOfRow';
import OVERWRITE_POLICY_OF_ROW from '@salesforce/label/c.Setup_OverwritePolicyOfRow';
import POLICY_OVERWRITE from '@salesforce/label/c.Setup_OverwritePolicy_Overwrite';
import POLICY_FILL_BLANK from '@salesforce/label/c.Setup_OverwritePolicy_FillBlank';
import POLICY_CREATE_ONLY from '@salesforce/label/c.Setup_OverwritePolicy_CreateOnly';
import REMOVE_MAPPING from '@salesforce/label/c.Setup_RemoveMapping';
import ADD_MAPPING from '@salesforce/label/c.Setup_AddMapping';
import ADD_SHOWN_FIELD from '@salesforce/label/c.Setup_AddShownField';
import MOVE_UP from '@salesforce/label/c.Setup_MoveUp';
import MOVE_DOWN from '@salesforce/label/c.Setup_MoveDown';
import REMOVE_SHOWN from '@salesforce/label/c.Setup_RemoveShown';
import FIELD_OPTION from '@salesforce/label/c.Setup_FieldOption';
import EDITED from '@salesforce/label/c.Setup_Edited';
import { formatLabel } from 'c/kondoFormat';
import { applyValidity, objectLabel } from 'c/kondoValidationErrors';
import type { ValidityInput } from 'c/kondoValidationErrors';

export const OBJECTS = ['Contact', 'Lead'];
export const CUSTOM_PROPERTY = '__custom';
/**
 * The event that carries every edit up. Not `change`: lightning-combobox's own change event is
 * composed and bubbles out of this component, so a parent listening for `change` here would
 * also receive each combobox's `{ value }`.
 */
export const MAPPINGS_CHANGE_EVENT = 'mappingschange';

interface Option {
  label: string;
  value: string;
}

/** What a sync does when a mapping's field already holds a value (KondoSettings.OVERWRITE_*). */
const OVERWRITE_POLICY_OPTIONS: { label: string; value: OverwritePolicy }[] = [
  { label: POLICY_OVERWRITE, value: 'OVERWRITE' },
  { label: POLICY_FILL_BLANK, value: 'FILL_BLANK' },
  { label: POLICY_CREATE_ONLY, value: 'CREATE_ONLY' },
];
/** A new row, and a row saved before the policy existed, overwrite (as the sync reads them). */
const DEFAULT_OVERWRITE_POLICY: OverwritePolicy = 'OVERWRITE';

interface MappingView {
  key: string;
  index: number;
  number: number;
  edited: boolean;
  propertyValue: string;
  isCustom: boolean;
  customName: string;
  targetField: string;
  fieldOptions: Option[];
  overwritePolicy: string;
  error: string | undefined;
  rowClass: string;
  propertyLabel: string;
  customLabel: string;
  fieldLabel: string;
  policyLabel: string;
  removeLabel: string;
}

interface ReadBackView {
  key: string;
  index: number;
  number: number;
  label: string;
  edited: boolean;
  itemClass: string;
  error: string | undefined;
  isFirst: boolean;
  isLast: boolean;
  upLabel: string;
  downLabel: string;
  removeLabel: string;
}

interface ObjectSection {
  objectName: string;
  mappingTitle: string;
  noMappings: string;
  readBackTitle: string;
  noReadBack: string;
  addMappingLabel: string;
  addReadBackLabel: string;
  mappings: MappingView[];
  hasMappings: boolean;
  readBack: ReadBackView[];
  hasReadBack: boolean;
  readBackOptions: Option[];
}

export interface MappingsChange {
  mappings: MappingRow[];
  readBackFields: ReadBackRow[];
}

/** The field options of each object sorted by label, per fieldOptions list received. */
const sortedFieldsByList = new WeakMap<FieldOption[], Map<string, FieldOption[]>>();

function indexOf(event: Event): number {
  return Number((event.currentTarget as HTMLElement).dataset.index);
}

function optionOf(field: FieldOption): Option {
  return { label: formatLabel(FIELD_OPTION, field.label, field.apiName), value: field.apiName };
}

/**
 * Which rows of a list are edited since the last save: those whose content no saved row has
 * (as many times). A row moved is not edited; a new or changed one is.
 */
function editedRows(rows: object[], saved: object[]): boolean[] {
  const left = new Map<string, number>();
  for (const row of saved) {
    const key = JSON.stringify(row);
    left.set(key, (left.get(key) ?? 0) + 1);
  }
  return rows.map((row) => {
    const key = JSON.stringify(row);
    const count = left.get(key) ?? 0;
    left.set(key, count - 1);
    return count <= 0;
  });
}

// Which control of a mapping row holds each field a row error can name.
const ERROR_CONTROLS: Record<string, string> = {
  objectName: '.property',
  kondoProperty: '.property',
  targetField: '.target-field',
  overwritePolicy: '.overwrite-policy',
};

/**
 * The field mappings (Kondo property -> Contact or Lead field, and when a sync writes it: always,
 * only into a blank field, or only on a record Kondo creates) and the fields shown in Kondo's
 * side panel, per object. The field picker offers only fields whose type can hold the chosen
 * property (the server sends which types can hold each). Rows are numbered as the error summary
 * names them and keep their index in the whole list, so the server's per-row errors mark the
 * control at fault in their row; rows changed since the last save are marked. Every edit is sent
 * up as a `mappingschange` event with the new lists; the parent owns the data.
 */
export default class KondoSetupMappings extends LightningElement {
  @api mappings: MappingRow[] = [];
  @api readBackFields: ReadBackRow[] = [];
  /** The rows as saved, to mark the rows edited since. */
  @api savedMappings: MappingRow[] = [];
  @api savedReadBackFields: ReadBackRow[] = [];
  @api fieldOptions: FieldOption[] = [];
  @api properties: PropertyOption[] = [];
  @api errors: ValidationError[] = [];

  label = {
    intro: MAPPINGS_INTRO,
    columnNumber: COLUMN_NUMBER,
    columnProperty: COLUMN_PROPERTY,
    columnField: COLUMN_FIELD,
    columnOverwritePolicy: COLUMN_OVERWRITE_POLICY,
    columnActions: COLUMN_ACTIONS,
    chooseProperty: CHOOSE_PROPERTY,
    chooseField: CHOOSE_FIELD,
    customPlaceholder: CUSTOM_PLACEHOLDER,
    edited: EDITED,
  };

  /** Rows where the admin chose "Custom property" and has not typed a name yet. */
  customRows = new Set<number>();

  get sections(): ObjectSection[] {
    return OBJECTS.map((objectName) => this.sectionFor(objectName));
  }

  get mappingSectionErrors(): { key: string; text: string }[] {
    return this.errorsOf('mappings', null)
      .concat(this.errorsOf('readBackFields', null))
      .map((text, index) => ({ key: `section-error-${index}`, text }));
  }

  get hasSectionErrors(): boolean {
    return this.mappingSectionErrors.length > 0;
  }

  private sectionFor(objectName: string): ObjectSection {
    const name = objectLabel(objectName);
    const editedMappings = editedRows(this.mappings, this.savedMappings ?? []);
    const mappings = this.mappings
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => row.objectName === objectName)
      .map(({ row, index }, position) =>
        this.mappingView(row, index, position + 1, editedMappings[index] === true)
      );
    const editedShown = editedRows(this.readBackFields, this.savedReadBackFields ?? []);
    const readBackIndexes = this.readBackFields
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => row.objectName === objectName);
    const chosen = new Set(readBackIndexes.map(({ row }) => row.field.toLowerCase()));
    const readBack = readBackIndexes.map(({ row, index }, position): ReadBackView => {
      const label = this.fieldLabel(objectName, row.field);
      const error = this.errorsOf('readBackFields', index)[0];
      const edited = editedShown[index] === true;
      return {
        key: `readback-${index}`,
        index,
        number: position + 1,
        label,
        edited,
        itemClass: ['read-back-item', edited ? 'row_edited' : '', error ? 'row_error' : '']
          .filter(Boolean)
          .join(' '),
        error,
        isFirst: position === 0,
        isLast: position === readBackIndexes.length - 1,
        upLabel: formatLabel(MOVE_UP, label),
        downLabel: formatLabel(MOVE_DOWN, label),
        removeLabel: formatLabel(REMOVE_SHOWN, label),
      };
    });
    return {
      objectName,
      mappingTitle: formatLabel(MAPPINGS_TITLE, name),
      noMappings: formatLabel(MAPPINGS_NONE, name),
      readBackTitle: formatLabel(SHOWN_TITLE, name),
      noReadBack: formatLabel(SHOWN_NONE, name),
      addMappingLabel: formatLabel(ADD_MAPPING, name),
      addReadBackLabel: formatLabel(ADD_SHOWN_FIELD, name),
      mappings,
      hasMappings: mappings.length > 0,
      readBack,
      hasReadBack: readBack.length > 0,
      readBackOptions: this.fieldsOf(objectName)
        .filter((field) => !chosen.has(field.apiName.toLowerCase()))
        .map(optionOf),
    };
  }

  private mappingView(
    row: MappingRow,
    index: number,
    number: number,
    edited: boolean
  ): MappingView {
    const known = this.properties.some((property) => property.name === row.kondoProperty);
    const isCustom = this.customRows.has(index) || (row.kondoProperty !== '' && !known);
    const error = this.errorsOf('mappings', index)[0];
    const name = objectLabel(row.objectName);
    return {
      key: `mapping-${index}`,
      index,
      number,
      edited,
      propertyValue: isCustom ? CUSTOM_PROPERTY : row.kondoProperty,
      isCustom,
      customName: isCustom ? row.kondoProperty : '',
      targetField: row.targetField,
      fieldOptions: this.targetOptions(row.objectName, row.kondoProperty, isCustom),
      // An unknown stored value is shown as it is, so the server's error on it can be fixed.
      overwritePolicy: row.overwritePolicy || DEFAULT_OVERWRITE_POLICY,
      error,
      rowClass: ['mapping-row', edited ? 'row_edited' : '', error ? 'mapping-row_error' : '']
        .filter(Boolean)
        .join(' '),
      propertyLabel: formatLabel(PROPERTY_OF_ROW, name, number),
      customLabel: formatLabel(CUSTOM_OF_ROW, name, number),
      fieldLabel: formatLabel(FIELD_OF_ROW, name, number),
      policyLabel: formatLabel(OVERWRITE_POLICY_OF_ROW, name, number),
      removeLabel: formatLabel(REMOVE_MAPPING, name, number),
    };
  }

  get overwritePolicyOptions(): Option[] {
    return OVERWRITE_POLICY_OPTIONS;
  }

  get propertyOptions(): Option[] {
    return this.properties
      .map((property) => ({ label: property.label, value: property.name }))
      .concat([{ label: CUSTOM_PROPERTY_LABEL, value: CUSTOM_PROPERTY }]);
  }

  override renderedCallback(): void {
    // Each mapping row's error marks the control at fault (the base component shows it).
    for (const row of this.template?.querySelectorAll<HTMLElement>('tr.mapping-row') ?? []) {
      const index = Number(row.dataset.index);
      const errors = this.mappingErrors(index);
      for (const control of row.querySelectorAll<ValidityInput>('[data-control]')) {
        const message = errors
          .filter((error) => this.controlOf(error.field, index) === control.dataset.control)
          .map((error) => error.message)
          .join(' ');
        applyValidity(control, message);
      }
    }
  }

  private mappingErrors(index: number): ValidationError[] {
    return this.errors.filter((error) => error.section === 'mappings' && error.rowIndex === index);
  }

  /** The control of a mapping row that a row error naming field marks. */
  private controlOf(field: string, index: number): string {
    const control = ERROR_CONTROLS[field] ?? '.property';
    return control === '.property' && field === 'kondoProperty' && this.isCustomRow(index)
      ? '.custom-property'
      : control;
  }

  private isCustomRow(index: number): boolean {
    const property = this.mappings[index]?.kondoProperty ?? '';
    const known = this.properties.some((option) => option.name === property);
    return this.customRows.has(index) || (property !== '' && !known);
  }

  /**
   * Moves focus to the control of a row that a summary line names (the row's field for a
   * shown-field row); false when there is no such row.
   */
  @api
  focusRow(section: string, rowIndex: number, field: string): boolean {
    const target =
      section === 'mappings'
        ? this.template?.querySelector<HTMLElement>(
            `tr.mapping-row[data-index="${rowIndex}"] ${this.controlOf(field, rowIndex)}`
          )
        : this.template?.querySelector<HTMLElement>(
            `.read-back-item[data-index="${rowIndex}"] .read-back-label`
          );
    target?.focus();
    return Boolean(target);
  }

  // Every row's field picker and label read these on each render: sorted once per list.
  private fieldsOf(objectName: string): FieldOption[] {
    let byObject = sortedFieldsByList.get(this.fieldOptions);
    if (!byObject) {
      byObject = new Map();
      const sorted = [...this.fieldOptions].sort((a, b) => a.label.localeCompare(b.label));
      for (const field of sorted) {
        byObject.set(field.objectName, [...(byObject.get(field.objectName) ?? []), field]);
      }
      sortedFieldsByList.set(this.fieldOptions, byObject);
    }
    return byObject.get(objectName) ?? [];
  }

  private fieldLabel(objectName: string, apiName: string): string {
    const field = this.fieldsOf(objectName).find(
      (option) => option.apiName.toLowerCase() === apiName.toLowerCase()
    );
    return field ? formatLabel(FIELD_OPTION, field.label, field.apiName) : apiName;
  }

  private typesFor(property: string, isCustom: boolean): Set<string> | null {
    if (isCustom) {
      return null;
    }
    const known = this.properties.find((option) => option.name === property);
    return new Set(known ? known.fieldTypes : []);
  }

  private targetOptions(objectName: string, property: string, isCustom: boolean): Option[] {
    const types = this.typesFor(property, isCustom);
    return this.fieldsOf(objectName)
      .filter((field) => field.mappable && (types === null || types.has(field.fieldType)))
      .map(optionOf);
  }

  private errorsOf(section: string, rowIndex: number | null): string[] {
    return this.errors
      .filter((error) => {
        // Apex leaves a null rowIndex out of the JSON.
        const errorRow = typeof error.rowIndex === 'number' ? error.rowIndex : null;
        return error.section === section && errorRow === rowIndex;
      })
      .map((error) => error.message);
  }

  private emit(mappings: MappingRow[], readBackFields: ReadBackRow[]): void {
    this.dispatchEvent(
      new CustomEvent<MappingsChange>(MAPPINGS_CHANGE_EVENT, {
        detail: { mappings, readBackFields },
      })
    );
  }

  private updateMapping(index: number, change: Partial<MappingRow>): void {
    const mappings = this.mappings.map((row, position) => {
      return position === index ? { ...row, ...change } : row;
    });
    this.emit(mappings, this.readBackFields);
  }

  handleAddMapping(event: Event): void {
    const objectName = (event.currentTarget as HTMLElement).dataset.object as string;
    this.emit(
      [
        ...this.mappings,
        {
          objectName,
          kondoProperty: '',
          targetField: '',
          overwritePolicy: DEFAULT_OVERWRITE_POLICY,
        },
      ],
      this.readBackFields
    );
  }

  handlePropertyChange(event: CustomEvent<{ value: string }>): void {
    const index = indexOf(event);
    const value = event.detail.value;
    const next = new Set(this.customRows);
    if (value === CUSTOM_PROPERTY) {
      next.add(index);
      this.customRows = next;
      this.updateMapping(index, { kondoProperty: '' });
      return;
    }
    next.delete(index);
    this.customRows = next;
    const row = this.mappings[index] as MappingRow;
    const types = this.typesFor(value, false);
    const field = this.fieldsOf(row.objectName).find(
      (option) => option.apiName === row.targetField
    );
    // A field that cannot hold the new property would only fail on save: clear it now.
    const keepsField = field !== undefined && types !== null && types.has(field.fieldType);
    this.updateMapping(index, {
      kondoProperty: value,
      targetField: keepsField ? row.targetField : '',
    });
  }

  handleCustomNameChange(event: CustomEvent<{ value: string }>): void {
    this.updateMapping(indexOf(event), { kondoProperty: event.detail.value.trim() });
  }

  handleFieldChange(event: CustomEvent<{ value: string }>): void {
    this.updateMapping(indexOf(event), { targetField: event.detail.value });
  }

  handlePolicyChange(event: CustomEvent<{ value: string }>): void {
    this.updateMapping(indexOf(event), { overwritePolicy: event.detail.value as OverwritePolicy });
  }

  handleRemoveMapping(event: Event): void {
    const removed = indexOf(event);
    const shifted = new Set<number>();
    for (const index of this.customRows) {
      if (index !== removed) {
        shifted.add(index > removed ? index - 1 : index);
      }
    }
    this.customRows = shifted;
    this.emit(
      this.mappings.filter((_, index) => index !== removed),
      this.readBackFields
    );
  }

  handleAddReadBack(event: CustomEvent<{ value: string }>): void {
    const objectName = (event.currentTarget as HTMLElement).dataset.object as string;
    this.emit(this.mappings, [...this.readBackFields, { objectName, field: event.detail.value }]);
  }

  handleRemoveReadBack(event: Event): void {
    const removed = indexOf(event);
    this.emit(
      this.mappings,
      this.readBackFields.filter((_, index) => index !== removed)
    );
  }

  handleMoveUp(event: Event): void {
    this.move(indexOf(event), -1);
  }

  handleMoveDown(event: Event): void {
    this.move(indexOf(event), 1);
  }

  // Swaps the row with its neighbour of the same object; the list order is the panel order.
  private move(index: number, direction: number): void {
    const row = this.readBackFields[index] as ReadBackRow;
    const sameObject = this.readBackFields
      .map((candidate, position) => ({ candidate, position }))
      .filter(({ candidate }) => candidate.objectName === row.objectName)
      .map(({ position }) => position);
    const neighbour = sameObject[sameObject.indexOf(index) + direction];
    if (neighbour === undefined) {
      return;
    }
    const rows = [...this.readBackFields];
    rows[index] = this.readBackFields[neighbour] as ReadBackRow;
    rows[neighbour] = row;
    this.emit(this.mappings, rows);
  }
}
