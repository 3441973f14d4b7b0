// The notification port: how the platform hands a message to a channel (SMS gateway, outbox), idempotently by key.

/** One message to a deputy. `key` is the idempotency key: a provider delivers each key at most once. */
export interface Notification {
  key: string;
  to: { deputyId: string; name: string | null; phone: string | null };
  /** What kind of message, for the gateway's templates (`duty-reminder`). */
  template: string;
  /** The text, ready to send. */
  text: string;
  /** The facts the text was made from, for templates and audit. */
  data: Record<string, string>;
}

export interface NotificationProvider {
  /** Recorded with each delivery (`outbox`, `http-sms`). */
  readonly name: string;
  /** Delivers the message; sending the same key again must not deliver it twice. Throws when delivery failed. */
  send(notification: Notification): Promise<{ messageId: string | null }>;
}

/** Thrown when a provider could not deliver; `retryable` says whether trying again may help. */
export class NotificationError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'NotificationError';
  }
}
