// Serves /graphql: authenticate, read the body within its limit, and hand the request to Apollo.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Principal } from '@liaison/auth';
import type { Logger } from '@liaison/observability';
import { createRequestContext, type GatewayContext } from '../request-context.js';
import { authenticate } from './authenticate.js';
import { readBody } from './read-body.js';
import { graphQLErrorBody, sendJson } from './responses.js';

export interface GraphQLEndpoint {
  apollo: ApolloServer<GatewayContext>;
  verifyToken: (token: string) => Promise<Principal>;
  maxBodyBytes: number;
}

/** What the access log line reports about a /graphql request. */
export interface GraphQLRequestReport {
  userId: string | null;
  operationName: string | null;
}

function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** Parses a POST body as JSON when it says it is JSON; other bodies go to Apollo as text, which refuses them clearly. */
function parseBody(
  text: string,
  contentType: string | undefined,
): { ok: true; body: unknown } | { ok: false; message: string } {
  if (!contentType || !/^application\/(.+\+)?json\b/i.test(contentType)) return { ok: true, body: text };
  try {
    return { ok: true, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  } catch (error) {
    return {
      ok: false,
      message: `Request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Answers one /graphql request; `report` is filled in for the access log. */
export async function serveGraphQL(
  endpoint: GraphQLEndpoint,
  req: IncomingMessage,
  res: ServerResponse,
  request: { requestId: string; logger: Logger; url: URL },
  report: GraphQLRequestReport,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'POST') {
    sendJson(
      res,
      405,
      graphQLErrorBody(
        `Method ${method} not allowed on /graphql; expected GET or POST`,
        'METHOD_NOT_ALLOWED',
      ),
      {
        allow: 'GET, POST',
      },
    );
    return;
  }

  const authentication = await authenticate(req.headers.authorization, endpoint.verifyToken);
  if (!authentication.ok) {
    sendJson(
      res,
      401,
      graphQLErrorBody(authentication.message, 'UNAUTHENTICATED', { reason: authentication.reason }),
      {
        'www-authenticate': `Bearer error="invalid_token"`,
      },
    );
    return;
  }
  const { principal } = authentication;
  report.userId = principal?.userId ?? null;

  let body: unknown;
  if (method === 'POST') {
    const read = await readBody(req, endpoint.maxBodyBytes);
    if (read.kind === 'too-large') {
      const received = read.declared
        ? `received ${read.receivedBytes} bytes`
        : `received more than ${endpoint.maxBodyBytes} bytes`;
      sendJson(
        res,
        413,
        graphQLErrorBody(
          `Request too large: the body limit is ${endpoint.maxBodyBytes} bytes; ${received}`,
          'REQUEST_TOO_LARGE',
          {
            maxBodyBytes: endpoint.maxBodyBytes,
          },
        ),
        { connection: 'close' },
      );
      return;
    }
    const parsed = parseBody(read.text, req.headers['content-type']);
    if (!parsed.ok) {
      sendJson(res, 400, graphQLErrorBody(parsed.message, 'BAD_REQUEST'));
      return;
    }
    body = parsed.body;
  }

  const context = createRequestContext({ requestId: request.requestId, principal, logger: request.logger });
  const response = await endpoint.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method, headers: headerMapOf(req), search: request.url.search, body },
    context: () => Promise.resolve(context),
  });
  report.operationName = context.operation.name;

  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
