// The deputy assignments read model: one document per stint of a deputy at a station, current and past.
import { UnreachableCaseError } from '@liaison/decider';
import type { Projection } from '@liaison/projector';
import type { DeputyEvent } from './events.js';

export interface DeputyAssignmentDocument {
  [field: string]: unknown;
  /** `<deputyId>:<stationId>:<since>`: one stint. */
  id: string;
  deputyId: string;
  stationId: string;
  since: string;
  /** The last day, once the deputy left the station. */
  until: string | null;
  active: boolean;
  reason: string | null;
}

/** The id of the stint that began on `since`. */
export function assignmentId(deputyId: string, stationId: string, since: string): string {
  return `${deputyId}:${stationId}:${since}`;
}

export const deputyAssignmentsProjection: Projection<DeputyAssignmentDocument> = {
  name: 'deputy_assignments',
  version: 1,
  fields: {
    deputyId: { kind: 'string' },
    stationId: { kind: 'string' },
    since: { kind: 'string' },
    active: { kind: 'boolean' },
  },
  indexes: [{ fields: ['stationId', 'active', 'since'] }, { fields: ['deputyId', 'since'] }],
  eventTypes: ['DeputyAssignedToStation', 'DeputyRemovedFromStation'],
  documentIds: (recorded) => {
    const { data } = recorded as unknown as Extract<DeputyEvent, { type: 'DeputyAssignedToStation' }>;
    return [assignmentId(data.deputyId, data.stationId, data.since)];
  },
  fold(document, recorded, id) {
    const event = { type: recorded.type, data: recorded.data } as Extract<
      DeputyEvent,
      { type: 'DeputyAssignedToStation' | 'DeputyRemovedFromStation' }
    >;
    switch (event.type) {
      case 'DeputyAssignedToStation':
        return {
          id,
          deputyId: event.data.deputyId,
          stationId: event.data.stationId,
          since: event.data.since,
          until: null,
          active: true,
          reason: null,
        };
      case 'DeputyRemovedFromStation':
        return document && { ...document, until: event.data.until, active: false, reason: event.data.reason };
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
