// Schema validation against docs/api/openapi.yaml for the contract tests and the org smoke
// test. Reading the description and its examples is client/tools/openapi.ts, which the
// client's mock server shares.
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { OpenApiDocument } from '../../client/tools/openapi';

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
