// A local org: the project's schema, its Apex, an in-memory database seeded with what every org
// has, and a fresh transaction for each test or request.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import '../library/Assert';
import '../library/Database';
import '../library/Enums';
import '../library/EventBus';
import '../library/Exception';
import '../library/Http';
import '../library/Id';
import '../library/Label';
import '../library/RestContext';
import '../library/Schema';
import '../library/Security';
import '../library/System';
import '../library/Type';
import { ApexError, UnsupportedError } from '../interpreter/errors';
import { Interpreter } from '../interpreter/interpreter';
import type { RuntimeClass } from '../interpreter/types';
import type { ApexValue } from '../interpreter/values';
import { bootstrapOrg, type OrgInfo } from '../database/bootstrap';
import { Database } from '../database/database';
import { loadSchema } from '../schema/schema';
import type { Schema } from '../schema/schema';
import { parseAnonymous } from '../parse/parse';
import { OrgHost } from './host';
import { bindJsonHost } from './library';
import { LocalOrgServices, defineTriggerContext } from './orgServices';
import { automatedProcessUserId } from './eventBus';
import { loadProject, type ApexProject } from './project';
import type { CalloutHandler } from './callouts';

let current: LocalOrgServices | null = null;
defineTriggerContext(() => current);

export interface OpenOptions {
  /** Folders of Apex outside the package directories (a conformance suite). */
  include?: string[];
}

export class LocalOrg {
  readonly interp: Interpreter;
  readonly services: LocalOrgServices;
  readonly info: OrgInfo;
  /**
   * Answers HTTP callouts outside Apex tests (the local server, anonymous Apex, queued jobs);
   * null: every such callout fails with a CalloutException. See org/callouts.ts.
   */
  calloutHandler: CalloutHandler | null = null;

  private constructor(
    readonly project: ApexProject,
    readonly schema: Schema,
    readonly db: Database,
    private readonly include: string[]
  ) {
    this.interp = new Interpreter(project.classes, project.triggers);
    this.services = new LocalOrgServices(schema, db, this.interp, project.triggers);
    this.info = bootstrapOrg(db);
    // Every org has the user platform event triggers run as.
    automatedProcessUserId(db);
  }

  static open(root: string, options: OpenOptions = {}): LocalOrg {
    const include = (options.include ?? []).map((d) => resolve(root, d));
    const project = loadProject(root, include);
    const schema = loadSchema(root);
    let clock = Date.now();
    // Every record gets a distinct, increasing timestamp, as records written in sequence do.
    const db = new Database(schema, { now: () => (clock = Math.max(clock + 1, Date.now())) });
    return new LocalOrg(project, schema, db, include);
  }

  /** Whether a source file is part of the project's package (and so counts for coverage). */
  isPackageSource(file: string): boolean {
    const absolute = resolve(this.project.root, file);
    return !this.include.some(
      (d) => !relative(d, absolute).startsWith('..') && !relative(d, absolute).startsWith(sep)
    );
  }

  /** A new transaction: fresh statics, limits and queue, run by `userId` (the admin by default). */
  transaction(options: { inTest: boolean; userId?: string }): OrgHost {
    current = this.services;
    this.interp.statics = new Map();
    this.interp.stack.length = 0;
    this.services.triggerStack.length = 0;
    const host = new OrgHost(this.services, this.interp, {
      userId: options.userId ?? this.info.adminUserId,
      orgId: this.info.orgId,
    });
    host.inTest = options.inTest;
    this.setUpCallouts(host);
    return host;
  }

  private setUpCallouts(host: OrgHost): void {
    host.calloutSetup = {
      namedCredentials: this.project.namedCredentials,
      handler: this.calloutHandler,
    };
  }

  testClass(name: string): RuntimeClass | undefined {
    return this.interp.classes.get(name.toLowerCase());
  }

  /** Anonymous Apex, as `sf apex run`: its debug lines, and the error that ended it if any. */
  runAnonymous(
    text: string,
    file: string,
    userId = this.info.adminUserId
  ): { debug: string[]; error: string | null } {
    try {
      return this.runAnonymousBlock(text, file, userId);
    } finally {
      // The block ran on an interpreter of its own, which bound the trigger context and the
      // JSON host to itself: this org's requests must find their own again.
      current = this.services;
      bindJsonHost(this.services.json);
    }
  }

  private runAnonymousBlock(
    text: string,
    file: string,
    userId: string
  ): { debug: string[]; error: string | null } {
    const decl = parseAnonymous(text, file);
    const interp = new Interpreter([...this.project.classes, decl], this.project.triggers);
    const services = new LocalOrgServices(this.schema, this.db, interp, this.project.triggers);
    current = services;
    const host = new OrgHost(services, interp, {
      userId,
      orgId: this.info.orgId,
    });
    this.setUpCallouts(host);
    const rc = interp.classes.get('anonymousblock') as RuntimeClass;
    try {
      interp.runStatic(rc, 'run', []);
      return { debug: host.debugLog, error: null };
    } catch (e) {
      if (e instanceof ApexError) {
        return {
          debug: host.debugLog,
          error: `${e.exceptionType}: ${e.message}\n${e.apexStack.join('\n')}`,
        };
      }
      if (e instanceof UnsupportedError) {
        const p = e.position;
        return {
          debug: host.debugLog,
          error: `unsupported: ${e.feature}${p ? ` (line ${p.line})` : ''}`,
        };
      }
      throw e;
    }
  }

  /**
   * Loads an `sf data import tree` plan: each entry's files in order, `@Ref` values resolved to
   * the Ids of records saved earlier, inserted in system mode with triggers firing, by the
   * administrator or by `options.userId` (who then owns and created them).
   */
  importPlan(planPath: string, options: { userId?: string } = {}): number {
    type PlanEntry = { sobject: string; files: string[] };
    type TreeRecord = { attributes: { type: string; referenceId?: string } } & Record<
      string,
      unknown
    >;
    const plan = JSON.parse(readFileSync(planPath, 'utf8')) as PlanEntry[];
    const refs = new Map<string, string>();
    const host = this.transaction({ inTest: false, userId: options.userId });
    let count = 0;
    for (const entry of plan) {
      for (const file of entry.files) {
        const { records } = JSON.parse(readFileSync(join(dirname(planPath), file), 'utf8')) as {
          records: TreeRecord[];
        };
        const rows = records.map((r) => {
          const row = this.services.newSObject(r.attributes.type ?? entry.sobject);
          for (const [key, value] of Object.entries(r)) {
            if (key === 'attributes') {
              continue;
            }
            const resolved =
              typeof value === 'string' && value.startsWith('@')
                ? (refs.get(value.slice(1)) ?? null)
                : value;
            this.services.setField(row, key, resolved as ApexValue);
          }
          return row;
        });
        this.services.dml('insert', rows, { allOrNone: true, userMode: false }, host);
        records.forEach((r, i) => {
          if (r.attributes.referenceId) {
            // rows is records mapped: one row per record.
            refs.set(r.attributes.referenceId, rows[i]!.get('Id') as string);
          }
        });
        count += rows.length;
      }
    }
    return count;
  }
}
