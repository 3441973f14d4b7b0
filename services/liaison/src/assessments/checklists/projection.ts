// The checklists read model: each checklist with every version's items, for publishing and for assessors.
import { UnreachableCaseError } from '@liaison/decider';
import type { Projection } from '@liaison/projector';
import { CHECKLIST_EVENT_TYPES, type ChecklistEvent, type ChecklistItem } from './events.js';

export interface ChecklistVersionDocument {
  version: number;
  name: string;
  items: ChecklistItem[];
  publishedAt: string;
}

export interface ChecklistDocument {
  [field: string]: unknown;
  id: string;
  name: string;
  jurisdictionId: string;
  jurisdictionPath: string;
  status: 'published' | 'retired';
  version: number;
  versions: ChecklistVersionDocument[];
  retiredReason: string | null;
  updatedAt: string;
}

export const checklistsProjection: Projection<ChecklistDocument> = {
  name: 'checklists',
  version: 1,
  fields: {
    name: { kind: 'string' },
    jurisdictionId: { kind: 'string' },
    jurisdictionPath: { kind: 'string' },
    status: { kind: 'string' },
  },
  indexes: [{ fields: ['jurisdictionId', 'name'] }],
  eventTypes: CHECKLIST_EVENT_TYPES,
  documentIds: (event) => [(event.data as { checklistId: string }).checklistId],
  fold(document, recorded) {
    const event = { type: recorded.type, data: recorded.data } as ChecklistEvent;
    const at = recorded.occurredAt;
    switch (event.type) {
      case 'ChecklistPublished':
        return {
          id: event.data.checklistId,
          name: event.data.name,
          jurisdictionId: event.data.jurisdictionId,
          jurisdictionPath: event.data.jurisdictionPath,
          status: 'published',
          version: event.data.version,
          versions: [
            { version: event.data.version, name: event.data.name, items: event.data.items, publishedAt: at },
          ],
          retiredReason: null,
          updatedAt: at,
        };
      case 'ChecklistRevised':
        return (
          document && {
            ...document,
            name: event.data.name,
            version: event.data.version,
            versions: [
              ...document.versions,
              {
                version: event.data.version,
                name: event.data.name,
                items: event.data.items,
                publishedAt: at,
              },
            ],
            updatedAt: at,
          }
        );
      case 'ChecklistRetired':
        return (
          document && { ...document, status: 'retired', retiredReason: event.data.reason, updatedAt: at }
        );
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
