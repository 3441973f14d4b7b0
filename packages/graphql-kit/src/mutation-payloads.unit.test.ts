import { domainError } from '@liaison/decider';
import { mutationPayloads } from './mutation-payloads.js';
import type { RequestContext } from './request-context.js';

const context = {} as RequestContext;
const reads: string[] = [];
const payloads = mutationPayloads('station', (_context, id) => {
  reads.push(id);
  return Promise.resolve(id === 's1' ? { name: 'Centre' } : null);
});

describe('mutationPayloads', () => {
  it('answers a refusal with its user errors and reads nothing', async () => {
    const error = domainError('STATION_CLOSED', 'station s1 is closed', ['stationId']);
    const expected = {
      userErrors: [{ code: 'STATION_CLOSED', message: 'station s1 is closed', field: ['stationId'] }],
      position: null,
      station: null,
    };
    expect(payloads.failed(error)).toEqual(expected);
    expect(await payloads.of(context, { ok: false, error }, 's1')).toEqual(expected);
    expect(reads).toEqual([]);
  });

  it('answers a success with the position written and the object read back', async () => {
    const outcome = {
      ok: true,
      streamId: 'station-s1',
      streamVersion: 2,
      globalPosition: 41,
      eventCount: 1,
      duplicate: false,
    } as const;
    expect(await payloads.of(context, outcome, 's1')).toEqual({
      userErrors: [],
      position: 41,
      station: { name: 'Centre' },
    });
    expect(await payloads.of(context, outcome, 's2')).toEqual({
      userErrors: [],
      position: 41,
      station: null,
    });
    expect(reads).toEqual(['s1', 's2']);
  });
});
