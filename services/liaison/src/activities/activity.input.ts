// GraphQL inputs, filters and payloads of activities.
import { LocalDateScalar, MutationPayload } from '@liaison/graphql-kit';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { AttachmentInput } from '../shared/attachment.type.js';
import { Activity, ActivityKindEnum, ActivityStatusEnum } from './activity.type.js';
import type { ActivityKind } from './events.js';
import type { ActivityStatus } from './projection.js';

const COMMAND_ID = {
  nullable: true,
  description: 'Idempotency key: re-sending the same commandId changes nothing.',
};

@InputType()
export class PlanActivityInput {
  @Field(() => ActivityKindEnum)
  kind!: ActivityKind;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  subject!: string;

  @Field(() => LocalDateScalar, { description: 'The Beijing date it takes place.' })
  date!: string;

  @Field(() => String)
  place!: string;

  @Field(() => ID, { nullable: true, description: 'The hosting station; omit for an office activity.' })
  stationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organising jurisdiction, when no station hosts.' })
  jurisdictionId?: string | null;

  @Field(() => String, COMMAND_ID)
  commandId?: string | null;
}

@InputType()
export class InviteActivityParticipantsInput {
  @Field(() => ID)
  activityId!: string;

  @Field(() => [ID], { description: 'Global ids of the deputies; those already invited are skipped.' })
  deputyIds!: string[];

  @Field(() => String, COMMAND_ID)
  commandId?: string | null;
}

@InputType()
export class SignInToActivityInput {
  @Field(() => ID)
  activityId!: string;

  @Field(() => ID)
  deputyId!: string;

  @Field(() => Date, {
    nullable: true,
    description: 'When the deputy signed in, for a paper sheet entered later (staff only); now when omitted.',
  })
  signedInAt?: Date | null;

  @Field(() => String, COMMAND_ID)
  commandId?: string | null;
}

@InputType()
export class PostponeActivityInput {
  @Field(() => ID)
  activityId!: string;

  @Field(() => LocalDateScalar, { description: 'The new, later Beijing date.' })
  date!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => String, COMMAND_ID)
  commandId?: string | null;
}

@InputType()
export class CancelActivityInput {
  @Field(() => ID)
  activityId!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => String, COMMAND_ID)
  commandId?: string | null;
}

@InputType()
export class RecordActivityOutcomeInput {
  @Field(() => ID)
  activityId!: string;

  @Field(() => String)
  summary!: string;

  @Field(() => [AttachmentInput], { defaultValue: [] })
  attachments!: AttachmentInput[];

  @Field(() => String, COMMAND_ID)
  commandId?: string | null;
}

@InputType()
export class AddActivityAttachmentsInput {
  @Field(() => ID)
  activityId!: string;

  @Field(() => [AttachmentInput])
  attachments!: AttachmentInput[];

  @Field(() => String, COMMAND_ID)
  commandId?: string | null;
}

@InputType({ description: 'Every given condition must hold.' })
export class ActivityFilter {
  @Field(() => ID, {
    nullable: true,
    description:
      'Activities in this jurisdiction and everywhere below it; your own jurisdiction when omitted.',
  })
  jurisdictionId?: string | null;

  @Field(() => ID, { nullable: true })
  stationId?: string | null;

  @Field(() => ActivityKindEnum, { nullable: true })
  kind?: ActivityKind | null;

  @Field(() => ActivityStatusEnum, { nullable: true })
  status?: ActivityStatus | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'On or after this date.' })
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'On or before this date.' })
  to?: string | null;
}

@ObjectType()
export class ActivityPayload extends MutationPayload {
  @Field(() => Activity, { nullable: true })
  activity!: Activity | null;
}
