// A webhook relay in its own process, for the crash test to kill: delivers until killed.
import 'reflect-metadata';
import { SqlEventStore } from '@liaison/eventstore';
import { createLogger } from '@liaison/observability';
import { SqlReadStore } from '@liaison/readstore';
import { createRelayModule } from '@liaison/relay';
import { openPglite, openPostgres } from '@liaison/sql';

const [driver, location, schema, lanes] = process.argv.slice(2);
if (!driver || !location || !schema || !lanes)
  throw new Error('usage: relay-child <pglite|postgres> <dataDir|url> <schema> <lanes>');

const sql =
  driver === 'pglite'
    ? await openPglite({ dataDir: location, schema })
    : await openPostgres({ connectionString: location, schema });
const eventStore = await SqlEventStore.open(sql);
const readStore = await SqlReadStore.open(sql);
const relay = createRelayModule(sql, {
  eventStore,
  readStore,
  waitForPosition: () => Promise.resolve(true),
  readYourWritesTimeoutMs: 0,
  now: () => new Date(),
});
await relay.prepare();
const dispatcher = relay.createDispatcher({
  logger: createLogger({ level: 'silent', name: 'relay-child' }),
  retry: { baseDelayMs: 10, maxDelayMs: 100 },
  pollMs: 50,
  lanes: Number(lanes),
  // A killed relay's lease runs out soon, so the next one takes over quickly.
  leaseMs: 1_000,
});
await dispatcher.start();
process.stdout.write('started\n');
