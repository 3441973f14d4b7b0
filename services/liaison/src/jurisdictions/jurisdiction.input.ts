// GraphQL inputs and payloads of the jurisdiction mutations.
import { MutationPayload } from '@liaison/graphql-kit';
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

@ObjectType()
export class JurisdictionPayload extends MutationPayload {
  @Field(() => Jurisdiction, { nullable: true })
  jurisdiction!: Jurisdiction | null;
}
