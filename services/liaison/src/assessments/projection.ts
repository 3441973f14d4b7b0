// The assessments read model: each assessment with its item scores and evidence, and its result once completed.
import { UnreachableCaseError } from '@liaison/decider';
import type { Projection } from '@liaison/projector';
import type { AttachmentRef } from '../shared/attachment.js';
import { ASSESSMENT_EVENT_TYPES, type AssessmentEvent } from './events.js';

export interface AssessmentItemDocument {
  code: string;
  maxScore: number;
  score: number | null;
  note: string;
  evidence: AttachmentRef[];
}

export interface AssessmentDocument {
  [field: string]: unknown;
  id: string;
  stationId: string;
  jurisdictionId: string;
  jurisdictionPath: string;
  checklistId: string;
  checklistVersion: number;
  period: string;
  status: 'open' | 'completed';
  items: AssessmentItemDocument[];
  result: {
    totalScore: number;
    maxScore: number;
    percentage: number;
    stars: number;
    completedAt: string;
  } | null;
  reopenings: Array<{ reason: string; at: string }>;
  openedAt: string;
  updatedAt: string;
}

export const assessmentsProjection: Projection<AssessmentDocument> = {
  name: 'assessments',
  version: 1,
  fields: {
    stationId: { kind: 'string' },
    jurisdictionPath: { kind: 'string' },
    checklistId: { kind: 'string' },
    period: { kind: 'string' },
    status: { kind: 'string' },
  },
  indexes: [{ fields: ['jurisdictionPath', 'period'] }, { fields: ['stationId', 'period'] }],
  eventTypes: ASSESSMENT_EVENT_TYPES,
  documentIds: (event) => [(event.data as { assessmentId: string }).assessmentId],
  fold(document, recorded) {
    const event = { type: recorded.type, data: recorded.data } as AssessmentEvent;
    const at = recorded.occurredAt;
    if (event.type === 'AssessmentOpened') {
      const { assessmentId, items, ...rest } = event.data;
      return {
        id: assessmentId,
        ...rest,
        status: 'open',
        items: items.map((item) => ({ ...item, score: null, note: '', evidence: [] })),
        result: null,
        reopenings: [],
        openedAt: at,
        updatedAt: at,
      };
    }
    if (!document) return null;
    switch (event.type) {
      case 'AssessmentItemScored': {
        const { itemCode, score, note, evidence } = event.data;
        return {
          ...document,
          items: document.items.map((item) =>
            item.code === itemCode
              ? { ...item, score, note: note || item.note, evidence: [...item.evidence, ...evidence] }
              : item,
          ),
          updatedAt: at,
        };
      }
      case 'AssessmentCompleted': {
        const { totalScore, maxScore, percentage, stars } = event.data;
        return {
          ...document,
          status: 'completed',
          result: { totalScore, maxScore, percentage, stars, completedAt: at },
          updatedAt: at,
        };
      }
      case 'AssessmentReopened':
        return {
          ...document,
          status: 'open',
          result: null,
          reopenings: [...document.reopenings, { reason: event.data.reason, at }],
          updatedAt: at,
        };
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
