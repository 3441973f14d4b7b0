// The base of mutation inputs: the idempotency key every command takes.
import { Field, InputType } from 'type-graphql';

// Abstract: no argument takes it, so type-graphql never emits it; concrete inputs inherit its field.
@InputType('CommandInput')
export abstract class CommandInput {
  @Field(() => String, {
    nullable: true,
    description: 'Idempotency key: re-sending the same commandId changes nothing.',
  })
  commandId?: string | null;
}
