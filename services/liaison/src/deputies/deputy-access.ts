// Who may read a deputy: staff of the deputy's jurisdiction, and staff of the stations the deputy serves.
import type { Principal } from '@liaison/auth';
import type { RequestContext } from '@liaison/graphql-kit';
import { coversPath } from '../shared/access.js';
import type { LiaisonDeps } from '../shared/module-deps.js';
import { stationLoader } from '../stations/station.resolver.js';
import type { DeputyDocument } from './projection.js';

/** True when the principal may read the deputy (one batched station load at most). */
export async function canReadDeputy(
  context: RequestContext,
  deps: LiaisonDeps,
  principal: Principal,
  deputy: DeputyDocument,
): Promise<boolean> {
  if (coversPath(principal, deputy.jurisdictionPath)) return true;
  if (deputy.stations.length === 0) return false;
  const stations = await stationLoader(context, deps).loadMany(deputy.stations.map((s) => s.stationId));
  return stations.some(
    (station) =>
      station !== null && !(station instanceof Error) && coversPath(principal, station.jurisdictionPath),
  );
}
