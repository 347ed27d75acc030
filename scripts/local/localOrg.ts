// The project's local org: the package's Apex and metadata in the local runtime, with the users
// of config/local-org.json, its records kept in .local-org/, and on first start the sample data
// plan imported (owned by the sample rep) and the sample conversations pushed through the REST
// API as the integration user, the road production data takes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  LocalOrgSession,
  type LocalOrgConfig,
  type StartKind,
} from '../../tools/apex-runtime/src/server/session';
const ROOT = join(__dirname, '..', '..');

export const STORE_FILE = join(ROOT, '.local-org', 'org.json');
export const CONFIG_FILE = join(ROOT, 'config', 'local-org.json');

interface ProjectLocalOrgConfig extends LocalOrgConfig {
  seed: {
    plan: string;
    recordOwner: string;
    push: { file: string; as: string };
  };
}

export function readLocalOrgConfig(): ProjectLocalOrgConfig {
  return JSON.parse(readFileSync(CONFIG_FILE, 'utf8')) as ProjectLocalOrgConfig;
}

export interface SeedReport {
  records: number;
  pushStatus: number;
  pushCounts: Record<string, number>;
}

/** Loads the sample data the way an org receives it: plan by the owner, push by the API. */
function seed(
  session: LocalOrgSession,
  config: ProjectLocalOrgConfig,
  report: SeedReport,
  pushConversations: boolean
): void {
  const owner = session.user(config.seed.recordOwner);
  report.records = session.org.importPlan(join(ROOT, config.seed.plan), { userId: owner.id });
  if (!pushConversations) {
    return;
  }
  const answer = session.restAs(
    config.seed.push.as,
    'POST',
    '/v1/conversations',
    readFileSync(join(ROOT, config.seed.push.file))
  );
  report.pushStatus = answer.status;
  if (answer.status !== 200) {
    throw new Error(
      `the sample push answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`
    );
  }
  for (const result of (answer.body as { results?: { status: string }[] }).results ?? []) {
    report.pushCounts[result.status] = (report.pushCounts[result.status] ?? 0) + 1;
  }
}

export interface OpenedLocalOrg {
  session: LocalOrgSession;
  kind: StartKind;
  note: string | null;
  seeded: SeedReport | null;
}

/**
 * Opens the project's local org (in `storeFile`, or in memory when null); a new one gets the
 * sample records and, unless `seedConversations` is false, the sample conversations.
 */
export function openLocalOrg(
  options: { reset?: boolean; storeFile?: string | null; seedConversations?: boolean } = {}
): OpenedLocalOrg {
  const config = readLocalOrgConfig();
  const report: SeedReport = { records: 0, pushStatus: 0, pushCounts: {} };
  let seeded = false;
  const opened = LocalOrgSession.open(
    {
      root: ROOT,
      config,
      storeFile: options.storeFile === undefined ? STORE_FILE : options.storeFile,
      reset: options.reset,
    },
    (session) => {
      seeded = true;
      seed(session, config, report, options.seedConversations !== false);
    }
  );
  return { ...opened, seeded: seeded ? report : null };
}
