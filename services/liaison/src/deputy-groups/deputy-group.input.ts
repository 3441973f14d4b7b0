// GraphQL inputs and payloads of deputy groups.
import { MutationPayload } from '@liaison/graphql-kit';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DeputyLevelEnum } from '../deputies/deputy.type.js';
import type { DeputyLevel } from '../deputies/events.js';
import { DeputyGroup } from './deputy-group.type.js';

@InputType()
export class FormDeputyGroupInput {
  @Field(() => ID)
  jurisdictionId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => DeputyLevelEnum)
  level!: DeputyLevel;

  @Field(() => String, {
    nullable: true,
    description: 'Idempotency key: re-sending the same commandId changes nothing.',
  })
  commandId?: string | null;
}

@InputType()
export class DisbandDeputyGroupInput {
  @Field(() => ID)
  groupId!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@ObjectType()
export class DeputyGroupPayload extends MutationPayload {
  @Field(() => DeputyGroup, { nullable: true })
  group!: DeputyGroup | null;
}
