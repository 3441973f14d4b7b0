// What every casework board shares: decoding its scope ids, date ranges, and one page with its total.
import { isDomainError } from '@liaison/decider';
import { toConnection, type ConnectionArgs } from '@liaison/graphql-kit';
import type { Condition, Filter, ReadDocument, SortDirection } from '@liaison/readstore';
import { GraphQLError } from 'graphql';
import type { CaseworkDeps } from './module-deps.js';
import { decodeId } from './mutation.js';

/** The raw station and jurisdiction ids of a board filter; BAD_USER_INPUT when either is not such an id. */
export function boardScopeIds(filter: { stationId?: string | null; jurisdictionId?: string | null } | null): {
  stationId: string | null;
  jurisdictionId: string | null;
} {
  const stationId = filter?.stationId ? decodeId(filter.stationId, 'Station', 'stationId') : null;
  const jurisdictionId = filter?.jurisdictionId
    ? decodeId(filter.jurisdictionId, 'Jurisdiction', 'jurisdictionId')
    : null;
  if (isDomainError(stationId) || isDomainError(jurisdictionId))
    throw new GraphQLError('expected a Station or Jurisdiction id', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  return { stationId, jurisdictionId };
}

/** A range condition on a date field from optional inclusive bounds, or undefined when neither is given. */
export function dateRange(from?: string | null, to?: string | null): Condition | undefined {
  if (!from && !to) return undefined;
  return { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) };
}

/** One page of a board as a connection, with the total count of the filter. */
export async function boardPage<D extends ReadDocument, N>(
  deps: CaseworkDeps,
  collection: string,
  query: { filter: Filter; sort: ReadonlyArray<readonly [string, SortDirection]> },
  args: ConnectionArgs,
  toNode: (document: D) => N,
) {
  const [page, totalCount] = await Promise.all([
    deps.readStore.find<D>(collection, {
      filter: query.filter,
      sort: query.sort,
      first: args.first,
      after: args.after ?? null,
    }),
    deps.readStore.count(collection, query.filter),
  ]);
  return { ...toConnection(page, toNode, { after: args.after }), totalCount };
}
