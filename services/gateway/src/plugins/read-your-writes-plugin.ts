// Apollo plugin for read-your-writes: a response that wrote waits (bounded) until the read models caught up.
import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from '@liaison/observability';
import type { GatewayContext } from '../request-context.js';

export interface ReadYourWritesOptions {
  waitForPosition: (position: number, timeoutMs: number) => Promise<boolean>;
  timeoutMs: number;
  metrics: Metrics;
}

/** Waits for `wait` up to `timeoutMs`, whether or not it honours the timeout itself; a failure counts as not reached. */
async function boundedWait(wait: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([wait(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Before a response goes out, waits until the read models pass the highest position the request's
 * resolvers recorded, then adds `extensions.readYourWrites = { position, reached }`. When they do not get
 * there within the timeout the response still goes out, with `reached: false` and a warning logged.
 */
export function readYourWritesPlugin(options: ReadYourWritesOptions): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        async willSendResponse({ contextValue, response }) {
          const position = contextValue.highestWrite();
          if (position === null) return;
          const started = performance.now();
          let reached = false;
          let failure: unknown = null;
          try {
            reached = await boundedWait(
              () => options.waitForPosition(position, options.timeoutMs),
              options.timeoutMs,
            );
          } catch (error) {
            failure = error;
          }
          const waitedMs = performance.now() - started;
          options.metrics.readYourWritesWait.observe({ reached: String(reached) }, waitedMs / 1000);
          if (!reached) {
            const details = { position, timeoutMs: options.timeoutMs, waitedMs: Math.round(waitedMs) };
            if (failure)
              contextValue.logger.warn(
                { ...details, err: failure },
                'waiting for the read models failed; answering anyway',
              );
            else
              contextValue.logger.warn(
                details,
                'read models did not reach the written position in time; answering anyway',
              );
          }
          if (response.body.kind === 'single') {
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, readYourWrites: { position, reached } };
          }
        },
      }),
  };
}
