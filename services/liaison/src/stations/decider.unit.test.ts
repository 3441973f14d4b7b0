import { deciderSpec } from '@liaison/decider';
import { metadataFor } from '../shared/command-metadata.js';
import type { RegisterStation, RegisterStationData } from './commands.js';
import { stationDecider } from './decider.js';
import type { StationEvent } from './events.js';

const spec = deciderSpec(stationDecider);
const metadata = metadataFor();
const jurisdiction = { jurisdictionId: 't1', path: '/p1/c1/t1/' };

function registerStation(overrides: Partial<RegisterStationData> = {}): RegisterStation {
  return {
    type: 'RegisterStation',
    data: {
      stationId: 's1',
      name: 'Shekou Centre Station',
      kind: 'centre',
      address: '1 Harbour Road',
      jurisdiction,
      parentStation: null,
      ...overrides,
    },
    metadata,
  };
}

const registered: StationEvent = {
  type: 'StationRegistered',
  data: {
    stationId: 's1',
    name: 'Shekou Centre Station',
    kind: 'centre',
    jurisdictionId: 't1',
    jurisdictionPath: '/p1/c1/t1/',
    parentStationId: null,
    address: '1 Harbour Road',
  },
};
const closed: StationEvent = { type: 'StationClosed', data: { stationId: 's1', reason: 'merged' } };
const rename = (name: string) => ({
  type: 'RenameStation' as const,
  data: { stationId: 's1', name },
  metadata,
});
const close = (reason: string) => ({
  type: 'CloseStation' as const,
  data: { stationId: 's1', reason },
  metadata,
});

describe('station decider', () => {
  it('registers a centre station in a jurisdiction', () => {
    spec.given([]).when(registerStation()).then([registered]);
  });

  it('registers a point under an open centre station', () => {
    spec
      .given([])
      .when(
        registerStation({
          stationId: 's2',
          kind: 'point',
          name: 'Port enterprise point',
          parentStation: { stationId: 's1', jurisdictionId: 't1', kind: 'centre', open: true },
        }),
      )
      .then([
        {
          type: 'StationRegistered',
          data: {
            ...registered.data,
            stationId: 's2',
            kind: 'point',
            name: 'Port enterprise point',
            parentStationId: 's1',
          },
        },
      ]);
  });

  it('refuses registering twice', () => {
    spec.given([registered]).when(registerStation()).thenFails('STATION_ALREADY_REGISTERED');
  });

  it('refuses an unknown jurisdiction', () => {
    spec
      .given([])
      .when(registerStation({ jurisdiction: null }))
      .thenFails('JURISDICTION_NOT_FOUND');
  });

  it('refuses an empty name', () => {
    spec
      .given([])
      .when(registerStation({ name: ' ' }))
      .thenFails('INVALID_NAME');
  });

  it('refuses a room without a parent station', () => {
    spec
      .given([])
      .when(registerStation({ kind: 'room' }))
      .thenFails('PARENT_STATION_REQUIRED');
  });

  it('refuses a kind that may not sit under the parent', () => {
    const parentStation = { stationId: 'r1', jurisdictionId: 't1', kind: 'room' as const, open: true };
    spec
      .given([])
      .when(registerStation({ kind: 'point', parentStation }))
      .thenFails('KIND_NOT_ALLOWED_UNDER_PARENT');
  });

  it('refuses a closed parent station', () => {
    const parentStation = { stationId: 's0', jurisdictionId: 't1', kind: 'centre' as const, open: false };
    spec
      .given([])
      .when(registerStation({ kind: 'room', parentStation }))
      .thenFails('PARENT_STATION_CLOSED');
  });

  it('renames an open station, and a rename to the same name decides nothing', () => {
    spec
      .given([registered])
      .when(rename('Shekou Station'))
      .then([{ type: 'StationRenamed', data: { stationId: 's1', name: 'Shekou Station' } }]);
    spec.given([registered]).when(rename('Shekou Centre Station')).then([]);
  });

  it('refuses renaming a missing or closed station, or to an empty name', () => {
    spec.given([]).when(rename('X')).thenFails('STATION_NOT_FOUND');
    spec.given([registered, closed]).when(rename('X')).thenFails('STATION_CLOSED');
    spec.given([registered]).when(rename('')).thenFails('INVALID_NAME');
  });

  it('closes an open station with a reason', () => {
    spec.given([registered]).when(close(' merged ')).then([closed]);
  });

  it('refuses closing twice, closing a missing station, or closing without a reason', () => {
    spec.given([registered, closed]).when(close('again')).thenFails('STATION_ALREADY_CLOSED');
    spec.given([]).when(close('x')).thenFails('STATION_NOT_FOUND');
    spec.given([registered]).when(close('  ')).thenFails('REASON_REQUIRED');
  });
});
