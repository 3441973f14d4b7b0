import type { Principal } from '@liaison/auth';
import type { CommandOutcome } from '@liaison/decider';
import { createLogger } from '@liaison/observability';
import { GraphQLError } from 'graphql';
import { toGlobalId } from './global-id.js';
import { Loaders } from './loaders.js';
import { AccessDeniedError, commandMetadata, decodeId, execute, resultOf } from './mutation.js';
import type { RequestContext } from './request-context.js';

const officer: Principal = { userId: 'u1', roles: ['congress-office', 'auditor'], jurisdictionId: 'j1' };
const now = new Date('2026-03-02T01:00:00Z');

function requestContext(): RequestContext & { written: number[] } {
  const written: number[] = [];
  return {
    requestId: 'req-1',
    principal: officer,
    logger: createLogger({ level: 'silent' }),
    loaders: new Loaders(),
    recordWrite: (position) => written.push(position),
    written,
  };
}

describe('the mutation path', () => {
  it('names the acting principal, or the public for anonymous intake', () => {
    const context = requestContext();
    expect(commandMetadata(context, officer, now, 'cmd-1')).toEqual({
      commandId: 'cmd-1',
      actorId: 'u1',
      role: 'congress-office',
      jurisdictionId: 'j1',
      now: '2026-03-02T01:00:00.000Z',
      correlationId: 'req-1',
      causationId: null,
    });
    const anonymous = commandMetadata(context, null, now);
    expect(anonymous).toMatchObject({ actorId: 'public', role: 'public', jurisdictionId: null });
    expect(anonymous.commandId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('waits for the read models after a write and records its position', async () => {
    const context = requestContext();
    const waited: Array<[number, number]> = [];
    const readYourWrites = {
      readYourWritesTimeoutMs: 250,
      waitForPosition: (position: number, timeoutMs: number) => {
        waited.push([position, timeoutMs]);
        return Promise.resolve(true);
      },
    };
    const outcome: CommandOutcome = {
      ok: true,
      streamId: 'station-s1',
      streamVersion: 3,
      globalPosition: 42,
      eventCount: 1,
      duplicate: false,
    };
    await expect(execute(context, readYourWrites, () => Promise.resolve(outcome))).resolves.toBe(outcome);
    expect(context.written).toEqual([42]);
    expect(waited).toEqual([[42, 250]]);
    expect(resultOf(outcome)).toEqual({ userErrors: [], position: 42 });
  });

  it('answers a scope violation with FORBIDDEN and lets other errors through', async () => {
    const readYourWrites = { readYourWritesTimeoutMs: 1, waitForPosition: () => Promise.resolve(true) };
    const denied = execute(requestContext(), readYourWrites, () =>
      Promise.reject(new AccessDeniedError('station s9 is outside your jurisdiction')),
    );
    await expect(denied).rejects.toBeInstanceOf(GraphQLError);
    await expect(denied).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const broken = execute(requestContext(), readYourWrites, () => Promise.reject(new RangeError('bug')));
    await expect(broken).rejects.toBeInstanceOf(RangeError);
  });

  it('decodes a global id of the expected type or names the field it came in', () => {
    expect(decodeId(toGlobalId('Station', 's1'), 'Station', 'stationId')).toBe('s1');
    expect(decodeId(toGlobalId('Deputy', 'd1'), 'Station', 'stationId')).toMatchObject({
      code: 'INVALID_ID',
      field: ['stationId'],
    });
  });
});
