import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nodeTestCounts } from './nodeTests';

describe('nodeTestCounts', () => {
  it("reads the spec reporter's pass and fail totals", () => {
    const output = ['✔ a test (1ms)', 'ℹ tests 7', 'ℹ pass 5', 'ℹ fail 2', 'ℹ duration_ms 9'];
    assert.deepEqual(nodeTestCounts(output.join('\n')), { passed: 5, failed: 2 });
  });

  it('counts nothing when the run printed no summary (it crashed before reporting)', () => {
    assert.deepEqual(nodeTestCounts('Error: Cannot find module'), { passed: 0, failed: 0 });
  });

  it('ignores a test whose name mentions the summary words mid-line', () => {
    const output = '✔ prints ℹ pass 99 in its log (1ms)\nℹ pass 1\nℹ fail 0';
    assert.deepEqual(nodeTestCounts(output), { passed: 1, failed: 0 });
  });
});
