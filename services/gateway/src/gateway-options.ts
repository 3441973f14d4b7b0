// What createGateway needs, and what it gives back.
import type http from 'node:http';
import type { Principal } from '@liaison/auth';
import type { GatewayModule } from '@liaison/graphql-kit';
import type { Logger, Metrics } from '@liaison/observability';
import type { GraphQLSchema } from 'graphql';

export interface GatewayLimits {
  /** Deepest field nesting an operation may have (introspection fields are not counted). */
  maxDepth: number;
  /** Highest estimated cost an operation may have (see limits/cost-limit-plugin.ts for the estimate). */
  maxCost: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
}

export const DEFAULT_LIMITS: GatewayLimits = { maxDepth: 12, maxCost: 5000, maxBodyBytes: 1_048_576 };

export interface GatewayOptions {
  modules: GatewayModule[];
  /** Turns a bearer token into a principal; throws AuthError for a bad one (see @liaison/auth). */
  verifyToken: (token: string) => Promise<Principal>;
  logger: Logger;
  metrics: Metrics;
  /** Resolves true once the read models have passed `position`, false when `timeoutMs` passes first. */
  waitForPosition: (position: number, timeoutMs: number) => Promise<boolean>;
  /** How long a response that wrote may wait for the read models; 0 answers without waiting. */
  readYourWritesTimeoutMs: number;
  /** True when the process can serve (stores reachable); drives /readyz. */
  ready: () => Promise<boolean>;
  limits?: Partial<GatewayLimits>;
  /** Serve Apollo's local Sandbox on a browser GET /graphql (default true); pass false in production. */
  landingPage?: boolean;
}

export interface Gateway {
  server: http.Server;
  schema: GraphQLSchema;
  /** Starts listening; the url is that of the GraphQL endpoint. */
  listen(port: number, host?: string): Promise<{ url: string }>;
  /** Stops accepting requests, lets those in flight finish (briefly), then stops Apollo. */
  close(): Promise<void>;
}
