// Relay cursor connections: a factory for each node type's `XConnection` and `XEdge` object types.
import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PageInfo } from './page-info.type.js';

export interface EdgeValue<N> {
  node: N;
  /** This item's own cursor when the source knows it; otherwise only the last edge has one (the page's endCursor). */
  cursor: string | null;
}

/** A total that is counted only if the client selects `totalCount`: a number, null (unknown) or a function. */
export type TotalCount = number | null | (() => number | null | Promise<number | null>);

/** What a resolver returns for a connection field (see toConnection). */
export interface ConnectionValue<N> {
  edges: Array<EdgeValue<N>>;
  nodes: N[];
  pageInfo: PageInfo;
  totalCount?: TotalCount;
}

/**
 * Builds `${name}Connection` (edges, nodes, pageInfo, totalCount) and `${name}Edge` (node, cursor) for a
 * node type. Call once per type at module level and use the classes as field types.
 */
export function createConnectionTypes<T extends object>(
  nodeType: ClassType<T>,
  name: string,
): { Connection: ClassType<ConnectionValue<T>>; Edge: ClassType<EdgeValue<T>> } {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a connection, with its cursor.` })
  class Edge {
    @Field(() => nodeType)
    node!: T;

    @Field(() => String, {
      nullable: true,
      description:
        "This item's cursor, when the list can give one per item; the last edge always has pageInfo.endCursor.",
    })
    cursor!: string | null;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'The nodes of `edges`, for clients that do not need cursors.' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    // A value's own `totalCount` (number, null or counting function) shadows this method; a function runs only when selected.
    @Field(() => Int, {
      nullable: true,
      description: 'How many items match across all pages; null when not known.',
    })
    totalCount(): number | null | Promise<number | null> {
      return null;
    }
  }

  return { Connection, Edge };
}
