// The two placement histories: stations and deputies under the jurisdiction they had on each day.
import { placementsProjection } from './placements-projection.js';

export const stationPlacementsProjection = placementsProjection({
  name: 'station_placements',
  registeredType: 'StationRegistered',
  changedType: 'StationJurisdictionChanged',
  idField: 'stationId',
});

export const deputyPlacementsProjection = placementsProjection({
  name: 'deputy_placements',
  registeredType: 'DeputyRegistered',
  changedType: 'DeputyJurisdictionChanged',
  idField: 'deputyId',
});
