// A projection runner in its own process, for the crash test to kill: runs the tally projection until caught up.
import { SqlEventStore } from '@liaison/eventstore';
import { ProjectionRunner } from '@liaison/projector';
import { SqlReadStore } from '@liaison/readstore';
import { openPglite, openPostgres } from '@liaison/sql';
import { tallyProjection } from './tally-projection.js';

const [driver, location, schema, collection] = process.argv.slice(2);
if (!driver || !location || !schema || !collection) {
  throw new Error('usage: crash-runner <pglite|postgres> <dataDir|url> <schema> <collection>');
}

const sql =
  driver === 'pglite'
    ? await openPglite({ dataDir: location, schema })
    : await openPostgres({ connectionString: location, schema });
const events = await SqlEventStore.open(sql);
const reads = await SqlReadStore.open(sql);
const head = await events.headPosition();
// Small batches: 250 commits to kill between. With 500, an idle machine folded the log in fewer than 20 runs
// (each run commits up to six batches, then as many more as fit in up to 40 ms before the kill lands).
const runner = new ProjectionRunner(events, reads, tallyProjection, collection, {
  batchSize: 200,
  onProgress: (position) => process.stdout.write(`position ${position}\n`),
});
process.stdout.write('started\n');
void runner.start();
// Exits cleanly once the checkpoint reaches the head (at once when a previous run already got there).
const poll = setInterval(() => {
  if (runner.position < head) return;
  clearInterval(poll);
  void runner.stop().then(async () => {
    await sql.close();
    process.stdout.write('done\n');
    process.exit(0);
  });
}, 5);
