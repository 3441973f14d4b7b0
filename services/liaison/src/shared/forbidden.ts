// The GraphQL error a query raises when the caller reaches outside its jurisdiction.
import { GraphQLError } from 'graphql';

/** A FORBIDDEN error saying what was out of reach. */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}
