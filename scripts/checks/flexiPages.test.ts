// The package's Lightning pages: the Contact and Lead record pages that bring the conversation
// history to reps without an admin building a page, and the check that keeps every page in
// line with the components it places. Each rule must fail on a defect planted in a copy of the
// real pages and bundles, so a rule that silently stops checking is caught.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { copyInto, plant } from './fixture';
import { checkFlexiPages, parseFlexiPage, type FlexiPageInfo } from './flexiPages';
import { checkMetadata } from './metadata';
import type { CheckResult } from '../lib/findings';
import { packageFiles, rel } from '../lib/project';
import { runSf } from '../../client/src/sf';
import { KONDO_RECORD_PAGES, writeRecordPageDefaults } from '../org/sfCli';

const ROOT = resolve(__dirname, '..', '..');
const FLEXIPAGES = 'force-app/main/history/flexipages';
const CONTACT_PAGE = `${FLEXIPAGES}/Kondo_Contact_Record_Page.flexipage-meta.xml`;
const LEAD_PAGE = `${FLEXIPAGES}/Kondo_Lead_Record_Page.flexipage-meta.xml`;
const HISTORY_META =
  'force-app/main/history/lwc/kondoConversationHistory/kondoConversationHistory.js-meta.xml';
const created: string[] = [];

after(() => {
  for (const root of created) {
    rmSync(root, { recursive: true, force: true });
  }
});

function rules(result: CheckResult): string[] {
  return result.findings.map((finding) => finding.rule);
}

/** A throwaway root holding the real pages, the real js-meta.xml files and the project file. */
function copyOfPages(): string {
  const root = mkdtempSync(join(tmpdir(), 'kondo-flexipages-'));
  created.push(root);
  const wanted = packageFiles(ROOT).filter(
    (file) => file.endsWith('.flexipage-meta.xml') || file.endsWith('.js-meta.xml')
  );
  for (const file of [
    ...wanted,
    join(ROOT, 'sfdx-project.json'),
    join(ROOT, 'scripts/data/standard-fields.json'),
  ]) {
    copyInto(root, rel(ROOT, file), readFileSync(file, 'utf8'));
  }
  return root;
}

function page(path: string): FlexiPageInfo {
  return parseFlexiPage(join(ROOT, path));
}

describe('the Contact and Lead record pages', () => {
  for (const [object, name] of Object.entries(KONDO_RECORD_PAGES)) {
    const path = `${FLEXIPAGES}/${name}.flexipage-meta.xml`;

    it(`ships ${name} as the ${object} record page`, () => {
      assert.ok(existsSync(join(ROOT, path)), `${path} exists`);
      const info = page(path);
      assert.equal(info.type, 'RecordPage');
      assert.equal(info.sobjectType, object);
      assert.equal(info.masterLabel, `Kondo ${object} Record Page`);
      assert.equal(info.template, 'flexipage:recordHomeTemplateDesktop');
    });

    it(`puts the conversation history in the ${object} page's sidebar with its defaults`, () => {
      const history = page(path).components.filter(
        (placed) => placed.componentName === 'kondoConversationHistory'
      );
      assert.equal(history.length, 1, 'the history is on the page once');
      assert.equal(history[0]?.region, 'sidebar');
      assert.deepEqual(Object.fromEntries(history[0]?.properties ?? []), {
        height: '480',
        newestFirst: 'false',
        showNotes: 'true',
      });
    });

    it(`keeps the ${object} page's header, details, related lists and activity`, () => {
      const placed = page(path).components;
      const regionOf = (name: string): string | undefined =>
        placed.find((component) => component.componentName === name)?.region;
      assert.equal(regionOf('force:highlightsPanel'), 'header');
      assert.equal(regionOf('flexipage:tabset'), 'main');
      assert.equal(regionOf('force:detailPanel'), 'detailTabContent');
      assert.equal(regionOf('force:relatedListContainer'), 'relatedTabContent');
      assert.equal(regionOf('runtime_sales_activities:activityPanel'), 'sidebar');
    });

    it(`tells the admin how to activate the ${object} page`, () => {
      const description = page(path).description ?? '';
      assert.match(description, /Lightning App Builder/);
      assert.match(description, new RegExp(`Kondo ${object} Record Page`));
      assert.match(description, /Activation/);
      assert.match(description, /Assign as Org Default/);
      // FlexiPage descriptions are kept within 255 characters (the limit is unconfirmed).
      assert.ok(description.length <= 255, `${description.length} characters`);
    });
  }
});

describe('npm run org -- pages', () => {
  it('writes a View override per object that the sf CLI reads as CustomObject metadata', () => {
    const folder = mkdtempSync(join(tmpdir(), 'kondo-record-page-defaults-'));
    created.push(folder);
    writeRecordPageDefaults(join(folder, 'mdapi'));
    const result = runSf(
      [
        'project',
        'convert',
        'mdapi',
        '--root-dir',
        join(folder, 'mdapi'),
        '--output-dir',
        join(folder, 'source'),
        '--json',
      ],
      ROOT
    );
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const converted = (
      JSON.parse(result.stdout) as { result: { fullName: string; filePath: string }[] }
    ).result.filter((file) => file.filePath.endsWith('.object-meta.xml'));
    assert.deepEqual(
      converted.map((file) => file.fullName).sort(),
      Object.keys(KONDO_RECORD_PAGES).sort()
    );
    for (const file of converted) {
      const name = KONDO_RECORD_PAGES[file.fullName] ?? '';
      const text = readFileSync(resolve(ROOT, file.filePath), 'utf8');
      assert.match(text, new RegExp(`<content>${name}</content>`));
      assert.match(text, /<actionName>View<\/actionName>/);
      assert.match(text, /<formFactor>Large<\/formFactor>/);
      assert.match(text, /<type>Flexipage<\/type>/);
      assert.ok(existsSync(join(ROOT, FLEXIPAGES, `${name}.flexipage-meta.xml`)), name);
    }
  });
});

describe('Lightning page check', () => {
  it("passes the package's own pages", () => {
    const result = checkFlexiPages(ROOT);
    assert.deepEqual(result.findings, []);
    assert.match(result.summary, /^[3-9]\d* Lightning pages/);
  });

  it('passes the clean copy', () => {
    assert.deepEqual(rules(checkFlexiPages(copyOfPages())), []);
  });

  // One planted defect each: the file, the text replaced and what replaces it, the rules found.
  const PLANTED: [name: string, file: string, from: string, to: string, found: string[]][] = [
    [
      'a misspelt package component',
      CONTACT_PAGE,
      '<componentName>kondoConversationHistory<',
      '<componentName>kondoConversationHistroy<',
      ['flexipage-unknown-component'],
    ],
    [
      'a misspelt standard component',
      LEAD_PAGE,
      'force:highlightsPanel<',
      'force:highlightPanel<',
      ['flexipage-unknown-component'],
    ],
    [
      'a region the template does not have',
      CONTACT_PAGE,
      '<name>sidebar</name>',
      '<name>rightSidebar</name>',
      ['flexipage-unknown-region'],
    ],
    [
      'a template missing from the table',
      CONTACT_PAGE,
      'flexipage:recordHomeTemplateDesktop',
      'flexipage:recordHomeTemplateDesk',
      ['flexipage-unknown-template'],
    ],
    [
      'a facet no component points to',
      CONTACT_PAGE,
      '<value>relatedTabContent</value>',
      '<value>relatedTab</value>',
      ['flexipage-orphan-facet'],
    ],
    [
      'a record page without its object',
      LEAD_PAGE,
      '<sobjectType>Lead</sobjectType>',
      '',
      ['flexipage-no-object'],
    ],
    [
      'a property the component does not define',
      CONTACT_PAGE,
      '<name>showNotes</name>',
      '<name>notes</name>',
      ['flexipage-unknown-property'],
    ],
    [
      'a component that is not exposed',
      HISTORY_META,
      '<isExposed>true</isExposed>',
      '<isExposed>false</isExposed>',
      ['flexipage-component-not-exposed', 'flexipage-component-not-exposed'],
    ],
    [
      'a component that does not target record pages',
      HISTORY_META,
      '<target>lightning__RecordPage</target>',
      '<target>lightning__AppPage</target>',
      ['flexipage-component-target', 'flexipage-component-target'],
    ],
  ];
  for (const [name, file, from, to, found] of PLANTED) {
    it(`fails on ${name}`, () => {
      const root = copyOfPages();
      plant(root, file, (text) => text.replace(from, to));
      assert.deepEqual(rules(checkFlexiPages(root)), found);
    });
  }

  it('fails on a record page template used for an app page', () => {
    const root = copyOfPages();
    plant(root, 'force-app/main/setup/flexipages/Kondo_Setup.flexipage-meta.xml', (text) =>
      text.replace('flexipage:defaultAppHomeTemplate', 'flexipage:recordHomeTemplateDesktop')
    );
    assert.ok(rules(checkFlexiPages(root)).includes('flexipage-template-type'));
  });

  for (const [value, why] of [
    ['100', 'under its min'],
    ['2400', 'over its max'],
    ['tall', 'not an Integer'],
  ] as const) {
    it(`fails on a height ${why}`, () => {
      const root = copyOfPages();
      plant(root, LEAD_PAGE, (text) =>
        text.replace('<value>480</value>', `<value>${value}</value>`)
      );
      const result = checkFlexiPages(root);
      assert.deepEqual(rules(result), ['flexipage-property-value']);
      assert.match(result.findings[0]?.message ?? '', new RegExp(why));
    });
  }

  it('fails on a Boolean property set to something else', () => {
    const root = copyOfPages();
    plant(root, CONTACT_PAGE, (text) =>
      text.replace(
        /(<name>newestFirst<\/name>\s*<value>)false(<\/value>)/,
        (_match, open: string, close: string) => `${open}no${close}`
      )
    );
    assert.deepEqual(rules(checkFlexiPages(root)), ['flexipage-property-value']);
  });

  it("fails when the component is not configured for the page's object", () => {
    const root = copyOfPages();
    plant(root, HISTORY_META, (text) => text.replace('<object>Lead</object>', ''));
    const result = checkFlexiPages(root);
    assert.deepEqual(rules(result), ['flexipage-component-object']);
    assert.equal(result.findings[0]?.file, LEAD_PAGE);
  });

  it('fails the metadata check (npm test stage 8) on a misspelt component', () => {
    const root = copyOfPages();
    plant(root, CONTACT_PAGE, (text) =>
      text.replace(
        '<componentName>kondoConversationHistory<',
        '<componentName>kondoConversationHistroy<'
      )
    );
    assert.ok(
      rules(checkMetadata(root, { convert: false })).includes('flexipage-unknown-component')
    );
  });
});
