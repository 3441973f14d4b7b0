// The jurisdictions read model: one document per area, with its path for subtree queries.
import { UnreachableCaseError } from '@liaison/decider';
import type { Projection } from '@liaison/projector';
import { JURISDICTION_EVENT_TYPES, type JurisdictionEvent, type JurisdictionLevel } from './events.js';

export interface JurisdictionDocument {
  [field: string]: unknown;
  id: string;
  name: string;
  level: JurisdictionLevel;
  code: string | null;
  parentId: string | null;
  ancestorIds: string[];
  /** '/root/…/self/': a subtree is every document whose path starts with its root's path. */
  path: string;
  registeredAt: string;
  updatedAt: string;
}

/** The path key of a jurisdiction from its ancestors and itself. */
export function pathOf(ancestorIds: readonly string[], id: string): string {
  return `/${[...ancestorIds, id].join('/')}/`;
}

export const jurisdictionsProjection: Projection<JurisdictionDocument> = {
  name: 'jurisdictions',
  version: 1,
  fields: {
    name: { kind: 'string' },
    level: { kind: 'string' },
    parentId: { kind: 'string' },
    path: { kind: 'string' },
    code: { kind: 'string' },
  },
  indexes: [{ fields: ['parentId', 'name'] }, { fields: ['path'] }],
  eventTypes: JURISDICTION_EVENT_TYPES,
  documentIds: (event) => [(event.data as { jurisdictionId: string }).jurisdictionId],
  fold(document, recorded) {
    const event = { type: recorded.type, data: recorded.data } as JurisdictionEvent;
    switch (event.type) {
      case 'JurisdictionRegistered':
        return {
          id: event.data.jurisdictionId,
          name: event.data.name,
          level: event.data.level,
          code: event.data.code,
          parentId: event.data.parentId,
          ancestorIds: event.data.ancestorIds,
          path: pathOf(event.data.ancestorIds, event.data.jurisdictionId),
          registeredAt: recorded.occurredAt,
          updatedAt: recorded.occurredAt,
        };
      case 'JurisdictionRenamed':
        return document && { ...document, name: event.data.name, updatedAt: recorded.occurredAt };
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
