// Pages over a list already in memory (a ranking, a report's rows): cursors are offsets.
import type { PageOf } from '@liaison/graphql-kit';

/** The cursor of the item at `offset`. */
export function offsetCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

/** The offset to start from after `cursor` (0 without one or for a cursor that is not an offset). */
export function offsetAfter(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) + 1 : 0;
}

/** One page of `items` after `after`, each item paired with its offset for its own cursor. */
export function offsetPage<T>(
  items: readonly T[],
  first: number,
  after: string | null | undefined,
): PageOf<{ item: T; offset: number }> {
  const start = offsetAfter(after);
  const slice = items.slice(start, start + first).map((item, index) => ({ item, offset: start + index }));
  return {
    items: slice,
    endCursor: slice.length > 0 ? offsetCursor(start + slice.length - 1) : null,
    hasNextPage: start + slice.length < items.length,
  };
}
