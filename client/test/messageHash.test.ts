// The client hashes message bodies exactly as the Apex MessageHash does: both are checked
// against one table of vectors, the static resource MessageHash_Tests reads. The table is data
// read by path from the repository (as tools/openapi.ts reads docs/api), not a module: the
// boundary check is about imports, and test/boundary.test.ts proves a require() of the same
// file would be refused.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { messageHash } from '../src/reconcile';

const VECTORS_FILE = resolve(
  __dirname,
  '..',
  '..',
  'force-app/tests/messages/staticresources/MessageHashVectors.json'
);

interface Vector {
  name: string;
  body: string;
  hash: string;
}

function readVectors(): Vector[] {
  assert.ok(
    existsSync(VECTORS_FILE),
    `the shared vector table is missing at ${VECTORS_FILE}: the client's tests run inside the repository`
  );
  return (JSON.parse(readFileSync(VECTORS_FILE, 'utf8')) as { vectors: Vector[] }).vectors;
}

describe('messageHash', () => {
  const vectors = readVectors();

  it('reads the shared table (the Apex test checks the same cases)', () => {
    assert.ok(vectors.length >= 6, `${vectors.length} vectors`);
    assert.ok(
      vectors.some((v) => v.body === ''),
      'the empty body is a case'
    );
    assert.ok(
      vectors.some((v) => [...v.body].some((ch) => (ch.codePointAt(0) ?? 0) > 0xffff)),
      'a character outside the BMP is a case (UTF-16 surrogates must hash as 4 UTF-8 bytes)'
    );
  });

  for (const vector of vectors) {
    it(`hashes the "${vector.name}" vector as the table says`, () => {
      assert.equal(messageHash(vector.body), vector.hash);
    });
  }

  it('hashes a missing body as empty text', () => {
    const empty = vectors.find((v) => v.body === '')?.hash;
    assert.equal(messageHash(null), empty);
    assert.equal(messageHash(undefined), empty);
  });

  it('answers 64 lowercase hex digits, the only hash the API accepts', () => {
    for (const vector of vectors) {
      assert.match(messageHash(vector.body), /^[0-9a-f]{64}$/);
    }
  });

  it('tells apart bodies that differ only in what a careless normaliser would drop', () => {
    const body = 'See you then.';
    const variants = [body, `${body} `, `${body}\n`, body.replace('.', '\u3002'), 'see you then.'];
    assert.equal(new Set(variants.map(messageHash)).size, variants.length);
  });
});
