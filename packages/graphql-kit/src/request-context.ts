// What every resolver receives as its GraphQL context, built fresh by the gateway for each request.
import type { Principal } from '@liaison/auth';
import type { Logger } from '@liaison/observability';
import type { Loaders } from './loaders.js';

export interface RequestContext {
  /** Correlation id: the caller's x-request-id when it sent a usable one, otherwise generated; echoed back. */
  requestId: string;
  /** The authenticated caller, or null for an anonymous request (public data only). */
  principal: Principal | null;
  /** A child logger already carrying requestId. */
  logger: Logger;
  /** This request's DataLoaders, created on first use. */
  loaders: Loaders;
  /**
   * Says that this request appended events up to global log `position`. Before the response is sent the
   * gateway waits (bounded) until the read models have passed the highest position recorded, so the
   * caller's next query sees its own write.
   */
  recordWrite(position: number): void;
}
