// `@salesforce/apex` in the workbench.
export { refreshApex } from '../apexRuntime';

export function getSObjectValue(record: unknown, field: unknown): unknown {
  const name =
    typeof field === 'object' && field !== null
      ? (field as { fieldApiName?: string }).fieldApiName
      : String(field);
  return typeof record === 'object' && record !== null && name
    ? (record as Record<string, unknown>)[name]
    : undefined;
}
