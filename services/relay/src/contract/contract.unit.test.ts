import type { RecordedEvent } from '@liaison/eventstore';
import { toCloudEvent } from './cloud-event.js';
import { inJurisdictions, scopeFromData } from './event-scope.js';
import { protectPersonalData } from './personal-data.js';
import { selects } from './selection.js';

const sealed = { sealed: 'aes-256-gcm/v1', subject: 'voter-1', iv: 'aa', tag: 'bb', data: 'cc' };

function recorded(overrides: Partial<RecordedEvent> = {}): RecordedEvent {
  return {
    id: 'e1',
    type: 'StationRegistered',
    schemaVersion: 1,
    streamId: 'station-s1',
    category: 'station',
    streamPosition: 1,
    globalPosition: 7,
    data: { stationId: 's1', jurisdictionPath: '/p/c/t/' },
    metadata: {
      actorId: 'a',
      role: 'admin',
      jurisdictionId: null,
      commandId: 'c',
      correlationId: 'c',
      causationId: null,
    },
    occurredAt: '2026-03-01T08:00:00.000Z',
    recordedAt: '2026-03-01T08:00:01.000Z',
    previousHash: '0'.repeat(64),
    hash: 'f'.repeat(64),
    ...overrides,
  };
}

describe('the delivery contract', () => {
  it('reads an event’s place from its path or its ancestors', () => {
    expect(scopeFromData({ jurisdictionPath: '/p/c/' })).toBe('/p/c/');
    expect(scopeFromData({ jurisdictionId: 'c', ancestorIds: ['p'] })).toBe('/p/c/');
    expect(scopeFromData({ stationId: 's1' })).toBeNull();
  });

  it('selects subtrees, and events without a place only for unrestricted partners', () => {
    expect(inJurisdictions('/p/c/t/', ['c'])).toBe(true);
    expect(inJurisdictions('/p/c/t/', ['x'])).toBe(false);
    expect(inJurisdictions('/p/cc/', ['c'])).toBe(false);
    expect(inJurisdictions(null, ['c'])).toBe(false);
    expect(inJurisdictions(null, [])).toBe(true);
  });

  it('never selects the relay’s own partner events', () => {
    const selection = { eventTypes: ['PartnerRegistered'], jurisdictionIds: [], personalData: true };
    expect(selects(selection, recorded({ type: 'PartnerRegistered', category: 'partner' }), null)).toBe(
      false,
    );
  });

  it('maps an event to a CloudEvent keyed by its id and position', () => {
    expect(toCloudEvent(recorded(), false)).toEqual({
      specversion: '1.0',
      id: 'e1',
      source: '/liaison/station',
      type: 'liaison.station.StationRegistered',
      subject: 'station-s1',
      time: '2026-03-01T08:00:00.000Z',
      datacontenttype: 'application/json',
      position: 7,
      streamposition: 1,
      schemaversion: 1,
      recordedtime: '2026-03-01T08:00:01.000Z',
      data: { stationId: 's1', jurisdictionPath: '/p/c/t/' },
    });
  });

  it('passes sealed values on sealed to entitled partners and withholds them from the rest, at any depth', () => {
    const data = { voter: { contact: sealed, phones: [sealed] }, topic: 'roads' };
    expect(protectPersonalData(data, true)).toEqual(data);
    expect(protectPersonalData(data, false)).toEqual({
      voter: { contact: { withheld: 'personal-data' }, phones: [{ withheld: 'personal-data' }] },
      topic: 'roads',
    });
  });
});
