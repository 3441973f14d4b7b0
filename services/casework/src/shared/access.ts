// Jurisdiction scope for casework: people act on cases within their own jurisdiction's subtree.
import type { Principal } from '@liaison/auth';
import { AccessDeniedError } from '@liaison/graphql-kit';

export { AccessDeniedError };

/** The ids on a jurisdiction path such as '/p1/c1/t1/', root first. */
export function ancestryOf(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** True when the principal's jurisdiction is on the case's path (admins reach everywhere). */
export function coversPath(principal: Principal, path: string): boolean {
  if (principal.roles.includes('admin')) return true;
  return principal.jurisdictionId !== null && ancestryOf(path).includes(principal.jurisdictionId);
}

/** Throws AccessDeniedError unless the principal covers the case's jurisdiction path. */
export function assertCoversPath(principal: Principal, path: string, what: string): void {
  if (!coversPath(principal, path)) {
    throw new AccessDeniedError(
      `${what} is outside your jurisdiction (${principal.jurisdictionId ?? 'none'}); expected a case within its subtree`,
    );
  }
}
