// Small helpers for the gateway's own HTTP answers, in the GraphQL-over-HTTP error shape.
import type { ServerResponse } from 'node:http';

/** `{ errors: [{ message, extensions: { code, … } }] }`, the shape GraphQL clients already parse. */
export function graphQLErrorBody(message: string, code: string, extensions: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}

/** Sends `body` as JSON with `status` and any extra headers. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}
