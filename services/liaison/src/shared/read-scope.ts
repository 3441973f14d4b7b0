// Scope of staff reads: a query about a jurisdiction answers only within the reader's own subtree.
import type { Principal } from '@liaison/auth';
import { isDomainError } from '@liaison/decider';
import { requireRole, type RequestContext } from '@liaison/graphql-kit';
import { jurisdictionLoader } from '../jurisdictions/jurisdiction.resolver.js';
import type { JurisdictionDocument } from '../jurisdictions/projection.js';
import { coversPath, STAFF_READERS } from './access.js';
import { forbidden } from './forbidden.js';
import type { LiaisonDeps } from './module-deps.js';
import { decodeId } from './mutation.js';

/** The ids on a path '/a/b/c/': the jurisdiction and its ancestors. */
export function ancestryOf(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/**
 * The jurisdiction a staff query is about, checked against the reader's subtree: the given one (a global id)
 * or, when omitted, the reader's own. Null when the id names no jurisdiction. Throws FORBIDDEN outside the subtree.
 */
export async function scopedJurisdiction(
  context: RequestContext,
  deps: LiaisonDeps,
  globalId: string | null | undefined,
): Promise<{ reader: Principal; jurisdiction: JurisdictionDocument | null }> {
  const reader = requireRole(context, ...STAFF_READERS);
  let id: string | null = reader.jurisdictionId;
  if (globalId) {
    const decoded = decodeId(globalId, 'Jurisdiction', 'jurisdictionId');
    if (isDomainError(decoded)) return { reader, jurisdiction: null };
    id = decoded;
  }
  if (id === null) throw forbidden('expected a jurisdictionId: your role is not bound to a jurisdiction');
  const jurisdiction = await jurisdictionLoader(context, deps).load(id);
  if (jurisdiction && !coversPath(reader, jurisdiction.path)) {
    throw forbidden(
      `jurisdiction ${id} is outside your jurisdiction (${reader.jurisdictionId ?? 'none'}); expected one within its subtree`,
    );
  }
  return { reader, jurisdiction };
}
