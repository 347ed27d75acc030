import { formatCount, formatLabel } from 'c/kondoFormat';

describe('c/kondoFormat', () => {
  it('fills numbered placeholders in any order, leaving one without a value', () => {
    expect(formatLabel('{1} of {0} ({2})', 4, 'Step 2')).toBe('Step 2 of 4 ({2})');
    expect(formatLabel('{0} and {0}', 'a')).toBe('a and a');
    expect(formatLabel('No placeholder')).toBe('No placeholder');
  });

  it('chooses the label for none, one and more', () => {
    const labels = { none: 'No errors', one: '1 error', many: '{0} errors' };
    expect(formatCount(0, labels)).toBe('No errors');
    expect(formatCount(1, labels)).toBe('1 error');
    expect(formatCount(12, labels)).toBe('12 errors');
    expect(formatCount(0, { one: '{0} row', many: '{0} rows' })).toBe('0 rows');
  });
});
