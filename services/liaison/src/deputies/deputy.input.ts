// GraphQL inputs, filters and payloads of deputies.
import { CommandInput, LocalDateScalar, MutationPayload } from '@liaison/graphql-kit';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { DeputyGroupRole, DeputyLevel } from './events.js';
import type { DeputyStatus } from './projection.js';
import { Deputy, DeputyGroupRoleEnum, DeputyLevelEnum, DeputyStatusEnum } from './deputy.type.js';

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

// Abstract: no argument takes it, so type-graphql never emits it; the inputs of commands on one deputy inherit it.
@InputType('DeputyCommandInput')
export abstract class DeputyCommandInput extends CommandInput {
  @Field(() => ID)
  deputyId!: string;
}

@InputType()
export class RegisterDeputyInput extends CommandInput {
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
}

@InputType()
export class UpdateDeputyProfileInput extends DeputyCommandInput {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  constituency!: string;

  @Field(() => String, { nullable: true })
  employer?: string | null;

  @Field(() => String, { nullable: true })
  sector?: string | null;
}

@InputType()
export class ChangeDeputyContactInput extends DeputyCommandInput {
  @Field(() => DeputyContactInput)
  contact!: DeputyContactInput;
}

@InputType()
export class AssignDeputyToStationInput extends DeputyCommandInput {
  @Field(() => ID)
  stationId!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'First day; today (Beijing time) when omitted.',
  })
  since?: string | null;
}

@InputType()
export class RemoveDeputyFromStationInput extends DeputyCommandInput {
  @Field(() => ID)
  stationId!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Last day; today (Beijing time) when omitted.',
  })
  until?: string | null;

  @Field(() => String, { defaultValue: '' })
  reason!: string;
}

@InputType()
export class JoinDeputyGroupInput extends DeputyCommandInput {
  @Field(() => ID)
  groupId!: string;

  @Field(() => DeputyGroupRoleEnum, { defaultValue: 'member' })
  role!: DeputyGroupRole;
}

@InputType()
export class LeaveDeputyGroupInput extends DeputyCommandInput {
  @Field(() => ID)
  groupId!: string;
}

@InputType()
export class EndDeputyTermInput extends DeputyCommandInput {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Last day of the term; today (Beijing time) when omitted.',
  })
  endedOn?: string | null;
}

@InputType()
export class ResignDeputyInput extends DeputyCommandInput {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Last day of service; today (Beijing time) when omitted.',
  })
  resignedOn?: string | null;

  @Field(() => String)
  reason!: string;
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

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'Report deputies under the jurisdiction that kept them on this day (before a merger or split); other conditions apply as they are now.',
  })
  asOf?: string | null;
}

@ObjectType()
export class DeputyPayload extends MutationPayload {
  @Field(() => Deputy, { nullable: true })
  deputy!: Deputy | null;
}
