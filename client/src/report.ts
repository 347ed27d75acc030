// What the command line prints: a progress bar for long pushes and plain-text tables.
import type { PushReport, ReconcileReport, ResyncReport } from './client';
import type { LookupResult, SettingsResponse } from './types';

/**
 * `[##########..........]  50%  100/200 conversations`, after `label` when given (the phase of
 * a resync: `reconcile [###...`).
 */
export function renderProgress(done: number, total: number, width = 30, label?: string): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  const percent = `${Math.floor(share * 100)}%`.padStart(4);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}  ${done}/${total} conversations`;
  return label === undefined ? bar : `${label} ${bar}`;
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

const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;

/** One row per conversation (status, held, stored, missing, different), then the totals. */
export function formatReconcileReport(report: ReconcileReport): string {
  const rows = report.outcomes.map((o) => [
    String(o.index),
    o.conversationId ?? '(none)',
    o.status,
    o.result ? String(o.result.heldCount) : '',
    o.result ? String(o.result.storedCount) : '',
    o.result ? String(o.result.missing.length) : '',
    o.result ? String(o.result.different.length) : '',
    o.errorCode ?? '',
  ]);
  const { counts } = report;
  const parts = [
    formatTable(
      ['#', 'conversationId', 'status', 'held', 'stored', 'missing', 'different', 'code'],
      rows
    ),
    formatTable(
      ['status', 'conversations'],
      [
        ['complete', String(counts.complete)],
        ['incomplete', String(counts.incomplete)],
        ['unknown', String(counts.unknown)],
        ['failed', String(counts.failed)],
        ['total', String(report.outcomes.length)],
      ]
    ),
    [
      `${plural(report.heldCount, 'message id')} listed: ${report.missingCount} missing`,
      `${report.differentCount} different`,
      // Only metadata-only conversations have these: worth a word when there are any.
      ...(report.unverifiableCount > 0 ? [`${report.unverifiableCount} unverifiable`] : []),
      `${report.toPushCount} to push; ${plural(report.requests, 'request')}`,
    ].join(', '),
  ];
  const failed = report.outcomes.filter((o) => o.status === 'failed');
  if (failed.length > 0) {
    parts.push(
      formatTable(
        ['#', 'conversationId', 'code', 'message'],
        failed.map((o) => [
          String(o.index),
          o.conversationId ?? '(none)',
          o.errorCode ?? '',
          shorten(o.errorMessage),
        ])
      )
    );
  }
  return parts.join('\n\n');
}

/** `pushed N messages in M conversations; K already complete`, then what did not go through. */
export function formatResyncSummary(report: ResyncReport): string {
  const { counts } = report;
  const line = [
    `pushed ${plural(report.pushedMessages, 'message')} in ${plural(counts.pushed, 'conversation')}`,
    `${counts.complete} already complete`,
    ...(counts.skipped > 0 ? [`${counts.skipped} skipped`] : []),
    ...(counts.failed > 0 ? [`${counts.failed} failed`] : []),
  ].join('; ');
  const parts = [
    line,
    `${plural(report.requests.reconcile, 'reconcile request')}, ${plural(report.requests.push, 'push request')}`,
  ];
  const notOk = report.outcomes.filter((o) => o.status === 'failed' || o.status === 'skipped');
  if (notOk.length > 0) {
    parts.push(
      formatTable(
        ['#', 'conversationId', 'status', 'step', 'code', 'message'],
        notOk.map((o) => [
          String(o.index),
          o.conversationId ?? '(none)',
          o.status,
          o.push ? 'push' : 'reconcile',
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
