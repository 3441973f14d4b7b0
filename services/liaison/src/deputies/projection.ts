// The deputies read model: one document per deputy, with current stations and groups, for staff queries.
import { UnreachableCaseError } from '@liaison/decider';
import type { Projection } from '@liaison/projector';
import {
  DEPUTY_EVENT_TYPES,
  type DeputyContact,
  type DeputyEvent,
  type DeputyGroupRole,
  type DeputyLevel,
  type DeputyTerm,
} from './events.js';

export type DeputyStatus = 'serving' | 'term-ended' | 'resigned';

export interface DeputyDocument {
  [field: string]: unknown;
  id: string;
  name: string;
  level: DeputyLevel;
  status: DeputyStatus;
  jurisdictionId: string;
  jurisdictionPath: string;
  constituency: string;
  term: DeputyTerm;
  employer: string | null;
  sector: string | null;
  /** Personal data: served in clear only to staff of the deputy's jurisdiction. */
  contact: DeputyContact;
  /** Current station assignments, in the order they began. */
  stations: Array<{ stationId: string; since: string }>;
  groups: Array<{ groupId: string; role: DeputyGroupRole }>;
  endedOn: string | null;
  registeredAt: string;
  updatedAt: string;
}

export const deputiesProjection: Projection<DeputyDocument> = {
  name: 'deputies',
  version: 1,
  fields: {
    name: { kind: 'string' },
    level: { kind: 'string' },
    status: { kind: 'string' },
    jurisdictionId: { kind: 'string' },
    jurisdictionPath: { kind: 'string' },
  },
  indexes: [{ fields: ['jurisdictionPath', 'name'] }, { fields: ['jurisdictionId', 'name'] }],
  eventTypes: DEPUTY_EVENT_TYPES,
  documentIds: (event) => [(event.data as { deputyId: string }).deputyId],
  fold(document, recorded) {
    const event = { type: recorded.type, data: recorded.data } as DeputyEvent;
    const updatedAt = recorded.occurredAt;
    if (event.type === 'DeputyRegistered') {
      const { data } = event;
      return {
        id: data.deputyId,
        name: data.name,
        level: data.level,
        status: 'serving',
        jurisdictionId: data.jurisdictionId,
        jurisdictionPath: data.jurisdictionPath,
        constituency: data.constituency,
        term: data.term,
        employer: data.employer,
        sector: data.sector,
        contact: data.contact,
        stations: [],
        groups: [],
        endedOn: null,
        registeredAt: recorded.occurredAt,
        updatedAt,
      };
    }
    if (!document) return null;
    switch (event.type) {
      case 'DeputyProfileUpdated': {
        const { deputyId: _id, ...profile } = event.data;
        return { ...document, ...profile, updatedAt };
      }
      case 'DeputyContactChanged':
        return { ...document, contact: event.data.contact, updatedAt };
      case 'DeputyAssignedToStation':
        return {
          ...document,
          stations: [...document.stations, { stationId: event.data.stationId, since: event.data.since }],
          updatedAt,
        };
      case 'DeputyRemovedFromStation':
        return {
          ...document,
          stations: document.stations.filter((s) => s.stationId !== event.data.stationId),
          updatedAt,
        };
      case 'DeputyJoinedGroup':
        return {
          ...document,
          groups: [...document.groups, { groupId: event.data.groupId, role: event.data.role }],
          updatedAt,
        };
      case 'DeputyLeftGroup':
        return {
          ...document,
          groups: document.groups.filter((g) => g.groupId !== event.data.groupId),
          updatedAt,
        };
      case 'DeputyTermEnded':
        return { ...document, status: 'term-ended', endedOn: event.data.endedOn, updatedAt };
      case 'DeputyResigned':
        return { ...document, status: 'resigned', endedOn: event.data.resignedOn, updatedAt };
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
