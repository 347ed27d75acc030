// The client imports nothing from the repository around it (issue 18): no scripts/, no
// tools/, no undeclared package. The check must pass on the real tree and fail on each import
// form planted in a synthetic source and in a copy of the real tree.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkClientBoundary, declaredPackages, moduleReferences, violationsIn } from './boundary';

const CLIENT_DIR = resolve(__dirname, '..');
const declared = declaredPackages(CLIENT_DIR);
const FILE = join(CLIENT_DIR, 'src', 'planted.ts');

const violations = (text: string, file = FILE): { line: number; kind: string; reason: string }[] =>
  violationsIn(CLIENT_DIR, file, text, declared).map(({ line, kind, reason }) => ({
    line,
    kind,
    reason,
  }));

describe('the client boundary', () => {
  const copies: string[] = [];
  after(() => copies.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('holds on the real tree: every file under client/ imports only client/, built-ins and its own packages', () => {
    const { files, references, violations: found } = checkClientBoundary(CLIENT_DIR);
    const names = files.map((file) => file.slice(CLIENT_DIR.length + 1));
    for (const expected of [
      'bin/kondo-sf.cjs',
      'src/bin.ts',
      'src/sf.ts',
      'test/mockServer.ts',
      'tools/generate.ts',
      'tools/openapi.ts',
    ]) {
      assert.ok(names.includes(expected), `${expected} is checked`);
    }
    assert.ok(!names.some((name) => name.startsWith('node_modules/')), 'node_modules is skipped');
    assert.ok(references > files.length, `${references} references in ${files.length} files`);
    assert.deepEqual(found, []);
  });

  it('reads the command line wrapper’s require() calls', () => {
    const file = join(CLIENT_DIR, 'bin', 'kondo-sf.cjs');
    assert.deepEqual(
      moduleReferences(file, readFileSync(file, 'utf8')).map((r) => [r.kind, r.specifier]),
      [
        ['require()', 'tsx/cjs'],
        ['require()', '../src/bin.ts'],
      ]
    );
  });

  it('finds a path out of client/ in every import form', () => {
    const text = [
      "import { runSf } from '../../scripts/org/sfCli';",
      "import type { LocalOrgSession } from '../../tools/apex-runtime/src/server/session';",
      "export { readOpenApi } from '../../scripts/contract/openapi';",
      "export * from '../../types/dto';",
      "import fields = require('../../scripts/data/standard-fields.json');",
      "const later = () => import('../../scripts/local/localOrg');",
      "const config = require('../../config/local-org.json');",
      "const where = require.resolve('../../scripts/test');",
      "const from = require.resolve.paths('../../workbench');",
      "type Org = import('../../scripts/local/localOrg').LocalOrg;",
      "import '/etc/anything';",
    ].join('\n');
    assert.deepEqual(
      violations(text).map(({ line, kind }) => [line, kind]),
      [
        [1, 'import'],
        [2, 'import'],
        [3, 'export from'],
        [4, 'export from'],
        [5, 'import = require'],
        [6, 'import()'],
        [7, 'require()'],
        [8, 'require.resolve()'],
        [9, 'require.resolve.paths()'],
        [10, 'import type()'],
        [11, 'import'],
      ]
    );
    assert.ok(violations(text).every((v) => v.reason === 'the path leaves client/'));
  });

  it('finds a triple-slash reference out of client/', () => {
    assert.deepEqual(violations('/// <reference path="../../types/apex.d.ts" />\nexport {};\n'), [
      { line: 1, kind: '/// <reference path>', reason: 'the path leaves client/' },
    ]);
  });

  it('finds a package client/package.json does not declare, and a computed module', () => {
    assert.deepEqual(
      violations(
        [
          "import Ajv2020 from 'ajv/dist/2020';",
          "import { XMLParser } from 'fast-xml-parser';",
          "import errors from 'c/kondoErrors';",
          'const name = process.env.MODULE ?? "x";',
          'void import(name);',
          'require(`${name}`);',
        ].join('\n')
      ),
      [
        { line: 1, kind: 'import', reason: 'package ajv is not declared in client/package.json' },
        {
          line: 2,
          kind: 'import',
          reason: 'package fast-xml-parser is not declared in client/package.json',
        },
        { line: 3, kind: 'import', reason: 'package c is not declared in client/package.json' },
        {
          line: 5,
          kind: 'import()',
          reason: 'the module is computed, so where it comes from cannot be checked',
        },
        {
          line: 6,
          kind: 'require()',
          reason: 'the module is computed, so where it comes from cannot be checked',
        },
      ]
    );
  });

  it('lets through client/ paths, built-ins and declared packages, subpaths included', () => {
    const text = [
      "import { main } from './cli';",
      "import { readOpenApi } from '../tools/openapi';",
      "import { readFileSync } from 'node:fs';",
      "import { join } from 'path';",
      "import { parse } from 'yaml';",
      "import ts from 'typescript';",
      "const prism = require.resolve('@stoplight/prism-cli/package.json');",
      'require(`tsx/cjs`);',
    ].join('\n');
    assert.equal(moduleReferences(FILE, text).length, 8);
    assert.deepEqual(violations(text), []);
  });

  it('takes a data file read by path for data, not an import, and refuses the same file as a module', () => {
    // The hash test reads the vector table the Apex tests read; fs reads are no module
    // references, so they pass, while a require() of that JSON leaves client/ like any import.
    const file = join(CLIENT_DIR, 'test', 'messageHash.test.ts');
    const text = readFileSync(file, 'utf8');
    assert.match(text, /staticresources\/MessageHashVectors\.json/);
    assert.match(text, /readFileSync\(VECTORS_FILE/);
    assert.deepEqual(violationsIn(CLIENT_DIR, file, text, declared), []);
    const planted = [
      "import vectors from '../../force-app/tests/messages/staticresources/MessageHashVectors.json';",
      "const table = require('../../force-app/tests/messages/staticresources/MessageHashVectors.json');",
    ].join('\n');
    assert.deepEqual(violations(planted, file), [
      { line: 1, kind: 'import', reason: 'the path leaves client/' },
      { line: 2, kind: 'require()', reason: 'the path leaves client/' },
    ]);
  });

  it('is not fooled by comments and strings that look like imports', () => {
    const text = [
      "// import { runSf } from '../../scripts/org/sfCli';",
      "/* require('../../scripts/test') */",
      'const usage = "import x from \'../../scripts/x\'";',
      "const help = `run require('../../tools/x') yourself`;",
    ].join('\n');
    assert.deepEqual(moduleReferences(FILE, text), []);
  });

  it('fails on an import of scripts/ planted in a copy of the real tree', () => {
    const folder = mkdtempSync(join(tmpdir(), 'kondo-client-boundary-'));
    copies.push(folder);
    const copy = join(folder, 'client');
    cpSync(CLIENT_DIR, copy, {
      recursive: true,
      filter: (source) => basename(source) !== 'node_modules',
    });
    assert.deepEqual(checkClientBoundary(copy).violations, [], 'the copy starts clean');
    const bin = join(copy, 'src', 'bin.ts');
    writeFileSync(
      bin,
      readFileSync(bin, 'utf8').replace(
        "import { runSf } from './sf';",
        "import { runSf } from '../../scripts/org/sfCli';"
      )
    );
    assert.deepEqual(checkClientBoundary(copy).violations, [
      {
        file: 'src/bin.ts',
        line: 3,
        kind: 'import',
        specifier: '../../scripts/org/sfCli',
        reason: 'the path leaves client/',
      },
    ]);
  });
});
