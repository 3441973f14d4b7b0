// An SMS-gateway-style provider: POSTs each message as JSON with an Idempotency-Key header to a configured URL.
import type { Notification, NotificationProvider } from './notification-provider.js';
import { NotificationError } from './notification-provider.js';

export interface HttpSmsProviderOptions {
  url: string;
  /** Sent as `Authorization: Bearer <token>` when given. */
  token?: string | null;
  timeoutMs?: number;
}

/**
 * Delivers through an HTTP gateway. The body is `{ key, to: { deputyId, name, phone }, template, text, data }`;
 * the `Idempotency-Key` header carries `key`, so a gateway that honours it delivers a re-sent message once.
 * A 2xx answer is a delivery (its JSON `messageId`, if any, is kept); 4xx other than 408/429 is final; the
 * rest (5xx, 408, 429, network errors, timeouts) is retryable.
 */
export class HttpSmsProvider implements NotificationProvider {
  readonly name = 'http-sms';

  constructor(private readonly options: HttpSmsProviderOptions) {}

  async send(notification: Notification): Promise<{ messageId: string | null }> {
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': notification.key,
          ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
        },
        body: JSON.stringify(notification),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new NotificationError(`SMS gateway unreachable at ${this.options.url}: ${String(error)}`, true);
    }
    const body = await response.text();
    if (!response.ok) {
      const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
      throw new NotificationError(
        `expected a 2xx answer from the SMS gateway, received ${response.status}: ${body.slice(0, 200)}`,
        retryable,
      );
    }
    return { messageId: messageIdOf(body) };
  }
}

function messageIdOf(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { messageId?: unknown };
    return typeof parsed.messageId === 'string' ? parsed.messageId : null;
  } catch {
    return null;
  }
}
