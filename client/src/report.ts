// What the command line prints: a progress bar for long pushes and plain-text tables.
import type { PushReport } from './client';
import type { LookupResult, SettingsResponse } from './types';

/** `[##########..........]  50%  100/200 conversations` */
export function renderProgress(done: number, total: number, width = 30): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  const percent = `${Math.floor(share * 100)}%`.padStart(4);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}  ${done}/${total} conversations`;
}

/** Left-aligned columns separated by two spaces, a rule under the header. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length))
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const shorten = (text: string | null, max = 80): string =>
  !text ? '' : text.length > max ? `${text.slice(0, max - 1)}…` : text;

export function formatPushSummary(report: PushReport): string {
  const { counts } = report;
  const total = report.outcomes.length;
  const parts = [
    formatTable(
      ['status', 'conversations'],
      [
        ['created', String(counts.created)],
        ['updated', String(counts.updated)],
        ['skipped', String(counts.skipped)],
        ['failed', String(counts.failed)],
        ['total', String(total)],
      ]
    ),
    `${report.requests} request(s)`,
  ];
  const notOk = report.outcomes.filter((o) => o.status === 'failed' || o.status === 'skipped');
  if (notOk.length > 0) {
    parts.push(
      formatTable(
        ['#', 'conversationId', 'status', 'code', 'message'],
        notOk.map((o) => [
          String(o.index),
          o.conversationId ?? '(none)',
          o.status,
          o.errorCode ?? '',
          shorten(o.errorMessage),
        ])
      )
    );
  }
  return parts.join('\n\n');
}

export function formatLookupTable(inputs: string[], results: LookupResult[]): string {
  return formatTable(
    ['input', 'status', 'object', 'recordId', 'name', 'code / fields'],
    results.map((result, index) => [
      shorten(inputs[index] ?? '', 60),
      result.status,
      result.objectType ?? '',
      result.recordId ?? '',
      result.name ?? '',
      result.errorCode ??
        shorten(result.fields.map((f) => `${f.field}=${f.displayValue ?? ''}`).join('; ')),
    ])
  );
}

export function formatSettings(settings: SettingsResponse): string {
  const general = formatTable(
    ['setting', 'value'],
    [
      ['syncFrequency', settings.syncFrequency],
      ['syncMessages', String(settings.syncMessages)],
      ['createIfMissing', String(settings.createIfMissing)],
      ['createAs', settings.createAs],
      ['matchPriority', settings.matchPriority],
      ['taskWindowDays', String(settings.taskWindowDays)],
    ]
  );
  const mappings = formatTable(
    ['object', 'kondoProperty', 'targetField'],
    settings.mappings.map((m) => [m.object, m.kondoProperty, m.targetField])
  );
  const readBack = formatTable(
    ['object', 'read-back field'],
    settings.readBackFields.map((f) => [f.object, f.field])
  );
  return [general, mappings, readBack].join('\n\n');
}
