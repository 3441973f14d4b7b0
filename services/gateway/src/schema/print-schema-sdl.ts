// The schema as SDL in a stable order, for the checked-in schema/schema.graphql.
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

/** Prints the schema with types, fields and arguments sorted by name, ending in a newline. */
export function printSchemaSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
