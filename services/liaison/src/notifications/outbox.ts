// The default provider: records each message as an event in its own stream, readable as the notification outbox.
import { eventIdFor } from '@liaison/decider';
import { WrongExpectedVersionError, type EventStore } from '@liaison/eventstore';
import type { Projection } from '@liaison/projector';
import type { Notification, NotificationProvider } from './notification-provider.js';

export interface NotificationRecordedData {
  key: string;
  deputyId: string;
  name: string | null;
  phone: string | null;
  template: string;
  text: string;
  data: Record<string, string>;
}

/** The stream holding one outbox message; its key names it, so a message is recorded once. */
export function notificationStream(key: string): string {
  return `notification-${key}`;
}

/**
 * Records messages instead of sending them: what a station without an SMS contract uses, and what staff read
 * (`notificationOutbox`) to phone deputies themselves. Appending with "no stream" makes a repeat a no-op.
 */
export class OutboxProvider implements NotificationProvider {
  readonly name = 'outbox';

  constructor(
    private readonly store: EventStore,
    private readonly now: () => Date,
  ) {}

  async send(notification: Notification): Promise<{ messageId: string | null }> {
    const data: NotificationRecordedData = {
      key: notification.key,
      deputyId: notification.to.deputyId,
      name: notification.to.name,
      phone: notification.to.phone,
      template: notification.template,
      text: notification.text,
      data: notification.data,
    };
    try {
      await this.store.append(
        notificationStream(notification.key),
        [
          {
            id: eventIdFor(notification.key, notificationStream(notification.key), 0),
            type: 'NotificationRecorded',
            data,
            occurredAt: this.now().toISOString(),
            metadata: {
              actorId: 'scheduler',
              role: 'system',
              jurisdictionId: null,
              commandId: notification.key,
              correlationId: notification.key,
              causationId: null,
            },
          },
        ],
        { expectedVersion: 'no_stream' },
      );
    } catch (error) {
      // recorded before (by this or another scheduler): the message is in the outbox exactly once
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
    return { messageId: notification.key };
  }
}

export interface OutboxDocument {
  [field: string]: unknown;
  id: string;
  deputyId: string;
  name: string | null;
  phone: string | null;
  template: string;
  text: string;
  data: Record<string, string>;
  stationId: string | null;
  recordedAt: string;
}

/** The outbox read model: one document per message. */
export const outboxProjection: Projection<OutboxDocument> = {
  name: 'notification_outbox',
  version: 1,
  fields: { deputyId: { kind: 'string' }, stationId: { kind: 'string' }, recordedAt: { kind: 'string' } },
  indexes: [{ fields: ['deputyId', 'recordedAt'] }, { fields: ['stationId', 'recordedAt'] }],
  eventTypes: ['NotificationRecorded'],
  documentIds: (event) => [(event.data as NotificationRecordedData).key],
  fold(_document, recorded) {
    const data = recorded.data as NotificationRecordedData;
    return {
      id: data.key,
      deputyId: data.deputyId,
      name: data.name,
      phone: data.phone,
      template: data.template,
      text: data.text,
      data: data.data,
      stationId: data.data.stationId ?? null,
      recordedAt: recorded.recordedAt,
    };
  },
};
