// The stations read model: the public station directory and each station's place in the jurisdiction tree.
import { UnreachableCaseError } from '@liaison/decider';
import type { Projection } from '@liaison/projector';
import { STATION_EVENT_TYPES, type StationEvent, type StationKind } from './events.js';

export interface StationDocument {
  [field: string]: unknown;
  id: string;
  name: string;
  kind: StationKind;
  status: 'open' | 'closed';
  jurisdictionId: string;
  jurisdictionPath: string;
  parentStationId: string | null;
  address: string;
  closedReason: string | null;
  registeredAt: string;
  updatedAt: string;
}

export const stationsProjection: Projection<StationDocument> = {
  name: 'stations',
  version: 1,
  fields: {
    name: { kind: 'string' },
    kind: { kind: 'string' },
    status: { kind: 'string' },
    jurisdictionId: { kind: 'string' },
    jurisdictionPath: { kind: 'string' },
    parentStationId: { kind: 'string' },
  },
  indexes: [
    { fields: ['jurisdictionId', 'name'] },
    { fields: ['jurisdictionPath'] },
    { fields: ['parentStationId'] },
  ],
  eventTypes: STATION_EVENT_TYPES,
  documentIds: (event) => [(event.data as { stationId: string }).stationId],
  fold(document, recorded) {
    const event = { type: recorded.type, data: recorded.data } as StationEvent;
    switch (event.type) {
      case 'StationRegistered':
        return {
          id: event.data.stationId,
          name: event.data.name,
          kind: event.data.kind,
          status: 'open',
          jurisdictionId: event.data.jurisdictionId,
          jurisdictionPath: event.data.jurisdictionPath,
          parentStationId: event.data.parentStationId,
          address: event.data.address,
          closedReason: null,
          registeredAt: recorded.occurredAt,
          updatedAt: recorded.occurredAt,
        };
      case 'StationRenamed':
        return document && { ...document, name: event.data.name, updatedAt: recorded.occurredAt };
      case 'StationClosed':
        return (
          document && {
            ...document,
            status: 'closed',
            closedReason: event.data.reason,
            updatedAt: recorded.occurredAt,
          }
        );
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
