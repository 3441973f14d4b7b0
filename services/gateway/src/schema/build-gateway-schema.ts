// Builds the one GraphQL schema from the modules' resolver instances plus the kit's node resolver.
import { NodeResolver, scalarsMap, type GatewayModule, type NodeFetcher } from '@liaison/graphql-kit';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { buildSchema, type BuildSchemaOptions, type ContainerType, type PubSub } from 'type-graphql';
import { validateInput } from './validate-input.js';

/**
 * type-graphql insists on a PubSub once any subscription exists. The platform's subscriptions bring their own
 * `subscribe` (catch-up from the event log, then live), so topic-based ones fail when used.
 */
const noTopics: PubSub = {
  publish(routingKey) {
    throw new Error(`topic subscriptions are not supported; received a publish to ${routingKey}`);
  },
  subscribe(routingKey) {
    throw new Error(
      `topic subscriptions are not supported; give @Subscription a subscribe function (topic ${routingKey})`,
    );
  },
};

/** A resolver class, as type-graphql takes it. */
type ResolverClass = BuildSchemaOptions['resolvers'][number];

/**
 * Builds the schema. Resolvers come as instances, so the container only hands back the instance of each
 * class: the composition root constructs them with plain arguments, no DI library. Arguments are checked
 * with class-validator (see validate-input.ts); undecorated inputs pass untouched.
 */
export async function buildGatewaySchema(modules: readonly GatewayModule[]): Promise<GraphQLSchema> {
  const instances = new Map<ResolverClass, object>();
  const fetchers: Record<string, NodeFetcher> = {};
  const fetcherOwners = new Map<string, string>();
  for (const module of modules) {
    for (const resolver of module.resolvers) {
      const resolverClass = resolver.constructor;
      if (resolverClass === Object) {
        throw new Error(`module ${module.name}: expected resolver class instances; received a plain object`);
      }
      if (instances.has(resolverClass)) {
        throw new Error(
          `module ${module.name}: expected one instance of resolver ${resolverClass.name}; received a second`,
        );
      }
      instances.set(resolverClass, resolver);
    }
    for (const [typename, fetch] of Object.entries(module.nodes ?? {})) {
      const owner = fetcherOwners.get(typename);
      if (owner)
        throw new Error(`module ${module.name}: node type ${typename} is already fetched by module ${owner}`);
      fetcherOwners.set(typename, module.name);
      fetchers[typename] = fetch;
    }
  }
  instances.set(NodeResolver, new NodeResolver(fetchers));

  const container: ContainerType = {
    get(resolverClass: ResolverClass) {
      const instance = instances.get(resolverClass);
      if (!instance)
        throw new Error(`no instance of ${resolverClass.name}; expected it among the modules' resolvers`);
      return instance;
    },
  };
  const schema = await buildSchema({
    resolvers: [
      NodeResolver,
      ...[...instances.keys()].filter((resolverClass) => resolverClass !== NodeResolver),
    ],
    container,
    scalarsMap,
    pubSub: noTopics,
    validateFn: validateInput,
    emitSchemaFile: false,
  });

  for (const [typename, owner] of fetcherOwners) {
    const type = schema.getType(typename);
    if (!isObjectType(type) || !type.getInterfaces().some((implemented) => implemented.name === 'Node')) {
      throw new Error(
        `module ${owner}: node fetcher for ${typename} expects an object type implementing Node; the schema has none by that name`,
      );
    }
  }
  return schema;
}
