import { SqlEventStore, WrongExpectedVersionError, type EventStore } from '@liaison/eventstore';
import type { SqlClient } from '@liaison/sql';
import { testSqlTargets } from '@liaison/testing';
import { CommandHandler } from './command-handler.js';
import type { Command, CommandMetadata, Decider } from './decider.js';
import { domainError } from './domain-error.js';

// A small counter aggregate: enough behaviour to exercise loading, deciding, conflicts and dedup.
type CounterCommand = Command<'Add', { amount: number; limit: number }>;
type CounterEvent = { type: 'Added'; data: { amount: number } };
type CounterState = { total: number };

const counter: Decider<CounterState, CounterCommand, CounterEvent> = {
  initialState: () => ({ total: 0 }),
  decide: (command, state) =>
    state.total + command.data.amount > command.data.limit
      ? domainError(
          'LIMIT_EXCEEDED',
          `expected a total of at most ${command.data.limit}, would be ${state.total + command.data.amount}`,
        )
      : [{ type: 'Added', data: { amount: command.data.amount } }],
  evolve: (state, event) => ({ total: state.total + event.data.amount }),
};

let sequence = 0;
function add(amount: number, limit = 1_000_000, commandId = `cmd-${++sequence}`): CounterCommand {
  const metadata: CommandMetadata = {
    commandId,
    actorId: 'u1',
    role: 'admin',
    jurisdictionId: null,
    now: '2026-01-01T00:00:00.000Z',
    correlationId: commandId,
    causationId: null,
  };
  return { type: 'Add', data: { amount, limit }, metadata };
}

describe.each(testSqlTargets())('CommandHandler on $name', (target) => {
  let sql: SqlClient;
  let store: EventStore;

  beforeEach(async () => {
    sql = await target.open();
    store = await SqlEventStore.open(sql);
  });
  afterEach(() => target.dispose(sql));

  it('loads, decides and appends with the command metadata on every event', async () => {
    const handler = new CommandHandler(store, counter);
    expect(await handler.handle('counter-a', add(2))).toMatchObject({
      ok: true,
      streamVersion: 1,
      eventCount: 1,
      duplicate: false,
    });
    expect(await handler.handle('counter-a', add(3, 1_000_000, 'cmd-x'))).toMatchObject({
      ok: true,
      streamVersion: 2,
    });
    const events = await store.readStream('counter-a');
    expect(events.map((e) => e.data)).toEqual([{ amount: 2 }, { amount: 3 }]);
    expect(events[1]!.metadata).toMatchObject({ commandId: 'cmd-x', actorId: 'u1', correlationId: 'cmd-x' });
    expect((await handler.state('counter-a')).state).toEqual({ total: 5 });
  });

  it('returns domain errors as values and appends nothing', async () => {
    const handler = new CommandHandler(store, counter);
    await handler.handle('counter-b', add(5));
    const outcome = await handler.handle('counter-b', add(10, 10));
    expect(outcome).toEqual({ ok: false, error: expect.objectContaining({ code: 'LIMIT_EXCEEDED' }) });
    expect(await store.readStream('counter-b')).toHaveLength(1);
  });

  it('deduplicates a re-sent command id, also from another handler instance', async () => {
    const first = new CommandHandler(store, counter);
    const original = await first.handle('counter-c', add(1, 100, 'same'));
    const resent = await first.handle('counter-c', add(1, 100, 'same'));
    const elsewhere = await new CommandHandler(store, counter).handle('counter-c', add(1, 100, 'same'));
    expect(resent).toMatchObject({ ok: true, duplicate: true, streamVersion: 1 });
    expect(elsewhere).toMatchObject({ ok: true, duplicate: true, streamVersion: 1 });
    expect(original.ok && resent.ok && resent.globalPosition === original.globalPosition).toBe(true);
    expect(await store.readStream('counter-c')).toHaveLength(1);
  });

  it('retries on conflict when another writer moved the stream, deciding on the fresh state', async () => {
    const one = new CommandHandler(store, counter);
    const two = new CommandHandler(store, counter);
    await one.handle('counter-d', add(5, 10));
    await two.handle('counter-d', add(4, 10)); // two now knows total 9; one's cache still says 5
    const outcome = await one.handle('counter-d', add(3, 10));
    expect(outcome).toEqual({ ok: false, error: expect.objectContaining({ code: 'LIMIT_EXCEEDED' }) });
    expect((await one.state('counter-d')).state).toEqual({ total: 9 });
  });

  it('keeps every concurrent increment: 8 handlers × 25 commands on one stream', async () => {
    const handlers = Array.from({ length: 8 }, () => new CommandHandler(store, counter, { maxRetries: 100 }));
    await Promise.all(
      handlers.map(async (handler) => {
        for (let i = 0; i < 25; i++) {
          const outcome = await handler.handle('counter-e', add(1));
          expect(outcome.ok).toBe(true);
        }
      }),
    );
    const events = await store.readStream('counter-e');
    expect(events).toHaveLength(200);
    expect(events.map((e) => e.streamPosition)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it('gives up after the bounded number of retries', async () => {
    const handler = new CommandHandler(store, counter, { maxRetries: 0, cacheSize: 10 });
    await handler.handle('counter-f', add(1));
    await new CommandHandler(store, counter).handle('counter-f', add(1));
    await expect(handler.handle('counter-f', add(1))).rejects.toBeInstanceOf(WrongExpectedVersionError);
  });
});
