// Two ways to get an access token and the instance URL it belongs to:
// - an org the sf CLI is logged in to (a developer's or CI's alias);
// - OAuth 2.0 client credentials through an External Client App, for a server-side integration
//   that runs as the app's integration user (docs/INTEGRATORS.md shows the setup).
import { KondoClientError } from './errors';
import type { Credentials } from './client';
import { fetchTransport, type Transport } from './transport';

/** Runs the sf CLI with arguments and returns its exit status and output. */
export type SfRunner = (args: string[]) => { status: number; stdout: string; stderr: string };

/** Reads accessToken and instanceUrl from `sf org display --json --target-org <alias>`. */
export function credentialsFromSfOrg(alias: string, runSf: SfRunner): Credentials {
  const run = runSf(['org', 'display', '--json', '--target-org', alias]);
  let parsed: { status?: number; message?: string; result?: Record<string, unknown> } = {};
  try {
    parsed = JSON.parse(run.stdout) as typeof parsed;
  } catch {
    // The message below covers output that is not JSON.
  }
  const accessToken = parsed.result?.accessToken;
  const instanceUrl = parsed.result?.instanceUrl;
  if (run.status !== 0 || typeof accessToken !== 'string' || typeof instanceUrl !== 'string') {
    const reason = parsed.message ?? (run.stderr.trim() || run.stdout.trim()).slice(0, 300);
    throw new KondoClientError(
      'AUTH_FAILED',
      `sf org display --target-org ${alias} gave no access token: ${reason || `exit ${run.status}`}`
    );
  }
  return { accessToken, instanceUrl };
}

export interface ClientCredentialsOptions {
  /** The org's My Domain URL, e.g. https://acme.my.salesforce.com (not login.salesforce.com). */
  myDomainUrl: string;
  clientId: string;
  clientSecret: string;
  transport?: Transport;
}

/** OAuth 2.0 client credentials flow: POST /services/oauth2/token on the org's My Domain. */
export async function credentialsFromClientCredentials(
  options: ClientCredentialsOptions
): Promise<Credentials> {
  const transport = options.transport ?? fetchTransport(30_000);
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: options.clientId,
    client_secret: options.clientSecret,
  });
  let response;
  try {
    response = await transport({
      method: 'POST',
      url: `${options.myDomainUrl.replace(/\/+$/, '')}/services/oauth2/token`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: form.toString(),
    });
  } catch (error) {
    throw new KondoClientError(
      'AUTH_FAILED',
      `No answer from ${options.myDomainUrl}/services/oauth2/token: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error }
    );
  }
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(response.text) as Record<string, unknown>;
  } catch {
    // Handled below: neither a token nor an OAuth error.
  }
  const accessToken = body.access_token;
  const instanceUrl = body.instance_url;
  if (
    response.status !== 200 ||
    typeof accessToken !== 'string' ||
    typeof instanceUrl !== 'string'
  ) {
    const error = typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
    const description =
      typeof body.error_description === 'string' ? `: ${body.error_description}` : '';
    throw new KondoClientError('AUTH_FAILED', `Token request refused (${error}${description}).`);
  }
  return { accessToken, instanceUrl };
}
