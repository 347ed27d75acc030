// The workbench page itself at the widths people use: on a 400 px window its navigation folds
// behind a menu button (keyboard and screen reader included) so that the component gets the
// window, and the width control previews a component at sidebar, main-column and full widths,
// starting from the width its entry declares and kept in the URL across a reload.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ROOT } from '../lib/build';
import { readCatalog } from '../lib/catalog';
import type { WorkbenchEntry } from '../src/types';
import {
  axeViolations,
  describeViolations,
  screenshot,
  settle,
  startWorkbench,
  type OpenedPage,
  type Workbench,
} from './harness';

const PHONE = { width: 400, height: 800 };
const HISTORY = '?component=kondoConversationHistory&state=data';
const SETUP = '?component=kondoSetup&state=data';

async function stageWidth(page: Page): Promise<number> {
  return page.locator('.wb-stage').evaluate((stage) => stage.getBoundingClientRect().width);
}

async function checkedWidth(page: Page): Promise<string | null> {
  return page.locator('input[name="wb-width"]:checked').getAttribute('value');
}

async function loadEntry(name: string): Promise<WorkbenchEntry> {
  const bundle = readCatalog(ROOT).bundles.find((candidate) => candidate.name === name);
  assert.ok(bundle?.entryFile, `${name} has a workbench entry`);
  const loaded = (await import(bundle.entryFile)) as {
    default: WorkbenchEntry | { default: WorkbenchEntry };
  };
  return 'states' in loaded.default ? loaded.default : loaded.default.default;
}

describe('the workbench page', () => {
  let workbench: Workbench;
  const opened: OpenedPage[] = [];
  before(async () => {
    workbench = await startWorkbench();
  });
  after(async () => {
    await Promise.all(opened.map((page) => page.close()));
    await workbench?.close();
  });

  async function open(query: string, viewport?: { width: number; height: number }) {
    const page = await workbench.open(query, viewport ? { viewport } : {});
    opened.push(page);
    return page;
  }

  it('folds its navigation on a 400 px window and gives the component the width', async () => {
    const { page, problems } = await open(SETUP, PHONE);
    assert.equal(await page.locator('.wb-nav').isVisible(), false, 'the navigation is folded');
    const menu = page.getByRole('button', { name: 'Components', exact: true });
    assert.equal(await menu.isVisible(), true, 'the menu button is shown');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false', 'the menu says it is closed');
    assert.equal(
      await menu.getAttribute('aria-controls'),
      await page.locator('.wb-nav').getAttribute('id'),
      'the menu button names the navigation it opens'
    );
    const width = await stageWidth(page);
    assert.ok(width >= 360, `the component region is at least 360 px wide (${width})`);
    const component = await page
      .locator('.wb-stage c-kondo-setup')
      .evaluate((element) => element.getBoundingClientRect().width);
    assert.ok(component >= 360, `the component itself is at least 360 px wide (${component})`);
    // The workbench's own parts fit the window.
    const overflowing = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.wb-header, .wb-main > :not(.wb-stage)'))
        .filter((element) => element.scrollWidth > element.clientWidth + 1)
        .map((element) => element.className)
    );
    assert.deepEqual(overflowing, [], 'the header and the controls do not overflow');
    // Nor does the setup page inside: long endpoint URLs wrap, the chart's days share the
    // width, the tables scroll in their own boxes.
    const [scrollWidth, clientWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    assert.ok(
      scrollWidth <= clientWidth,
      `the page does not scroll sideways (${scrollWidth} > ${clientWidth})`
    );
    await screenshot(page, 'workbench-400px');
    assert.equal(describeViolations(await axeViolations(page)), '');
    assert.deepEqual(problems, []);
  });

  it('opens the folded navigation from the keyboard and closes it with Escape', async () => {
    const { page, problems } = await open(HISTORY, PHONE);
    const menu = page.getByRole('button', { name: 'Components', exact: true });
    await menu.focus();
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await menu.getAttribute('aria-expanded'), 'true', 'the menu says it is open');
    assert.equal(await page.locator('.wb-nav').isVisible(), true, 'the navigation is shown');
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    assert.ok(
      focused.startsWith(readCatalog(ROOT).bundles[0]?.name ?? '?'),
      `focus moves to the first component of the list (${focused})`
    );
    const navWidth = await page
      .locator('.wb-nav')
      .evaluate((nav) => nav.getBoundingClientRect().width);
    assert.ok(navWidth >= 360, `the open navigation takes the window's width (${navWidth})`);
    await screenshot(page, 'workbench-400px-menu');
    assert.equal(describeViolations(await axeViolations(page)), '');

    await page.keyboard.press('Escape');
    await settle(page);
    assert.equal(await menu.getAttribute('aria-expanded'), 'false', 'Escape closes the menu');
    assert.equal(await page.locator('.wb-nav').isVisible(), false, 'the navigation folds again');
    assert.equal(
      await page.evaluate(() => document.activeElement?.classList.contains('wb-menu')),
      true,
      'focus returns to the menu button'
    );
    assert.deepEqual(problems, []);
  });

  it('keeps its navigation open beside the component on a wide window, without a menu button', async () => {
    const { page, problems } = await open(HISTORY);
    assert.equal(await page.locator('.wb-nav').isVisible(), true, 'the navigation is shown');
    assert.equal(
      await page.locator('.wb-menu').isVisible(),
      false,
      'no menu button where nothing is folded'
    );
    assert.deepEqual(problems, []);
  });

  it('starts at the width the catalog entry declares', async () => {
    const declared = { narrow: 'sidebar', medium: 'main', wide: 'full' } as const;
    for (const name of ['kondoDateTime', 'kondoConversationHistory', 'kondoSetup']) {
      const entry = await loadEntry(name);
      const { page } = await open(`?component=${name}`);
      assert.equal(
        await checkedWidth(page),
        declared[entry.width ?? 'medium'],
        `${name} (${entry.width}) opens at its declared width`
      );
    }
  });

  it('previews the component at sidebar, main-column and full widths, and keeps the choice in the URL', async () => {
    const { page, problems } = await open(HISTORY);
    assert.equal(await checkedWidth(page), 'main', 'the history declares the main column');
    const main = await stageWidth(page);
    const mainRegion = await page.locator('.wb-main').evaluate((element) => {
      const style = getComputedStyle(element);
      return element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    });

    await page.getByText('Sidebar', { exact: true }).click();
    await settle(page);
    const sidebar = await stageWidth(page);
    assert.ok(Math.abs(sidebar - 400) <= 1, `the sidebar is about 400 px (${sidebar})`);
    const history = page.locator('.wb-stage c-kondo-conversation-history');
    const shown = await history.evaluate((element) => element.getBoundingClientRect().width);
    assert.ok(shown <= 400, `the component fits the sidebar (${shown})`);
    assert.equal(new URL(page.url()).searchParams.get('width'), 'sidebar', 'the URL says sidebar');
    await screenshot(page, 'workbench-width-sidebar');

    await page.getByText('Full width', { exact: true }).click();
    await settle(page);
    const full = await stageWidth(page);
    assert.ok(full > main, `full width (${full}) is wider than the main column (${main})`);
    assert.ok(Math.abs(full - mainRegion) <= 1, `full width fills the region (${full})`);
    assert.equal(new URL(page.url()).searchParams.get('width'), 'full', 'the URL says full');

    // The state links carry the choice to the next state.
    const next = await page.locator('.wb-states a[data-state]').first().getAttribute('href');
    assert.equal(
      new URLSearchParams(next ?? '').get('width'),
      'full',
      'the state links keep the width'
    );

    await page.reload();
    await page.waitForFunction(() => window.__workbench?.ready === true);
    await settle(page);
    assert.equal(await checkedWidth(page), 'full', 'the reload shows the width chosen');
    assert.ok(
      Math.abs((await stageWidth(page)) - full) <= 1,
      'the reload previews at the same width'
    );

    // The keyboard reaches the control: arrows move between the radio buttons.
    await page.locator('input[name="wb-width"]:checked').focus();
    await page.keyboard.press('ArrowLeft');
    await settle(page);
    assert.equal(await checkedWidth(page), 'main', 'the arrow key chooses the main column');
    assert.ok(Math.abs((await stageWidth(page)) - main) <= 1, 'back to the main column width');
    assert.equal(new URL(page.url()).searchParams.get('width'), 'main', 'the URL says main');

    assert.equal(describeViolations(await axeViolations(page)), '');
    assert.deepEqual(problems, []);
  });

  it('opens a link with a width at that width, whatever the entry declares', async () => {
    const { page, problems } = await open(`${SETUP}&width=sidebar`);
    assert.equal(await checkedWidth(page), 'sidebar', 'the link’s width is chosen');
    const width = await stageWidth(page);
    assert.ok(Math.abs(width - 400) <= 1, `the setup page is previewed at 400 px (${width})`);
    assert.equal(describeViolations(await axeViolations(page)), '');
    assert.deepEqual(problems, []);
  });
});
