import { errorCodeOf, reduceErrors, withoutCode } from 'c/kondoErrors';

describe('c/kondoErrors', () => {
  it('reads an Apex error body', () => {
    expect(reduceErrors({ body: { message: 'NO_ACCESS: No access.' }, status: 500 })).toEqual([
      'NO_ACCESS: No access.',
    ]);
  });

  it('reads UI API page, field and output errors', () => {
    const error = {
      body: {
        pageErrors: [{ message: 'Page broke' }],
        fieldErrors: { Name: [{ message: 'Name missing' }] },
        output: {
          errors: [{ message: 'Output broke' }, { other: true }],
          fieldErrors: { Email: [{ message: 'Bad email' }] },
        },
      },
    };
    expect(reduceErrors(error)).toEqual([
      'Page broke',
      'Name missing',
      'Output broke',
      'Bad email',
    ]);
  });

  it('reads an array body, JavaScript errors, strings and status texts', () => {
    expect(
      reduceErrors([
        { body: [{ message: 'First' }, null, { message: 'Second' }] },
        new Error('Thrown'),
        'Plain text',
        { statusText: 'Server Error', body: {} },
        { body: { fieldErrors: 'not a map', output: 'none' } },
        null,
        42,
        '   ',
      ])
    ).toEqual(['First', 'Second', 'Thrown', 'Plain text', 'Server Error']);
    expect(reduceErrors({ body: 'not a list' })).toEqual([]);
    expect(reduceErrors({ body: { pageErrors: 'nope' } })).toEqual([]);
  });

  it('finds the code prefix of a message', () => {
    expect(errorCodeOf({ body: { message: 'NO_ACCESS: No access.' } })).toBe('NO_ACCESS');
    expect(errorCodeOf(['no code here', 'INVALID_CURSOR: bad'])).toBe('INVALID_CURSOR');
    expect(errorCodeOf('Plain failure')).toBeNull();
    expect(errorCodeOf(undefined)).toBeNull();
  });

  it('drops the code prefix for display', () => {
    expect(withoutCode('NO_ACCESS: No access.')).toBe('No access.');
    expect(withoutCode('Nothing to drop')).toBe('Nothing to drop');
  });
});
