// kondo-sf: the command line on top of the client.
//   kondo-sf push <file.json> [auth]       push conversations ({"conversations": [...]} or [...])
//   kondo-sf reconcile <file.json> [auth]  which of those messages Salesforce lacks or holds differently
//   kondo-sf resync <file.json> [auth]     reconcile, then push exactly what is missing or different
//   kondo-sf lookup <url-or-urn...> [auth]
//   kondo-sf settings [auth]
// auth: --target-org <alias> (sf CLI), or client credentials from --instance-url,
// --client-id and KONDO_CLIENT_SECRET (or --client-secret), or KONDO_ACCESS_TOKEN with
// --instance-url. Exit codes: 0 all ok, 1 some conversations or profiles failed (reconcile:
// some are not complete; resync: some failed or were skipped), 2 usage or request error.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { credentialsFromClientCredentials, credentialsFromSfOrg, type SfRunner } from './auth';
import { KondoClient, type Credentials } from './client';
import { KondoApiError, KondoClientError } from './errors';
import {
  formatLookupTable,
  formatPushSummary,
  formatReconcileReport,
  formatResyncSummary,
  formatSettings,
  renderProgress,
} from './report';
import type { Transport } from './transport';
import type { Conversation, LookupProfile } from './types';

export const USAGE = `usage:
  kondo-sf push <conversations.json> [auth] [--json]
  kondo-sf reconcile <conversations.json> [auth] [--json]
                       per conversation: held, stored, missing and different messages
  kondo-sf resync <conversations.json> [auth] [--json]
                       reconcile, then push only the missing and different messages
  kondo-sf lookup <linkedin-url-or-member-urn>... [auth] [--json]
  kondo-sf settings [auth] [--json]
auth (one of):
  --target-org <alias>                      an org the sf CLI is logged in to
  --instance-url <my-domain-url> --client-id <id>
                                            OAuth client credentials; secret from KONDO_CLIENT_SECRET
  --instance-url <url> with KONDO_ACCESS_TOKEN
                                            a token you already have
options:
  --base-url <url>     API base URL (default <instance>/services/apexrest/kondo)
  --max-attempts <n>   attempts per request, retries included (default 5)
  --json               print the raw results as JSON
exit codes: 0 all ok, 1 some conversations or profiles failed (reconcile: some not complete;
  resync: some failed or skipped), 2 usage or request error`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is a terminal: the progress bar redraws one line instead of printing. */
  errIsTty: boolean;
  env: NodeJS.ProcessEnv;
  runSf: SfRunner;
  transport?: Transport;
}

class UsageError extends Error {}

async function resolveCredentials(
  values: Record<string, string | boolean | undefined>,
  io: CliIo
): Promise<{ credentials: Credentials; refresh?: () => Promise<Credentials> }> {
  const text = (name: string): string | undefined =>
    typeof values[name] === 'string' ? values[name] : undefined;
  const alias = text('target-org');
  const instanceUrl = text('instance-url') ?? io.env.KONDO_INSTANCE_URL;
  const clientId = text('client-id') ?? io.env.KONDO_CLIENT_ID;
  const clientSecret = text('client-secret') ?? io.env.KONDO_CLIENT_SECRET;
  if (alias) {
    const credentials = credentialsFromSfOrg(alias, io.runSf);
    return { credentials, refresh: () => Promise.resolve(credentialsFromSfOrg(alias, io.runSf)) };
  }
  if (instanceUrl && clientId && clientSecret) {
    const fetchToken = (): Promise<Credentials> =>
      credentialsFromClientCredentials({
        myDomainUrl: instanceUrl,
        clientId,
        clientSecret,
        transport: io.transport,
      });
    return { credentials: await fetchToken(), refresh: fetchToken };
  }
  if (instanceUrl && io.env.KONDO_ACCESS_TOKEN) {
    return { credentials: { instanceUrl, accessToken: io.env.KONDO_ACCESS_TOKEN } };
  }
  throw new UsageError(
    'no credentials: give --target-org, or --instance-url with --client-id and KONDO_CLIENT_SECRET, or --instance-url with KONDO_ACCESS_TOKEN'
  );
}

/** Reads a push file: a ConversationsRequest body or a bare array of conversations. */
export function readConversations(text: string): Conversation[] {
  const parsed: unknown = JSON.parse(text);
  const list: unknown = Array.isArray(parsed)
    ? parsed
    : typeof parsed === 'object' && parsed !== null
      ? (parsed as { conversations?: unknown }).conversations
      : undefined;
  if (!Array.isArray(list)) {
    throw new UsageError('the file holds neither {"conversations": [...]} nor an array');
  }
  return list as Conversation[];
}

/** Draws progress on stderr: one line redrawn on a terminal, a line per step otherwise. */
function progressPrinter(io: CliIo): (done: number, total: number, label?: string) => void {
  return (done, total, label) => {
    const line = renderProgress(done, total, 30, label);
    if (io.errIsTty) io.err(`\r${line}${done === total ? '\n' : ''}`);
    else io.err(`${line}\n`);
  };
}

/** A LinkedIn member URN goes as memberUrn, anything else as a profile URL. */
export function toLookupProfile(input: string): LookupProfile {
  return input.startsWith('urn:li:')
    ? { linkedInUrl: null, memberUrn: input }
    : { linkedInUrl: input, memberUrn: null };
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'target-org': { type: 'string', short: 'o' },
        'instance-url': { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        'base-url': { type: 'string' },
        'max-attempts': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || !command) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  try {
    if (!['push', 'reconcile', 'resync', 'lookup', 'settings'].includes(command)) {
      throw new UsageError(`unknown command ${command}`);
    }
    const takesFile = ['push', 'reconcile', 'resync'].includes(command);
    if (takesFile && args.length !== 1) {
      throw new UsageError(`${command} takes one file`);
    }
    if (command === 'lookup' && args.length === 0) {
      throw new UsageError('lookup takes at least one LinkedIn URL or member URN');
    }
    const maxAttempts = values['max-attempts'] ? Number(values['max-attempts']) : undefined;
    if (maxAttempts !== undefined && !(Number.isInteger(maxAttempts) && maxAttempts >= 1)) {
      throw new UsageError('--max-attempts takes a whole number from 1');
    }
    const conversations = takesFile
      ? readConversations(readFileSync(args[0] as string, 'utf8'))
      : [];
    const auth = await resolveCredentials(values, io);
    const client = new KondoClient({
      credentials: auth.credentials,
      refreshCredentials: auth.refresh,
      baseUrl: values['base-url'],
      transport: io.transport,
      retry: maxAttempts ? { maxAttempts } : {},
    });

    if (command === 'settings') {
      const settings = await client.settings();
      io.out(values.json ? JSON.stringify(settings, null, 2) : formatSettings(settings));
      return 0;
    }
    if (command === 'lookup') {
      const results = await client.lookup(args.map(toLookupProfile));
      io.out(values.json ? JSON.stringify(results, null, 2) : formatLookupTable(args, results));
      return results.some((r) => r.status === 'invalid') ? 1 : 0;
    }
    const progress = progressPrinter(io);
    // A progress bar once a push or reconcile takes more than one request's conversations;
    // a resync always shows its two phases.
    const showProgress = conversations.length > 200;
    if (command === 'reconcile') {
      const report = await client.reconcile(conversations, (p) => {
        if (showProgress) progress(p.done, p.total);
      });
      io.out(values.json ? JSON.stringify(report, null, 2) : formatReconcileReport(report));
      return report.counts.complete === report.outcomes.length ? 0 : 1;
    }
    if (command === 'resync') {
      const report = await client.resync(conversations, {
        onProgress: (p) => progress(p.done, p.total, p.phase.padEnd('reconcile'.length)),
      });
      io.out(values.json ? JSON.stringify(report, null, 2) : formatResyncSummary(report));
      return report.counts.failed + report.counts.skipped > 0 ? 1 : 0;
    }
    const report = await client.push(conversations, (p) => {
      if (showProgress) progress(p.done, p.total);
    });
    io.out(values.json ? JSON.stringify(report, null, 2) : formatPushSummary(report));
    return report.counts.failed > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n${USAGE}`);
    } else if (error instanceof KondoApiError) {
      io.err(
        `API error ${error.status} ${error.code}: ${error.message}${error.path ? ` (at ${error.path})` : ''}`
      );
    } else if (error instanceof KondoClientError) {
      io.err(`${error.code}: ${error.message}`);
    } else if (error instanceof SyntaxError) {
      io.err(`the file is not JSON: ${error.message}`);
    } else {
      io.err(error instanceof Error ? error.message : String(error));
    }
    return 2;
  }
}
