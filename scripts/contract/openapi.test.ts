import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exampleFiles, parseExampleName, readOpenApi } from '../../client/tools/openapi';
import { schemaValidator } from './openapi';

describe('openapi helpers', () => {
  it('names the problems of a value that breaks a schema, through its references', () => {
    const document = readOpenApi();
    const request = document.components.schemas.ConversationsRequest;
    assert.ok(request);
    const problems = schemaValidator(document)(request, { conversations: [{ messages: 'x' }] });
    assert.match(problems ?? '', /conversations\/0/);
  });

  it('reads an example file name into operation, name and status', () => {
    assert.deepEqual(parseExampleName('lookupProfiles.found.response.200.json'), {
      file: 'lookupProfiles.found.response.200.json',
      operationId: 'lookupProfiles',
      name: 'found',
      status: '200',
    });
    assert.equal(parseExampleName('lookupProfiles.found.request.json')?.status, undefined);
    assert.equal(parseExampleName('notes.md'), undefined);
    assert.ok(exampleFiles().length > 0);
  });
});
