// The org path: `npm run org -- <step>`. Every step needs an org (or a Dev Hub), which this
// machine cannot reach; they are written and kept runnable for when one is at hand.
//   scratch   create a scratch org with the kondo namespace (needs a Dev Hub linked to the namespace)
//   deploy    build the component JavaScript and deploy the package source
//   pages     make Kondo Contact Record Page and Kondo Lead Record Page the org defaults
//             (Lightning Experience, desktop); in a subscriber org an admin does this in
//             Lightning App Builder (README, The org path)
//   permsets  assign Kondo Admin, Kondo User and Kondo Integration to the org's default user
//   data      load the sample records (accounts, contacts, leads); conversations go through
//             the API: npm run org:smoke
//   smoke     push the sample conversations through the API, read back, replay (npm run org:smoke)
//   test      run every Apex test in the org with coverage, results in artifacts/apex-tests
//   package   create a package version (needs the Dev Hub)
//   conformance  deploy the local Apex runtime's conformance suite (tools/apex-runtime/conformance)
//             and run its classes, JUnit results in artifacts/conformance
//   all       scratch, deploy, pages, permsets, data, smoke, test
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assignKondoPermissionSets, assignKondoRecordPages, sfInteractive } from './sfCli';
import { PACKAGE_DIR } from '../lib/project';

const ROOT = resolve(__dirname, '..', '..');
const ALIAS = process.env.KONDO_ORG_ALIAS ?? 'kondo-scratch';
// A standalone SFDX project of its own (no namespace), so it deploys from its own folder.
const CONFORMANCE = join(ROOT, 'tools/apex-runtime/conformance');
const CONFORMANCE_CLASSES = join(CONFORMANCE, 'force-app/main/default/classes');

function sf(args: string[], cwd: string = ROOT): void {
  console.log(`$ sf ${args.join(' ')}`);
  const status = sfInteractive(args, cwd);
  if (status !== 0) {
    throw new Error(`sf ${args[0] ?? ''} ${args[1] ?? ''} failed with exit code ${status}`);
  }
}

function conformanceClassNames(): string[] {
  return readdirSync(CONFORMANCE_CLASSES)
    .filter((file) => file.endsWith('.cls'))
    .map((file) => file.slice(0, -'.cls'.length))
    .sort();
}

function npm(script: string, args: string[] = []): void {
  const runArgs = args.length > 0 ? ['run', script, '--', ...args] : ['run', script];
  const result = spawnSync('npm', runArgs, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`npm run ${script} failed`);
  }
}

const steps: Record<string, () => void> = {
  scratch: () =>
    sf([
      'org',
      'create',
      'scratch',
      '--definition-file',
      'config/project-scratch-def.json',
      '--alias',
      ALIAS,
      '--set-default',
      '--duration-days',
      '7',
      '--wait',
      '15',
    ]),
  deploy: () => {
    npm('build');
    sf([
      'project',
      'deploy',
      'start',
      '--source-dir',
      PACKAGE_DIR,
      '--target-org',
      ALIAS,
      '--wait',
      '30',
    ]);
  },
  pages: () => assignKondoRecordPages(ALIAS, ROOT),
  permsets: () => assignKondoPermissionSets(ALIAS, ROOT),
  data: () =>
    sf(['data', 'import', 'tree', '--plan', 'data/sample/plan.json', '--target-org', ALIAS]),
  // The sample conversations travel the production road: the API, through the client.
  smoke: () => npm('org:smoke', ['--no-deploy']),
  test: () =>
    sf([
      'apex',
      'run',
      'test',
      '--test-level',
      'RunLocalTests',
      '--code-coverage',
      '--result-format',
      'human',
      '--output-dir',
      'artifacts/apex-tests',
      '--target-org',
      ALIAS,
      '--wait',
      '60',
    ]),
  conformance: () => {
    sf(
      [
        'project',
        'deploy',
        'start',
        '--source-dir',
        'force-app',
        '--target-org',
        ALIAS,
        '--wait',
        '30',
      ],
      CONFORMANCE
    );
    sf([
      'apex',
      'run',
      'test',
      ...conformanceClassNames().flatMap((name) => ['--class-names', name]),
      '--result-format',
      'junit',
      '--output-dir',
      'artifacts/conformance',
      '--target-org',
      ALIAS,
      '--wait',
      '30',
    ]);
  },
  package: () =>
    sf([
      'package',
      'version',
      'create',
      '--package',
      'Kondo',
      '--installation-key-bypass',
      '--code-coverage',
      '--wait',
      '60',
    ]),
};

function main(): void {
  const requested = process.argv.slice(2);
  const plan = requested.includes('all')
    ? ['scratch', 'deploy', 'pages', 'permsets', 'data', 'smoke', 'test']
    : requested;
  if (plan.length === 0 || plan.some((step) => !steps[step])) {
    console.error(`usage: npm run org -- <${Object.keys(steps).join('|')}|all> ...`);
    process.exit(2);
  }
  for (const step of plan) {
    steps[step]?.();
  }
}

main();
