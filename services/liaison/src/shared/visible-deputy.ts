// A deputy shown beside records and activities: only to callers who may read that deputy, else null.
import type { RequestContext } from '@liaison/graphql-kit';
import { canReadDeputy } from '../deputies/deputy-access.js';
import { deputyLoader } from '../deputies/deputy.resolver.js';
import { Deputy } from '../deputies/deputy.type.js';
import type { LiaisonDeps } from './module-deps.js';

/** The deputy when the caller is that deputy or may read them; null when missing or out of reach. */
export async function visibleDeputy(
  context: RequestContext,
  deps: LiaisonDeps,
  deputyId: string,
): Promise<Deputy | null> {
  const principal = context.principal;
  if (!principal) return null;
  const document = await deputyLoader(context, deps).load(deputyId);
  if (!document) return null;
  const readable = principal.userId === deputyId || (await canReadDeputy(context, deps, principal, document));
  return readable ? Deputy.from(document) : null;
}
