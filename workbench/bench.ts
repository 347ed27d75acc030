// `npm run bench`: the conversation history as a rep meets it, in headless Chromium, with 100,
// 1,000 and 10,000 generated messages, every Apex call answering after a stated latency
// (BENCH_LATENCY_MS, 150 ms unless set). For each size, after one warm-up load that is not
// counted, each run measures on fresh pages:
// - first paint: from inserting the component to the frame after its first message row, and
//   the Apex calls the page had made by its first row (one: getHistory);
// - the floor beside it, in the same browser: a bare component (c-bench-floor) rendering the
//   same newest rows with the history's own row markup and CSS from static data, handed to it
//   after one simulated Apex call;
// - the JS heap and DOM nodes once painted, and again after scrolling back to the oldest message
//   (the page reading older pages as the component asks for them);
// - search of the whole history: "Search entire history" until every page is read, then the
//   time from each keystroke of a new query to the next frame, over all messages loaded.
// Medians of the runs are printed as two tables, then one line: first paint / floor per size.
// Production build, as the platform runs LWC. Nothing here asserts a time: it measures.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildWorkbench, ROOT } from './lib/build';
import { KEEP_NAMES_HELPER, launchChromium } from './lib/browser';
import { serve } from './lib/server';
import { openLocalOrg } from '../scripts/local/localOrg';

const SIZES = [100, 1_000, 10_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 150);
const OUT_DIR = join(ROOT, 'workbench', 'dist', 'bench');
const FLOOR_DIR = join(ROOT, 'workbench', 'dist', 'bench-floor', 'benchFloor');
const HISTORY_DIR = join(ROOT, 'force-app', 'main', 'history', 'lwc', 'kondoConversationHistory');
/** Typed one key at a time once the whole history is loaded. */
const KEYSTROKES = 'proposal';

// Installed before the page's scripts: when the component is inserted, watch its shadow tree
// for the first message row, then wait for the frame after it.
const FIRST_PAINT_PROBE = `
window.__bench = {};
window.addEventListener('workbench:mounted', (event) => {
  const host = event.detail;
  const start = window.__workbench.mountedAt;
  const found = () => {
    const root = host.shadowRoot;
    return Boolean(root && root.querySelector('.message-row'));
  };
  const poll = () => {
    if (found()) {
      window.__bench.firstRowMs = performance.now() - start;
      window.__bench.callsToFirstRow = window.__workbench.apexCalls.length;
      requestAnimationFrame(() => setTimeout(() => {
        window.__bench.firstPaintMs = performance.now() - start;
      }, 0));
    } else {
      window.setTimeout(poll, 0);
    }
  };
  poll();
});
`;

/** The history template's message rows (the for:each over items), cut out whole. */
export function rowMarkup(template: string): string {
  const start = template.indexOf('<template for:each={items}');
  if (start < 0) {
    throw new Error('kondoConversationHistory.html has no <template for:each={items}>');
  }
  // Closing tags may break before their '>' (as Prettier writes them around inline text).
  const tag = /<template\b|<\/template\s*>/g;
  tag.lastIndex = start;
  let depth = 0;
  for (let match = tag.exec(template); match; match = tag.exec(template)) {
    depth += match[0].startsWith('</') ? -1 : 1;
    if (depth === 0) {
      return template.slice(start, match.index + match[0].length);
    }
  }
  throw new Error('kondoConversationHistory.html: the rows template is not closed');
}

/** Writes c-bench-floor: the history's rows and CSS in a bare transcript, nothing else. */
function writeFloorComponent(): string {
  mkdirSync(FLOOR_DIR, { recursive: true });
  const template = readFileSync(join(HISTORY_DIR, 'kondoConversationHistory.html'), 'utf8');
  writeFileSync(
    join(FLOOR_DIR, 'benchFloor.html'),
    '<template>\n  <div class="transcript" style="height: 480px" role="log" tabindex="0">\n' +
      `${rowMarkup(template)}\n  </div>\n</template>\n`
  );
  writeFileSync(
    join(FLOOR_DIR, 'benchFloor.css'),
    readFileSync(join(HISTORY_DIR, 'kondoConversationHistory.css'), 'utf8')
  );
  writeFileSync(
    join(FLOOR_DIR, 'benchFloor.ts'),
    [
      "import { LightningElement, api } from 'lwc';",
      "import type { TranscriptItem } from 'c/kondoTranscript';",
      '',
      'export default class BenchFloor extends LightningElement {',
      '  @api items: TranscriptItem[] = [];',
      '}',
      '',
    ].join('\n')
  );
  return join(FLOOR_DIR, 'benchFloor.ts');
}

function floorPage(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Benchmark floor</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/slds/styles/salesforce-lightning-design-system.min.css" />
  </head>
  <body>
    <script type="module" src="/assets/floor.js"></script>
  </body>
</html>
`;
}

interface Metrics {
  heapMb: number;
  nodes: number;
}

interface Paint {
  firstRowMs: number;
  firstPaintMs: number;
  /** Apex calls made before the first message row appeared. */
  callsToFirstRow: number;
}

interface Run {
  paint: Paint;
  floor: Paint;
  rows: number;
  atNewest: Metrics;
  baseline: Metrics;
  scrollSteps: number;
  scrollMs: number;
  rowsAtOldest: number;
  atOldest: Metrics;
  searchAllMs: number | null;
  keystrokeMs: number[];
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

async function openPainted(browser: Browser, url: string): Promise<{ page: Page; paint: Paint }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(KEEP_NAMES_HELPER);
  await page.addInitScript(FIRST_PAINT_PROBE);
  await page.goto(url);
  await page.waitForFunction(
    () =>
      (window as unknown as { __bench: { firstPaintMs?: number } }).__bench.firstPaintMs !==
      undefined,
    undefined,
    { timeout: 60_000 }
  );
  const paint = await page.evaluate(() => (window as unknown as { __bench: Paint }).__bench);
  // Let the rest of the first answer settle (the search bar, the scroll to the newest).
  await page.waitForTimeout(200);
  return { page, paint };
}

/** In the page: scrolls to the top until the oldest message is rendered. */
function scrollBack(page: Page): Promise<{ steps: number; ms: number }> {
  return page.evaluate(async () => {
    const root = document.querySelector('c-kondo-conversation-history')?.shadowRoot;
    const transcript = root?.querySelector<HTMLElement>('.transcript');
    if (!root || !transcript) {
      throw new Error('no transcript to scroll');
    }
    const frame = (): Promise<void> => new Promise((done) => requestAnimationFrame(() => done()));
    const firstRow = (): Element | null => root.querySelector('.message-row');
    const started = performance.now();
    let steps = 0;
    while (root.querySelector('.show-earlier')) {
      const before = firstRow();
      transcript.scrollTop = 0;
      const stepStarted = performance.now();
      // Until the rows before the first are rendered (a page read first when needed).
      while (firstRow() === before || root.querySelector('.loading-older')) {
        if (performance.now() - stepStarted > 60_000) {
          throw new Error(`scrolling back stopped after ${steps} steps`);
        }
        await frame();
      }
      steps += 1;
    }
    await frame();
    return { steps, ms: performance.now() - started };
  });
}

/** Reads every page through "Search entire history"; null when everything is on one page. */
async function searchEntireHistory(page: Page): Promise<number | null> {
  await page.locator('lightning-input.search input').fill('renewal');
  const searchAll = page.locator('lightning-button.search-all button');
  if ((await searchAll.count()) === 0) {
    return null;
  }
  const started = Date.now();
  await searchAll.click();
  await page.waitForFunction(
    () =>
      !document
        .querySelector('c-kondo-conversation-history')
        ?.shadowRoot?.querySelector('lightning-button.search-all, .search-progress'),
    undefined,
    { timeout: 300_000 }
  );
  return Date.now() - started;
}

/** In the page: types a query a key at a time; for each key, the time to the next frame. */
function keystrokes(page: Page, text: string): Promise<number[]> {
  return page.evaluate(async (typed) => {
    // The native input sits inside lightning-input's own shadow tree(s).
    const find = (root: ParentNode | null | undefined): HTMLInputElement | null => {
      if (!root) {
        return null;
      }
      const direct = root.querySelector('input');
      if (direct) {
        return direct;
      }
      for (const element of root.querySelectorAll('*')) {
        const inner = find(element.shadowRoot);
        if (inner) {
          return inner;
        }
      }
      return null;
    };
    const host = document.querySelector('c-kondo-conversation-history')?.shadowRoot;
    const input = find(host?.querySelector('lightning-input.search')?.shadowRoot);
    if (!input) {
      throw new Error('no search input');
    }
    const times: number[] = [];
    for (let length = 1; length <= typed.length; length++) {
      const started = performance.now();
      input.value = typed.slice(0, length);
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      times.push(performance.now() - started);
    }
    return times;
  }, text);
}

async function measure(browser: Browser, base: string, size: number): Promise<Run> {
  const history = `${base}?component=kondoConversationHistory&state=long-history&messages=${size}&latency=${LATENCY_MS}`;
  const floorUrl = `${base}floor.html?messages=${size}&latency=${LATENCY_MS}`;

  const floor = await openPainted(browser, floorUrl);
  await floor.page.close();

  const reading = await openPainted(browser, history);
  const rows = await reading.page.locator('.transcript .message-row').count();
  const atNewest = await metrics(reading.page);
  const scroll = await scrollBack(reading.page);
  const rowsAtOldest = await reading.page.locator('.transcript .message-row').count();
  const atOldest = await metrics(reading.page);
  await reading.page.close();

  const searching = await openPainted(browser, history);
  const searchAllMs = await searchEntireHistory(searching.page);
  const keystrokeMs = await keystrokes(searching.page, KEYSTROKES);
  await searching.page.close();

  const baselinePage = await browser.newPage();
  await baselinePage.goto(`${history}&mount=false`);
  await baselinePage.waitForFunction(() => window.__workbench?.ready === true);
  const baseline = await metrics(baselinePage);
  await baselinePage.close();

  return {
    paint: reading.paint,
    floor: floor.paint,
    rows,
    atNewest,
    baseline,
    scrollSteps: scroll.steps,
    scrollMs: scroll.ms,
    rowsAtOldest,
    atOldest,
    searchAllMs,
    keystrokeMs,
  };
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length))
  );
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, column) => cell.padStart(widths[column] ?? 0)).join(' | ')} |`;
  return [
    line(header),
    `| ${widths.map((width) => `${'-'.repeat(width - 1)}:`).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}

async function main(): Promise<void> {
  const floorComponent = writeFloorComponent();
  const built = await buildWorkbench({
    mode: 'production',
    outDir: OUT_DIR,
    extraEntries: [{ name: 'floor', input: join(ROOT, 'workbench', 'bench', 'floorMain.ts') }],
    extraModules: [{ name: 'benchFloor', path: floorComponent }],
  });
  writeFileSync(join(OUT_DIR, 'floor.html'), floorPage());
  // The page needs its local org even for a generated history: it reads its users at start.
  const server = await serve(ROOT, OUT_DIR, 0, openLocalOrg({ storeFile: null }).session);
  const browser = await launchChromium();
  const results = new Map<number, Run[]>();
  try {
    for (const size of SIZES) {
      // Warm-up: the bundle parsed and compiled, the generated history cached; not counted.
      await measure(browser, server.url, size);
      const runs: Run[] = [];
      for (let run = 0; run < RUNS; run++) {
        runs.push(await measure(browser, server.url, size));
      }
      results.set(size, runs);
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const of = (runs: Run[], pick: (run: Run) => number): number => median(runs.map(pick));
  const paintRows: string[][] = [];
  const readingRows: string[][] = [];
  const ratios: string[] = [];
  for (const [size, runs] of results) {
    const paint = of(runs, (run) => run.paint.firstPaintMs);
    const floor = of(runs, (run) => run.floor.firstPaintMs);
    ratios.push(`${size} ${(paint / floor).toFixed(2)}x`);
    paintRows.push([
      size.toLocaleString('en-US'),
      of(runs, (run) => run.rows).toFixed(0),
      of(runs, (run) => run.paint.callsToFirstRow).toFixed(0),
      of(runs, (run) => run.paint.firstRowMs).toFixed(0),
      paint.toFixed(0),
      floor.toFixed(0),
      (paint / floor).toFixed(2),
      of(runs, (run) => run.atNewest.heapMb - run.baseline.heapMb).toFixed(1),
      of(runs, (run) => run.atNewest.nodes - run.baseline.nodes).toFixed(0),
    ]);
    const searches = runs.flatMap((run) => (run.searchAllMs === null ? [] : [run.searchAllMs]));
    const keys = runs.flatMap((run) => run.keystrokeMs);
    readingRows.push([
      size.toLocaleString('en-US'),
      of(runs, (run) => run.scrollSteps).toFixed(0),
      of(runs, (run) => run.scrollMs).toFixed(0),
      of(runs, (run) => run.rowsAtOldest).toFixed(0),
      `${of(runs, (run) => run.atNewest.heapMb).toFixed(1)} -> ${of(runs, (run) => run.atOldest.heapMb).toFixed(1)}`,
      `${of(runs, (run) => run.atNewest.nodes).toFixed(0)} -> ${of(runs, (run) => run.atOldest.nodes).toFixed(0)}`,
      searches.length ? median(searches).toFixed(0) : 'n/a (one page)',
      `${median(keys).toFixed(1)} / ${Math.max(...keys).toFixed(1)}`,
    ]);
  }

  console.log(
    `\nkondoConversationHistory in Chromium (${built.catalog.bundles.length} components built in ${built.seconds.toFixed(1)} s, production mode)` +
      `\nevery Apex call answers after ${LATENCY_MS} ms; one warm-up per size, then the median of ${RUNS} runs\n`
  );
  console.log(
    table(
      [
        'messages',
        'rows rendered',
        'Apex calls to first row',
        'first row (ms)',
        'first paint (ms)',
        'floor first paint (ms)',
        'first paint / floor',
        'heap of component (MB)',
        'nodes of component',
      ],
      paintRows
    )
  );
  console.log('');
  console.log(
    table(
      [
        'messages',
        'scroll-back steps',
        'scroll back to oldest (ms)',
        'rows at oldest',
        'JS heap newest -> oldest (MB)',
        'DOM nodes newest -> oldest',
        'search entire history (ms)',
        'keystroke to frame, median / max (ms)',
      ],
      readingRows
    )
  );
  console.log(
    '\nfirst paint: from inserting the component to the frame after its first message row.' +
      '\nApex calls to first row: the calls the page made before that row (getHistory answers the list and the newest page).' +
      `\nfloor: c-bench-floor, the history's row markup and CSS alone, given the same newest rows from static data after one call's latency.` +
      '\nheap/nodes of component: measured minus the same page with the data prepared and no component (?mount=false).' +
      '\nscroll back: to the top again and again until the oldest message is rendered (older pages read as asked); heap and nodes after a garbage collection.' +
      `\nkeystroke: typing "${KEYSTROKES}" over the whole history once "Search entire history" has read it.\n`
  );
  console.log(`first paint / floor: ${ratios.join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
