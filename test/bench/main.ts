// `pnpm bench`: append, rebuild, verification and webhook delivery benchmarks on PGlite (and PostgreSQL when
// DATABASE_URL is set, MongoDB read models when MONGODB_URL is set), as ratios against baselines run alongside.
// The audit service's index carries GraphQL types, which need the metadata polyfill loaded first.
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { appendBenchmark } from './append-bench.js';
import { deliveryBenchmark, type DeliveryResult } from './delivery-bench.js';
import type { Comparison } from './measure.js';
import { rebuildBenchmark } from './rebuild-bench.js';
import { rebuildMongoBenchmark } from './rebuild-mongo-bench.js';
import { benchTargets } from './targets.js';
import { verifyBenchmarks } from './verify-bench.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const STREAMS = 1_000;
const DELIVERY_EVENTS = Number(process.env.BENCH_DELIVERY_EVENTS ?? 4_000);
const DELIVERY_RATE = Number(process.env.BENCH_DELIVERY_RATE ?? 200);

const results: Comparison[] = [];
const deliveries: DeliveryResult[] = [];
const print = (result: Comparison) =>
  console.log(
    `${result.benchmark.padEnd(8)} ${result.store.padEnd(11)} ${result.subject.name}: ${result.subject.eventsPerSecond} ev/s, ` +
      `${result.baseline.name}: ${result.baseline.eventsPerSecond} ev/s, ratio ${result.ratio} (target ≥ ${result.target}) ${result.met ? 'met' : 'NOT MET'}`,
  );
// BENCH_ONLY=append,rebuild,verify,delivery,mongo runs a subset.
const only = process.env.BENCH_ONLY?.split(',');
const wanted = (name: string) => !only || only.includes(name);
const targets = benchTargets(process.env.DATABASE_URL);
for (const target of targets) {
  const runs = [
    { name: 'append', run: async () => [await appendBenchmark(target, EVENTS, STREAMS)] },
    { name: 'rebuild', run: async () => [await rebuildBenchmark(target, EVENTS, STREAMS)] },
    { name: 'verify', run: () => verifyBenchmarks(target, EVENTS, STREAMS) },
  ].filter((run) => wanted(run.name));
  for (const { run } of runs) {
    for (const result of await run()) {
      results.push(result);
      print(result);
    }
  }
  if (wanted('delivery')) {
    const delivery = await deliveryBenchmark(target, DELIVERY_EVENTS, DELIVERY_RATE, DELIVERY_EVENTS);
    deliveries.push(delivery);
    console.log(
      `delivery ${delivery.store.padEnd(11)} ${delivery.events} events at ${delivery.rate}/s (reached ${delivery.appendedPerSecond}/s): lag p50 ${delivery.lagP50Ms} ms, ` +
        `p99 ${delivery.lagP99Ms} ms (target < ${delivery.lagTargetMs}) ${delivery.lagP99Ms < delivery.lagTargetMs ? 'met' : 'NOT MET'}; ` +
        `backlog of ${delivery.burst}: ${delivery.deliveriesPerSecond} deliveries/s, raw POSTs ${delivery.rawPostsPerSecond}/s, ratio ${delivery.ratio}`,
    );
  }
}
// MongoDB read models (MONGODB_URL; CI and development: the FerretDB test server), events on the last SQL target.
const mongoUrl = process.env.MONGODB_URL;
const events = targets.at(-1);
if (mongoUrl && events && wanted('mongo')) {
  const result = await rebuildMongoBenchmark(events, mongoUrl, EVENTS, STREAMS);
  results.push(result);
  print(result);
}
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/bench.json',
  JSON.stringify(
    {
      date: new Date().toISOString(),
      events: EVENTS,
      streams: STREAMS,
      node: process.version,
      results,
      deliveries,
    },
    null,
    2,
  ),
);
console.log('written to bench-results/bench.json');
