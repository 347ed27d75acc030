// A project's named credentials (Metadata API: NamedCredential), as far as callouts need them:
// the name `callout:<Name>` uses, the URL it stands for, and the external credential whose
// principal a user must be granted (Help: Named Credentials and External Credentials; a
// permission set's externalCredentialPrincipalAccesses).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export interface NamedCredentialInfo {
  name: string;
  /** The endpoint: `<endpoint>` (legacy) or the parameter of type Url; null when neither. */
  url: string | null;
  /** The external credential of the Authentication parameter, or null (legacy, or none). */
  externalCredential: string | null;
}

export const NAMED_CREDENTIAL_SUFFIX = '.namedCredential-meta.xml';

const xml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'namedCredentialParameters',
});

type Node = Record<string, unknown>;

function text(node: Node, key: string): string | null {
  const value = node[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

export function readNamedCredential(file: string): NamedCredentialInfo {
  const root = (xml.parse(readFileSync(file, 'utf8')) as Node).NamedCredential;
  if (!root || typeof root !== 'object') {
    throw new Error(`${file}: expected a <NamedCredential> document`);
  }
  const node = root as Node;
  const parameters = ((node.namedCredentialParameters as Node[] | undefined) ?? []).filter(
    (p) => typeof p === 'object' && p !== null
  );
  const ofType = (type: string): Node | undefined =>
    parameters.find((p) => text(p, 'parameterType')?.toLowerCase() === type);
  const urlParameter = ofType('url');
  const authentication = ofType('authentication');
  return {
    name: basename(file, NAMED_CREDENTIAL_SUFFIX),
    url: text(node, 'endpoint') ?? (urlParameter ? text(urlParameter, 'parameterValue') : null),
    externalCredential: authentication ? text(authentication, 'externalCredential') : null,
  };
}
