// GraphQL shape of an event as stored in the log, for auditors: envelope, data, metadata and hash-chain link.
import { createConnectionTypes, SafeIntScalar } from '@liaison/graphql-kit';
import type { RecordedEvent } from '@liaison/eventstore';
import { JSONResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('AuditEventMetadata', { description: 'Who did it, for whom, and why.' })
export class AuditEventMetadata {
  @Field(() => String)
  actorId!: string;

  @Field(() => String)
  role!: string;

  @Field(() => String, { nullable: true, description: 'The jurisdiction the actor acted within.' })
  jurisdictionId!: string | null;

  @Field(() => String)
  commandId!: string;

  @Field(() => String)
  correlationId!: string;

  @Field(() => String, { nullable: true })
  causationId!: string | null;
}

@ObjectType('AuditEvent', {
  description: 'An event exactly as stored in the log (personal data in its stored, encrypted form).',
})
export class AuditEvent {
  @Field(() => ID, { description: 'The event id (UUID).' })
  id!: string;

  @Field(() => String)
  type!: string;

  @Field(() => Int)
  schemaVersion!: number;

  @Field(() => String)
  streamId!: string;

  @Field(() => String)
  category!: string;

  @Field(() => Int)
  streamPosition!: number;

  @Field(() => SafeIntScalar)
  globalPosition!: number;

  @Field(() => Date, { description: 'Business time.' })
  occurredAt!: Date;

  @Field(() => Date, { description: 'When the store accepted the event.' })
  recordedAt!: Date;

  @Field(() => JSONResolver)
  data!: unknown;

  @Field(() => AuditEventMetadata)
  metadata!: AuditEventMetadata;

  @Field(() => String, { description: "SHA-256 of the stream's previous event (64 zeros for the first)." })
  previousHash!: string;

  @Field(() => String, { description: 'SHA-256 over this event as stored, including previousHash.' })
  hash!: string;

  /** The GraphQL object of a recorded event. */
  static from(this: void, event: RecordedEvent): AuditEvent {
    return Object.assign(new AuditEvent(), {
      ...event,
      occurredAt: new Date(event.occurredAt),
      recordedAt: new Date(event.recordedAt),
      metadata: Object.assign(new AuditEventMetadata(), event.metadata),
    });
  }
}

export const { Connection: AuditEventConnection } = createConnectionTypes(AuditEvent, 'AuditEvent');
