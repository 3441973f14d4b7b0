// Builders and helpers shared by the event store contract suites.
import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent, RecordedEvent } from '../envelope.js';
import type { EventStore, SubscribeOptions, SubscriptionBatch } from '../event-store.js';
import type { Upcaster } from '../upcasting.js';

/** What a contract suite needs from an adapter: a fresh, empty store per call, and a way to drop it. */
export type EventStoreFactory = (options?: {
  upcasters?: Upcaster[];
}) => Promise<{ store: EventStore; dispose(): Promise<void> }>;

export const metadata: EventMetadata = {
  actorId: 'user-1',
  role: 'station-staff',
  jurisdictionId: 'jurisdiction-1',
  commandId: 'command-1',
  correlationId: 'correlation-1',
  causationId: null,
};

/** A valid new event with a fresh id. */
export function newEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: randomUUID(),
    type: 'OpinionReceived',
    data: { text: 'more buses on route 5' },
    metadata,
    occurredAt: '2026-03-01T08:00:00.000Z',
    ...overrides,
  };
}

/** `count` valid new events, numbered in their data. */
export function newEvents(count: number, overrides: Partial<NewEvent> = {}): NewEvent[] {
  return Array.from({ length: count }, (_, n) => newEvent({ data: { n }, ...overrides }));
}

/** A stream id in `category` that no other test uses. */
export function freshStream(category = 'opinion'): string {
  return `${category}-${randomUUID()}`;
}

/** The error a promise rejects with; fails when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/**
 * Subscribes until `done` says enough was received, then aborts and keeps iterating: the result arrives only
 * when the iterator has ended by itself. Aborts anyway after `timeoutMs`.
 */
export async function subscribeUntil(
  store: EventStore,
  options: Omit<SubscribeOptions, 'signal'>,
  done: (events: RecordedEvent[], position: number) => boolean,
  timeoutMs = 20_000,
): Promise<{ events: RecordedEvent[]; batches: SubscriptionBatch[]; timedOut: boolean }> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const events: RecordedEvent[] = [];
  const batches: SubscriptionBatch[] = [];
  try {
    for await (const batch of store.subscribe({ ...options, signal: controller.signal })) {
      batches.push(batch);
      events.push(...batch.events);
      if (done(events, batch.position)) controller.abort();
    }
  } finally {
    clearTimeout(timer);
  }
  return { events, batches, timedOut };
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Registers hooks giving each test of the enclosing describe a fresh store, disposed after it. */
export function freshStorePerTest(factory: EventStoreFactory): { readonly store: EventStore } {
  let current: { store: EventStore; dispose(): Promise<void> } | undefined;
  beforeEach(async () => {
    current = await factory();
  });
  afterEach(async () => {
    await current?.dispose();
    current = undefined;
  });
  return {
    get store(): EventStore {
      if (!current) throw new Error('expected a store, but none is open outside a test');
      return current.store;
    },
  };
}
