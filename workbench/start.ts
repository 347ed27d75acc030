// `npm start`: builds the workbench and serves it on localhost (PORT, default 4173).
import { buildWorkbench, DIST, ROOT } from './lib/build';
import { serve } from './lib/server';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4173);
  const built = await buildWorkbench({ mode: 'development' });
  const server = await serve(ROOT, DIST, port);
  const withEntry = built.catalog.bundles.filter((bundle) => bundle.entryFile).length;
  console.log(
    `Built ${built.catalog.bundles.length} components (${withEntry} with sample data) in ${built.seconds.toFixed(1)} s.`
  );
  console.log(`\n  Kondo workbench: ${server.url}\n`);
  console.log('Ctrl+C stops it. Rebuild after a change: stop and run npm start again.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
