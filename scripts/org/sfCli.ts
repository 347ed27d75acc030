// The org scripts' uses of the sf CLI. How sf is started (Node 22 from tools/node22, a quiet
// environment) is the client's rule, client/src/sf.ts: kondo-sf --target-org needs it too,
// and the client imports nothing from scripts/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runSf, SF_ENV, sfCommand } from '../../client/src/sf';

const PROJECT_ROOT = resolve(__dirname, '..', '..');

/** Runs sf on this terminal (its prompts and progress live) and returns its exit code. */
export function sfInteractive(args: string[], cwd: string): number {
  const [command, prefix] = sfCommand();
  const result = spawnSync(command, [...prefix, ...args], {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, ...SF_ENV },
  });
  return result.status ?? 1;
}

/**
 * Runs sf with its output shown, and throws on failure unless the output matches `tolerate`
 * (a step that may already have been done, such as a permission set assigned earlier).
 */
export function sfVisible(args: string[], cwd: string, tolerate?: RegExp): void {
  console.log(`$ sf ${args.join(' ')}`);
  const result = runSf(args, cwd);
  const output = `${result.stdout}${result.stderr}`;
  process.stdout.write(output);
  if (result.status !== 0 && !(tolerate && tolerate.test(output))) {
    throw new Error(`sf ${args.slice(0, 2).join(' ')} failed with exit code ${result.status}`);
  }
}

/** The package's permission sets, all assigned to the org's default user by the org path. */
export const KONDO_PERMISSION_SETS = ['Kondo_Admin', 'Kondo_User', 'Kondo_Integration'];

/** Assigns every Kondo permission set; one assigned before is not an error. */
export function assignKondoPermissionSets(alias: string, cwd: string): void {
  sfVisible(
    [
      'org',
      'assign',
      'permset',
      ...KONDO_PERMISSION_SETS.flatMap((name) => ['--name', name]),
      '--target-org',
      alias,
    ],
    cwd,
    /duplicate|already/i
  );
}

/** The package's record pages (FlexiPages) by object; the org path makes each the org default. */
export const KONDO_RECORD_PAGES: Readonly<Record<string, string>> = {
  Contact: 'Kondo_Contact_Record_Page',
  Lead: 'Kondo_Lead_Record_Page',
};

/** Writes the org-default overrides of the Kondo record pages into `folder`, metadata format. */
export function writeRecordPageDefaults(folder: string): void {
  const { sourceApiVersion } = JSON.parse(
    readFileSync(join(PROJECT_ROOT, 'sfdx-project.json'), 'utf8')
  ) as { sourceApiVersion: string };
  mkdirSync(join(folder, 'objects'), { recursive: true });
  for (const [object, page] of Object.entries(KONDO_RECORD_PAGES)) {
    writeFileSync(
      join(folder, 'objects', `${object}.object`),
      `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
    <actionOverrides>
        <actionName>View</actionName>
        <comment>Kondo record page as the org default (npm run org -- pages)</comment>
        <content>${page}</content>
        <formFactor>Large</formFactor>
        <skipRecordTypeSelect>false</skipRecordTypeSelect>
        <type>Flexipage</type>
    </actionOverrides>
</CustomObject>
`
    );
  }
  const members = Object.keys(KONDO_RECORD_PAGES)
    .map((object) => `        <members>${object}</members>`)
    .join('\n');
  writeFileSync(
    join(folder, 'package.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>
<Package xmlns="http://soap.sforce.com/2006/04/metadata">
    <types>
${members}
        <name>CustomObject</name>
    </types>
    <version>${sourceApiVersion}</version>
</Package>
`
  );
}

/**
 * Makes each Kondo record page the org default for its object in Lightning Experience. The
 * Metadata API stores that assignment as an ActionOverride of the object's View action (type
 * flexipage, form factor Large); overrides on standard objects cannot be packaged ("Packaging
 * Action Overrides", Lightning Aura Components Developer Guide), so this deploys them on their
 * own, in metadata format. An admin of a subscriber org does the same by hand: Setup >
 * Lightning App Builder > the page > Activation > Assign as Org Default.
 */
export function assignKondoRecordPages(alias: string, cwd: string): void {
  const folder = mkdtempSync(join(tmpdir(), 'kondo-record-pages-'));
  try {
    writeRecordPageDefaults(folder);
    sfVisible(
      [
        'project',
        'deploy',
        'start',
        '--metadata-dir',
        folder,
        '--target-org',
        alias,
        '--wait',
        '10',
      ],
      cwd
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
