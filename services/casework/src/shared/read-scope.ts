// Who may read the case boards, and the filter that keeps each reader inside their jurisdiction's subtree.
import type { Principal, Role } from '@liaison/auth';
import { requireRole, type RequestContext } from '@liaison/graphql-kit';
import type { Condition } from '@liaison/readstore';
import { GraphQLError } from 'graphql';
import type { CaseworkDeps } from './module-deps.js';

/** Roles that read case boards (auditors read everything, as admins do). */
export const CASE_READERS: Role[] = [
  'admin',
  'auditor',
  'congress-office',
  'station-staff',
  'handling-unit',
  'deputy',
];

function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** The jurisdiction path prefix the reader sees: '' for platform-wide roles. */
export async function readerPath(deps: CaseworkDeps, reader: Principal): Promise<string> {
  if (reader.roles.includes('admin') || reader.roles.includes('auditor')) return '';
  if (!reader.jurisdictionId)
    throw forbidden('your token names no jurisdiction; expected one to read cases in');
  const [jurisdiction] = await deps.readStore.load<{ id: string; path: string }>('jurisdictions', [
    reader.jurisdictionId,
  ]);
  if (!jurisdiction) throw forbidden(`your jurisdiction ${reader.jurisdictionId} is not registered`);
  return jurisdiction.path;
}

/** True when the reader may see a case at `path`. */
export async function canRead(deps: CaseworkDeps, reader: Principal, path: string): Promise<boolean> {
  return path.startsWith(await readerPath(deps, reader));
}

/** The reader (one of CASE_READERS), or a thrown UNAUTHENTICATED / FORBIDDEN. */
export function requireCaseReader(context: RequestContext): Principal {
  return requireRole(context, ...CASE_READERS);
}

/**
 * Conditions for a board: by station, by jurisdiction subtree, or by lead unit, always inside the reader's
 * subtree; throws FORBIDDEN when the station or jurisdiction asked for lies outside it.
 */
export async function boardConditions(
  deps: CaseworkDeps,
  reader: Principal,
  by: { stationId?: string | null; jurisdictionId?: string | null; unitId?: string | null },
): Promise<Record<string, Condition>> {
  const mine = await readerPath(deps, reader);
  const conditions: Record<string, Condition> = mine ? { jurisdictionPath: { prefix: mine } } : {};
  if (by.jurisdictionId) {
    const [jurisdiction] = await deps.readStore.load<{ id: string; path: string }>('jurisdictions', [
      by.jurisdictionId,
    ]);
    if (!jurisdiction || !jurisdiction.path.startsWith(mine))
      throw forbidden(`jurisdiction ${by.jurisdictionId} is outside your jurisdiction's subtree`);
    conditions.jurisdictionPath = { prefix: jurisdiction.path };
  }
  if (by.stationId) {
    const [station] = await deps.readStore.load<{ id: string; jurisdictionPath: string }>('stations', [
      by.stationId,
    ]);
    if (!station || !station.jurisdictionPath.startsWith(mine))
      throw forbidden(`station ${by.stationId} is outside your jurisdiction's subtree`);
    conditions.stationId = by.stationId;
  }
  if (by.unitId) conditions.leadUnitId = by.unitId;
  return conditions;
}
