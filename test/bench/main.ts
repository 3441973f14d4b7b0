// `pnpm bench`: append and rebuild benchmarks on PGlite (and PostgreSQL when DATABASE_URL is set), as ratios.
import { mkdirSync, writeFileSync } from 'node:fs';
import { appendBenchmark } from './append-bench.js';
import type { Comparison } from './measure.js';
import { rebuildBenchmark } from './rebuild-bench.js';
import { benchTargets } from './targets.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const STREAMS = 1_000;

const results: Comparison[] = [];
for (const target of benchTargets(process.env.DATABASE_URL)) {
  for (const run of [appendBenchmark, rebuildBenchmark]) {
    const result = await run(target, EVENTS, STREAMS);
    results.push(result);
    console.log(
      `${result.benchmark.padEnd(8)} ${result.store.padEnd(11)} ${result.subject.name}: ${result.subject.eventsPerSecond} ev/s, ` +
        `${result.baseline.name}: ${result.baseline.eventsPerSecond} ev/s, ratio ${result.ratio} (target ≥ ${result.target}) ${result.met ? 'met' : 'NOT MET'}`,
    );
  }
}
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/bench.json',
  JSON.stringify(
    { date: new Date().toISOString(), events: EVENTS, streams: STREAMS, node: process.version, results },
    null,
    2,
  ),
);
console.log('written to bench-results/bench.json');
