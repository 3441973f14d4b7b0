// GraphQL inputs and payloads of the jurisdiction mutations.
import { LocalDateScalar, MutationPayload } from '@liaison/graphql-kit';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { JurisdictionLevel } from './events.js';
import { Jurisdiction, JurisdictionLevelEnum } from './jurisdiction.type.js';

@InputType()
export class RegisterJurisdictionInput {
  @Field(() => String)
  name!: string;

  @Field(() => JurisdictionLevelEnum)
  level!: JurisdictionLevel;

  @Field(() => String, { nullable: true })
  code?: string | null;

  @Field(() => ID, { nullable: true, description: 'The parent jurisdiction; omitted only for a province.' })
  parentId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Idempotency key: re-sending the same commandId changes nothing.',
  })
  commandId?: string | null;
}

@InputType()
export class RenameJurisdictionInput {
  @Field(() => ID)
  jurisdictionId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@InputType()
export class MergeJurisdictionInput {
  @Field(() => ID, { description: 'The jurisdiction dissolved into another.' })
  jurisdictionId!: string;

  @Field(() => ID, {
    description: 'The jurisdiction of the same level that takes over its stations, deputies and areas.',
  })
  intoJurisdictionId!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The day it takes effect; today when omitted.',
  })
  effectiveOn?: string | null;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@InputType({ description: 'One jurisdiction a split hands things to, and what it receives by name.' })
export class SplitPartInput {
  @Field(() => ID, { description: 'A registered jurisdiction of the same level.' })
  jurisdictionId!: string;

  @Field(() => [ID], { defaultValue: [] })
  stationIds!: string[];

  @Field(() => [ID], { defaultValue: [] })
  deputyIds!: string[];

  @Field(() => [ID], { defaultValue: [], description: 'Villages or communities that move to this part.' })
  childJurisdictionIds!: string[];
}

@InputType()
export class SplitJurisdictionInput {
  @Field(() => ID, { description: 'The jurisdiction dissolved into several.' })
  jurisdictionId!: string;

  @Field(() => [SplitPartInput])
  parts!: SplitPartInput[];

  @Field(() => ID, { description: 'The part that receives everything the parts do not name, now and later.' })
  remainderJurisdictionId!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The day it takes effect; today when omitted.',
  })
  effectiveOn?: string | null;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@ObjectType()
export class JurisdictionPayload extends MutationPayload {
  @Field(() => Jurisdiction, { nullable: true })
  jurisdiction!: Jurisdiction | null;
}
