// Jurisdiction scope: an office or station acts only within its own jurisdiction's subtree.
import type { Principal } from '@liaison/auth';

/** Thrown when an actor reaches outside its jurisdiction or role; the gateway answers FORBIDDEN. */
export class AccessDeniedError extends Error {
  readonly code = 'FORBIDDEN';
  constructor(message: string) {
    super(message);
    this.name = 'AccessDeniedError';
  }
}

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
