// Rankings pre-aggregated per jurisdiction, checklist and period: one document lists every completed station in the subtree.
import type { Projection } from '@liaison/projector';
import { ancestryOf } from '../shared/read-scope.js';
import type { AssessmentEvent } from './events.js';

export interface RankingEntry {
  assessmentId: string;
  stationId: string;
  totalScore: number;
  maxScore: number;
  percentage: number;
  stars: number;
}

export interface RankingDocument {
  [field: string]: unknown;
  id: string;
  jurisdictionId: string;
  checklistId: string;
  period: string;
  /** Best first: by percentage descending, then station id. */
  entries: RankingEntry[];
}

/** The id of the ranking of `checklistId` for `period` within `jurisdictionId`. */
export function rankingId(jurisdictionId: string, checklistId: string, period: string): string {
  return `${jurisdictionId}|${checklistId}|${period}`;
}

/** Competition ranks (1, 2, 2, 4) for entries already sorted best first. */
export function ranksOf(entries: readonly RankingEntry[]): number[] {
  return entries.map((entry, index) => {
    let first = index;
    while (first > 0 && entries[first - 1]!.percentage === entry.percentage) first -= 1;
    return first + 1;
  });
}

export const assessmentRankingsProjection: Projection<RankingDocument> = {
  name: 'assessment_rankings',
  version: 1,
  fields: { jurisdictionId: { kind: 'string' }, period: { kind: 'string' } },
  eventTypes: ['AssessmentCompleted', 'AssessmentReopened'],
  documentIds(event) {
    const { jurisdictionPath, checklistId, period } = event.data as AssessmentEvent['data'] & {
      jurisdictionPath: string;
      checklistId: string;
      period: string;
    };
    return ancestryOf(jurisdictionPath).map((id) => rankingId(id, checklistId, period));
  },
  fold(document, recorded, id) {
    const event = { type: recorded.type, data: recorded.data } as AssessmentEvent;
    if (event.type !== 'AssessmentCompleted' && event.type !== 'AssessmentReopened') return document;
    const [jurisdictionId = '', checklistId = '', period = ''] = id.split('|');
    const others = (document?.entries ?? []).filter(
      (entry) => entry.assessmentId !== event.data.assessmentId,
    );
    const entries =
      event.type === 'AssessmentCompleted'
        ? [
            ...others,
            {
              assessmentId: event.data.assessmentId,
              stationId: event.data.stationId,
              totalScore: event.data.totalScore,
              maxScore: event.data.maxScore,
              percentage: event.data.percentage,
              stars: event.data.stars,
            },
          ]
        : others;
    entries.sort((a, b) => b.percentage - a.percentage || (a.stationId < b.stationId ? -1 : 1));
    return { id, jurisdictionId, checklistId, period, entries };
  },
};
