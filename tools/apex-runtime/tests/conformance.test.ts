// The conformance suite's own rules: every method cites the page it comes from, and the
// `// assumed:` marks are read as each run lists them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadProject } from '../src/org/project';
import { parseClass } from '../src/parse/parse';
import { citationsOf } from '../src/runner/citations';

const CONFORMANCE = join(__dirname, '..', 'conformance');

test('every conformance test method cites a documentation page', () => {
  const project = loadProject(CONFORMANCE);
  let methods = 0;
  const uncited: string[] = [];
  for (const decl of project.classes) {
    const citations = citationsOf(decl, readFileSync(join(CONFORMANCE, decl.file), 'utf8'));
    for (const m of decl.methods.filter((x) =>
      x.modifiers.annotations.some((a) => a.name === 'istest')
    )) {
      methods++;
      const c = citations.get(m.name.toLowerCase());
      if (
        !c?.source ||
        !/^(Apex Developer Guide|Apex Reference Guide|SOQL and SOSL Reference|Apex Workbook|Platform Events Developer Guide)\b/.test(
          c.source
        )
      ) {
        uncited.push(`${decl.name}.${m.name}`);
      }
    }
  }
  assert.ok(methods >= 200, `the suite holds ${methods} methods`);
  assert.deepEqual(uncited, [], 'methods without a citation of a documentation page');
});

test('an assumed expectation is read with its reason, and a cited one is not assumed', () => {
  const source = `@IsTest
private class T {
  // Apex Reference Guide: String Class, split(regExp)
  @IsTest
  static void itShouldSplit() {}

  // Apex Reference Guide: Exception Class
  // assumed: the message is not
  // documented
  @IsTest
  static void itShouldWordTheMessage() {}
}`;
  const decl = parseClass(source, 'T', 'T.cls');
  const citations = citationsOf(decl, source);
  assert.equal(citations.get('itshouldsplit')?.assumed, null);
  assert.equal(
    citations.get('itshouldsplit')?.source,
    'Apex Reference Guide: String Class, split(regExp)'
  );
  assert.equal(citations.get('itshouldwordthemessage')?.assumed, 'the message is not documented');
});
