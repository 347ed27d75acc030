// The heap estimate and its limit (src/org/heap.ts; DIVERGENCES.md, Language and evaluator):
// Limits.getHeapSize as the model in heap.ts counts it, the uncatchable
// `System.LimitException: Apex heap size too large: <bytes>` past 6,000,000 bytes synchronous
// and 12,000,000 asynchronous (Apex Developer Guide: Execution Governors and Limits), and a fresh
// heap after Test.startTest. Each test runs Apex tests of a small project written here.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LocalOrg } from '../src/org/localOrg';
import { LocalOrgSession } from '../src/server/session';
import {
  HEAP_COLLECTION,
  HEAP_LONG_STRING,
  HEAP_OBJECT,
  HEAP_SCALAR,
  HEAP_SLOT,
  HEAP_SOBJECT,
} from '../src/org/heap';
import type { TestResult } from '../src/runner/report';
import { plan, runTests } from '../src/runner/testRunner';

const PROBE = `@IsTest
private class HeapProbe {
  public class Box {
    public List<String> items;
    public Box other;
  }

  public class BigJob implements System.Queueable {
    private Integer megabytes;
    public BigJob(Integer megabytes) {
      this.megabytes = megabytes;
    }
    public void execute(System.QueueableContext context) {
      List<String> held = build(megabytes);
      insert new Account(Name = Limits.getHeapSize() + ' of ' + Limits.getLimitHeapSize());
    }
  }

  // Distinct Strings of a million characters each: equal ones would be counted once.
  static List<String> build(Integer megabytes) {
    List<String> parts = new List<String>();
    for (Integer i = 0; i < megabytes; i++) {
      parts.add(String.valueOf(i) + 'x'.repeat(999999));
    }
    return parts;
  }

  @IsTest
  static void growsAndFalls() {
    Integer empty = Limits.getHeapSize();
    String text = 'x'.repeat(100000);
    Integer held = Limits.getHeapSize();
    text = null;
    Integer released = Limits.getHeapSize();
    System.debug(empty + ' ' + held + ' ' + released);
  }

  @IsTest
  static void countsASharedObjectOnce() {
    List<String> big = new List<String>{ 'y'.repeat(50000) };
    Box first = new Box();
    first.items = big;
    Box second = new Box();
    second.items = big;
    second.other = first;
    first.other = second;
    System.debug(String.valueOf(Limits.getHeapSize()));
  }

  @IsTest
  static void sizesAThousandRecords() {
    List<Account> rows = new List<Account>();
    for (Integer i = 0; i < 1000; i++) {
      rows.add(new Account(Name = 'Row ' + i));
    }
    System.debug(String.valueOf(Limits.getHeapSize()));
  }

  @IsTest
  static void stopsSevenMegabytes() {
    Boolean caught = false;
    try {
      List<String> parts = build(7);
    } catch (Exception e) {
      caught = true;
    }
    System.debug('went on, caught: ' + caught);
  }

  @IsTest
  static void stopsAtTheEndOfTheTest() {
    String whole = 'z'.repeat(6500000);
  }

  @IsTest
  static void reportsTheLimits() {
    System.debug(Limits.getLimitHeapSize() + ' sync');
    Test.startTest();
    System.enqueueJob(new BigJob(1));
    Test.stopTest();
    System.debug([SELECT Name FROM Account LIMIT 1].Name);
  }

  @IsTest
  static void letsAnAsyncJobHoldNineMegabytes() {
    Test.startTest();
    System.enqueueJob(new BigJob(9));
    Test.stopTest();
    System.debug([SELECT Name FROM Account LIMIT 1].Name);
  }

  @IsTest
  static void stopsAnAsyncJobOverTwelveMegabytes() {
    Test.startTest();
    System.enqueueJob(new BigJob(13));
    Test.stopTest();
  }

  @IsTest
  static void startsAFreshHeapAtStartTest() {
    String setup = 'a'.repeat(5000000);
    Test.startTest();
    Integer fresh = Limits.getHeapSize();
    String more = 'b'.repeat(3000000);
    Integer grown = Limits.getHeapSize();
    Test.stopTest();
    System.debug(fresh + ' ' + grown);
  }
}
`;

const SETUP = `@IsTest
private class HeapQuerySetup {
  // 1,000 Descriptions of 6,500 characters, inserted 100 at a time so the setup stays small.
  @TestSetup
  static void makeRows() {
    for (Integer batch = 0; batch < 10; batch++) {
      List<Account> rows = new List<Account>();
      for (Integer i = 0; i < 100; i++) {
        rows.add(new Account(Name = 'R', Description = batch + '-' + i + 'd'.repeat(6500)));
      }
      insert rows;
    }
  }

  @IsTest
  static void checksTheRowsOfAQuery() {
    Boolean caught = false;
    try {
      List<Account> rows = [SELECT Id, Description FROM Account];
    } catch (Exception e) {
      caught = true;
    }
    System.debug('went on, caught: ' + caught);
  }
}
`;

const RESOURCE = `@RestResource(urlMapping='/heap')
global with sharing class HeapResource {
  @HttpPost
  global static void post() {
    Integer untouched = Limits.getHeapSize();
    String body = RestContext.request.requestBody.toString();
    if (RestContext.request.params.get('build') != null) {
      body = body + 'p'.repeat(6000000);
    }
    RestContext.response.responseBody = Blob.valueOf(untouched + ' ' + Limits.getHeapSize());
  }
}
`;

let root = '';
let results = new Map<string, TestResult>();

before(() => {
  root = mkdtempSync(join(tmpdir(), 'apex-heap-'));
  const classes = join(root, 'force-app', 'main', 'default', 'classes');
  mkdirSync(classes, { recursive: true });
  writeFileSync(
    join(root, 'sfdx-project.json'),
    JSON.stringify({
      packageDirectories: [{ path: 'force-app', default: true }],
      namespace: 'heap',
    })
  );
  writeFileSync(join(classes, 'HeapProbe.cls'), PROBE);
  writeFileSync(join(classes, 'HeapQuerySetup.cls'), SETUP);
  writeFileSync(join(classes, 'HeapResource.cls'), RESOURCE);
  const org = LocalOrg.open(root);
  const outcome = runTests(org, plan(org));
  results = new Map(outcome.results.map((r) => [`${r.className}.${r.methodName}`, r]));
});

after(() => rmSync(root, { recursive: true, force: true }));

function result(name: string): TestResult {
  const r = results.get(name);
  assert.ok(r, `${name} ran`);
  return r;
}

/** The numbers of a passing test's debug line. */
function numbers(name: string, line = 0): number[] {
  const r = result(name);
  assert.equal(r.outcome, 'pass', `${name}: ${r.message ?? ''}`);
  const text = r.debug[line] ?? '';
  return [...text.matchAll(/\d+/g)].map((m) => Number(m[0])).slice(1); // after `USER_DEBUG [n]`
}

const TOO_LARGE = /^System\.LimitException: Apex heap size too large: (\d+)$/;

function heapFailure(name: string): number {
  const r = result(name);
  assert.equal(r.outcome, 'fail', `${name} fails`);
  const match = TOO_LARGE.exec(r.message ?? '');
  assert.ok(match, `${name}: ${r.message ?? ''}`);
  return Number(match[1]);
}

describe('Limits.getHeapSize', () => {
  it('grows by a long String and falls when its variable is set to null', () => {
    const [empty = NaN, held = NaN, released = NaN] = numbers('HeapProbe.growsAndFalls');
    assert.equal(empty, 0, 'nothing is held at the start of the method');
    // One byte per character, and each Integer variable read so far.
    assert.equal(held, 100_000 + HEAP_SCALAR);
    assert.equal(released, 2 * HEAP_SCALAR, 'the String no longer counts');
  });

  it('counts an object reached twice, and a cycle, once', () => {
    const [bytes = NaN] = numbers('HeapProbe.countsASharedObjectOnce');
    const list = HEAP_COLLECTION + HEAP_SLOT + 50_000;
    const box = HEAP_OBJECT + 2 * HEAP_SLOT;
    assert.equal(bytes, list + 2 * box);
  });

  it('sizes a list of 1,000 records by their fields', () => {
    const [bytes = NaN] = numbers('HeapProbe.sizesAThousandRecords');
    let names = 0;
    for (let i = 0; i < 1000; i++) {
      names += `Row ${i}`.length;
    }
    const records = 1000 * (HEAP_SOBJECT + HEAP_SLOT) + names;
    assert.equal(bytes, HEAP_COLLECTION + 1000 * HEAP_SLOT + records);
    assert.ok(names < 1000 * HEAP_LONG_STRING, 'short names count where they are held');
  });

  it('reports 6,000,000 bytes synchronous and 12,000,000 in a Queueable', () => {
    const r = result('HeapProbe.reportsTheLimits');
    assert.equal(r.outcome, 'pass', r.message ?? '');
    assert.match(r.debug[0] ?? '', / 6000000 sync$/);
    assert.match(r.debug[1] ?? '', / \d+ of 12000000$/);
  });

  it('leaves what the test held before Test.startTest to the context before it', () => {
    const [fresh = NaN, grown = NaN] = numbers('HeapProbe.startsAFreshHeapAtStartTest');
    assert.ok(fresh < 100, `fresh context: ${fresh}`);
    assert.ok(grown >= 3_000_000 && grown < 3_000_100, `after 3,000,000 characters: ${grown}`);
  });
});

describe('the heap limit', () => {
  it('stops a synchronous transaction that builds 7 MB, past any catch (Exception e)', () => {
    const bytes = heapFailure('HeapProbe.stopsSevenMegabytes');
    assert.ok(bytes > 6_000_000 && bytes < 7_100_000, `${bytes}`);
    const r = result('HeapProbe.stopsSevenMegabytes');
    assert.deepEqual(r.debug, [], 'nothing after the catch ran');
    assert.match(r.stack[0] ?? '', /^Class\.HeapProbe\.build: line \d+, column \d+$/);
  });

  it('is checked when the test method ends', () => {
    assert.equal(heapFailure('HeapProbe.stopsAtTheEndOfTheTest'), 6_500_000);
  });

  it('gives an async job 12,000,000 bytes', () => {
    const r = result('HeapProbe.letsAnAsyncJobHoldNineMegabytes');
    assert.equal(r.outcome, 'pass', r.message ?? '');
    const [bytes = NaN, limit = NaN] = numbers('HeapProbe.letsAnAsyncJobHoldNineMegabytes');
    assert.equal(limit, 12_000_000);
    assert.ok(bytes > 9_000_000 && bytes < 9_100_000, `${bytes}`);
    const over = heapFailure('HeapProbe.stopsAnAsyncJobOverTwelveMegabytes');
    assert.ok(over > 12_000_000, `${over}`);
  });

  it('is checked on the rows a query returns', () => {
    const bytes = heapFailure('HeapQuerySetup.checksTheRowsOfAQuery');
    assert.ok(bytes > 6_500_000, `${bytes}`);
    const r = result('HeapQuerySetup.checksTheRowsOfAQuery');
    assert.deepEqual(r.debug, [], 'the catch did not run');
    const queryLine = SETUP.slice(0, SETUP.indexOf('[SELECT')).split('\n').length;
    assert.equal(
      r.stack[0],
      `Class.HeapQuerySetup.checksTheRowsOfAQuery: line ${queryLine}, column 7`
    );
  });

  it('ends anonymous Apex with the same exception', () => {
    const org = LocalOrg.open(root);
    const { error } = org.runAnonymous("String s = 'q'.repeat(6100000);", 'heap.apex');
    assert.match(error ?? '', /^System\.LimitException: Apex heap size too large: 6100000\n/);
  });
});

describe('the heap of an Apex REST request', () => {
  function post(query: [string, string][]): { status: number; text: string } {
    const { session } = LocalOrgSession.open({
      root,
      config: {
        users: [
          {
            key: 'admin',
            firstName: 'Ada',
            lastName: 'Admin',
            profile: 'System Administrator',
            permissionSets: [],
            description: 'the administrator',
          },
        ],
      },
      storeFile: null,
    });
    const answer = session.rest(
      {
        method: 'POST',
        path: '/heap/heap',
        query,
        headers: [['Content-Type', 'text/plain']],
        body: Buffer.from('r'.repeat(2_000_000)),
        remoteAddress: '127.0.0.1',
      },
      session.user('admin').token
    );
    return { status: answer.status, text: answer.body.toString('utf8') };
  }

  it('counts the body once the method makes a String of it, not before', () => {
    const { status, text } = post([]);
    assert.equal(status, 200, text);
    const [untouched = NaN, read = NaN] = text.split(' ').map(Number);
    assert.ok(untouched < 1_000, `the request as it arrives: ${untouched}`);
    assert.ok(read >= 2_000_000 && read < 2_001_000, `after toString(): ${read}`);
  });

  it('answers 500 APEX_ERROR when the method passes the limit', () => {
    const { status, text } = post([['build', '1']]);
    assert.equal(status, 500);
    assert.match(text, /"errorCode":"APEX_ERROR"/);
    assert.match(text, /System\.LimitException: Apex heap size too large: 8\d{6}/);
  });
});
