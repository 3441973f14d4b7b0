// The pull API: a partner reads its selection of the global log as a Relay connection keyed by position.
import { requireRole, toConnection, type RequestContext } from '@liaison/graphql-kit';
import { GraphQLError } from 'graphql';
import { Max, Min } from 'class-validator';
import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import type { PartnerFeed } from '../contract/partner-feed.js';
import type { Selection } from '../contract/selection.js';
import { partnerLoader } from '../partners/partner.resolver.js';
import type { RelayDeps } from '../shared/relay-deps.js';
import { FeedEvent, FeedEventConnection } from './feed-event.type.js';
import { positionOf } from './position-cursor.js';

export const MAX_FEED_PAGE = 500;

@ArgsType()
export class FeedArgs {
  @Field(() => Int, { defaultValue: 100, description: `How many events to return: 1 to ${MAX_FEED_PAGE}.` })
  @Min(1, { message: `first must be between 1 and ${MAX_FEED_PAGE}; received $value` })
  @Max(MAX_FEED_PAGE, { message: `first must be between 1 and ${MAX_FEED_PAGE}; received $value` })
  first!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Return events after this global log position (an endCursor or any position you stored).',
  })
  after?: string | null;
}

/** The selection of the partner behind a request; FORBIDDEN when its registration is gone. */
export async function selectionOf(context: RequestContext, deps: RelayDeps): Promise<Selection> {
  const actor = requireRole(context, 'partner');
  const partner = await partnerLoader(context, deps).load(actor.userId);
  if (!partner) {
    throw new GraphQLError(`Forbidden: no partner ${actor.userId} is registered`, {
      extensions: { code: 'FORBIDDEN' },
    });
  }
  return {
    eventTypes: partner.eventTypes,
    jurisdictionIds: partner.jurisdictionIds,
    personalData: partner.personalData,
  };
}

@Resolver()
export class FeedResolver {
  constructor(
    private readonly deps: RelayDeps,
    private readonly feed: PartnerFeed,
  ) {}

  @Query(() => FeedEventConnection, {
    description:
      "The calling partner's events in log order after a position. Page with pageInfo.endCursor until hasNextPage is false; a page may hold fewer than `first` events (or none) and still have a next page when many events outside the subscription were passed over.",
    complexity: ({ args }) => 10 + Math.ceil(Number(args.first ?? 100) / 10),
  })
  async partnerEvents(@Args(() => FeedArgs) args: FeedArgs, @Ctx() context: RequestContext) {
    const selection = await selectionOf(context, this.deps);
    const after = positionOf(args.after, 'after');
    const page = await this.feed.page(selection, after, args.first);
    return toConnection(
      { items: page.items, endCursor: String(page.position), hasNextPage: page.hasNextPage },
      FeedEvent.from,
      { cursorOf: (item) => String(item.event.globalPosition), after: args.after },
    );
  }
}
