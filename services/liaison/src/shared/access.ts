// Jurisdiction scope: an office or station acts only within its own jurisdiction's subtree.
import type { Principal } from '@liaison/auth';
import { AccessDeniedError } from '@liaison/graphql-kit';

export { AccessDeniedError };

/** True when the principal's jurisdiction is the target or one of its ancestors (admins reach everywhere). */
export function coversJurisdiction(principal: Principal, targetAncestry: readonly string[]): boolean {
  if (principal.roles.includes('admin')) return true;
  return principal.jurisdictionId !== null && targetAncestry.includes(principal.jurisdictionId);
}

/** Throws AccessDeniedError unless the principal covers the target jurisdiction (given as ancestors + itself). */
export function assertCovers(principal: Principal, targetAncestry: readonly string[], what: string): void {
  if (!coversJurisdiction(principal, targetAncestry)) {
    throw new AccessDeniedError(
      `${what} is outside your jurisdiction (${principal.jurisdictionId ?? 'none'}); expected a target within its subtree`,
    );
  }
}

/** The roles that may read staff-only data (each still limited to its jurisdiction's subtree). */
export const STAFF_READERS = ['admin', 'auditor', 'congress-office', 'station-staff'] as const;

/** True when the principal reaches a read-model path `/root/…/self/` (admins and auditors reach everywhere). */
export function coversPath(principal: Principal, path: string): boolean {
  if (principal.roles.includes('admin') || principal.roles.includes('auditor')) return true;
  return principal.jurisdictionId !== null && path.includes(`/${principal.jurisdictionId}/`);
}

/** Throws AccessDeniedError unless the principal reaches the path. */
export function assertCoversPath(principal: Principal, path: string, what: string): void {
  if (!coversPath(principal, path)) {
    throw new AccessDeniedError(
      `${what} is outside your jurisdiction (${principal.jurisdictionId ?? 'none'}); expected a target within its subtree`,
    );
  }
}
