// Commands on an assessment; the station, checklist and rating scale are resolved before deciding.
import type { Command } from '@liaison/decider';
import type { AttachmentRef } from '../shared/attachment.js';
import type { AssessedItem } from './events.js';
import type { StarThreshold } from './rating-scales/events.js';

export type OpenAssessment = Command<
  'OpenAssessment',
  {
    assessmentId: string;
    period: string;
    /** Read just before deciding; null when no such station. */
    station: { stationId: string; jurisdictionId: string; jurisdictionPath: string; open: boolean } | null;
    /** Read just before deciding; null when no such checklist. */
    checklist: {
      checklistId: string;
      version: number;
      items: AssessedItem[];
      retired: boolean;
      /** The owning jurisdiction's path: the checklist applies to stations below it. */
      jurisdictionPath: string;
    } | null;
  }
>;
export type ScoreAssessmentItem = Command<
  'ScoreAssessmentItem',
  { assessmentId: string; itemCode: string; score: number; note: string; evidence: AttachmentRef[] }
>;
export type CompleteAssessment = Command<
  'CompleteAssessment',
  {
    assessmentId: string;
    /** The scale of the nearest jurisdiction (the station's own, then up) that set one; null for the default. */
    scale: { jurisdictionId: string; thresholds: StarThreshold[] } | null;
  }
>;
export type ReopenAssessment = Command<'ReopenAssessment', { assessmentId: string; reason: string }>;

export type AssessmentCommand = OpenAssessment | ScoreAssessmentItem | CompleteAssessment | ReopenAssessment;
