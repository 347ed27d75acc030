// lightning-record-picker for the workbench. The lightning-base-components package has no record
// picker (the platform's searches with the GraphQL API), so this stand-in does what a component
// using it sees: the same public properties, methods and `change` event ({ recordId }), records
// searched by name as the viewing user through the local org's REST query (sharing applies), the
// chosen record shown by its name, and custom validity shown as the base inputs show theirs.
// Only the name is searched and shown: displayInfo, matchingInfo and filter are not read.
import { LightningElement, api } from 'lwc';
import { viewingUser } from '../../src/apexRuntime';
import { query } from '../../src/localOrg';

interface RecordOption {
  id: string;
  domId: string;
  name: string;
  optionClass: string;
  selected: boolean;
}

const MIN_SEARCH = 2;
const MAX_RESULTS = 10;

/** A SOQL string literal's content: quotes and backslashes escaped. */
function soqlText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
}

function isRecordId(text: string | null | undefined): text is string {
  return typeof text === 'string' && /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(text);
}

export default class RecordPicker extends LightningElement {
  @api label = '';
  @api objectApiName = '';
  @api placeholder = '';
  @api fieldLevelHelp: string | undefined;
  @api variant: string | undefined;
  @api disabled = false;
  @api required = false;
  @api filter: unknown;
  @api displayInfo: unknown;
  @api matchingInfo: unknown;
  @api messageWhenBadInput: string | undefined;

  selectedId: string | null = null;
  selectedName = '';
  searchText = '';
  results: { id: string; name: string }[] = [];
  open = false;
  activeIndex = -1;
  customValidity = '';
  shownMessage = '';

  @api
  get value(): string | null {
    return this.selectedId;
  }
  set value(recordId: string | null) {
    this.selectedId = isRecordId(recordId) ? recordId : null;
    this.selectedName = '';
    if (this.selectedId) {
      this.resolveName(this.selectedId).catch(() => undefined);
    }
  }

  @api
  setCustomValidity(message: string): void {
    this.customValidity = message ?? '';
  }

  @api
  checkValidity(): boolean {
    return this.customValidity === '' && !(this.required && !this.selectedId);
  }

  @api
  reportValidity(): boolean {
    const valid = this.checkValidity();
    this.shownMessage = valid ? '' : this.customValidity;
    return valid;
  }

  @api
  clearSelection(): void {
    this.selectedId = null;
    this.selectedName = '';
  }

  @api
  focus(): void {
    this.template?.querySelector<HTMLElement>('input')?.focus();
  }

  get hasSelection(): boolean {
    return this.selectedId !== null;
  }

  get inputValue(): string {
    return this.hasSelection ? this.selectedName : this.searchText;
  }

  get inputClass(): string {
    return this.hasSelection
      ? 'slds-combobox__form-element slds-input-has-icon slds-input-has-icon_left-right'
      : 'slds-combobox__form-element slds-input-has-icon slds-input-has-icon_right';
  }

  get formClass(): string {
    return this.shownMessage ? 'slds-form-element slds-has-error' : 'slds-form-element';
  }

  get comboboxClass(): string {
    return `slds-combobox slds-dropdown-trigger slds-dropdown-trigger_click${this.open ? ' slds-is-open' : ''}`;
  }

  get labelClass(): string {
    return this.variant === 'label-hidden'
      ? 'slds-form-element__label slds-assistive-text'
      : 'slds-form-element__label';
  }

  get options(): RecordOption[] {
    return this.results.map((record, index) => ({
      ...record,
      domId: `option-${index}`,
      selected: index === this.activeIndex,
      optionClass: `slds-media slds-listbox__option slds-listbox__option_entity${index === this.activeIndex ? ' slds-has-focus' : ''}`,
    }));
  }

  get expanded(): string {
    return String(this.open);
  }

  get activeDescendant(): string | undefined {
    return this.open && this.activeIndex >= 0 ? `option-${this.activeIndex}` : undefined;
  }

  get noResults(): boolean {
    return this.open && this.results.length === 0;
  }

  private async resolveName(recordId: string): Promise<void> {
    const user = viewingUser();
    if (!user) {
      return;
    }
    const [record] = await query<{ Name: string }>(
      user,
      `SELECT Name FROM ${this.objectApiName} WHERE Id = '${soqlText(recordId)}'`
    );
    if (this.selectedId === recordId) {
      this.selectedName = record?.Name ?? recordId;
    }
  }

  private async search(text: string): Promise<void> {
    const user = viewingUser();
    if (!user || text.trim().length < MIN_SEARCH) {
      this.results = [];
      this.open = false;
      return;
    }
    const records = await query<{ Id: string; Name: string }>(
      user,
      `SELECT Id, Name FROM ${this.objectApiName} WHERE Name LIKE '%${soqlText(text.trim())}%' ORDER BY Name LIMIT ${MAX_RESULTS}`
    );
    if (this.searchText === text) {
      this.results = records.map((record) => ({ id: record.Id, name: record.Name }));
      this.activeIndex = this.results.length > 0 ? 0 : -1;
      this.open = true;
    }
  }

  handleInput(event: Event): void {
    this.searchText = (event.target as HTMLInputElement).value;
    this.search(this.searchText).catch(() => undefined);
  }

  handleKeyDown(event: KeyboardEvent): void {
    if (!this.open) {
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const count = this.results.length;
      this.activeIndex = count === 0 ? -1 : (this.activeIndex + step + count) % count;
    } else if (event.key === 'Enter' && this.activeIndex >= 0) {
      event.preventDefault();
      this.choose(this.results[this.activeIndex] as { id: string; name: string });
    } else if (event.key === 'Escape') {
      this.open = false;
    }
  }

  handleOptionClick(event: Event): void {
    const index = Number((event.currentTarget as HTMLElement).dataset.index);
    this.choose(this.results[index] as { id: string; name: string });
  }

  handleRemove(): void {
    this.clearSelection();
    this.searchText = '';
    this.emit(null);
  }

  private choose(record: { id: string; name: string }): void {
    this.selectedId = record.id;
    this.selectedName = record.name;
    this.searchText = '';
    this.results = [];
    this.open = false;
    this.emit(record.id);
  }

  private emit(recordId: string | null): void {
    this.dispatchEvent(new CustomEvent('change', { detail: { recordId } }));
  }
}
