// The per-request GraphQL context: the kit's RequestContext plus what the gateway's own plugins track.
import type { Principal } from '@liaison/auth';
import { Loaders, type RequestContext } from '@liaison/graphql-kit';
import type { Logger } from '@liaison/observability';

export interface GatewayContext extends RequestContext {
  /** The highest log position any resolver recorded with recordWrite, or null when none did. */
  highestWrite(): number | null;
  /** The operation Apollo resolved, filled in by the operation report plugin for logs and metrics. */
  operation: { name: string | null; type: string | null };
}

/** A fresh context for one request: its own loaders and write tracking. */
export function createRequestContext(init: {
  requestId: string;
  principal: Principal | null;
  logger: Logger;
}): GatewayContext {
  let highest: number | null = null;
  return {
    requestId: init.requestId,
    principal: init.principal,
    logger: init.logger,
    loaders: new Loaders(),
    recordWrite(position) {
      if (!Number.isSafeInteger(position) || position < 0) {
        throw new Error(
          `recordWrite expects a non-negative safe integer log position; received ${String(position)}`,
        );
      }
      if (highest === null || position > highest) highest = position;
    },
    highestWrite: () => highest,
    operation: { name: null, type: null },
  };
}
