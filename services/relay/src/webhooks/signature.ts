// Standard Webhooks signatures: HMAC-SHA256 over "<webhook-id>.<webhook-timestamp>.<body>", base64, "v1," each.
import { createHmac } from 'node:crypto';
import { webhookSecretBytes } from '../partners/credentials.js';

/** The Standard Webhooks headers of one message; several secrets (during a rotation) give several signatures. */
export function signatureHeaders(
  messageId: string,
  timestamp: Date,
  body: string,
  secrets: readonly string[],
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  const seconds = String(Math.floor(timestamp.getTime() / 1000));
  const signatures = secrets.map((secret) => {
    const key = webhookSecretBytes(secret);
    if (typeof key === 'string') throw new Error(`cannot sign with a malformed webhook secret: ${key}`);
    const mac = createHmac('sha256', key).update(`${messageId}.${seconds}.${body}`, 'utf8').digest('base64');
    return `v1,${mac}`;
  });
  return { 'webhook-id': messageId, 'webhook-timestamp': seconds, 'webhook-signature': signatures.join(' ') };
}
