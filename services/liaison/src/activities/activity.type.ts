// GraphQL shape of a deputy activity, its participants and its connection.
import { createConnectionTypes, LocalDateScalar, Node, toGlobalId } from '@liaison/graphql-kit';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Attachment } from '../shared/attachment.type.js';
import { ACTIVITY_KINDS, type ActivityKind } from './events.js';
import type { ActivityDocument, ActivityStatus } from './projection.js';

export const ActivityKindEnum = Object.fromEntries(
  ACTIVITY_KINDS.map((kind) => [kind.toUpperCase().replaceAll('-', '_'), kind]),
) as Record<string, ActivityKind>;
registerEnumType(ActivityKindEnum, {
  name: 'ActivityKind',
  description:
    'Thematic activity day (主题活动日), inspection (视察), research (调研), law-enforcement check (执法检查), work evaluation (工作评议), special inquiry (专题询问), training (培训), duty report (述职).',
});

export const ActivityStatusEnum = {
  PLANNED: 'planned',
  HELD: 'held',
  CANCELLED: 'cancelled',
} as const satisfies Record<string, ActivityStatus>;
registerEnumType(ActivityStatusEnum, { name: 'ActivityStatus' });

@ObjectType('ActivityParticipant', { description: 'A deputy invited to or signed in at an activity.' })
export class ActivityParticipant {
  /** The deputy's own id, for the deputy field. */
  rawDeputyId!: string;

  @Field(() => ID, { description: 'The global id of the deputy.' })
  deputyId!: string;

  @Field(() => Boolean, { description: 'False for a deputy who came without an invitation.' })
  invited!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the deputy signed in; null when not (yet).' })
  signedInAt!: Date | null;
}

@ObjectType('ActivityPostponement')
export class ActivityPostponement {
  @Field(() => LocalDateScalar)
  previousDate!: string;

  @Field(() => LocalDateScalar)
  date!: string;

  @Field(() => String)
  reason!: string;
}

@ObjectType('ActivityOutcome')
export class ActivityOutcome {
  @Field(() => String)
  summary!: string;

  @Field(() => Date)
  recordedAt!: Date;
}

@ObjectType('Activity', {
  implements: Node,
  description: 'A deputy activity (代表活动): plan, participants, outcome and attachments.',
})
export class Activity extends Node {
  @Field(() => ID)
  declare id: string;

  activityId!: string;
  stationId!: string | null;
  jurisdictionId!: string;

  @Field(() => ActivityKindEnum)
  kind!: ActivityKind;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  subject!: string;

  @Field(() => LocalDateScalar, { description: 'The Beijing date it takes place (after any postponement).' })
  date!: string;

  @Field(() => String)
  place!: string;

  @Field(() => ActivityStatusEnum)
  status!: ActivityStatus;

  @Field(() => [ActivityParticipant])
  participants!: ActivityParticipant[];

  @Field(() => [ActivityPostponement])
  postponements!: ActivityPostponement[];

  @Field(() => String, { nullable: true })
  cancelledReason!: string | null;

  @Field(() => ActivityOutcome, { nullable: true })
  outcome!: ActivityOutcome | null;

  @Field(() => [Attachment])
  attachments!: Attachment[];

  /** Builds the GraphQL object from its read model document. */
  static from(this: void, document: ActivityDocument): Activity {
    return Object.assign(new Activity(), {
      id: toGlobalId('Activity', document.id),
      activityId: document.id,
      stationId: document.stationId,
      jurisdictionId: document.jurisdictionId,
      kind: document.kind,
      title: document.title,
      subject: document.subject,
      date: document.date,
      place: document.place,
      status: document.status,
      participants: document.participants.map((p) =>
        Object.assign(new ActivityParticipant(), {
          rawDeputyId: p.deputyId,
          deputyId: toGlobalId('Deputy', p.deputyId),
          invited: p.invited,
          signedInAt: p.signedInAt ? new Date(p.signedInAt) : null,
        }),
      ),
      postponements: document.postponements.map(({ previousDate, date, reason }) =>
        Object.assign(new ActivityPostponement(), { previousDate, date, reason }),
      ),
      cancelledReason: document.cancelledReason,
      outcome: document.outcome
        ? Object.assign(new ActivityOutcome(), {
            summary: document.outcome.summary,
            recordedAt: new Date(document.outcome.recordedAt),
          })
        : null,
      attachments: document.attachments.map(Attachment.from),
    });
  }
}

export const { Connection: ActivityConnection } = createConnectionTypes(Activity, 'Activity');
