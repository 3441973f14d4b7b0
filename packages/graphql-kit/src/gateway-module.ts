// What a service hands the gateway: its resolvers, already constructed, and how to fetch its Node types.
import type { NodeFetcher } from './node.resolver.js';

export interface GatewayModule {
  /** For messages and logs, e.g. 'liaison'. */
  name: string;
  /** Resolver instances built by the composition root with their dependencies as constructor arguments. */
  resolvers: object[];
  /** Node fetchers by GraphQL type name, for `node(id:)`; type names must be unique across modules. */
  nodes?: Record<string, NodeFetcher>;
}
