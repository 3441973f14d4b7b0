import { deciderSpec } from '@liaison/decider';
import { deputyDecider } from '../deputies/decider.js';
import { stationDecider } from '../stations/decider.js';
import { metadataFor } from './command-metadata.js';

const metadata = metadataFor();
const move = {
  to: { jurisdictionId: 't2', path: '/p1/c1/t2/' },
  effectiveOn: '2026-01-01',
  reorganisedJurisdictionId: 't1',
};
const change = (placement: number, from: string) => ({
  placement,
  from: { jurisdictionId: from, jurisdictionPath: `/p1/c1/${from}/` },
  to: { jurisdictionId: 't2', jurisdictionPath: '/p1/c1/t2/' },
  effectiveOn: '2026-01-01',
  reorganisedJurisdictionId: 't1',
});

describe('moving stations and deputies with their jurisdiction', () => {
  const station = {
    type: 'StationRegistered' as const,
    data: {
      stationId: 's1',
      name: 'S',
      kind: 'centre' as const,
      jurisdictionId: 't1',
      jurisdictionPath: '/p1/c1/t1/',
      parentStationId: null,
      address: '',
    },
  };
  const stations = deciderSpec(stationDecider);
  const moveStation = {
    type: 'MoveStationToJurisdiction' as const,
    data: { stationId: 's1', ...move },
    metadata,
  };

  it('moves a station (open or closed) and numbers its placements; a repeat decides nothing', () => {
    const moved = {
      type: 'StationJurisdictionChanged' as const,
      data: { stationId: 's1', ...change(1, 't1') },
    };
    stations.given([station]).when(moveStation).then([moved]);
    stations
      .given([station, { type: 'StationClosed', data: { stationId: 's1', reason: 'x' } }])
      .when(moveStation)
      .then([moved]);
    stations.given([station, moved]).when(moveStation).then([]);
    stations.given([]).when(moveStation).thenFails('STATION_NOT_FOUND');
  });

  const deputy = {
    type: 'DeputyRegistered' as const,
    data: {
      deputyId: 'd1',
      name: 'D',
      level: 'township' as const,
      jurisdictionId: 't1',
      jurisdictionPath: '/p1/c1/t1/',
      constituency: 'c',
      term: { number: 1, startsOn: '2022-01-01', endsOn: null },
      employer: null,
      sector: null,
      contact: { phone: null, email: null, address: null },
    },
  };
  const deputies = deciderSpec(deputyDecider);
  const moveDeputy = {
    type: 'MoveDeputyToJurisdiction' as const,
    data: { deputyId: 'd1', ...move },
    metadata,
  };

  it('moves a deputy, also a former one; a repeat decides nothing', () => {
    const moved = {
      type: 'DeputyJurisdictionChanged' as const,
      data: { deputyId: 'd1', ...change(1, 't1') },
    };
    deputies.given([deputy]).when(moveDeputy).then([moved]);
    deputies
      .given([deputy, { type: 'DeputyTermEnded', data: { deputyId: 'd1', endedOn: '2026-01-01' } }])
      .when(moveDeputy)
      .then([moved]);
    deputies.given([deputy, moved]).when(moveDeputy).then([]);
    deputies.given([]).when(moveDeputy).thenFails('DEPUTY_NOT_FOUND');
  });
});
