// The page's view of the local org it is served with (tools/apex-runtime/src/server/http.ts):
// its users and their tokens, Lightning calls of @AuraEnabled methods as the viewing user, and
// SOQL through the REST API's query resource, for the page's own pickers.

import type { AuraErrorBody } from '../../tools/apex-runtime/src/server/aura';
import type { AuraOutcome, LocalUser } from '../../tools/apex-runtime/src/server/session';

/** A user of the local org, as `/__local/users` lists them. */
export type LocalOrgUser = LocalUser;
/** The error body a component receives from a failed Apex call. */
export type ApexErrorBody = AuraErrorBody;

export interface LocalOrg {
  users: LocalOrgUser[];
  /** The origin the org answers on: `http://localhost:4173`. */
  origin: string;
  namespace: string;
}

export async function connect(): Promise<LocalOrg> {
  const response = await fetch('/__local/users');
  if (!response.ok) {
    throw new Error(`the local org did not answer /__local/users (${response.status})`);
  }
  const body = (await response.json()) as { users: LocalOrgUser[]; namespace: string };
  return { users: body.users, origin: window.location.origin, namespace: body.namespace };
}

/** An @AuraEnabled call as `user`: the value, or the error body with the HTTP status. */
export async function callApex(
  user: LocalOrgUser,
  method: string,
  params: unknown
): Promise<AuraOutcome> {
  const response = await fetch('/__local/aura', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${user.token}` },
    body: JSON.stringify({ method, params: params ?? {} }),
  });
  if (!response.ok) {
    return { ok: false, status: response.status, body: (await response.json()) as ApexErrorBody };
  }
  return (await response.json()) as
    { ok: true; value: unknown } | { ok: false; status: number; body: ApexErrorBody };
}

/** SOQL as `user`, with sharing and field-level security: the records as the REST API gives them. */
export async function query<T>(user: LocalOrgUser, soql: string): Promise<T[]> {
  const response = await fetch(`/services/data/v66.0/query?q=${encodeURIComponent(soql)}`, {
    headers: { Authorization: `Bearer ${user.token}` },
  });
  const body = (await response.json()) as { records: T[] } | { message: string }[];
  if (!response.ok || Array.isArray(body)) {
    throw new Error(`query failed: ${Array.isArray(body) ? body[0]?.message : response.status}`);
  }
  return body.records;
}
