// `npm start`: the local org (the package's Apex running in the local runtime, its records in
// .local-org/) and the workbench, on one port (PORT, default 4173). `npm start -- --reset`
// starts the org over from the sample data.
import { buildWorkbench, DIST, ROOT } from './lib/build';
import { serve } from './lib/server';
import { openLocalOrg, STORE_FILE } from '../scripts/local/localOrg';
import type { RequestRecord } from '../tools/apex-runtime/src/server/session';

function requestLine(record: RequestRecord): string {
  const jobs = record.jobs ? `, ${record.jobs} job${record.jobs === 1 ? '' : 's'}` : '';
  return `  ${record.status} ${record.what} as ${record.user} (${record.ms} ms, ${record.queries} SOQL, ${record.dmlStatements} DML, ${record.dmlRows} rows${jobs})`;
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4173);
  const reset = process.argv.includes('--reset');
  const started = Date.now();
  const opened = openLocalOrg({ reset });
  const orgSeconds = (Date.now() - started) / 1000;
  const built = await buildWorkbench({ mode: 'development' });
  const server = await serve(ROOT, DIST, port, opened.session);
  const base = server.url.replace(/\/$/, '');
  const users = opened.session.listUsers();
  const withEntry = built.catalog.bundles.filter((bundle) => bundle.entryFile).length;

  const lines = [
    '',
    `  Kondo local org: ${base}/`,
    '',
    opened.seeded
      ? `  A new org (${orgSeconds.toFixed(1)} s): ${opened.seeded.records} sample records owned by ${opened.session.user('rep').name}, ${Object.values(opened.seeded.pushCounts).reduce((a, b) => a + b, 0)} sample conversations pushed through the API.`
      : `  The org in ${STORE_FILE.slice(ROOT.length + 1)} (${opened.note ?? 'loaded'}); npm start -- --reset starts over.`,
    opened.note && opened.seeded ? `  Note: ${opened.note}` : '',
    `  Workbench: ${withEntry} components on the org's data; switch the viewing user in the page.`,
    `  Apex REST: ${base}/services/apexrest/${opened.session.org.project.namespace}/v1/{conversations,lookup,settings}`,
    '',
    '  Users (token: npm run local -- token --user <key>):',
    ...users.map((u) => `    ${u.key.padEnd(12)} ${u.name.padEnd(18)} ${u.description}`),
    '',
    '  Push data into it:',
    `    KONDO_ACCESS_TOKEN=$(npm run -s local -- token --user integration) \\`,
    `      npx kondo-sf push data/sample/conversations.push.json --instance-url ${base}`,
    '',
    'Requests are listed below. Ctrl+C stops it; after a change to the Apex or the components, run npm start again.',
  ];
  console.log(lines.filter((line, i) => line !== '' || lines[i - 1] !== '').join('\n'));
  opened.session.onRequest = (record) => console.log(requestLine(record));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
