// The one message shape every transport carries: a CloudEvents 1.0 JSON event (structured mode).
import type { RecordedEvent } from '@liaison/eventstore';
import { protectPersonalData } from './personal-data.js';

/** A CloudEvents 1.0 event in its JSON format, with the platform's extension attributes. */
export interface LiaisonCloudEvent {
  specversion: '1.0';
  /** The event's id in the log: the idempotency key for every consumer. */
  id: string;
  /** `/liaison/<category>`. */
  source: string;
  /** `liaison.<category>.<EventType>`, e.g. `liaison.station.StationRegistered`. */
  type: string;
  /** The stream, `<category>-<id>`: events with the same subject arrive in order. */
  subject: string;
  /** Business time (occurredAt). */
  time: string;
  datacontenttype: 'application/json';
  /** Position in the global log: resume any transport from here. */
  position: number;
  /** Position within the stream (1, 2, …). */
  streamposition: number;
  /** Version of the data's shape for this type (see docs/events.md). */
  schemaversion: number;
  /** When the store accepted the event. */
  recordedtime: string;
  data: unknown;
}

/** The CloudEvents type of a log event. */
export function cloudEventType(category: string, eventType: string): string {
  return `liaison.${category}.${eventType}`;
}

/** Maps a recorded event to its CloudEvent; sealed personal data is passed on only when `personalData`. */
export function toCloudEvent(event: RecordedEvent, personalData: boolean): LiaisonCloudEvent {
  return {
    specversion: '1.0',
    id: event.id,
    source: `/liaison/${event.category}`,
    type: cloudEventType(event.category, event.type),
    subject: event.streamId,
    time: event.occurredAt,
    datacontenttype: 'application/json',
    position: event.globalPosition,
    streamposition: event.streamPosition,
    schemaversion: event.schemaVersion,
    recordedtime: event.recordedAt,
    data: protectPersonalData(event.data, personalData),
  };
}
