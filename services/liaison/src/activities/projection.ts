// The activities read model: one document per activity with its plan, participants, outcome and attachments.
import { UnreachableCaseError } from '@liaison/decider';
import type { Projection } from '@liaison/projector';
import type { AttachmentRef } from '../shared/attachment.js';
import { ACTIVITY_EVENT_TYPES, type ActivityEvent, type ActivityKind } from './events.js';

export type ActivityStatus = 'planned' | 'held' | 'cancelled';

export interface ActivityParticipant {
  deputyId: string;
  invited: boolean;
  signedInAt: string | null;
}

export interface ActivityDocument {
  [field: string]: unknown;
  id: string;
  kind: ActivityKind;
  title: string;
  subject: string;
  date: string;
  place: string;
  stationId: string | null;
  jurisdictionId: string;
  jurisdictionPath: string;
  status: ActivityStatus;
  participants: ActivityParticipant[];
  postponements: Array<{ previousDate: string; date: string; reason: string; at: string }>;
  cancelledReason: string | null;
  outcome: { summary: string; recordedAt: string } | null;
  attachments: AttachmentRef[];
  plannedAt: string;
  updatedAt: string;
}

export const activitiesProjection: Projection<ActivityDocument> = {
  name: 'activities',
  version: 1,
  fields: {
    kind: { kind: 'string' },
    status: { kind: 'string' },
    date: { kind: 'string' },
    stationId: { kind: 'string' },
    jurisdictionId: { kind: 'string' },
    jurisdictionPath: { kind: 'string' },
  },
  indexes: [{ fields: ['jurisdictionPath', 'date'] }, { fields: ['stationId', 'date'] }],
  eventTypes: ACTIVITY_EVENT_TYPES,
  documentIds: (event) => [(event.data as { activityId: string }).activityId],
  fold(document, recorded) {
    const event = { type: recorded.type, data: recorded.data } as ActivityEvent;
    const at = recorded.occurredAt;
    if (event.type === 'ActivityPlanned') {
      return {
        id: event.data.activityId,
        kind: event.data.kind,
        title: event.data.title,
        subject: event.data.subject,
        date: event.data.date,
        place: event.data.place,
        stationId: event.data.stationId,
        jurisdictionId: event.data.jurisdictionId,
        jurisdictionPath: event.data.jurisdictionPath,
        status: 'planned',
        participants: [],
        postponements: [],
        cancelledReason: null,
        outcome: null,
        attachments: [],
        plannedAt: at,
        updatedAt: at,
      };
    }
    if (!document) return null;
    switch (event.type) {
      case 'ActivityParticipantsInvited':
        return {
          ...document,
          participants: [
            ...document.participants,
            ...event.data.deputyIds.map((deputyId) => ({ deputyId, invited: true, signedInAt: null })),
          ],
          updatedAt: at,
        };
      case 'ActivityParticipantSignedIn': {
        const { deputyId, signedInAt } = event.data;
        const known = document.participants.some((p) => p.deputyId === deputyId);
        return {
          ...document,
          participants: known
            ? document.participants.map((p) => (p.deputyId === deputyId ? { ...p, signedInAt } : p))
            : [...document.participants, { deputyId, invited: false, signedInAt }],
          updatedAt: at,
        };
      }
      case 'ActivityPostponed':
        return {
          ...document,
          date: event.data.date,
          postponements: [
            ...document.postponements,
            { previousDate: event.data.previousDate, date: event.data.date, reason: event.data.reason, at },
          ],
          updatedAt: at,
        };
      case 'ActivityCancelled':
        return { ...document, status: 'cancelled', cancelledReason: event.data.reason, updatedAt: at };
      case 'ActivityOutcomeRecorded':
        return {
          ...document,
          status: 'held',
          outcome: { summary: event.data.summary, recordedAt: at },
          attachments: [...document.attachments, ...event.data.attachments],
          updatedAt: at,
        };
      case 'ActivityAttachmentsAdded':
        return {
          ...document,
          attachments: [...document.attachments, ...event.data.attachments],
          updatedAt: at,
        };
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
