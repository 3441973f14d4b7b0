// GraphQL of the notification outbox: the messages recorded for deputies, newest first (staff only).
import { isDomainError } from '@liaison/decider';
import {
  ConnectionArgs,
  createConnectionTypes,
  requireRole,
  toConnection,
  toGlobalId,
  type RequestContext,
} from '@liaison/graphql-kit';
import type { Condition, ReadDocument } from '@liaison/readstore';
import { Args, Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { LiaisonDeps } from '../shared/module-deps.js';
import { decodeId } from '../shared/mutation.js';
import type { OutboxDocument } from './outbox.js';

@ObjectType({ description: 'A message recorded in the outbox (the default notification provider).' })
export class OutboxMessage {
  @Field(() => ID, { description: 'The idempotency key the message was recorded under.' })
  key!: string;

  @Field(() => ID)
  deputyId!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String)
  template!: string;

  @Field(() => String)
  text!: string;

  @Field(() => Date)
  recordedAt!: Date;

  /** Builds the GraphQL object from its read model document. */
  static from(this: void, document: OutboxDocument): OutboxMessage {
    return Object.assign(new OutboxMessage(), {
      key: document.id,
      deputyId: toGlobalId('Deputy', document.deputyId),
      phone: document.phone,
      template: document.template,
      text: document.text,
      recordedAt: new Date(document.recordedAt),
    });
  }
}

export const { Connection: OutboxMessageConnection } = createConnectionTypes(OutboxMessage, 'OutboxMessage');

@Resolver()
export class OutboxResolver {
  constructor(private readonly deps: LiaisonDeps) {}

  @Query(() => OutboxMessageConnection, {
    description:
      'Admins and congress offices: messages recorded for deputies, newest first, optionally for one deputy.',
  })
  async notificationOutbox(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('deputyId', () => ID, { nullable: true }) deputyId: string | null,
    @Ctx() context: RequestContext,
  ) {
    requireRole(context, 'admin', 'congress-office');
    const filter: Record<string, Condition> = {};
    if (deputyId) {
      const raw = decodeId(deputyId, 'Deputy', 'deputyId');
      if (isDomainError(raw))
        return {
          ...toConnection({ items: [], endCursor: null, hasNextPage: false }, OutboxMessage.from),
          totalCount: 0,
        };
      filter.deputyId = raw;
    }
    const [page, totalCount] = await Promise.all([
      this.deps.readStore.find<OutboxDocument & ReadDocument>('notification_outbox', {
        filter,
        sort: [['recordedAt', 'desc']],
        first: args.first,
        after: args.after ?? null,
      }),
      this.deps.readStore.count('notification_outbox', filter),
    ]);
    return { ...toConnection(page, OutboxMessage.from), totalCount };
  }
}
