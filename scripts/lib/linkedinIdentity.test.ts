// Runs every vector of the identity table through the TypeScript twin of LinkedInIdentity.cls,
// and checks that the twin's regular expressions are the Apex class's, character for character,
// so a green run here is evidence for the Apex that cannot run outside an org.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { PATTERN_SOURCES, keyOf, parseLinkedInIdentity } from './linkedinIdentity';

const ROOT = process.cwd();
const VECTORS_PATH = join(ROOT, 'force-app/tests/identity/staticresources/LinkedInUrlVectors.json');
const APEX_PATH = join(ROOT, 'force-app/main/identity/classes/LinkedInIdentity.cls');
const ERROR_CODES = new Set([
  'EMPTY',
  'INVALID_URL',
  'NOT_LINKEDIN',
  'NOT_A_PROFILE',
  'UNRESOLVABLE_LINK',
]);

interface Vector {
  input: string;
  valid: boolean;
  key?: string;
  isMemberId?: boolean;
  errorCode?: string;
  note: string;
}

interface VectorFile {
  source: string;
  vectors: Vector[];
}

const vectorFile = JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as VectorFile;

/** Reads `NAME = System.Pattern.compile('...')` declarations and undoes Apex string escaping. */
function apexPatternSources(apexSource: string): Map<string, string> {
  const declaration = /([A-Z_]+)\s*=\s*System\.Pattern\.compile\(\s*'((?:[^'\\]|\\.)*)'\s*\)/g;
  const sources = new Map<string, string>();
  for (const match of apexSource.matchAll(declaration)) {
    const literal = match[2] ?? '';
    sources.set(match[1] ?? '', literal.replace(/\\(.)/g, '$1'));
  }
  return sources;
}

void describe('LinkedInUrlVectors.json', () => {
  void it('is well formed, with at least 60 vectors and no duplicate inputs', () => {
    assert.ok(vectorFile.source.length > 0, 'source is described');
    assert.ok(vectorFile.vectors.length >= 60, `only ${vectorFile.vectors.length} vectors`);
    const seen = new Set<string>();
    for (const vector of vectorFile.vectors) {
      assert.equal(typeof vector.input, 'string', `input of ${JSON.stringify(vector)}`);
      assert.ok(vector.note.length > 0, `note for ${JSON.stringify(vector.input)}`);
      assert.ok(!seen.has(vector.input), `duplicate input ${JSON.stringify(vector.input)}`);
      seen.add(vector.input);
      if (vector.valid) {
        assert.equal(typeof vector.key, 'string', `key for ${JSON.stringify(vector.input)}`);
        assert.equal(
          typeof vector.isMemberId,
          'boolean',
          `isMemberId for ${JSON.stringify(vector.input)}`
        );
        assert.equal(
          vector.errorCode,
          undefined,
          `no errorCode for ${JSON.stringify(vector.input)}`
        );
      } else {
        assert.ok(
          ERROR_CODES.has(vector.errorCode ?? ''),
          `errorCode for ${JSON.stringify(vector.input)}`
        );
        assert.equal(vector.key, undefined, `no key for ${JSON.stringify(vector.input)}`);
      }
    }
  });

  void it('covers every error code and both kinds of key', () => {
    const codes = new Set(
      vectorFile.vectors.filter((vector) => !vector.valid).map((vector) => vector.errorCode)
    );
    assert.deepEqual([...codes].sort(), [...ERROR_CODES].sort());
    assert.ok(vectorFile.vectors.some((vector) => vector.valid && vector.isMemberId === true));
    assert.ok(vectorFile.vectors.some((vector) => vector.valid && vector.isMemberId === false));
  });
});

void describe('parseLinkedInIdentity', () => {
  for (const vector of vectorFile.vectors) {
    void it(`${JSON.stringify(vector.input)}: ${vector.note}`, () => {
      const result = parseLinkedInIdentity(vector.input);
      if (vector.valid) {
        assert.deepEqual(
          result,
          { valid: true, key: vector.key, isMemberId: vector.isMemberId },
          `input ${JSON.stringify(vector.input)}`
        );
        assert.equal(keyOf(vector.input), vector.key, `keyOf ${JSON.stringify(vector.input)}`);
        // A key is its own key: the stored value parses back to itself.
        const reparsed = parseLinkedInIdentity(vector.key ?? '');
        if (vector.isMemberId) {
          assert.deepEqual(reparsed, result, `re-parsing key of ${JSON.stringify(vector.input)}`);
        }
      } else {
        assert.equal(
          result.valid,
          false,
          `input ${JSON.stringify(vector.input)} should be rejected`
        );
        if (!result.valid) {
          assert.equal(result.errorCode, vector.errorCode, `input ${JSON.stringify(vector.input)}`);
          assert.ok(result.message.length > 0, `message for ${JSON.stringify(vector.input)}`);
        }
        assert.equal(keyOf(vector.input), null, `keyOf ${JSON.stringify(vector.input)}`);
      }
    });
  }

  void it('rejects null and undefined as EMPTY', () => {
    assert.deepEqual(parseLinkedInIdentity(null), {
      valid: false,
      errorCode: 'EMPTY',
      message: 'No LinkedIn profile URL was given.',
    });
    assert.equal(keyOf(undefined), null);
  });

  void it('rejects input over 2,048 characters without scanning it', () => {
    const result = parseLinkedInIdentity('https://www.linkedin.com/in/' + 'a'.repeat(2100));
    assert.equal(result.valid ? 'valid' : result.errorCode, 'INVALID_URL');
  });
});

void describe('pattern parity with LinkedInIdentity.cls', () => {
  void it('declares exactly the same regular expressions as the Apex class', () => {
    const apex = apexPatternSources(readFileSync(APEX_PATH, 'utf8'));
    assert.deepEqual(
      Object.fromEntries([...apex.entries()].sort()),
      Object.fromEntries(Object.entries(PATTERN_SOURCES).sort())
    );
  });
});
