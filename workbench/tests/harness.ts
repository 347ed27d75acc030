// Shared by the browser tests: serves the built workbench on a local org of its own (in memory,
// seeded with the sample data through the API, as npm start seeds it), opens a page per test,
// collects console errors and page errors, runs axe-core in the page and saves screenshots.
// Tests arrange and check data through the org's own doors: its REST API, its @AuraEnabled
// methods, anonymous Apex.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type AxeCore from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { DIST, ROOT } from '../lib/build';
import { KEEP_NAMES_HELPER, launchChromium } from '../lib/browser';
import { serve, type RunningServer } from '../lib/server';
import { KondoClient } from '../../client/src/client';
import { openLocalOrg } from '../../scripts/local/localOrg';
import type { AuraOutcome, LocalOrgSession } from '../../tools/apex-runtime/src/server/session';

export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots');

export interface Workbench {
  url: string;
  org: LocalOrgSession;
  /** An @AuraEnabled call as one of the org's users; throws if it fails. */
  apex<T>(user: string, method: string, params?: Record<string, unknown>): T;
  /** The API client over HTTP as a user of the org, as Kondo calls it. */
  client(user: string): KondoClient;
  /** SOQL as a user (sharing and field-level security apply), through the REST API's query. */
  query<T>(user: string, soql: string): T[];
  /** An Apex REST call as a user: status and parsed JSON body. */
  rest(
    user: string,
    method: string,
    path: string,
    body?: unknown
  ): { status: number; body: unknown };
  /** Opens the page at `query`, in a 1280 × 900 window unless `viewport` says otherwise. */
  open(query: string, options?: OpenOptions): Promise<OpenedPage>;
  close(): Promise<void>;
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
}

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  problems: string[];
  close(): Promise<void>;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Starts the server and the browser; `npm test` builds workbench/dist before the tests run. */
export async function startWorkbench(): Promise<Workbench> {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(
      'workbench/dist is missing: run the tests through `npm test` or `npm run test:browser`'
    );
  }
  const { session: org } = openLocalOrg({ storeFile: null });
  const server: RunningServer = await serve(ROOT, DIST, 0, org);
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    url: server.url,
    org,
    apex<T>(user: string, method: string, params: Record<string, unknown> = {}): T {
      const outcome: AuraOutcome = org.aura(method, params, org.user(user).token);
      if (!outcome.ok) {
        throw new Error(`${method} as ${user} failed: ${outcome.body.message}`);
      }
      return outcome.value as T;
    },
    client(user: string): KondoClient {
      return new KondoClient({
        credentials: {
          instanceUrl: server.url.replace(/\/$/, ''),
          accessToken: org.user(user).token,
        },
      });
    },
    query: <T>(user: string, soql: string): T[] => org.queryAs<T>(user, soql),
    rest: (user: string, method: string, path: string, body?: unknown) =>
      org.restAs(user, method, path, body),
    async open(query, options = {}) {
      const page = await browser.newPage({
        viewport: options.viewport ?? { width: 1280, height: 900 },
      });
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') {
          problems.push(`console.error: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await page.addInitScript(KEEP_NAMES_HELPER);
      await page.goto(`${server.url}${query}`);
      await page.waitForFunction(() => window.__workbench?.ready === true);
      await settle(page);
      return { page, problems, close: () => page.close() };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Waits until the page's DOM has not changed for `quietMs` (answers arrived, re-render done). */
export async function settle(page: Page, quietMs = 200, timeoutMs = 10_000): Promise<void> {
  await page.evaluate(
    ({ quietMs, timeoutMs }) =>
      new Promise<void>((done, fail) => {
        let timer = setTimeout(finish, quietMs);
        const giveUp = setTimeout(() => {
          observer.disconnect();
          fail(new Error(`the page kept changing for ${timeoutMs} ms`));
        }, timeoutMs);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(finish, quietMs);
        });
        observer.observe(document.documentElement, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
        function finish(): void {
          observer.disconnect();
          clearTimeout(giveUp);
          done();
        }
      }),
    { quietMs, timeoutMs }
  );
}

// Rules left out of the scan, each with its reason. Keep this list short and specific.
const AXE_EXCLUDED_RULES: Record<string, string> = {};

/** Runs axe-core (WCAG 2.1 A and AA) on the page; returns serious and critical violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const axePath = require.resolve('axe-core/axe.min.js');
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async (excluded) => {
    const axe = (window as unknown as { axe: typeof AxeCore }).axe;
    const rules = Object.fromEntries(excluded.map((id) => [id, { enabled: false }]));
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules,
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  }, Object.keys(AXE_EXCLUDED_RULES));
  return violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical'
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} (${violation.targets.join(', ')})`
    )
    .join('\n');
}
