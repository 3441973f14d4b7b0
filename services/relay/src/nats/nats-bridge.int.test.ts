import { randomBytes, randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { SqlEventStore, type EventStore, type NewEvent } from '@liaison/eventstore';
import { createLogger } from '@liaison/observability';
import type { SqlClient } from '@liaison/sql';
import { testSqlTargets } from '@liaison/testing';
import { CloudEvent } from 'cloudevents';
import { NatsBridge } from './nats-bridge.js';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const logger = createLogger({ level: 'silent', name: 'nats-test' });

function event(type: string, data: object): NewEvent {
  const commandId = randomUUID();
  return {
    id: randomUUID(),
    type,
    data,
    occurredAt: new Date().toISOString(),
    metadata: {
      commandId,
      actorId: 'a',
      role: 'admin',
      jurisdictionId: null,
      correlationId: commandId,
      causationId: null,
    },
  };
}

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(testSqlTargets())('NATS JetStream bridge on $name', (target) => {
  let sql: SqlClient;
  let store: EventStore;
  let nc: NatsConnection;
  const suffix = randomBytes(4).toString('hex');
  const stream = `LIAISON_TEST_${suffix}`;
  const prefix = `lt${suffix}`;

  beforeAll(async () => {
    nc = await connect({ servers: NATS_URL });
  });
  afterAll(async () => {
    const manager = await jetstreamManager(nc);
    await manager.streams.delete(stream).catch(() => undefined);
    await nc.close();
  });
  beforeEach(async () => {
    sql = await target.open();
    store = await SqlEventStore.open(sql);
  });
  afterEach(() => target.dispose(sql));

  /** Every message in the stream, in stream order. */
  async function messages() {
    const manager = await jetstreamManager(nc);
    const info = await manager.streams.info(stream);
    const consumer = await jetstream(nc).consumers.get(stream);
    const out: Array<{ subject: string; msgId: string | undefined; body: any }> = [];
    if (info.state.messages === 0) return out;
    const batch = await consumer.fetch({ max_messages: info.state.messages, expires: 5_000 });
    for await (const message of batch) {
      out.push({
        subject: message.subject,
        msgId: message.headers?.get('Nats-Msg-Id'),
        body: message.json(),
      });
      if (out.length === info.state.messages) break;
    }
    return out;
  }

  it('publishes CloudEvents by category and type with the event id as message id, resumably and without duplicates', async () => {
    const stations = [
      event('StationRegistered', { stationId: 's1', name: 'a' }),
      event('StationRenamed', { stationId: 's1', name: 'b' }),
    ];
    const jurisdiction = event('JurisdictionRegistered', { jurisdictionId: 'j1' });
    await store.append('station-s1', stations);
    await store.append('jurisdiction-j1', [jurisdiction]);
    await store.append('partner-p1', [
      event('PartnerRegistered', { partnerId: 'p1', apiKeyHash: 'secret-ish' }),
    ]);

    let bridge = new NatsBridge({
      eventStore: store,
      sql,
      logger,
      servers: NATS_URL,
      stream,
      subjectPrefix: prefix,
    });
    await bridge.start();
    await until(() => bridge.position === 4);
    await bridge.stop();

    let published = await messages();
    expect(published.map((m) => m.subject)).toEqual([
      `${prefix}.station.StationRegistered`,
      `${prefix}.station.StationRenamed`,
      `${prefix}.jurisdiction.JurisdictionRegistered`,
    ]);
    expect(published.map((m) => m.msgId)).toEqual([...stations, jurisdiction].map((e) => e.id));
    const parsed = new CloudEvent(published[0]!.body, true);
    expect(parsed).toMatchObject({
      id: stations[0]!.id,
      type: 'liaison.station.StationRegistered',
      position: 1,
    });

    // A crash after publishing but before the checkpoint: everything is published again, JetStream drops it all.
    await sql.query('DELETE FROM relay_bridge_checkpoints');
    const later = event('StationClosed', { stationId: 's1', reason: 'merged' });
    await store.append('station-s1', [later]);
    bridge = new NatsBridge({
      eventStore: store,
      sql,
      logger,
      servers: NATS_URL,
      stream,
      subjectPrefix: prefix,
    });
    await bridge.start();
    await until(() => bridge.position === 5);
    await bridge.stop();
    published = await messages();
    expect(published.map((m) => m.msgId)).toEqual([...stations, jurisdiction, later].map((e) => e.id));
  });
});
