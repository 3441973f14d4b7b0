// The gateway process: node:http routes for GraphQL (Apollo Server), health, readiness and metrics.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { Logger } from '@liaison/observability';
import { DEFAULT_LIMITS, type Gateway, type GatewayOptions } from './gateway-options.js';
import { serveGraphQL, type GraphQLRequestReport } from './http/graphql-endpoint.js';
import { requestIdFrom } from './http/request-id.js';
import { graphQLErrorBody, sendJson } from './http/responses.js';
import { costLimitPlugin } from './limits/cost-limit-plugin.js';
import { depthLimitRule } from './limits/depth-limit-rule.js';
import { formatGatewayError } from './plugins/error-masking.js';
import { operationReportPlugin } from './plugins/operation-report-plugin.js';
import { readYourWritesPlugin } from './plugins/read-your-writes-plugin.js';
import type { GatewayContext } from './request-context.js';
import { buildGatewaySchema } from './schema/build-gateway-schema.js';

/** The routes metrics are labelled with: a fixed set, so unknown paths cannot grow label cardinality. */
const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);

/** How long close() lets requests in flight finish before cutting their connections. */
const DRAIN_MS = 5_000;
/** How long an idle keep-alive connection stays open: longer than clients and the proxy keep theirs. */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

function apolloLogger(logger: Logger) {
  return {
    debug: (message?: unknown) => logger.debug(String(message)),
    info: (message?: unknown) => logger.info(String(message)),
    warn: (message?: unknown) => logger.warn(String(message)),
    error: (message?: unknown) => logger.error(String(message)),
  };
}

function urlOf(address: AddressInfo): string {
  const unspecified = address.address === '::' || address.address === '0.0.0.0';
  const host = unspecified
    ? 'localhost'
    : address.family === 'IPv6'
      ? `[${address.address}]`
      : address.address;
  return `http://${host}:${address.port}/graphql`;
}

/** Builds the schema from `options.modules`, starts Apollo and returns the (not yet listening) gateway. */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const { logger, metrics } = options;
  const schema = await buildGatewaySchema(options.modules);

  const apollo = new ApolloServer<GatewayContext>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    logger: apolloLogger(logger),
    validationRules: [depthLimitRule(limits.maxDepth)],
    formatError: formatGatewayError,
    plugins: [
      options.landingPage === false
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
      costLimitPlugin(limits.maxCost),
      operationReportPlugin(metrics),
      readYourWritesPlugin({
        waitForPosition: options.waitForPosition,
        timeoutMs: options.readYourWritesTimeoutMs,
        metrics,
      }),
    ],
  });
  await apollo.start();
  const endpoint = { apollo, verifyToken: options.verifyToken, maxBodyBytes: limits.maxBodyBytes };

  async function route(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    requestId: string,
    requestLogger: Logger,
    report: GraphQLRequestReport,
  ) {
    switch (url.pathname) {
      case '/graphql':
        return serveGraphQL(endpoint, req, res, { requestId, logger: requestLogger, url }, report);
      case '/healthz':
        return sendJson(res, 200, { status: 'ok' });
      case '/readyz': {
        let ready = false;
        try {
          ready = await options.ready();
        } catch (error) {
          requestLogger.warn({ err: error }, 'readiness check failed');
        }
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
      }
      case '/metrics': {
        const text = await metrics.registry.metrics();
        res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
        res.end(text);
        return;
      }
      default:
        return sendJson(
          res,
          404,
          graphQLErrorBody(`Not found: ${url.pathname}; the GraphQL endpoint is /graphql`, 'NOT_FOUND'),
        );
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    const requestLogger = logger.child({ requestId });
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const report: GraphQLRequestReport = { userId: null, operationName: null };

    res.once('close', () => {
      const seconds = (performance.now() - started) / 1000;
      const status = res.writableFinished ? res.statusCode : 499;
      const labels = {
        route: ROUTES.has(url.pathname) ? url.pathname : 'other',
        method,
        status: String(status),
      };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, seconds);
      const line = {
        method,
        path: url.pathname,
        status,
        durationMs: Math.round(seconds * 10_000) / 10,
        operationName: report.operationName,
        userId: report.userId,
      };
      if (status >= 500) requestLogger.error(line, 'request completed');
      else requestLogger.info(line, 'request completed');
    });

    try {
      await route(req, res, url, requestId, requestLogger, report);
    } catch (error) {
      requestLogger.error({ err: error }, 'request failed');
      if (!res.headersSent)
        sendJson(res, 500, graphQLErrorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
      else res.destroy();
    }
  }

  const server = http.createServer((req, res) => void handle(req, res));
  // Idle keep-alive connections stay open longer than any client or proxy keeps them (fetch: about 4 s,
  // HAProxy here: 60 s), so the server never closes a connection just as a client reuses it: that race
  // answers the client's request with ECONNRESET (seen in CI under load with Node's default of 5 s).
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  let closing: Promise<void> | null = null;

  return {
    server,
    schema,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve({ url: urlOf(server.address() as AddressInfo) });
        });
      });
    },
    close() {
      closing ??= (async () => {
        if (server.listening) {
          const closed = new Promise<void>((resolve, reject) =>
            server.close((error) => (error ? reject(error) : resolve())),
          );
          server.closeIdleConnections();
          const cutOff = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
          try {
            await closed;
          } finally {
            clearTimeout(cutOff);
          }
        }
        await apollo.stop();
      })();
      return closing;
    },
  };
}
