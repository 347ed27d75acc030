// docs/api/openapi.yaml and its example files, read the same way by the contract tests, the
// client's mock server and the org smoke test.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
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

/**
 * Validates values against schemas of the description (their `#/components/...` references
 * resolve): the function answers the problems as text, or undefined when the value is valid.
 */
export function schemaValidator(
  document: OpenApiDocument
): (schema: object, value: unknown) => string | undefined {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi.json', components: document.components });
  return (schema, value) => {
    const rewritten = JSON.parse(
      JSON.stringify(schema).replace(/"#\/components\//g, '"openapi.json#/components/')
    ) as object;
    const validate = ajv.compile(rewritten);
    return validate(value) ? undefined : ajv.errorsText(validate.errors);
  };
}
