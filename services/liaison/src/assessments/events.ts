// Events of a station assessment (考核): opened against a checklist version, items scored with evidence, completed with stars.
import type { AttachmentRef } from '../shared/attachment.js';
import type { StarThreshold } from './rating-scales/events.js';

export interface AssessedItem {
  code: string;
  maxScore: number;
}

/** Where the assessment sits, repeated on the events that change rankings so projections fold them alone. */
export interface AssessmentSubject {
  assessmentId: string;
  stationId: string;
  jurisdictionId: string;
  jurisdictionPath: string;
  checklistId: string;
  /** 'YYYY' for a yearly assessment, 'YYYY-MM' for a monthly one. */
  period: string;
}

export interface AssessmentOpenedData extends AssessmentSubject {
  checklistVersion: number;
  /** The checklist version's items and weights, as assessed. */
  items: AssessedItem[];
}

export interface AssessmentCompletedData extends AssessmentSubject {
  checklistVersion: number;
  totalScore: number;
  maxScore: number;
  /** totalScore / maxScore × 100, two decimals. */
  percentage: number;
  stars: number;
  /** The thresholds the stars were derived by, and the jurisdiction that set them (null: the default scale). */
  thresholds: StarThreshold[];
  scaleJurisdictionId: string | null;
}

export type AssessmentEvent =
  | { type: 'AssessmentOpened'; data: AssessmentOpenedData }
  | {
      type: 'AssessmentItemScored';
      data: {
        assessmentId: string;
        itemCode: string;
        score: number;
        note: string;
        evidence: AttachmentRef[];
      };
    }
  | { type: 'AssessmentCompleted'; data: AssessmentCompletedData }
  | { type: 'AssessmentReopened'; data: AssessmentSubject & { reason: string } };

export const ASSESSMENT_EVENT_TYPES = [
  'AssessmentOpened',
  'AssessmentItemScored',
  'AssessmentCompleted',
  'AssessmentReopened',
] as const satisfies readonly AssessmentEvent['type'][];

/** The stream holding one assessment's events. */
export function assessmentStream(assessmentId: string): string {
  return `assessment-${assessmentId}`;
}
