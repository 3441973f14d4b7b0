// GraphQL shapes of webhook delivery: where a partner's deliveries stand, the delivery log and the dead letters.
import { createConnectionTypes, MutationPayload, SafeIntScalar } from '@liaison/graphql-kit';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { DeadLetter as DeadLetterRow, DeliveryLogEntry, WebhookCursor } from './delivery-store.js';

export const DeliveryOutcomeEnum = {
  DELIVERED: 'delivered',
  FAILED: 'failed',
  DEAD_LETTERED: 'dead-lettered',
  GONE: 'gone',
} as const;
registerEnumType(DeliveryOutcomeEnum, {
  name: 'DeliveryOutcome',
  description:
    'Delivered (2xx), failed (retried later), dead-lettered (retries exhausted) or gone (410: webhook disabled).',
});

export const DeliveryKindEnum = { DELIVERY: 'delivery', REDELIVERY: 'redelivery' } as const;
registerEnumType(DeliveryKindEnum, { name: 'DeliveryKind' });

@ObjectType('WebhookStatus', { description: "Where a partner's webhook deliveries stand." })
export class WebhookStatus {
  @Field(() => SafeIntScalar, {
    description: 'Every selected event up to this log position was delivered or dead-lettered.',
  })
  position!: number;

  @Field(() => Int, { description: 'Failed attempts at the next event.' })
  attempts!: number;

  @Field(() => ID, { nullable: true, description: 'The event being retried, if any.' })
  retryingEventId!: string | null;

  @Field(() => Date, { nullable: true })
  nextAttemptAt!: Date | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  static from(this: void, cursor: WebhookCursor): WebhookStatus {
    return Object.assign(new WebhookStatus(), {
      position: cursor.position,
      attempts: cursor.attempts,
      retryingEventId: cursor.eventId,
      nextAttemptAt: cursor.nextAttemptAt,
      lastError: cursor.lastError,
    });
  }
}

@ObjectType('WebhookDelivery', { description: 'One attempt to deliver one event by webhook.' })
export class WebhookDelivery {
  @Field(() => ID)
  eventId!: string;

  @Field(() => SafeIntScalar)
  position!: number;

  @Field(() => Int, { description: '1 for the first attempt at this event, counting up.' })
  attempt!: number;

  @Field(() => DeliveryKindEnum)
  kind!: string;

  @Field(() => DeliveryOutcomeEnum)
  outcome!: string;

  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status; null when none came." })
  status!: number | null;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => Int)
  durationMs!: number;

  @Field(() => Date)
  attemptedAt!: Date;

  static from(this: void, entry: DeliveryLogEntry): WebhookDelivery {
    return Object.assign(new WebhookDelivery(), { ...entry });
  }
}

@ObjectType('DeadLetter', {
  description: 'An event whose retries ran out; redeliver it once the receiver is fixed.',
})
export class DeadLetter {
  @Field(() => ID)
  eventId!: string;

  @Field(() => SafeIntScalar)
  position!: number;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String)
  lastError!: string;

  @Field(() => Date)
  deadAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When a redelivery was asked for and is pending.' })
  requeuedAt!: Date | null;

  static from(this: void, row: DeadLetterRow): DeadLetter {
    return Object.assign(new DeadLetter(), { ...row });
  }
}

export const { Connection: WebhookDeliveryConnection } = createConnectionTypes(
  WebhookDelivery,
  'WebhookDelivery',
);
export const { Connection: DeadLetterConnection } = createConnectionTypes(DeadLetter, 'DeadLetter');

@InputType()
export class RedeliverDeadLettersInput {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'The events (eventId) to redeliver; omitted: every dead letter of the partner (bulk).',
  })
  eventIds?: string[] | null;
}

@InputType()
export class ReplayPartnerWebhookInput {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => SafeIntScalar, {
    description: 'Deliver again every selected event after this global log position (0: the whole history).',
  })
  afterPosition!: number;
}

@ObjectType()
export class RedeliverDeadLettersPayload extends MutationPayload {
  @Field(() => Int, { description: 'How many dead letters were queued for redelivery.' })
  requeued!: number;
}

@ObjectType()
export class ReplayPartnerWebhookPayload extends MutationPayload {
  @Field(() => WebhookStatus, { nullable: true })
  webhookStatus!: WebhookStatus | null;
}
