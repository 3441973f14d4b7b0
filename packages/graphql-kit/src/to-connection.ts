// Turns a read store page ({ items, endCursor, hasNextPage }) into a connection value.
import type { ConnectionValue, EdgeValue, TotalCount } from './connection.type.js';

/** The read store's Page shape; any source with these fields works. */
export interface PageOf<S> {
  items: readonly S[];
  /** Cursor after the last item, or null when the page is empty. */
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface ToConnectionOptions<S> {
  /**
   * Each item's own cursor, when the source can make one. Without it only the last edge has a cursor
   * (the page's endCursor) and the others have null: clients page with `pageInfo.endCursor`, which is
   * what forward pagination needs; resuming from the middle of a page is then not possible.
   */
  cursorOf?: (item: S, index: number) => string | null;
  /** The `after` argument the page was asked for with; when given, `hasPreviousPage` is true. */
  after?: string | null;
  /** A number, null (unknown, the default) or a function counted only when the client selects totalCount. */
  totalCount?: TotalCount;
}

/** Maps each item with `toNode` and builds edges, nodes and pageInfo. */
export function toConnection<S, N>(
  page: PageOf<S>,
  toNode: (item: S) => N,
  options: ToConnectionOptions<S> = {},
): ConnectionValue<N> {
  const last = page.items.length - 1;
  const edges: Array<EdgeValue<N>> = page.items.map((item, index) => ({
    node: toNode(item),
    cursor: options.cursorOf?.(item, index) ?? (index === last ? page.endCursor : null),
  }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: options.after != null && options.after !== '',
      startCursor: edges[0]?.cursor ?? null,
      endCursor: page.endCursor,
    },
    totalCount: options.totalCount ?? null,
  };
}
