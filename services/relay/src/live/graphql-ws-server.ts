// graphql-ws on the gateway's HTTP server: authenticates the connection, then runs subscriptions on the schema.
import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Principal } from '@liaison/auth';
import { Loaders } from '@liaison/graphql-kit';
import type { Logger } from '@liaison/observability';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { PartnerFeed } from '../contract/partner-feed.js';
import type { RelayDeps } from '../shared/relay-deps.js';
import type { LiveContext } from './feed.subscription.js';

export interface LiveServerOptions {
  server: http.Server;
  schema: GraphQLSchema;
  /** The same credential check as HTTP requests (JWT or partner API key). */
  verifyToken: (token: string) => Promise<Principal>;
  feed: PartnerFeed;
  deps: RelayDeps;
  logger: Logger;
  path?: string;
}

/** Serves graphql-ws on `path` (default /graphql) of the server; returns a function that closes every socket. */
export function attachGraphQLWs(options: LiveServerOptions): () => Promise<void> {
  const wss = new WebSocketServer({ server: options.server, path: options.path ?? '/graphql' });
  const closing = new AbortController();
  const disposable = useServer<Record<string, unknown>, { principal: Principal | null }>(
    {
      schema: options.schema,
      async onConnect(ctx) {
        const header = ctx.connectionParams?.authorization;
        if (header === undefined) {
          ctx.extra.principal = null;
          return true;
        }
        const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
        if (!match?.[1]) return false;
        try {
          ctx.extra.principal = await options.verifyToken(match[1]);
          return true;
        } catch {
          return false; // closes with 4403 Forbidden
        }
      },
      context(ctx): LiveContext {
        const requestId = randomUUID();
        return {
          requestId,
          principal: ctx.extra.principal ?? null,
          logger: options.logger.child({ requestId, transport: 'graphql-ws' }),
          loaders: new Loaders(),
          recordWrite: () => undefined,
          live: { feed: options.feed, deps: options.deps, signal: closing.signal },
        };
      },
    },
    wss,
  );
  return async () => {
    closing.abort();
    await disposable.dispose();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  };
}
