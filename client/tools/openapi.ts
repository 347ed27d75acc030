// docs/api/openapi.yaml and its example files, read the same way by the client's type
// generator and mock server, the contract tests and the org smoke test. It lives with the
// client because the client may import nothing from scripts/; scripts import it from here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

const ROOT = resolve(__dirname, '..', '..');
export const OPENAPI_FILE = join(ROOT, 'docs/api/openapi.yaml');
export const EXAMPLES_DIR = join(ROOT, 'docs/api/examples');

type Content = Record<string, { schema?: object; examples?: Record<string, { value: unknown }> }>;
export interface Operation {
  operationId: string;
  requestBody?: { content: Content };
  responses: Record<string, { content?: Content }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
}

/** A fresh copy of the description each call, so a caller may change it. */
export function readOpenApi(): OpenApiDocument {
  return parseYaml(readFileSync(OPENAPI_FILE, 'utf8')) as OpenApiDocument;
}

export function operationsById(document: OpenApiDocument): Map<string, Operation> {
  const operations = new Map<string, Operation>();
  for (const methods of Object.values(document.paths)) {
    for (const operation of Object.values(methods)) {
      operations.set(operation.operationId, operation);
    }
  }
  return operations;
}

export interface ExampleFile {
  file: string;
  operationId: string;
  name: string;
  /** The response status the example answers with; undefined for a request body. */
  status: string | undefined;
}

/** `<operationId>.<name>.request.json` or `<operationId>.<name>.response.<status>.json`. */
export function parseExampleName(file: string): ExampleFile | undefined {
  const match = /^(\w+)\.(\w+)\.(?:request|response\.(\d{3}))\.json$/.exec(file);
  return match
    ? { file, operationId: match[1] as string, name: match[2] as string, status: match[3] }
    : undefined;
}

export function exampleFiles(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort();
}

export function readExample(file: string): unknown {
  return JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8'));
}
