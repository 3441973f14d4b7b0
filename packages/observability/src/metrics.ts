// Prometheus metrics of one process, on a registry of their own so tests can make several side by side.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  /** HTTP requests answered, by route (a fixed set, never the raw path), method and status. */
  httpRequests: Counter<'route' | 'method' | 'status'>;
  /** HTTP request duration in seconds, same labels. */
  httpDuration: Histogram<'route' | 'method' | 'status'>;
  /** GraphQL operations executed, by operation name, type (query, mutation) and outcome (success, error, rejected). */
  graphqlOperations: Counter<'operation' | 'type' | 'outcome'>;
  /** Time spent waiting for read models to reach a mutation's position before answering, by whether they did. */
  readYourWritesWait: Histogram<'reached'>;
}

/** Creates the platform's metrics with default process metrics (CPU, memory, event loop, GC) on a fresh registry. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by route, method and status.',
      labelNames: ['route', 'method', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration in seconds, by route, method and status.',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    graphqlOperations: new Counter({
      name: 'graphql_operations_total',
      help: 'GraphQL operations, by operation name, type and outcome.',
      labelNames: ['operation', 'type', 'outcome'],
      registers: [registry],
    }),
    readYourWritesWait: new Histogram({
      name: 'graphql_read_your_writes_wait_seconds',
      help: 'Time a mutation response waited for read models to reach its position, by whether they did.',
      labelNames: ['reached'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
  };
}
