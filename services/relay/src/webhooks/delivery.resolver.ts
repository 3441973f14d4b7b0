// GraphQL for webhook delivery: status, delivery log and dead letters of a partner; redelivery and replay.
import { isDomainError, domainError } from '@liaison/decider';
import {
  ConnectionArgs,
  requireRole,
  toConnection,
  userErrorsOf,
  type RequestContext,
} from '@liaison/graphql-kit';
import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Partner } from '../partners/partner.type.js';
import type { PartnerService } from '../partners/service.js';
import { positionOf } from '../pull/position-cursor.js';
import { decodeId } from '../shared/mutation.js';
import type { DeliveryStore } from './delivery-store.js';
import {
  DeadLetter,
  DeadLetterConnection,
  RedeliverDeadLettersInput,
  RedeliverDeadLettersPayload,
  ReplayPartnerWebhookInput,
  ReplayPartnerWebhookPayload,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookStatus,
} from './delivery.type.js';

export class DeliveryControl {
  /** Set by the composition root when this process runs the dispatcher, so changes take effect at once. */
  wake: (partnerId: string) => void = () => undefined;
}

@Resolver(() => Partner)
export class PartnerDeliveryResolver {
  constructor(
    private readonly store: DeliveryStore,
    private readonly partners: PartnerService,
    private readonly control: DeliveryControl,
    private readonly now: () => Date,
  ) {}

  @FieldResolver(() => WebhookStatus, {
    nullable: true,
    description: 'Null until the first webhook delivery.',
  })
  async webhookStatus(@Root() partner: Partner): Promise<WebhookStatus | null> {
    const cursor = await this.store.findCursor(partner.partnerId);
    return cursor && WebhookStatus.from(cursor);
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'The webhook delivery log, newest first.' })
  async webhookDeliveries(@Root() partner: Partner, @Args(() => ConnectionArgs) args: ConnectionArgs) {
    const before = args.after ? positionOf(args.after, 'after') : null;
    const rows = await this.store.deliveries(partner.partnerId, before, args.first + 1);
    return keysetConnection(rows, args, (item) => item.seq, WebhookDelivery.from);
  }

  @FieldResolver(() => DeadLetterConnection, { description: 'Events whose retries ran out, by position.' })
  async deadLetters(@Root() partner: Partner, @Args(() => ConnectionArgs) args: ConnectionArgs) {
    const after = positionOf(args.after, 'after');
    const rows = await this.store.deadLetters(partner.partnerId, after, args.first + 1);
    return keysetConnection(rows, args, (item) => item.position, DeadLetter.from);
  }

  @Mutation(() => RedeliverDeadLettersPayload, {
    description:
      'Queues dead letters for one more delivery each: the given events, or all of the partner (bulk).',
  })
  async redeliverDeadLetters(
    @Arg('input', () => RedeliverDeadLettersInput) input: RedeliverDeadLettersInput,
    @Ctx() context: RequestContext,
  ): Promise<RedeliverDeadLettersPayload> {
    requireRole(context, 'admin');
    const partnerId = await this.knownPartner(input.partnerId);
    if (isDomainError(partnerId)) return { userErrors: userErrorsOf(partnerId), position: null, requeued: 0 };
    const requeued = await this.store.requeue(partnerId, input.eventIds ?? null, this.now());
    this.control.wake(partnerId);
    return { userErrors: [], position: null, requeued };
  }

  @Mutation(() => ReplayPartnerWebhookPayload, {
    description:
      "Moves a partner's webhook cursor: every selected event after the position is delivered (again).",
  })
  async replayPartnerWebhook(
    @Arg('input', () => ReplayPartnerWebhookInput) input: ReplayPartnerWebhookInput,
    @Ctx() context: RequestContext,
  ): Promise<ReplayPartnerWebhookPayload> {
    requireRole(context, 'admin');
    const partnerId = await this.knownPartner(input.partnerId);
    if (isDomainError(partnerId))
      return { userErrors: userErrorsOf(partnerId), position: null, webhookStatus: null };
    if (!Number.isSafeInteger(input.afterPosition) || input.afterPosition < 0) {
      const error = domainError(
        'INVALID_POSITION',
        `expected a position of 0 or more; received ${input.afterPosition}`,
        ['afterPosition'],
      );
      return { userErrors: userErrorsOf(error), position: null, webhookStatus: null };
    }
    await this.store.replay(partnerId, input.afterPosition, this.now());
    this.control.wake(partnerId);
    const cursor = await this.store.findCursor(partnerId);
    return { userErrors: [], position: null, webhookStatus: cursor && WebhookStatus.from(cursor) };
  }

  private async knownPartner(globalId: string) {
    const partnerId = decodeId(globalId, 'Partner', 'partnerId');
    if (isDomainError(partnerId)) return partnerId;
    const state = await this.partners.state(partnerId);
    return state.status === 'registered'
      ? partnerId
      : domainError('PARTNER_NOT_FOUND', `no partner ${globalId} is registered`, ['partnerId']);
  }
}

/** A connection from `first + 1` rows read after a key: the extra row only tells that there is a next page. */
function keysetConnection<S, N>(
  rows: readonly S[],
  args: ConnectionArgs,
  keyOf: (item: S) => number,
  toNode: (item: S) => N,
) {
  const items = rows.slice(0, args.first);
  return toConnection(
    {
      items,
      endCursor: items.length > 0 ? String(keyOf(items.at(-1)!)) : null,
      hasNextPage: rows.length > args.first,
    },
    toNode,
    { cursorOf: (item) => String(keyOf(item)), after: args.after },
  );
}
