// `pnpm bench`: append, rebuild and verification benchmarks on PGlite (and PostgreSQL when DATABASE_URL is set), as ratios.
// The audit service's index carries GraphQL types, which need the metadata polyfill loaded first.
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { appendBenchmark } from './append-bench.js';
import type { Comparison } from './measure.js';
import { rebuildBenchmark } from './rebuild-bench.js';
import { rebuildMongoBenchmark } from './rebuild-mongo-bench.js';
import { benchTargets } from './targets.js';
import { verifyBenchmarks } from './verify-bench.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const STREAMS = 1_000;

const results: Comparison[] = [];
const print = (result: Comparison) =>
  console.log(
    `${result.benchmark.padEnd(8)} ${result.store.padEnd(11)} ${result.subject.name}: ${result.subject.eventsPerSecond} ev/s, ` +
      `${result.baseline.name}: ${result.baseline.eventsPerSecond} ev/s, ratio ${result.ratio} (target ≥ ${result.target}) ${result.met ? 'met' : 'NOT MET'}`,
  );
// BENCH_ONLY=verify (or append,rebuild,verify,mongo) runs a subset.
const only = process.env.BENCH_ONLY?.split(',');
const targets = benchTargets(process.env.DATABASE_URL);
for (const target of targets) {
  const runs = [
    { name: 'append', run: async () => [await appendBenchmark(target, EVENTS, STREAMS)] },
    { name: 'rebuild', run: async () => [await rebuildBenchmark(target, EVENTS, STREAMS)] },
    { name: 'verify', run: () => verifyBenchmarks(target, EVENTS, STREAMS) },
  ].filter((run) => !only || only.includes(run.name));
  for (const { run } of runs) {
    for (const result of await run()) {
      results.push(result);
      print(result);
    }
  }
}
// MongoDB read models (MONGODB_URL; CI and development: the FerretDB test server), events on the last SQL target.
const mongoUrl = process.env.MONGODB_URL;
const events = targets.at(-1);
if (mongoUrl && events && (!only || only.includes('mongo'))) {
  const result = await rebuildMongoBenchmark(events, mongoUrl, EVENTS, STREAMS);
  results.push(result);
  print(result);
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
