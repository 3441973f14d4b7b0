// GraphQL inputs, filters and payloads of deputies.
import { LocalDateScalar, MutationPayload } from '@liaison/graphql-kit';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { DeputyGroupRole, DeputyLevel } from './events.js';
import type { DeputyStatus } from './projection.js';
import { Deputy, DeputyGroupRoleEnum, DeputyLevelEnum, DeputyStatusEnum } from './deputy.type.js';

const COMMAND_ID = 'Idempotency key: re-sending the same commandId changes nothing.';

@InputType({ description: 'Personal data; empty values are stored as none.' })
export class DeputyContactInput {
  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;
}

@InputType()
export class DeputyTermInput {
  @Field(() => Int, { description: '届次: the congress term number.' })
  number!: number;

  @Field(() => LocalDateScalar)
  startsOn!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  endsOn?: string | null;
}

@InputType()
export class RegisterDeputyInput {
  @Field(() => ID, { description: 'The jurisdiction whose congress office keeps the deputy’s record.' })
  jurisdictionId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => DeputyLevelEnum)
  level!: DeputyLevel;

  @Field(() => String)
  constituency!: string;

  @Field(() => DeputyTermInput)
  term!: DeputyTermInput;

  @Field(() => String, { nullable: true })
  employer?: string | null;

  @Field(() => String, { nullable: true })
  sector?: string | null;

  @Field(() => DeputyContactInput, { nullable: true })
  contact?: DeputyContactInput | null;

  @Field(() => String, { nullable: true, description: COMMAND_ID })
  commandId?: string | null;
}

@InputType()
export class UpdateDeputyProfileInput {
  @Field(() => ID)
  deputyId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  constituency!: string;

  @Field(() => String, { nullable: true })
  employer?: string | null;

  @Field(() => String, { nullable: true })
  sector?: string | null;

  @Field(() => String, { nullable: true, description: COMMAND_ID })
  commandId?: string | null;
}

@InputType()
export class ChangeDeputyContactInput {
  @Field(() => ID)
  deputyId!: string;

  @Field(() => DeputyContactInput)
  contact!: DeputyContactInput;

  @Field(() => String, { nullable: true, description: COMMAND_ID })
  commandId?: string | null;
}

@InputType()
export class AssignDeputyToStationInput {
  @Field(() => ID)
  deputyId!: string;

  @Field(() => ID)
  stationId!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'First day; today (Beijing time) when omitted.',
  })
  since?: string | null;

  @Field(() => String, { nullable: true, description: COMMAND_ID })
  commandId?: string | null;
}

@InputType()
export class RemoveDeputyFromStationInput {
  @Field(() => ID)
  deputyId!: string;

  @Field(() => ID)
  stationId!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Last day; today (Beijing time) when omitted.',
  })
  until?: string | null;

  @Field(() => String, { defaultValue: '' })
  reason!: string;

  @Field(() => String, { nullable: true, description: COMMAND_ID })
  commandId?: string | null;
}

@InputType()
export class JoinDeputyGroupInput {
  @Field(() => ID)
  deputyId!: string;

  @Field(() => ID)
  groupId!: string;

  @Field(() => DeputyGroupRoleEnum, { defaultValue: 'member' })
  role!: DeputyGroupRole;

  @Field(() => String, { nullable: true, description: COMMAND_ID })
  commandId?: string | null;
}

@InputType()
export class LeaveDeputyGroupInput {
  @Field(() => ID)
  deputyId!: string;

  @Field(() => ID)
  groupId!: string;

  @Field(() => String, { nullable: true, description: COMMAND_ID })
  commandId?: string | null;
}

@InputType()
export class EndDeputyTermInput {
  @Field(() => ID)
  deputyId!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Last day of the term; today (Beijing time) when omitted.',
  })
  endedOn?: string | null;

  @Field(() => String, { nullable: true, description: COMMAND_ID })
  commandId?: string | null;
}

@InputType()
export class ResignDeputyInput {
  @Field(() => ID)
  deputyId!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Last day of service; today (Beijing time) when omitted.',
  })
  resignedOn?: string | null;

  @Field(() => String)
  reason!: string;

  @Field(() => String, { nullable: true, description: COMMAND_ID })
  commandId?: string | null;
}

@InputType({ description: 'Every given condition must hold.' })
export class DeputyFilter {
  @Field(() => ID, {
    nullable: true,
    description:
      'Deputies kept in this jurisdiction and, by default, below it; your own jurisdiction when omitted.',
  })
  jurisdictionId?: string | null;

  @Field(() => Boolean, { defaultValue: true })
  includeSubJurisdictions!: boolean;

  @Field(() => DeputyLevelEnum, { nullable: true })
  level?: DeputyLevel | null;

  @Field(() => DeputyStatusEnum, { nullable: true })
  status?: DeputyStatus | null;

  @Field(() => String, { nullable: true })
  nameStartsWith?: string | null;
}

@ObjectType()
export class DeputyPayload extends MutationPayload {
  @Field(() => Deputy, { nullable: true })
  deputy!: Deputy | null;
}
