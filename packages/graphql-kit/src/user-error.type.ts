// Mutation user errors: domain errors as data in the payload, for the client to show next to the field at fault.
import type { DomainError } from '@liaison/decider';
import { Field, ObjectType } from 'type-graphql';

@ObjectType('UserError', { description: 'Why a mutation did not happen, in terms the person can act on.' })
export class UserError {
  @Field(() => String, {
    description: 'Stable upper snake case code, e.g. STATION_ALREADY_REGISTERED; switch on it.',
  })
  code!: string;

  @Field(() => String, { description: 'A sentence saying what was expected and what was received.' })
  message!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Path to the input field at fault, e.g. ["input", "name"].',
  })
  field!: string[] | null;
}

/** The payload userErrors for a domain error. */
export function userErrorsOf(error: DomainError): UserError[] {
  return [{ code: error.code, message: error.message, field: error.field ? [...error.field] : null }];
}
