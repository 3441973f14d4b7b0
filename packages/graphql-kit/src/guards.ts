// Authorisation guards for resolvers: thrown GraphQL errors with UNAUTHENTICATED or FORBIDDEN.
import type { Principal, Role } from '@liaison/auth';
import { GraphQLError } from 'graphql';
import type { RequestContext } from './request-context.js';

/** The caller's principal; throws UNAUTHENTICATED for an anonymous request. */
export function requireAuthenticated(context: Pick<RequestContext, 'principal'>): Principal {
  if (context.principal) return context.principal;
  throw new GraphQLError(
    'Authentication required: send an Authorization: Bearer <token> header; received none',
    {
      extensions: { code: 'UNAUTHENTICATED' },
    },
  );
}

/**
 * The caller's principal when it holds at least one of `roles`; throws UNAUTHENTICATED when anonymous and
 * FORBIDDEN otherwise. Roles are matched as listed: admin passes only where it is listed.
 */
export function requireRole(context: Pick<RequestContext, 'principal'>, ...roles: Role[]): Principal {
  const principal = requireAuthenticated(context);
  if (roles.some((role) => principal.roles.includes(role))) return principal;
  const held = principal.roles.length > 0 ? principal.roles.join(', ') : 'none';
  throw new GraphQLError(`Forbidden: this requires one of the roles ${roles.join(', ')}; you have ${held}`, {
    extensions: { code: 'FORBIDDEN' },
  });
}
