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
  /** Absent on documents written before merging and splitting existed: read as 'active'. */
  status?: 'active' | 'dissolved';
  /** The day a merger or split took effect. */
  dissolvedOn?: string | null;
  /** Where its stations, deputies and sub-areas went: the merge target, or every part of a split. */
  successorIds?: string[];
}

/** The path key of a jurisdiction from its ancestors and itself. */
export function pathOf(ancestorIds: readonly string[], id: string): string {
  return `/${[...ancestorIds, id].join('/')}/`;
}

export const jurisdictionsProjection: Projection<JurisdictionDocument> = {
  name: 'jurisdictions',
  version: 2,
  fields: {
    name: { kind: 'string' },
    level: { kind: 'string' },
    parentId: { kind: 'string' },
    path: { kind: 'string' },
    code: { kind: 'string' },
    status: { kind: 'string' },
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
          status: 'active',
          dissolvedOn: null,
          successorIds: [],
        };
      case 'JurisdictionRenamed':
        return document && { ...document, name: event.data.name, updatedAt: recorded.occurredAt };
      case 'JurisdictionMerged':
        return (
          document && {
            ...document,
            status: 'dissolved',
            dissolvedOn: event.data.effectiveOn,
            successorIds: [event.data.intoJurisdictionId],
            updatedAt: recorded.occurredAt,
          }
        );
      case 'JurisdictionSplit':
        return (
          document && {
            ...document,
            status: 'dissolved',
            dissolvedOn: event.data.effectiveOn,
            successorIds: event.data.parts.map((part) => part.jurisdictionId),
            updatedAt: recorded.occurredAt,
          }
        );
      case 'JurisdictionReparented':
        return (
          document && {
            ...document,
            parentId: event.data.parentId,
            ancestorIds: event.data.ancestorIds,
            path: pathOf(event.data.ancestorIds, event.data.jurisdictionId),
            updatedAt: recorded.occurredAt,
          }
        );
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
