import type { Principal } from '@liaison/auth';
import { GraphQLError } from 'graphql';
import { requireAuthenticated, requireRole } from './guards.js';

const deputy: Principal = { userId: 'd1', roles: ['deputy'], jurisdictionId: 'j1' };

function thrown(action: () => unknown): GraphQLError {
  try {
    action();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a GraphQLError');
}

describe('guards', () => {
  it('let an authenticated caller through and refuse an anonymous one', () => {
    expect(requireAuthenticated({ principal: deputy })).toBe(deputy);
    const error = thrown(() => requireAuthenticated({ principal: null }));
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(/Authorization: Bearer/);
  });

  it('let a caller with any listed role through', () => {
    expect(requireRole({ principal: deputy }, 'station-staff', 'deputy')).toBe(deputy);
  });

  it('refuse other roles with FORBIDDEN, naming what was required and held', () => {
    const error = thrown(() => requireRole({ principal: deputy }, 'congress-office', 'admin'));
    expect(error.extensions.code).toBe('FORBIDDEN');
    expect(error.message).toBe(
      'Forbidden: this requires one of the roles congress-office, admin; you have deputy',
    );
  });

  it('ask an anonymous caller to authenticate before checking roles', () => {
    expect(thrown(() => requireRole({ principal: null }, 'deputy')).extensions.code).toBe('UNAUTHENTICATED');
  });
});
