// Append benchmark: commands through the command handler against raw driver INSERTs of the same rows.
import { randomUUID } from 'node:crypto';
import { CommandHandler, type Command, type Decider } from '@liaison/decider';
import { SqlEventStore } from '@liaison/eventstore';
import { compare, eventsPerSecond, type Comparison } from './measure.js';
import type { BenchTarget } from './targets.js';

type Add = Command<'Add', { amount: number }>;
type Added = { type: 'Added'; data: { amount: number } };

const counter: Decider<{ total: number }, Add, Added> = {
  initialState: () => ({ total: 0 }),
  decide: (command) => [{ type: 'Added', data: { amount: command.data.amount } }],
  evolve: (state, event) => ({ total: state.total + event.data.amount }),
};

const metadata = (commandId: string) => ({
  commandId,
  actorId: 'bench',
  role: 'system',
  jurisdictionId: null,
  now: new Date().toISOString(),
  correlationId: commandId,
  causationId: null,
});

/** `events` events over `streams` streams, one event per command, sequentially. */
export async function appendBenchmark(
  target: BenchTarget,
  events: number,
  streams: number,
): Promise<Comparison> {
  const baseline = async () => {
    const sql = await target.open();
    await SqlEventStore.open(sql); // the same table, indexes and constraints
    const insert = `INSERT INTO events (global_position, id, stream_id, stream_position, category, type, schema_version,
      data, metadata, occurred_at, recorded_at, previous_hash, hash)
      VALUES ($1, $2, $3, $4, $5, $6, 1, $7::jsonb, $8::jsonb, $9, $10, $11, $12)`;
    const now = new Date().toISOString();
    const rate = await eventsPerSecond(events, async () => {
      for (let i = 0; i < events; i++) {
        const id = randomUUID();
        await sql.query(insert, [
          i + 1,
          id,
          `counter-${i % streams}`,
          Math.floor(i / streams) + 1,
          'counter',
          'Added',
          JSON.stringify({ amount: 1 }),
          JSON.stringify(metadata(id)),
          now,
          now,
          '0'.repeat(64),
          id.replaceAll('-', '').padEnd(64, '0'),
        ]);
      }
    });
    await target.dispose(sql);
    return rate;
  };

  const subject = async () => {
    const sql = await target.open();
    const store = await SqlEventStore.open(sql);
    const handler = new CommandHandler(store, counter);
    const rate = await eventsPerSecond(events, async () => {
      for (let i = 0; i < events; i++) {
        const outcome = await handler.handle(`counter-${i % streams}`, {
          type: 'Add',
          data: { amount: 1 },
          metadata: metadata(randomUUID()),
        });
        if (!outcome.ok) throw new Error(`unexpected refusal: ${outcome.error.code}`);
      }
    });
    await store.close();
    await target.dispose(sql);
    return rate;
  };

  return compare(
    'append',
    target.name,
    events,
    0.7,
    { name: 'raw INSERT per event', run: baseline },
    { name: 'CommandHandler.handle', run: subject },
  );
}
