import { Writable } from 'node:stream';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';

function collectingStream(): { lines: Array<Record<string, unknown>>; stream: Writable } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('writes one JSON object per line with level name, time, name and bindings', () => {
    const { lines, stream } = collectingStream();
    const logger = createLogger({ name: 'gateway', destination: stream });
    logger.child({ requestId: 'r1' }).info({ path: '/graphql' }, 'request completed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      name: 'gateway',
      requestId: 'r1',
      path: '/graphql',
      msg: 'request completed',
    });
    expect(lines[0]?.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('respects the level and redacts credentials', () => {
    const { lines, stream } = collectingStream();
    const logger = createLogger({ level: 'warn', destination: stream });
    logger.info('hidden');
    logger.warn({ headers: { authorization: 'Bearer secret' } }, 'shown');
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'shown', headers: { authorization: '[redacted]' } }),
    ]);
  });
});

describe('createMetrics', () => {
  it('keeps each set of metrics on its own registry, with default process metrics', async () => {
    const first = createMetrics();
    const second = createMetrics();
    first.httpRequests.inc({ route: '/graphql', method: 'POST', status: '200' });
    const text = await first.registry.metrics();
    expect(text).toContain('http_requests_total{route="/graphql",method="POST",status="200"} 1');
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(await second.registry.metrics()).not.toContain('status="200"');
  });
});
