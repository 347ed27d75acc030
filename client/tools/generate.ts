// `npm run client:generate`: the client's request and response types come from
// docs/api/openapi.yaml through openapi-typescript, formatted by the project's Prettier so the
// committed file passes the format gate. client/test/generated.test.ts regenerates in memory
// and fails on any difference, so the types cannot drift from the description.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { OPENAPI_FILE } from './openapi';

export const GENERATED_FILE = resolve(__dirname, '..', 'src', 'generated', 'openapi.ts');
export const GENERATE_COMMAND = 'npm run client:generate';

const BANNER = `// Generated from docs/api/openapi.yaml by openapi-typescript. Do not edit: change the
// description and run \`${GENERATE_COMMAND}\`; npm test fails while this file is out of date.
`;

/** The text client/src/generated/openapi.ts must have for the current description. */
export async function generateTypes(
  openapiText = readFileSync(OPENAPI_FILE, 'utf8')
): Promise<string> {
  const ast = await openapiTS(openapiText, { alphabetize: false });
  const options = (await resolveConfig(GENERATED_FILE)) ?? {};
  return format(`${BANNER}\n${astToString(ast)}`, { ...options, filepath: GENERATED_FILE });
}

async function main(): Promise<void> {
  writeFileSync(GENERATED_FILE, await generateTypes());
  console.log(`wrote ${GENERATED_FILE}`);
}

if (require.main === module) {
  void main();
}
