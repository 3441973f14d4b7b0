// The base every mutation payload extends: user errors, and the log position the mutation wrote.
import { Field, ObjectType } from 'type-graphql';
import { SafeIntScalar } from './scalars.js';
import { UserError } from './user-error.type.js';

// Abstract: no field returns it, so type-graphql never emits it; concrete payloads inherit its fields.
@ObjectType('MutationPayload')
export abstract class MutationPayload {
  @Field(() => [UserError], { description: 'Why the mutation did not happen; empty when it did.' })
  userErrors!: UserError[];

  @Field(() => SafeIntScalar, {
    nullable: true,
    description:
      'Global event log position the mutation wrote (or had written, when repeated); null when it wrote nothing.',
  })
  position!: number | null;
}
