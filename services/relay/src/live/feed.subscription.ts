// graphql-ws subscription to a partner's feed: catch up from `resumeFrom`, then continue live, with no gap.
import type { RequestContext } from '@liaison/graphql-kit';
import { GraphQLError } from 'graphql';
import { Arg, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { PartnerFeed } from '../contract/partner-feed.js';
import { FeedEvent } from '../pull/feed-event.type.js';
import { selectionOf } from '../pull/feed.resolver.js';
import { positionOf } from '../pull/position-cursor.js';
import type { RelayDeps } from '../shared/relay-deps.js';

/** The context of an operation over graphql-ws: the request context plus what the feed needs. */
export interface LiveContext extends RequestContext {
  live: { feed: PartnerFeed; deps: RelayDeps; signal: AbortSignal };
}

function isLive(context: unknown): context is LiveContext {
  return typeof context === 'object' && context !== null && 'live' in context;
}

/** The partner's events after `resumeFrom` (or from now), one at a time, until the client unsubscribes. */
async function* feedEvents(
  context: LiveContext,
  resumeFrom: string | null | undefined,
): AsyncGenerator<FeedEvent> {
  const { feed, deps } = context.live;
  const selection = await selectionOf(context, deps);
  const after =
    resumeFrom == null ? await deps.eventStore.headPosition() : positionOf(resumeFrom, 'resumeFrom');
  // The feed is stopped by its own signal when the client leaves (the generator's return() ends the loop).
  const controller = new AbortController();
  const stop = () => controller.abort();
  context.live.signal.addEventListener('abort', stop, { once: true });
  try {
    for await (const batch of feed.follow(selection, after, controller.signal)) {
      for (const item of batch.items) yield FeedEvent.from(item);
    }
  } finally {
    controller.abort();
    context.live.signal.removeEventListener('abort', stop);
  }
}

function subscribe({
  args,
  context,
}: SubscribeResolverData<unknown, { resumeFrom?: string | null }, unknown>) {
  if (!isLive(context)) {
    throw new GraphQLError('Subscriptions are served over graphql-ws (WebSocket) at /graphql', {
      extensions: { code: 'BAD_REQUEST' },
    });
  }
  return feedEvents(context, args.resumeFrom);
}

@Resolver()
export class FeedSubscriptionResolver {
  @Subscription(() => FeedEvent, {
    subscribe,
    description:
      "The calling partner's events, live. With resumeFrom (a position, e.g. the last one received) it first catches up from the log, then continues live without a gap; without it, it starts now. Over graphql-ws, authenticated by connectionParams.authorization = 'Bearer <API key>'.",
  })
  partnerEvents(
    @Root() event: FeedEvent,
    @Arg('resumeFrom', () => String, {
      nullable: true,
      description: 'Deliver events after this global log position.',
    })
    _resumeFrom?: string | null,
  ): FeedEvent {
    return event;
  }
}
