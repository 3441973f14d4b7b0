import type { DomainError } from '@liaison/decider';
import { userErrorsOf } from './user-error.type.js';

describe('userErrorsOf', () => {
  it('keeps the code and message and copies the field path', () => {
    const field = ['input', 'name'] as const;
    const error: DomainError = {
      kind: 'domain-error',
      code: 'NAME_TAKEN',
      message: 'expected a new name; received "A"',
      field,
    };
    const [userError] = userErrorsOf(error);
    expect(userError).toEqual({
      code: 'NAME_TAKEN',
      message: 'expected a new name; received "A"',
      field: ['input', 'name'],
    });
    expect(userError?.field).not.toBe(field);
  });

  it('gives a null field when the error names none', () => {
    expect(userErrorsOf({ kind: 'domain-error', code: 'CLOSED', message: 'the station is closed' })).toEqual([
      { code: 'CLOSED', message: 'the station is closed', field: null },
    ]);
  });
});
