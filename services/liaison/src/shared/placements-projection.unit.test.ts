import type { RecordedEvent } from '@liaison/eventstore';
import { OPEN_END, placementsProjection } from './placements-projection.js';

const projection = placementsProjection({
  name: 'station_placements',
  registeredType: 'StationRegistered',
  changedType: 'StationJurisdictionChanged',
  idField: 'stationId',
});

function recorded(type: string, data: unknown, occurredAt = '2025-12-31T17:00:00.000Z'): RecordedEvent {
  return { type, data, occurredAt } as RecordedEvent;
}

describe('placements projection', () => {
  const registered = recorded('StationRegistered', {
    stationId: 's1',
    jurisdictionId: 'a',
    jurisdictionPath: '/p/a/',
  });
  const moved = recorded('StationJurisdictionChanged', {
    stationId: 's1',
    placement: 1,
    from: { jurisdictionId: 'a', jurisdictionPath: '/p/a/' },
    to: { jurisdictionId: 'b', jurisdictionPath: '/p/b/' },
    effectiveOn: '2026-03-01',
    reorganisedJurisdictionId: 'a',
  });

  it('opens the first placement on the registration day in Beijing time', () => {
    expect(projection.documentIds(registered)).toEqual(['s1:0']);
    expect(projection.fold(null, registered, 's1:0')).toEqual({
      id: 's1:0',
      entityId: 's1',
      jurisdictionId: 'a',
      jurisdictionPath: '/p/a/',
      from: '2026-01-01',
      to: OPEN_END,
    });
  });

  it('closes the previous placement and opens the next on the day a change takes effect', () => {
    const first = projection.fold(null, registered, 's1:0');
    expect(projection.documentIds(moved)).toEqual(['s1:0', 's1:1']);
    expect(projection.fold(first, moved, 's1:0')).toMatchObject({
      jurisdictionId: 'a',
      from: '2026-01-01',
      to: '2026-03-01',
    });
    expect(projection.fold(null, moved, 's1:1')).toMatchObject({
      jurisdictionId: 'b',
      from: '2026-03-01',
      to: OPEN_END,
    });
  });

  it('never ends a placement before it began (a change dated before a late registration)', () => {
    const late = projection.fold(
      null,
      recorded(
        'StationRegistered',
        { stationId: 's1', jurisdictionId: 'a', jurisdictionPath: '/p/a/' },
        '2026-04-01T02:00:00.000Z',
      ),
      's1:0',
    );
    expect(projection.fold(late, moved, 's1:0')).toMatchObject({ from: '2026-04-01', to: '2026-04-01' });
  });
});
