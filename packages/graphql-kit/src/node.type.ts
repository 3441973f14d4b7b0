// The Relay `Node` interface: any object with a global id that `node(id:)` can fetch again.
import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Which GraphQL type a Node value is: its `__typename` when it carries one, otherwise its class, which
 * must be the `@ObjectType` implementing Node (build values with `new` / `Object.assign(new T(), …)`).
 */
function resolveNodeType(value: unknown): string | (new () => object) | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const typename = (value as { __typename?: unknown }).__typename;
  if (typeof typename === 'string') return typename;
  return value.constructor as new () => object;
}

@InterfaceType('Node', {
  description: 'An object with a global id, fetchable again with `node(id:)`.',
  resolveType: resolveNodeType,
})
export abstract class Node {
  @Field(() => ID, { description: 'Global id: opaque, stable, unique across types.' })
  id!: string;
}
