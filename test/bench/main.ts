// `pnpm bench`: append, rebuild and webhook delivery benchmarks on PGlite (and PostgreSQL when DATABASE_URL is set), as ratios.
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { appendBenchmark } from './append-bench.js';
import { deliveryBenchmark, type DeliveryResult } from './delivery-bench.js';
import type { Comparison } from './measure.js';
import { rebuildBenchmark } from './rebuild-bench.js';
import { benchTargets } from './targets.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const STREAMS = 1_000;

const DELIVERY_EVENTS = Number(process.env.BENCH_DELIVERY_EVENTS ?? 4_000);
const DELIVERY_RATE = Number(process.env.BENCH_DELIVERY_RATE ?? 200);

const results: Comparison[] = [];
const deliveries: DeliveryResult[] = [];
for (const target of benchTargets(process.env.DATABASE_URL)) {
  // BENCH_ONLY=delivery skips the store benchmarks.
  for (const run of process.env.BENCH_ONLY === 'delivery' ? [] : [appendBenchmark, rebuildBenchmark]) {
    const result = await run(target, EVENTS, STREAMS);
    results.push(result);
    console.log(
      `${result.benchmark.padEnd(8)} ${result.store.padEnd(11)} ${result.subject.name}: ${result.subject.eventsPerSecond} ev/s, ` +
        `${result.baseline.name}: ${result.baseline.eventsPerSecond} ev/s, ratio ${result.ratio} (target ≥ ${result.target}) ${result.met ? 'met' : 'NOT MET'}`,
    );
  }
  const delivery = await deliveryBenchmark(target, DELIVERY_EVENTS, DELIVERY_RATE, DELIVERY_EVENTS);
  deliveries.push(delivery);
  console.log(
    `delivery ${delivery.store.padEnd(11)} ${delivery.events} events at ${delivery.rate}/s: lag p50 ${delivery.lagP50Ms} ms, ` +
      `p99 ${delivery.lagP99Ms} ms (target < ${delivery.lagTargetMs}) ${delivery.lagP99Ms < delivery.lagTargetMs ? 'met' : 'NOT MET'}; ` +
      `backlog of ${delivery.burst}: ${delivery.deliveriesPerSecond} deliveries/s, raw POSTs ${delivery.rawPostsPerSecond}/s, ratio ${delivery.ratio}`,
  );
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
