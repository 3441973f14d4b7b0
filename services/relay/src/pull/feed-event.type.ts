// GraphQL shape of one event in a partner's feed, and its connection (cursor: the global log position).
import { createConnectionTypes, SafeIntScalar } from '@liaison/graphql-kit';
import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import type { FeedItem } from '../contract/partner-feed.js';

@ObjectType('FeedEvent', {
  description:
    'One event a partner subscribed to. The same event (same eventId) may arrive by several transports or twice after a retry: de-duplicate by eventId.',
})
export class FeedEvent {
  @Field(() => ID, { description: "The event's id in the log (the CloudEvent id): the idempotency key." })
  eventId!: string;

  @Field(() => SafeIntScalar, { description: 'Global log position: resume any transport after it.' })
  position!: number;

  @Field(() => String, { description: 'Event type, e.g. StationRegistered.' })
  type!: string;

  @Field(() => String, { description: 'Stream category, e.g. station.' })
  category!: string;

  @Field(() => String, { description: 'Stream id `<category>-<id>`; events of one stream arrive in order.' })
  streamId!: string;

  @Field(() => SafeIntScalar)
  streamPosition!: number;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => Date)
  recordedAt!: Date;

  @Field(() => GraphQLJSON, {
    description: 'The event data (sealed personal data stays sealed or is withheld).',
  })
  data!: unknown;

  @Field(() => GraphQLJSONObject, {
    description: 'The CloudEvents 1.0 JSON form, exactly as webhooks carry it.',
  })
  cloudEvent!: Record<string, unknown>;

  /** Builds the GraphQL object from a feed item. */
  static from(this: void, item: FeedItem): FeedEvent {
    return Object.assign(new FeedEvent(), {
      eventId: item.event.id,
      position: item.event.globalPosition,
      type: item.event.type,
      category: item.event.category,
      streamId: item.event.streamId,
      streamPosition: item.event.streamPosition,
      occurredAt: new Date(item.event.occurredAt),
      recordedAt: new Date(item.event.recordedAt),
      data: item.cloudEvent.data,
      cloudEvent: { ...item.cloudEvent },
    });
  }
}

export const { Connection: FeedEventConnection } = createConnectionTypes(FeedEvent, 'FeedEvent');
