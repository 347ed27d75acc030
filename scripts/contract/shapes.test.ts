// The contract comparison must notice drift: a renamed field, a changed type, a missing DTO.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { apexClasses, compareShapes, tsInterfaces } from './shapes';

const folder = mkdtempSync(join(tmpdir(), 'kondo-contract-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function shapesOf(apex: string, typescript: string): string[] {
  writeFileSync(join(folder, 'Dto.cls'), apex);
  writeFileSync(join(folder, 'dto.ts'), typescript);
  const classes = apexClasses(join(folder, 'Dto.cls'), { auraEnabledOnly: true });
  const interfaces = tsInterfaces(join(folder, 'dto.ts'));
  const cls = classes.get('Item');
  const shape = interfaces.get('Item');
  assert.ok(cls && shape);
  return compareShapes('Item', cls.shape, shape, {
    apex: (n) => classes.get(n)?.shape,
    other: (n) => interfaces.get(n),
  });
}

const APEX = `public with sharing class Dto {
    public class Item {
        @AuraEnabled public String id;
        @AuraEnabled public Integer count;
        @AuraEnabled public List<Tag> tags;
        public String notSerialized;
    }
    public class Tag {
        @AuraEnabled public String label;
    }
}
`;

describe('contract comparison', () => {
  it('accepts matching shapes', () => {
    assert.deepEqual(
      shapesOf(
        APEX,
        'export interface Item { id: string; count: number | null; tags: Tag[] }\nexport interface Tag { label: string }\n'
      ),
      []
    );
  });
  it('reports a renamed field on either side', () => {
    const problems = shapesOf(
      APEX,
      'export interface Item { identifier: string; count: number; tags: Tag[] }\nexport interface Tag { label: string }\n'
    );
    assert.ok(problems.some((p) => p.includes("'id' is missing")));
    assert.ok(problems.some((p) => p.includes("'identifier' has no Apex counterpart")));
  });
  it('reports an incompatible type', () => {
    const problems = shapesOf(
      APEX,
      'export interface Item { id: string; count: string; tags: Tag[] }\nexport interface Tag { label: string }\n'
    );
    assert.deepEqual(problems, ['Item.count: Apex number vs string']);
  });
  it('reports drift inside a nested DTO', () => {
    const problems = shapesOf(
      APEX,
      'export interface Item { id: string; count: number; tags: Tag[] }\nexport interface Tag { text: string }\n'
    );
    assert.ok(problems.some((p) => p.includes('Tag') && p.includes("'label'")));
  });
});
