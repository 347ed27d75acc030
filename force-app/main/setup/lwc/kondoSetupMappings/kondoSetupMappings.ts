import { LightningElement, api } from 'lwc';
import type {
  FieldOption,
  MappingRow,
  PropertyOption,
  ReadBackRow,
  ValidationError,
} from 'types/dto/setup';

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

interface MappingView {
  key: string;
  index: number;
  number: number;
  propertyValue: string;
  isCustom: boolean;
  customName: string;
  targetField: string;
  fieldOptions: Option[];
  error: string | undefined;
  rowClass: string;
  propertyLabel: string;
  customLabel: string;
  fieldLabel: string;
  removeLabel: string;
}

interface ReadBackView {
  key: string;
  index: number;
  label: string;
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
  readBackTitle: string;
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

/**
 * The field mappings (Kondo property -> Contact or Lead field) and the fields shown in Kondo's
 * side panel, per object. The field picker offers only fields whose type can hold the chosen
 * property (the server sends which types can hold each). Rows keep their index in the whole
 * list, so the server's per-row errors show at their row. Every edit is sent up as a
 * `mappingschange` event with the new lists; the parent owns the data.
 */
export default class KondoSetupMappings extends LightningElement {
  @api mappings: MappingRow[] = [];
  @api readBackFields: ReadBackRow[] = [];
  @api fieldOptions: FieldOption[] = [];
  @api properties: PropertyOption[] = [];
  @api errors: ValidationError[] = [];

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
    const mappings = this.mappings
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => row.objectName === objectName)
      .map(({ row, index }, position) => this.mappingView(row, index, position + 1));
    const readBackIndexes = this.readBackFields
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => row.objectName === objectName);
    const chosen = new Set(readBackIndexes.map(({ row }) => row.field.toLowerCase()));
    const readBack = readBackIndexes.map(({ row, index }, position) => {
      const label = this.fieldLabel(objectName, row.field);
      return {
        key: `readback-${index}`,
        index,
        label,
        error: this.errorsOf('readBackFields', index)[0],
        isFirst: position === 0,
        isLast: position === readBackIndexes.length - 1,
        upLabel: `Move ${label} up`,
        downLabel: `Move ${label} down`,
        removeLabel: `Remove ${label}`,
      };
    });
    return {
      objectName,
      mappingTitle: `${objectName} mappings`,
      readBackTitle: `${objectName} fields shown in Kondo`,
      addMappingLabel: `Add ${objectName} mapping`,
      addReadBackLabel: `Add a ${objectName} field to show in Kondo`,
      mappings,
      hasMappings: mappings.length > 0,
      readBack,
      hasReadBack: readBack.length > 0,
      readBackOptions: this.fieldsOf(objectName)
        .filter((field) => !chosen.has(field.apiName.toLowerCase()))
        .map((field) => ({ label: `${field.label} (${field.apiName})`, value: field.apiName })),
    };
  }

  private mappingView(row: MappingRow, index: number, number: number): MappingView {
    const known = this.properties.some((property) => property.name === row.kondoProperty);
    const isCustom = this.customRows.has(index) || (row.kondoProperty !== '' && !known);
    const error = this.errorsOf('mappings', index)[0];
    return {
      key: `mapping-${index}`,
      index,
      number,
      propertyValue: isCustom ? CUSTOM_PROPERTY : row.kondoProperty,
      isCustom,
      customName: isCustom ? row.kondoProperty : '',
      targetField: row.targetField,
      fieldOptions: this.targetOptions(row.objectName, row.kondoProperty, isCustom),
      error,
      rowClass: error ? 'mapping-row mapping-row_error' : 'mapping-row',
      propertyLabel: `Kondo property, ${row.objectName} mapping ${number}`,
      customLabel: `Custom property name, ${row.objectName} mapping ${number}`,
      fieldLabel: `${row.objectName} field, mapping ${number}`,
      removeLabel: `Remove ${row.objectName} mapping ${number}`,
    };
  }

  get propertyOptions(): Option[] {
    return this.properties
      .map((property) => ({ label: property.label, value: property.name }))
      .concat([{ label: 'Custom property…', value: CUSTOM_PROPERTY }]);
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
    return field ? `${field.label} (${field.apiName})` : apiName;
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
      .map((field) => ({ label: `${field.label} (${field.apiName})`, value: field.apiName }));
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
        { objectName, kondoProperty: '', targetField: '', overwritePolicy: 'OVERWRITE' },
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
