// The broker transport: the same CloudEvents published to NATS JetStream, one subject per category and type.
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { connect, headers, nanos, type NatsConnection } from '@nats-io/transport-node';
import type { EventStore } from '@liaison/eventstore';
import type { Logger } from '@liaison/observability';
import type { SqlClient } from '@liaison/sql';
import { toCloudEvent } from '../contract/cloud-event.js';
import { INTERNAL_CATEGORIES } from '../contract/selection.js';
import { ensureRelayTables } from '../relay-tables.js';

export interface NatsBridgeOptions {
  eventStore: EventStore;
  sql: SqlClient;
  logger: Logger;
  /** NATS servers, e.g. nats://127.0.0.1:4222. */
  servers: string;
  /** The JetStream stream the bridge publishes into (created when missing). */
  stream: string;
  /** First subject token: subjects are `<prefix>.<category>.<EventType>`. */
  subjectPrefix: string;
  /** How long JetStream remembers message ids to drop a re-published event (default 10 minutes). */
  duplicateWindowMs?: number;
  batchSize?: number;
}

const TOKEN = /^[A-Za-z0-9_-]+$/;

/** The subject of an event: `<prefix>.<category>.<EventType>`. */
export function subjectOf(prefix: string, category: string, eventType: string): string {
  for (const token of [category, eventType]) {
    if (!TOKEN.test(token))
      throw new Error(`expected a NATS subject token (letters, digits, _ or -); received "${token}"`);
  }
  return `${prefix}.${category}.${eventType}`;
}

/**
 * Publishes every deliverable event in log order. Each message carries the CloudEvent (structured JSON), the
 * event id as Nats-Msg-Id (JetStream drops a re-publish within the duplicate window) and its position. The
 * checkpoint is kept in SQL after each acknowledged batch, so a restart re-publishes at most one batch, which
 * JetStream de-duplicates. Sealed personal data is always withheld: the broker cannot tell who reads it.
 */
export class NatsBridge {
  private connection: NatsConnection | null = null;
  private controller = new AbortController();
  private running: Promise<void> | null = null;
  private published = 0;

  constructor(private readonly options: NatsBridgeOptions) {}

  private get checkpointName(): string {
    return `nats:${this.options.stream}`;
  }

  /** The last position published and acknowledged. */
  get position(): number {
    return this.published;
  }

  /** Connects, makes sure the stream exists, and starts publishing from the checkpoint. */
  async start(): Promise<void> {
    const { sql } = this.options;
    await ensureRelayTables(sql);
    this.connection = await connect({ servers: this.options.servers, name: 'liaison-relay' });
    const manager = await jetstreamManager(this.connection);
    const subjects = [`${this.options.subjectPrefix}.>`];
    const duplicateWindow = nanos(this.options.duplicateWindowMs ?? 600_000);
    try {
      await manager.streams.info(this.options.stream);
    } catch {
      await manager.streams.add({ name: this.options.stream, subjects, duplicate_window: duplicateWindow });
    }
    const [row] = await sql.query<{ position: string }>(
      'SELECT position FROM relay_bridge_checkpoints WHERE name = $1',
      [this.checkpointName],
    );
    this.published = row ? Number(row.position) : 0;
    this.controller = new AbortController();
    this.running = this.run(jetstream(this.connection), this.controller.signal);
  }

  /** Stops after the batch in hand and closes the connection. */
  async stop(): Promise<void> {
    this.controller.abort();
    await this.running;
    this.running = null;
    await this.connection?.drain();
    this.connection = null;
  }

  private async run(js: JetStreamClient, signal: AbortSignal): Promise<void> {
    for (let failures = 0; !signal.aborted;) {
      try {
        await this.publishFrom(js, signal);
        return;
      } catch (error) {
        if (signal.aborted) return;
        this.options.logger.error({ err: error }, 'NATS bridge failed; resuming from its checkpoint');
        await new Promise((resolve) =>
          setTimeout(resolve, Math.min(30_000, 100 * 2 ** Math.min(++failures, 9))),
        );
      }
    }
  }

  private async publishFrom(js: JetStreamClient, signal: AbortSignal): Promise<void> {
    const batches = this.options.eventStore.subscribe({
      after: this.published,
      batchSize: this.options.batchSize ?? 500,
      signal,
    });
    for await (const batch of batches) {
      const acks = batch.events
        .filter((event) => !INTERNAL_CATEGORIES.includes(event.category))
        .map((event) => {
          const message = headers();
          message.set('Liaison-Position', String(event.globalPosition));
          message.set('Content-Type', 'application/cloudevents+json; charset=utf-8');
          return js.publish(
            subjectOf(this.options.subjectPrefix, event.category, event.type),
            JSON.stringify(toCloudEvent(event, false)),
            { msgID: event.id, headers: message },
          );
        });
      await Promise.all(acks);
      await this.options.sql.query(
        `INSERT INTO relay_bridge_checkpoints (name, position) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position`,
        [this.checkpointName, batch.position],
      );
      this.published = batch.position;
    }
  }
}
