// Kills a projection runner process at random moments while it folds 50,000 events, then compares with a clean rebuild.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqlEventStore } from '@liaison/eventstore';
import { ProjectionRunner } from '@liaison/projector';
import { SqlReadStore } from '@liaison/readstore';
import { openPglite, openPostgres, quoteIdent, type SqlClient } from '@liaison/sql';
import { testDatabaseUrl } from '@liaison/testing';
import { tallyProjection, ticks, type TallyDocument } from './tally-projection.js';

const EVENTS = 50_000;
const STREAMS = 250;
const KILLS = 20;
const runnerScript = fileURLToPath(new URL('../dist/faults/crash-runner.js', import.meta.url));

interface Target {
  name: string;
  driver: 'pglite' | 'postgres';
  location: string;
  schema: string;
  open(): Promise<SqlClient>;
  cleanup(): Promise<void>;
}

function targets(): Target[] {
  const dir = mkdtempSync(join(tmpdir(), 'crash-pglite-'));
  const list: Target[] = [
    {
      name: 'PGlite (data directory)',
      driver: 'pglite',
      location: dir,
      schema: 'liaison',
      open: () => openPglite({ dataDir: dir, schema: 'liaison' }),
      cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    },
  ];
  const url = testDatabaseUrl();
  if (url) {
    const schema = `crash_${Date.now().toString(36)}`;
    list.push({
      name: 'PostgreSQL',
      driver: 'postgres',
      location: url,
      schema,
      open: () => openPostgres({ connectionString: url, schema }),
      cleanup: async () => {
        const sql = await openPostgres({ connectionString: url });
        await sql.exec(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
        await sql.close();
      },
    });
  }
  return list;
}

/** Where a run is killed: after it has committed `batches` more batches, then `delayMs` into the next one. */
interface KillPoint {
  batches: number;
  delayMs: number;
}

const children = new Set<ChildProcess>();

/** A random kill point: sometimes before the first commit, mostly a few batches in, at a random moment. */
function randomKillPoint(): KillPoint {
  return { batches: Math.floor(Math.random() * 7), delayMs: Math.floor(Math.random() * 40) };
}

/** Runs the runner process; SIGKILLs it at `kill`, or lets it finish when null. */
function runChild(target: Target, collection: string, kill: KillPoint | null): Promise<'killed' | 'done'> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [runnerScript, target.driver, target.location, target.schema, collection],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.add(child);
    let stderr = '';
    let finished = false;
    let committed = 0;
    let armed = false;
    const arm = () => {
      if (kill === null || armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), kill.delayMs);
    };
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line === 'done') finished = true;
        if (line === 'started' && kill?.batches === 0) arm();
        if (line.startsWith('position ') && kill && ++committed >= kill.batches) arm();
      }
    });
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (signal === 'SIGKILL') resolve(finished ? 'done' : 'killed');
      else if (code === 0) resolve('done');
      else reject(new Error(`runner exited with ${code}: ${stderr}`));
    });
  });
}

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

async function allTallies(reads: SqlReadStore, collection: string): Promise<Map<string, TallyDocument>> {
  const ids = ['all', ...Array.from({ length: STREAMS }, (_, i) => `tick-${i}`)];
  const stored = await reads.getMany<TallyDocument>(collection, ids);
  return new Map([...stored].map(([id, { document }]) => [id, document]));
}

describe.each(targets())('projection runner killed at random points on $name', (target) => {
  afterAll(() => target.cleanup());

  it(`folds each of ${EVENTS} events exactly once across ${KILLS} kills`, async () => {
    const collection = 'tallies__v1_crash';
    let sql = await target.open();
    let events = await SqlEventStore.open(sql);
    let reads = await SqlReadStore.open(sql);
    for (let i = 0; i < EVENTS / 100; i++) {
      await events.append(`tick-${i % STREAMS}`, ticks(100, i * 100));
    }
    await reads.createCollection(collection, { name: 'tallies', fields: tallyProjection.fields });
    // PGlite's data directory belongs to one process at a time, so the parent lets go while the child runs.
    if (target.driver === 'pglite') await sql.close();

    let kills = 0;
    const started = Date.now();
    for (let attempt = 0; attempt < KILLS * 2 && kills < KILLS; attempt++) {
      const outcome = await runChild(target, collection, randomKillPoint());
      if (outcome === 'killed') kills++;
      else break;
    }
    expect(await runChild(target, collection, null)).toBe('done');
    console.info(`${target.name}: ${kills} kills in ${Date.now() - started} ms`);
    expect(kills).toBeGreaterThanOrEqual(KILLS);

    if (target.driver === 'pglite') {
      sql = await target.open();
      events = await SqlEventStore.open(sql);
      reads = await SqlReadStore.open(sql);
    }
    const clean = 'tallies__v1_clean';
    await reads.createCollection(clean, { name: 'tallies', fields: tallyProjection.fields });
    const rebuild = new ProjectionRunner(events, reads, tallyProjection, clean, { batchSize: 2000 });
    void rebuild.start();
    while (rebuild.position < (await events.headPosition())) await new Promise((r) => setTimeout(r, 50));
    await rebuild.stop();

    const crashed = await allTallies(reads, collection);
    const rebuilt = await allTallies(reads, clean);
    expect(crashed.get('all')?.count).toBe(EVENTS);
    expect(crashed).toEqual(rebuilt);
    expect(await reads.getCheckpoint(collection)).toBe(await events.headPosition());
    await sql.close();
  }, 300_000);
});
