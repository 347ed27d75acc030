/**
 * CSV building and file downloads for the setup page (template-less module). Downloads use a
 * data: URL on a temporary link, so no library and no object URL to revoke.
 */

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

// Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) {
    return '';
  }
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV (CRLF line ends) with a header row. */
export function toCsv<T>(columns: CsvColumn<T>[], rows: T[]): string {
  const lines = [columns.map((column) => csvCell(column.header)).join(',')];
  for (const row of rows) {
    lines.push(columns.map((column) => csvCell(column.value(row))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Offers text as a file download named fileName. */
export function downloadText(fileName: string, mimeType: string, text: string): void {
  const link = document.createElement('a');
  link.href = `data:${mimeType};charset=utf-8,${encodeURIComponent(text)}`;
  link.download = fileName;
  link.click();
}
