// Custom scalars from graphql-scalars, and the map that lets `@Field(() => Date)` mean DateTime.
import { DateTimeResolver, LocalDateResolver, PositiveIntResolver, SafeIntResolver } from 'graphql-scalars';
import type { GraphQLScalarType } from 'graphql';
import type { BuildSchemaOptions } from 'type-graphql';

/** An instant, serialised as an ISO-8601 string with offset (Date in resolvers). */
export const DateTimeScalar: GraphQLScalarType = DateTimeResolver;
/** A calendar date without time, YYYY-MM-DD (a duty day, a deadline). */
export const LocalDateScalar: GraphQLScalarType = LocalDateResolver;
/** An integer JavaScript represents exactly (up to 2^53 - 1): global log positions. */
export const SafeIntScalar: GraphQLScalarType = SafeIntResolver;
/** An integer greater than zero. */
export const PositiveIntScalar: GraphQLScalarType = PositiveIntResolver;

/** type-graphql's scalarsMap: TypeScript `Date` fields and arguments become DateTime. */
export const scalarsMap: NonNullable<BuildSchemaOptions['scalarsMap']> = [
  { type: Date, scalar: DateTimeScalar },
];
