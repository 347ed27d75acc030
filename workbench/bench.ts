// `npm run bench`: the conversation history in headless Chromium with 100, 1,000 and 10,000
// generated messages. For each size, several fresh page loads measure the time from inserting
// the component to the first message in its DOM and to the next frame after it, the JS heap
// and the DOM node count once rendered (after a garbage collection), and the same heap and
// nodes with the data prepared but no component (the baseline), plus the time "Search entire
// history" takes to read every page. Medians are printed as a table. Production build, as the
// platform runs LWC.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildWorkbench, ROOT } from './lib/build';
import { KEEP_NAMES_HELPER, launchChromium } from './lib/browser';
import { serve } from './lib/server';
import { openLocalOrg } from '../scripts/local/localOrg';

const SIZES = [100, 1_000, 10_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const OUT_DIR = join(ROOT, 'workbench', 'dist', 'bench');

// Installed before the page's scripts: when the component is inserted, watch its shadow tree
// for the first message row, then wait for the next frame.
const FIRST_RENDER_PROBE = `
window.__bench = {};
window.addEventListener('workbench:mounted', (event) => {
  const host = event.detail;
  const start = window.__workbench.mountedAt;
  const found = () => {
    const history = host.shadowRoot;
    return Boolean(history && history.querySelector('.message-row'));
  };
  const poll = () => {
    if (found()) {
      window.__bench.firstMessageMs = performance.now() - start;
      requestAnimationFrame(() => setTimeout(() => {
        window.__bench.nextFrameMs = performance.now() - start;
      }, 0));
    } else {
      window.setTimeout(poll, 0);
    }
  };
  poll();
});
`;

interface Metrics {
  heapMb: number;
  nodes: number;
}

interface Run extends Metrics {
  firstMessageMs: number;
  nextFrameMs: number;
  rows: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function metrics(page: Page): Promise<Metrics> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const value = (name: string): number => list.find((metric) => metric.name === name)?.value ?? 0;
  return { heapMb: value('JSHeapUsedSize') / 1024 / 1024, nodes: value('Nodes') };
}

async function main(): Promise<void> {
  const built = await buildWorkbench({ mode: 'production', outDir: OUT_DIR });
  // The page needs its local org even for a generated history: it reads its users at start.
  const server = await serve(ROOT, OUT_DIR, 0, openLocalOrg({ storeFile: null }).session);
  const browser = await launchChromium();
  const rows: string[][] = [];
  try {
    for (const size of SIZES) {
      const url = `${server.url}?component=kondoConversationHistory&state=long-history&messages=${size}`;
      const runs: Run[] = [];
      const baselines: Metrics[] = [];
      const searches: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.addInitScript(KEEP_NAMES_HELPER);
        await page.addInitScript(FIRST_RENDER_PROBE);
        await page.goto(url);
        await page.waitForFunction(
          () =>
            (window as unknown as { __bench: { nextFrameMs?: number } }).__bench.nextFrameMs !==
            undefined,
          undefined,
          { timeout: 60_000 }
        );
        const timing = await page.evaluate(
          () =>
            (window as unknown as { __bench: { firstMessageMs: number; nextFrameMs: number } })
              .__bench
        );
        await page.waitForTimeout(200);
        const rendered = await page.locator('.transcript .message-row').count();
        runs.push({ ...timing, ...(await metrics(page)), rows: rendered });

        // "Search entire history": reads every older page (500 at a time) and filters them.
        const searchAll = page.locator('lightning-button.search-all button');
        await page.locator('lightning-input.search input').fill('renewal');
        if ((await searchAll.count()) > 0) {
          const started = Date.now();
          await searchAll.click();
          await page.waitForFunction(
            () =>
              !document
                .querySelector('c-kondo-conversation-history')
                ?.shadowRoot?.querySelector('lightning-button.search-all, .search-progress'),
            undefined,
            { timeout: 120_000 }
          );
          searches.push(Date.now() - started);
        }
        await page.close();

        const baseline = await browser.newPage();
        await baseline.goto(`${url}&mount=false`);
        await baseline.waitForFunction(() => window.__workbench?.ready === true);
        baselines.push(await metrics(baseline));
        await baseline.close();
      }
      const heap = median(runs.map((run) => run.heapMb));
      const baseHeap = median(baselines.map((run) => run.heapMb));
      const nodes = median(runs.map((run) => run.nodes));
      const baseNodes = median(baselines.map((run) => run.nodes));
      rows.push([
        size.toLocaleString('en-US'),
        median(runs.map((run) => run.rows)).toFixed(0),
        median(runs.map((run) => run.firstMessageMs)).toFixed(0),
        median(runs.map((run) => run.nextFrameMs)).toFixed(0),
        heap.toFixed(1),
        (heap - baseHeap).toFixed(1),
        nodes.toFixed(0),
        (nodes - baseNodes).toFixed(0),
        searches.length ? median(searches).toFixed(0) : 'n/a (one page)',
      ]);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const header = [
    'messages',
    'rows rendered',
    'first message (ms)',
    'next frame (ms)',
    'JS heap (MB)',
    'heap of component (MB)',
    'DOM nodes',
    'nodes of component',
    'search entire history (ms)',
  ];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length))
  );
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, column) => cell.padStart(widths[column] ?? 0)).join(' | ')} |`;
  console.log(
    `\nkondoConversationHistory in Chromium (${built.catalog.bundles.length} components built in ${built.seconds.toFixed(1)} s, production mode), median of ${RUNS} runs\n`
  );
  console.log(line(header));
  console.log(`| ${widths.map((width) => `${'-'.repeat(width - 1)}:`).join(' | ')} |`);
  for (const row of rows) {
    console.log(line(row));
  }
  console.log(
    '\nfirst message: from inserting the component to the first message row in its DOM (the data answers at once, no latency).' +
      '\nheap/nodes of component: measured minus the same page with the data prepared and no component (?mount=false).'
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
