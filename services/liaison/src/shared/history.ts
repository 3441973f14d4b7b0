// Reading the placement histories: which entities were in a jurisdiction (or its subtree) on a given day.
import type { Condition, ReadStore } from '@liaison/readstore';
import { GraphQLError } from 'graphql';
import type { PlacementDocument } from './placements-projection.js';

/** The most entities one past-dated listing gathers before paging them in memory. */
const MAX_AS_OF_ITEMS = 5000;

/** Ids of the entities placed, on `asOf`, in the jurisdiction (`jurisdictionId`) or subtree (`pathPrefix`). */
export async function placedOn(
  store: ReadStore,
  collection: 'station_placements' | 'deputy_placements',
  asOf: string,
  where: { jurisdictionId?: string; pathPrefix?: string },
): Promise<string[]> {
  const filter: Record<string, Condition> = { from: { lte: asOf }, to: { gt: asOf } };
  if (where.jurisdictionId) filter.jurisdictionId = where.jurisdictionId;
  if (where.pathPrefix) filter.jurisdictionPath = { prefix: where.pathPrefix };
  const ids = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const page: { items: PlacementDocument[]; endCursor: string | null; hasNextPage: boolean } =
      await store.find<PlacementDocument>(collection, { filter, first: 1000, after });
    for (const item of page.items) ids.add(item.entityId);
    if (ids.size > MAX_AS_OF_ITEMS) {
      throw new GraphQLError(`more than ${MAX_AS_OF_ITEMS} matches on that day; expected a smaller area`, {
        extensions: { code: 'TOO_MANY_RESULTS' },
      });
    }
    if (!page.hasNextPage) return [...ids];
    after = page.endCursor;
  }
}

/** One page of an in-memory list, with an opaque offset cursor. */
export function pageInMemory<T>(items: readonly T[], first: number, after: string | null | undefined) {
  const start = after
    ? Number(
        Buffer.from(after, 'base64url')
          .toString('utf8')
          .replace(/^offset:/, ''),
      )
    : 0;
  const offset = Number.isInteger(start) && start >= 0 ? start : 0;
  const slice = items.slice(offset, offset + first);
  const end = offset + slice.length;
  return {
    items: slice,
    endCursor: slice.length > 0 ? Buffer.from(`offset:${end}`, 'utf8').toString('base64url') : null,
    hasNextPage: end < items.length,
  };
}
