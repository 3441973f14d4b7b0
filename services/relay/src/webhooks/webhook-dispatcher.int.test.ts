import { SqlEventStore, type EventStore, type NewEvent } from '@liaison/eventstore';
import { createLogger } from '@liaison/observability';
import { SqlReadStore } from '@liaison/readstore';
import type { SqlClient } from '@liaison/sql';
import { testSqlTargets } from '@liaison/testing';
import { HTTP, type CloudEvent } from 'cloudevents';
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { createRelayModule, type RelayModule } from '../index.js';
import { WebhookReceiver } from '../testing/webhook-receiver.js';
import type { WebhookDispatcher } from './webhook-dispatcher.js';

const logger = createLogger({ level: 'silent', name: 'relay-test' });
const FAST = { baseDelayMs: 20, maxDelayMs: 200, retryWindowMs: 60_000 };

function metadata() {
  const commandId = randomUUID();
  return {
    commandId,
    actorId: 'admin-1',
    role: 'admin',
    jurisdictionId: null,
    now: new Date().toISOString(),
    correlationId: commandId,
    causationId: null,
  };
}

function stationEvent(
  stationId: string,
  type: string,
  jurisdictionPath: string,
  extra: object = {},
): NewEvent {
  return {
    id: randomUUID(),
    type,
    data: { stationId, jurisdictionPath, ...extra },
    metadata: metadata(),
    occurredAt: new Date().toISOString(),
  };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Asserts the receiver holds every id of `expected` and, per stream, first receipts in stream order. */
function expectEveryEventInStreamOrder(receiver: WebhookReceiver, expected: readonly string[]): void {
  const firstSeen = new Map<string, { subject: string; streamposition: number }>();
  for (const event of receiver.events()) if (!firstSeen.has(event.id)) firstSeen.set(event.id, event);
  expect(new Set(firstSeen.keys())).toEqual(new Set(expected));
  const lastByStream = new Map<string, number>();
  for (const event of firstSeen.values()) {
    expect(event.streamposition).toBe((lastByStream.get(event.subject) ?? 0) + 1);
    lastByStream.set(event.subject, event.streamposition);
  }
}

describe.each(testSqlTargets())('webhook delivery on $name', (target) => {
  let sql: SqlClient;
  let eventStore: EventStore;
  let relay: RelayModule;
  let dispatcher: WebhookDispatcher;
  let receiver: WebhookReceiver;

  beforeEach(async () => {
    sql = await target.open();
    eventStore = await SqlEventStore.open(sql);
    const readStore = await SqlReadStore.open(sql);
    relay = createRelayModule(sql, {
      eventStore,
      readStore,
      waitForPosition: () => Promise.resolve(true),
      readYourWritesTimeoutMs: 0,
      now: () => new Date(),
    });
    await relay.prepare();
    receiver = new WebhookReceiver();
    await receiver.start();
  });

  afterEach(async () => {
    await dispatcher?.stop();
    await receiver.stop();
    await target.dispose(sql);
  });

  async function partner(
    input: Partial<{ eventTypes: string[]; jurisdictionIds: string[]; webhookSecret: string }> = {},
  ) {
    const outcome = await relay.partners.register(
      {
        name: 'hotline',
        eventTypes: input.eventTypes ?? ['StationRegistered', 'StationRenamed'],
        jurisdictionIds: input.jurisdictionIds ?? [],
        webhookUrl: receiver.url,
        personalData: false,
        webhookSecret: input.webhookSecret ?? null,
      },
      metadata(),
    );
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome;
  }

  function start(retry: object = FAST, lanes?: number): Promise<void> {
    dispatcher = relay.createDispatcher({ logger, retry, pollMs: 50, lanes });
    return dispatcher.start();
  }

  /** Appends `perStream` events to each of `streams` stations; returns the ids delivered to a partner. */
  async function appendStations(streams: number, perStream: number, path = '/j1/'): Promise<string[]> {
    const ids: string[] = [];
    for (let round = 0; round < perStream; round++) {
      for (let s = 0; s < streams; s++) {
        const event = stationEvent(`s${s}`, round === 0 ? 'StationRegistered' : 'StationRenamed', path, {
          name: `n${round}`,
        });
        await eventStore.append(`station-s${s}-${path.length}`, [event]);
        ids.push(event.id);
      }
    }
    return ids;
  }

  it('delivers signed CloudEvents that the official SDK and an independent verifier accept', async () => {
    const { webhookSecret } = await partner();
    await start();
    const ids = await appendStations(2, 2);
    await until(() => receiver.received.length >= ids.length);
    for (const webhook of receiver.received) {
      expect(webhook.headers['webhook-id']).toBe(JSON.parse(webhook.body).id);
      expect(new Webhook(webhookSecret!).verify(webhook.body, webhook.headers)).toMatchObject({
        specversion: '1.0',
      });
      const parsed = HTTP.toEvent({ headers: webhook.headers, body: webhook.body });
      const cloudEvent = (Array.isArray(parsed) ? parsed[0] : parsed) as CloudEvent;
      expect(cloudEvent.id).toBe(webhook.headers['webhook-id']);
      expect(cloudEvent.type).toMatch(/^liaison\.station\.Station(Registered|Renamed)$/);
      expect(cloudEvent.validate()).toBe(true);
    }
    expectEveryEventInStreamOrder(receiver, ids);
  });

  it('gives a receiver that was down every event after it comes back, in order per stream', async () => {
    await partner();
    await start();
    await receiver.stop();
    const ids = await appendStations(3, 10);
    await new Promise((resolve) => setTimeout(resolve, 500)); // several failed attempts while down
    const failures = await relay.deliveries.deliveries(await partnerId(), null, 100);
    expect(failures.some((entry) => entry.outcome === 'failed')).toBe(true);
    await receiver.start();
    await until(() => new Set(receiver.events().map((e) => e.id)).size >= ids.length);
    expectEveryEventInStreamOrder(receiver, ids);
    const cursor = await relay.deliveries.findCursor(await partnerId());
    expect(cursor).toMatchObject({ attempts: 0, eventId: null });
  });

  async function partnerId(): Promise<string> {
    const [row] = await sql.query<{ partner_id: string }>(
      'SELECT partner_id FROM relay_webhook_cursors LIMIT 1',
    );
    return row!.partner_id;
  }

  it('honours Retry-After before trying again', async () => {
    await partner();
    let refused = 0;
    receiver.answer = () =>
      refused++ === 0 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 };
    await start();
    const started = Date.now();
    await appendStations(1, 1);
    await until(() => receiver.received.length === 1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(refused).toBe(2);
  });

  it('dead-letters an event past the retry window, delivers the rest, and redelivers it on request', async () => {
    const { partnerId: id } = await partner();
    // The receiver refuses the second event of station s0 (ids[2]) until it is fixed.
    let fixed = false;
    receiver.answer = (body) => {
      const { data } = JSON.parse(body);
      return !fixed && data.stationId === 's0' && data.name === 'n1' ? { status: 500 } : { status: 204 };
    };
    await start({ ...FAST, retryWindowMs: 0 });
    const ids = await appendStations(2, 3);
    const poisoned = ids[2]!;
    await until(async () => (await relay.deliveries.deadLetters(id, 0, 10)).length === 1);
    await until(() => receiver.received.length === ids.length - 1);
    const [letter] = await relay.deliveries.deadLetters(id, 0, 10);
    expect(letter).toMatchObject({ eventId: poisoned, attempts: 1 });

    fixed = true;
    expect(await relay.deliveries.requeue(id, null, new Date())).toBe(1);
    dispatcher.wake(id);
    await until(async () => (await relay.deliveries.deadLetters(id, 0, 10)).length === 0);
    expect(
      receiver
        .events()
        .map((e) => e.id)
        .sort(),
    ).toEqual([...ids].sort());
    const log = await relay.deliveries.deliveries(id, null, 100);
    expect(log[0]).toMatchObject({ eventId: ids[2], kind: 'redelivery', outcome: 'delivered' });
    expect(log.some((entry) => entry.outcome === 'dead-lettered')).toBe(true);
  });

  it('disables the webhook when the receiver answers 410 Gone and delivers nothing more', async () => {
    const { partnerId: id } = await partner();
    receiver.answer = () => ({ status: 410 });
    await start();
    await appendStations(1, 2);
    await until(async () => {
      const state = await relay.partners.state(id);
      return state.status === 'registered' && !state.webhook.enabled;
    });
    const attempts = (await relay.deliveries.deliveries(id, null, 100)).length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await relay.deliveries.deliveries(id, null, 100)).length).toBe(attempts);
    expect((await relay.deliveries.findCursor(id))?.position).toBeLessThan(await eventStore.headPosition());
  });

  it('replays from any position and signs with both secrets during a rotation', async () => {
    const { partnerId: id, webhookSecret: oldSecret } = await partner();
    await start();
    const ids = await appendStations(2, 2);
    await until(() => receiver.received.length === ids.length);

    const rotated = await relay.partners.rotateSecret(id, null, 24, metadata());
    expect(rotated.ok).toBe(true);
    await relay.deliveries.replay(id, 0, new Date());
    dispatcher.wake(id);
    await until(() => receiver.received.length === ids.length * 2);
    const replayed = receiver.received.slice(ids.length);
    // The replay delivers the same events again, each stream in order (streams go in parallel lanes).
    receiver.received.splice(0, ids.length);
    expectEveryEventInStreamOrder(receiver, ids);
    for (const webhook of replayed) {
      expect(webhook.headers['webhook-signature']!.split(' ')).toHaveLength(2);
      expect(() => new Webhook(oldSecret!).verify(webhook.body, webhook.headers)).not.toThrow();
      expect(() => new Webhook(rotated.webhookSecret!).verify(webhook.body, webhook.headers)).not.toThrow();
    }
  });

  it('delivers only the subscribed jurisdictions and withholds sealed personal data', async () => {
    await partner({ jurisdictionIds: ['j2'] });
    await start();
    await appendStations(1, 2, '/j1/');
    const wanted = await appendStations(1, 2, '/j1/j2/');
    const sealed = { sealed: 'aes-256-gcm/v1', subject: 'voter-1', iv: 'aa', tag: 'bb', data: 'cc' };
    const withPersonal = stationEvent('s9', 'StationRegistered', '/j1/j2/', { contact: sealed });
    await eventStore.append('station-s9', [withPersonal]);
    await until(() => receiver.received.length === wanted.length + 1);
    expectEveryEventInStreamOrder(receiver, [...wanted, withPersonal.id]);
    const personal = receiver.received.find((webhook) => JSON.parse(webhook.body).id === withPersonal.id)!;
    expect(JSON.parse(personal.body).data.contact).toEqual({ withheld: 'personal-data' });
    expect(personal.body).not.toContain('voter-1');
  });

  it('delivers many streams in parallel lanes to a slow receiver: none lost, each stream in order', async () => {
    const { partnerId: id } = await partner();
    // Random latency reorders the lanes' answers; a few refusals send the partner through back-off meanwhile.
    let requests = 0;
    let refusals = 5;
    receiver.latency = () => Math.floor(Math.random() * 15);
    receiver.answer = () => (++requests % 17 === 0 && refusals-- > 0 ? { status: 503 } : { status: 204 });
    await start(FAST, 4);
    const ids = await appendStations(12, 8);
    await until(() => new Set(receiver.events().map((e) => e.id)).size >= ids.length, 60_000);
    expectEveryEventInStreamOrder(receiver, ids);
    expect(receiver.maxInFlight).toBeGreaterThan(1);
    expect(receiver.maxInFlight).toBeLessThanOrEqual(4);
    expect(refusals).toBe(0); // every refusal was made, and retried
    await until(
      async () => (await relay.deliveries.findCursor(id))?.position === (await eventStore.headPosition()),
    );
    expect(await relay.deliveries.findCursor(id)).toMatchObject({
      doneAbove: [],
      attempts: 0,
      eventId: null,
    });
  });

  it('keeps log order across streams with one lane', async () => {
    await partner();
    receiver.latency = () => Math.floor(Math.random() * 5);
    await start(FAST, 1);
    const ids = await appendStations(5, 4);
    await until(() => receiver.received.length >= ids.length);
    expect(receiver.events().map((e) => e.id)).toEqual(ids);
    expect(receiver.maxInFlight).toBe(1);
  });

  it('lets one of two relay processes deliver a partner, and the other take over when it stops', async () => {
    const { partnerId: id } = await partner();
    receiver.latency = () => Math.floor(Math.random() * 3);
    const first = relay.createDispatcher({ logger, retry: FAST, pollMs: 50 });
    await first.start();
    const before = await appendStations(4, 1);
    await until(() => receiver.received.length >= before.length);
    expect((await relay.deliveries.findCursor(id))?.leaseOwner).not.toBeNull();
    // A second relay on the same stores: the first holds the lease, so only one of them delivers each event.
    await start();
    const during = await appendStations(4, 3);
    await until(() => receiver.received.length >= before.length + during.length);
    await first.stop();
    const after = await appendStations(4, 2);
    await until(() => receiver.received.length >= before.length + during.length + after.length);
    await new Promise((resolve) => setTimeout(resolve, 300)); // room for a duplicate to show
    expectEveryEventInStreamOrder(receiver, [...before, ...during, ...after]);
    expect(receiver.received).toHaveLength(before.length + during.length + after.length);
  });
});
