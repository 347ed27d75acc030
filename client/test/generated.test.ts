// The committed types must be exactly what the generator makes from the current description.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { MAX_CONVERSATIONS_PER_REQUEST, MAX_RECONCILE_CONVERSATIONS } from '../src/batching';
import { MAX_PROFILES_PER_REQUEST } from '../src/client';
import { GENERATE_COMMAND, GENERATED_FILE, generateTypes } from '../tools/generate';
import { OPENAPI_FILE, readOpenApi } from '../tools/openapi';

describe('generated OpenAPI types', () => {
  it('client/src/generated/openapi.ts matches docs/api/openapi.yaml', async () => {
    const expected = await generateTypes();
    const committed = readFileSync(GENERATED_FILE, 'utf8');
    assert.ok(
      committed === expected,
      `client/src/generated/openapi.ts is out of date with docs/api/openapi.yaml: run \`${GENERATE_COMMAND}\``
    );
  });

  it('the generator notices a changed description', async () => {
    const changed = readFileSync(OPENAPI_FILE, 'utf8').replace(
      'requestId: { type: string }',
      'requestId: { type: integer }'
    );
    assert.notEqual(await generateTypes(changed), readFileSync(GENERATED_FILE, 'utf8'));
  });

  it('the per-request limits of the client are the maxItems of the description', () => {
    type ArraySchema = { properties: Record<string, { maxItems: number }> };
    const schemas = readOpenApi().components.schemas as Record<string, ArraySchema>;
    assert.equal(
      MAX_CONVERSATIONS_PER_REQUEST,
      schemas.ConversationsRequest?.properties.conversations?.maxItems
    );
    assert.equal(MAX_PROFILES_PER_REQUEST, schemas.LookupRequest?.properties.profiles?.maxItems);
    assert.equal(
      MAX_RECONCILE_CONVERSATIONS,
      schemas.ReconcileRequest?.properties.conversations?.maxItems
    );
  });
});
