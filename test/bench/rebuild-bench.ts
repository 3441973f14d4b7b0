// Rebuild benchmark: a projection folding the whole log into fresh read models, against a raw read of the log
// (every column of its rows, as the driver decodes them) plus raw bulk writes of the same documents, with the
// documents kept in memory.
import { SqlReadStore } from '@liaison/readstore';
import { compare, type Comparison } from './measure.js';
import { rawFoldRate, runnerRate, seed } from './rebuild-fixture.js';
import type { BenchTarget } from './targets.js';

/** Folds `events` events over `streams` streams into one document per stream, in batches of `batchSize`. */
export async function rebuildBenchmark(
  target: BenchTarget,
  events: number,
  streams: number,
  batchSize = 1000,
): Promise<Comparison> {
  const sql = await target.open();
  const store = await seed(sql, events, streams);
  const reads = await SqlReadStore.open(sql);
  const head = await store.headPosition();
  let round = 0;

  const baseline = async () => {
    const table = `raw_totals_${round++}`;
    await sql.exec(`CREATE TABLE ${table} (id text PRIMARY KEY, position bigint NOT NULL, doc jsonb)`);
    const rate = await rawFoldRate(sql, events, head, batchSize, (changed) =>
      sql.query(
        `INSERT INTO ${table} (id, position, doc)
         SELECT x.id, x.position, x.doc FROM jsonb_to_recordset($1::jsonb) AS x(id text, position bigint, doc jsonb)
         ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, doc = EXCLUDED.doc`,
        [JSON.stringify(changed)],
      ),
    );
    await sql.exec(`DROP TABLE ${table}`);
    return rate;
  };

  const subject = () => runnerRate(store, reads, `totals__v1_bench${round++}`, events, head, batchSize);

  try {
    return await compare(
      'rebuild',
      target.name,
      events,
      0.7,
      { name: 'raw read of the log + raw bulk upserts', run: baseline },
      { name: 'ProjectionRunner', run: subject },
    );
  } finally {
    await store.close();
    await reads.close();
    await target.dispose(sql);
  }
}
