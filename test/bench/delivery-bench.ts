// Webhook delivery benchmark: lag from append to receipt at a steady rate, and sustained deliveries per second
// against raw sequential HTTP POSTs of the same bodies to the same receiver.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { SqlEventStore, type NewEvent } from '@liaison/eventstore';
import { createLogger } from '@liaison/observability';
import { SqlReadStore } from '@liaison/readstore';
import { createRelayModule } from '@liaison/relay';
import { WebhookReceiver } from '@liaison/relay/testing';
import type { BenchTarget } from './targets.js';

export interface DeliveryResult {
  benchmark: 'delivery';
  store: string;
  rate: number;
  /** The append rate reached (below `rate` when the appender could not keep up on a loaded machine). */
  appendedPerSecond: number;
  events: number;
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
  lagTargetMs: number;
  burst: number;
  deliveriesPerSecond: number;
  rawPostsPerSecond: number;
  ratio: number;
}

const STREAMS = 50;
/**
 * The most appends in flight at once while the lag is measured: enough to keep the offered rate, few enough to
 * leave the relay some of the PostgreSQL pool's 10 connections (with 16, appends queued the relay's reads and
 * commits behind them and the lag grew to seconds).
 */
const WRITERS = 4;

function station(i: number): NewEvent {
  const commandId = randomUUID();
  return {
    id: randomUUID(),
    type: 'StationRenamed',
    data: { stationId: String(i % STREAMS), name: `station ${i}` },
    occurredAt: new Date().toISOString(),
    metadata: {
      commandId,
      actorId: 'bench',
      role: 'system',
      jurisdictionId: null,
      correlationId: commandId,
      causationId: null,
    },
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** `events` appended at `rate` per second while the relay delivers; then a burst of `burst` delivered flat out. */
export async function deliveryBenchmark(
  target: BenchTarget,
  events: number,
  rate: number,
  burst: number,
): Promise<DeliveryResult> {
  const sql = await target.open();
  const eventStore = await SqlEventStore.open(sql);
  const relay = createRelayModule(sql, {
    eventStore,
    readStore: await SqlReadStore.open(sql),
    waitForPosition: () => Promise.resolve(true),
    readYourWritesTimeoutMs: 0,
    now: () => new Date(),
  });
  await relay.prepare();
  const receiver = new WebhookReceiver();
  await receiver.start();
  const commandId = randomUUID();
  await relay.partners.register(
    {
      name: 'bench',
      eventTypes: ['StationRenamed'],
      jurisdictionIds: [],
      webhookUrl: receiver.url,
      personalData: false,
    },
    {
      commandId,
      actorId: 'bench',
      role: 'admin',
      jurisdictionId: null,
      now: new Date().toISOString(),
      correlationId: commandId,
      causationId: null,
    },
  );
  const dispatcher = relay.createDispatcher({ logger: createLogger({ level: 'silent', name: 'bench' }) });
  await dispatcher.start();

  // Lag at a steady rate: appended (committed) → received, per event.
  const appendedAt = new Map<string, number>();
  const lags: number[] = [];
  const receivedAt = new Map<string, number>();
  receiver.onReceive = (webhook) => {
    const id = (JSON.parse(webhook.body) as { id: string }).id;
    if (!receivedAt.has(id)) receivedAt.set(id, webhook.receivedAt);
  };
  // Open loop, as many writers would: each append starts when due, whether or not earlier ones have returned
  // (up to WRITERS at once), so a slow append does not lower the offered rate.
  const started = performance.now();
  const writing = new Set<Promise<void>>();
  for (let i = 0; i < events; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    // Yield to I/O even when behind schedule: appends on PGlite resolve in microtasks, and a loop of them would
    // starve the relay's HTTP (a real writer's appends arrive from requests, between I/O).
    await (wait > 0 ? sleep(wait) : new Promise(setImmediate));
    if (writing.size >= WRITERS) await Promise.race(writing);
    const event = station(i);
    const write = eventStore.append(`station-${i % STREAMS}`, [event]).then(() => {
      appendedAt.set(event.id, performance.timeOrigin + performance.now());
      writing.delete(write);
    });
    writing.add(write);
  }
  await Promise.all(writing);
  const appendedPerSecond = events / ((performance.now() - started) / 1000);
  while (receivedAt.size < events) await sleep(10);
  for (const [id, at] of appendedAt) lags.push(receivedAt.get(id)! - at);
  lags.sort((a, b) => a - b);

  // Sustained throughput: a backlog delivered as fast as the relay goes, against raw POSTs of the same bodies.
  await dispatcher.stop();
  receiver.onReceive = null;
  for (let i = 0; i < burst; i++) await eventStore.append(`station-${i % STREAMS}`, [station(i)]);
  const before = receiver.received.length;
  const burstStarted = performance.now();
  const second = relay.createDispatcher({ logger: createLogger({ level: 'silent', name: 'bench' }) });
  await second.start();
  while (receiver.received.length - before < burst) await sleep(5);
  const deliveriesPerSecond = burst / ((performance.now() - burstStarted) / 1000);
  await second.stop();

  const bodies = receiver.received.slice(before).map((webhook) => webhook.body);
  const rawStarted = performance.now();
  for (const body of bodies) {
    const response = await fetch(receiver.url, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents+json; charset=utf-8' },
      body,
    });
    await response.arrayBuffer();
  }
  const rawPostsPerSecond = bodies.length / ((performance.now() - rawStarted) / 1000);

  await receiver.stop();
  await target.dispose(sql);
  return {
    benchmark: 'delivery',
    store: target.name,
    rate,
    appendedPerSecond: Math.round(appendedPerSecond),
    events,
    lagP50Ms: round(percentile(lags, 50)),
    lagP99Ms: round(percentile(lags, 99)),
    lagMaxMs: round(lags.at(-1) ?? Number.NaN),
    lagTargetMs: 500,
    burst,
    deliveriesPerSecond: Math.round(deliveriesPerSecond),
    rawPostsPerSecond: Math.round(rawPostsPerSecond),
    ratio: Math.round((deliveriesPerSecond / rawPostsPerSecond) * 1000) / 1000,
  };
}
