// Correlation ids: honour the caller's x-request-id when it is safe to log and echo, otherwise make one.
import { randomUUID } from 'node:crypto';

const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id for an incoming `x-request-id` header value (absent, repeated or unsafe ones are replaced). */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && ACCEPTABLE.test(value) ? value : randomUUID();
}
