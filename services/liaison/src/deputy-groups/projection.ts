// The deputy groups read model: one document per group.
import { UnreachableCaseError } from '@liaison/decider';
import type { Projection } from '@liaison/projector';
import type { DeputyLevel } from '../deputies/events.js';
import { DEPUTY_GROUP_EVENT_TYPES, type DeputyGroupEvent } from './events.js';

export interface DeputyGroupDocument {
  [field: string]: unknown;
  id: string;
  name: string;
  level: DeputyLevel;
  status: 'active' | 'disbanded';
  jurisdictionId: string;
  jurisdictionPath: string;
  disbandedReason: string | null;
  formedAt: string;
}

export const deputyGroupsProjection: Projection<DeputyGroupDocument> = {
  name: 'deputy_groups',
  version: 1,
  fields: { name: { kind: 'string' }, status: { kind: 'string' }, jurisdictionPath: { kind: 'string' } },
  indexes: [{ fields: ['jurisdictionPath', 'name'] }],
  eventTypes: DEPUTY_GROUP_EVENT_TYPES,
  documentIds: (event) => [(event.data as { groupId: string }).groupId],
  fold(document, recorded) {
    const event = { type: recorded.type, data: recorded.data } as DeputyGroupEvent;
    switch (event.type) {
      case 'DeputyGroupFormed':
        return {
          id: event.data.groupId,
          name: event.data.name,
          level: event.data.level,
          status: 'active',
          jurisdictionId: event.data.jurisdictionId,
          jurisdictionPath: event.data.jurisdictionPath,
          disbandedReason: null,
          formedAt: recorded.occurredAt,
        };
      case 'DeputyGroupDisbanded':
        return document && { ...document, status: 'disbanded', disbandedReason: event.data.reason };
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
