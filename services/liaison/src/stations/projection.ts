// The stations read model: the public station directory, each station's place in the tree, staff and boxes.
import { UnreachableCaseError } from '@liaison/decider';
import type { Projection } from '@liaison/projector';
import {
  STATION_EVENT_TYPES,
  type OpeningRules,
  type StaffRole,
  type StationEvent,
  type StationKind,
  type StationPerson,
  type StationSpecialisation,
} from './events.js';

export interface StaffAppointmentEntry {
  appointmentId: string;
  role: StaffRole;
  person: StationPerson;
  since: string;
  until: string | null;
  reason: string | null;
}

export interface OpinionBoxEntry {
  boxId: string;
  location: string;
  observer: StationPerson | null;
  installedAt: string;
}

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
  specialisation?: StationSpecialisation | null;
  openingRules?: OpeningRules | null;
  facilities?: string[];
  /** Every staff appointment, current (until null) and past, in the order made. */
  staff?: StaffAppointmentEntry[];
  /** Installed opinion boxes. */
  opinionBoxes?: OpinionBoxEntry[];
  /** The day the station last moved to its address, when it did. */
  relocatedOn?: string | null;
}

export const stationsProjection: Projection<StationDocument> = {
  name: 'stations',
  version: 2,
  fields: {
    name: { kind: 'string' },
    kind: { kind: 'string' },
    status: { kind: 'string' },
    jurisdictionId: { kind: 'string' },
    jurisdictionPath: { kind: 'string' },
    parentStationId: { kind: 'string' },
    specialisation: { kind: 'string' },
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
    const updatedAt = recorded.occurredAt;
    if (event.type === 'StationRegistered') {
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
        updatedAt,
        specialisation: null,
        openingRules: null,
        facilities: [],
        staff: [],
        opinionBoxes: [],
        relocatedOn: null,
      };
    }
    if (!document) return null;
    const staff = document.staff ?? [];
    const boxes = document.opinionBoxes ?? [];
    switch (event.type) {
      case 'StationRenamed':
        return { ...document, name: event.data.name, updatedAt };
      case 'StationClosed':
        return { ...document, status: 'closed', closedReason: event.data.reason, updatedAt };
      case 'StationSpecialisationSet':
        return { ...document, specialisation: event.data.specialisation, updatedAt };
      case 'StationOpeningRulesSet':
        return { ...document, openingRules: event.data.openingRules, updatedAt };
      case 'StationFacilitiesSet':
        return { ...document, facilities: event.data.facilities, updatedAt };
      case 'StationRelocated':
        return { ...document, address: event.data.address, relocatedOn: event.data.effectiveOn, updatedAt };
      case 'StationStaffAppointed': {
        const { stationId: _s, ...appointment } = event.data;
        return { ...document, staff: [...staff, { ...appointment, until: null, reason: null }], updatedAt };
      }
      case 'StationStaffAppointmentEnded': {
        const { appointmentId, until, reason } = event.data;
        return {
          ...document,
          staff: staff.map((a) => (a.appointmentId === appointmentId ? { ...a, until, reason } : a)),
          updatedAt,
        };
      }
      case 'OpinionBoxInstalled': {
        const { boxId, location, observer } = event.data;
        return {
          ...document,
          opinionBoxes: [...boxes, { boxId, location, observer, installedAt: updatedAt }],
          updatedAt,
        };
      }
      case 'OpinionBoxObserverChanged':
        return {
          ...document,
          opinionBoxes: boxes.map((b) =>
            b.boxId === event.data.boxId ? { ...b, observer: event.data.observer } : b,
          ),
          updatedAt,
        };
      case 'OpinionBoxRemoved':
        return { ...document, opinionBoxes: boxes.filter((b) => b.boxId !== event.data.boxId), updatedAt };
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
