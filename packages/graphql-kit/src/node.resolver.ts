// `node(id:)` and `nodes(ids:)`: decode global ids and hand each to the fetcher registered for its type.
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { fromGlobalId } from './global-id.js';
import { Node } from './node.type.js';
import type { RequestContext } from './request-context.js';

/**
 * Fetches one object of a type by that type's own id (not the global id); null when it does not exist or
 * the caller may not see it. Return an instance of the type's `@ObjectType` class or an object with
 * `__typename`, so the Node interface can tell its type. Fetch through `context.loaders` so `nodes`
 * batches.
 */
export type NodeFetcher = (context: RequestContext, id: string) => Promise<object | null>;

@Resolver()
export class NodeResolver {
  constructor(private readonly fetchers: Readonly<Record<string, NodeFetcher>>) {}

  /** Resolves one global id; unknown types and malformed ids give null, as Relay expects. */
  @Query(() => Node, {
    nullable: true,
    description: 'Fetches any object by its global id; null when it does not exist or is not visible to you.',
  })
  async node(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<object | null> {
    const decoded = fromGlobalId(id);
    if (!decoded) return null;
    const fetch = this.fetchers[decoded.typename];
    return fetch ? fetch(context, decoded.id) : null;
  }

  /** Resolves many global ids in one round trip per type (through the fetchers' DataLoaders), in order. */
  @Query(() => [Node], {
    nullable: 'items',
    description:
      'Fetches objects by global id, in the order given; null where one does not exist or is not visible.',
    complexity: ({ args, childComplexity }) =>
      1 + (Array.isArray(args.ids) ? args.ids.length : 1) * childComplexity,
  })
  async nodes(
    @Arg('ids', () => [ID]) ids: string[],
    @Ctx() context: RequestContext,
  ): Promise<Array<object | null>> {
    return Promise.all(ids.map((id) => this.node(id, context)));
  }
}
