// Every component bundle with a template has a workbench entry, and every state of every entry
// opens without console errors, passes an axe-core scan and leaves a screenshot in
// artifacts/screenshots/<component>-<state>.png.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../lib/build';
import { readCatalog } from '../lib/catalog';
import type { WorkbenchEntry } from '../src/types';
import {
  axeViolations,
  describeViolations,
  screenshot,
  startWorkbench,
  type Workbench,
} from './harness';

const catalog = readCatalog(ROOT);

// Entry files are plain data and functions, importable in Node as in the page.
async function loadEntry(file: string): Promise<WorkbenchEntry> {
  const loaded = (await import(file)) as { default: WorkbenchEntry | { default: WorkbenchEntry } };
  // tsx hands a CommonJS-compiled module's default export over wrapped once more.
  return 'states' in loaded.default ? loaded.default : loaded.default.default;
}

describe('workbench catalog', () => {
  it('has an entry in workbench/components for every component with a template', () => {
    const missing = catalog.bundles.filter((bundle) => !bundle.entryFile).map((b) => b.name);
    assert.deepEqual(
      missing,
      [],
      `add workbench/components/<name>.ts for ${missing.join(', ')} (see workbench/README.md)`
    );
    assert.deepEqual(catalog.orphanEntries, [], 'entries for components that do not exist');
  });
});

describe('every component in every state', async () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await startWorkbench();
  });
  after(async () => {
    await workbench?.close();
  });

  it('catches what it checks: a console error and an accessibility violation planted in the page', async () => {
    const opened = await workbench.open('');
    const logged = opened.page.waitForEvent('console');
    await opened.page.evaluate(() => {
      console.error('planted error');
      const image = document.createElement('img');
      image.src = 'data:,';
      document.querySelector('main')?.append(image);
    });
    await logged;
    assert.deepEqual(opened.problems, ['console.error: planted error']);
    const violations = await axeViolations(opened.page);
    assert.deepEqual(
      violations.map((violation) => violation.id),
      ['image-alt'],
      'axe-core runs in the page and reports the image without alt text'
    );
    await opened.close();
  });

  it('shows the component list', async () => {
    const opened = await workbench.open('');
    const names = await opened.page.locator('.wb-nav a').allTextContents();
    for (const bundle of catalog.bundles) {
      assert.ok(
        names.some((name) => name.startsWith(bundle.name)),
        `${bundle.name} is listed`
      );
    }
    await screenshot(opened.page, 'index');
    assert.equal(describeViolations(await axeViolations(opened.page)), '');
    assert.deepEqual(opened.problems, []);
    await opened.close();
  });

  for (const bundle of catalog.bundles) {
    const entry = bundle.entryFile ? await loadEntry(bundle.entryFile) : undefined;
    for (const state of Object.keys(entry?.states ?? {})) {
      it(`${bundle.name} in state ${state}: no console errors, no axe violations`, async () => {
        const opened = await workbench.open(`?component=${bundle.name}&state=${state}`);
        try {
          const shown = await opened.page.evaluate(() => window.__workbench.state);
          assert.equal(shown, state, 'the page shows the state asked for');
          assert.equal(await opened.page.locator(`.wb-stage ${bundle.tag}`).count(), 1);
          await screenshot(opened.page, `${bundle.name}-${state}`);
          assert.equal(describeViolations(await axeViolations(opened.page)), '');
          assert.deepEqual(opened.problems, []);
        } finally {
          await opened.close();
        }
      });
    }
  }
});
