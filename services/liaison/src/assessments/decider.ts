// The assessment decider: one station against one checklist version for one period, scored item by item.
import {
  domainError,
  isDomainError,
  UnreachableCaseError,
  type Decider,
  type Decision,
} from '@liaison/decider';
import { validateAttachments } from '../shared/attachment.js';
import { isYearMonth } from '../shared/months.js';
import type { AssessmentCommand, OpenAssessment } from './commands.js';
import type { AssessedItem, AssessmentEvent, AssessmentSubject } from './events.js';
import { DEFAULT_THRESHOLDS, percentageOf, starsFor } from './rating-scales/stars.js';

interface AssessmentFacts extends AssessmentSubject {
  checklistVersion: number;
  items: AssessedItem[];
  scores: Record<string, number>;
  evidenceIds: string[];
}

export type AssessmentState =
  | { status: 'unopened' }
  | ({ status: 'open' } & AssessmentFacts)
  | ({ status: 'completed' } & AssessmentFacts);

/** True for a period the platform assesses by: a year 'YYYY' or a month 'YYYY-MM'. */
export function isAssessmentPeriod(period: string): boolean {
  return /^\d{4}$/.test(period) || isYearMonth(period);
}

function open(command: OpenAssessment, state: AssessmentState): Decision<AssessmentEvent> {
  const { data } = command;
  if (state.status !== 'unopened')
    return domainError(
      'ASSESSMENT_ALREADY_OPENED',
      `this station is already assessed against this checklist for ${data.period}`,
    );
  if (!isAssessmentPeriod(data.period))
    return domainError('INVALID_PERIOD', `expected a period YYYY or YYYY-MM, received "${data.period}"`, [
      'period',
    ]);
  if (data.station === null)
    return domainError('STATION_NOT_FOUND', 'expected a registered station', ['stationId']);
  if (!data.station.open)
    return domainError('STATION_CLOSED', `station ${data.station.stationId} is closed`, ['stationId']);
  if (data.checklist === null)
    return domainError('CHECKLIST_NOT_FOUND', 'expected a published checklist', ['checklistId']);
  if (data.checklist.retired)
    return domainError('CHECKLIST_RETIRED', `checklist ${data.checklist.checklistId} is retired`, [
      'checklistId',
    ]);
  if (!data.station.jurisdictionPath.startsWith(data.checklist.jurisdictionPath)) {
    return domainError(
      'CHECKLIST_NOT_APPLICABLE',
      `checklist ${data.checklist.checklistId} belongs to another jurisdiction; expected one owned by the station's jurisdiction or above`,
      ['checklistId'],
    );
  }
  return [
    {
      type: 'AssessmentOpened',
      data: {
        assessmentId: data.assessmentId,
        stationId: data.station.stationId,
        jurisdictionId: data.station.jurisdictionId,
        jurisdictionPath: data.station.jurisdictionPath,
        checklistId: data.checklist.checklistId,
        period: data.period,
        checklistVersion: data.checklist.version,
        items: data.checklist.items.map(({ code, maxScore }) => ({ code, maxScore })),
      },
    },
  ];
}

function subjectOf(state: AssessmentFacts): AssessmentSubject {
  const { assessmentId, stationId, jurisdictionId, jurisdictionPath, checklistId, period } = state;
  return { assessmentId, stationId, jurisdictionId, jurisdictionPath, checklistId, period };
}

function decide(command: AssessmentCommand, state: AssessmentState): Decision<AssessmentEvent> {
  if (command.type === 'OpenAssessment') return open(command, state);
  if (state.status === 'unopened')
    return domainError('ASSESSMENT_NOT_FOUND', `assessment ${command.data.assessmentId} is not opened`);
  switch (command.type) {
    case 'ScoreAssessmentItem': {
      if (state.status === 'completed')
        return domainError(
          'ASSESSMENT_COMPLETED',
          'the assessment is completed; reopen it to correct a score',
        );
      const { itemCode, score } = command.data;
      const item = state.items.find((candidate) => candidate.code === itemCode);
      if (!item)
        return domainError(
          'ITEM_NOT_FOUND',
          `checklist version ${state.checklistVersion} has no item "${itemCode}"`,
          ['itemCode'],
        );
      // Half points are common on paper score sheets; finer fractions are not.
      if (!(score >= 0 && score <= item.maxScore) || !Number.isInteger(score * 2)) {
        return domainError(
          'INVALID_SCORE',
          `expected a score from 0 to ${item.maxScore} in half points for "${itemCode}", received ${score}`,
          ['score'],
        );
      }
      const evidence = validateAttachments(command.data.evidence, 'evidence');
      if (isDomainError(evidence)) return evidence;
      const repeated = evidence.find((a) => state.evidenceIds.includes(a.attachmentId));
      if (repeated)
        return domainError(
          'DUPLICATE_ATTACHMENT',
          `attachment ${repeated.attachmentId} is already evidence here`,
          ['evidence'],
        );
      const note = command.data.note.trim();
      if (note.length > 2000)
        return domainError(
          'INVALID_NOTE',
          `expected a note of at most 2000 characters, received ${note.length}`,
          ['note'],
        );
      if (state.scores[itemCode] === score && note === '' && evidence.length === 0) return [];
      return [
        {
          type: 'AssessmentItemScored',
          data: { assessmentId: state.assessmentId, itemCode, score, note, evidence },
        },
      ];
    }
    case 'CompleteAssessment': {
      if (state.status === 'completed')
        return domainError('ASSESSMENT_COMPLETED', `assessment ${state.assessmentId} is already completed`);
      const missing = state.items
        .filter((item) => state.scores[item.code] === undefined)
        .map((item) => item.code);
      if (missing.length > 0)
        return domainError('ITEMS_NOT_SCORED', `expected every item scored; missing ${missing.join(', ')}`);
      const totalScore = state.items.reduce((sum, item) => sum + (state.scores[item.code] ?? 0), 0);
      const maxScore = state.items.reduce((sum, item) => sum + item.maxScore, 0);
      const percentage = percentageOf(totalScore, maxScore);
      const thresholds = command.data.scale?.thresholds ?? [...DEFAULT_THRESHOLDS];
      return [
        {
          type: 'AssessmentCompleted',
          data: {
            ...subjectOf(state),
            checklistVersion: state.checklistVersion,
            totalScore,
            maxScore,
            percentage,
            stars: starsFor(percentage, thresholds),
            thresholds,
            scaleJurisdictionId: command.data.scale?.jurisdictionId ?? null,
          },
        },
      ];
    }
    case 'ReopenAssessment': {
      if (state.status !== 'completed')
        return domainError('ASSESSMENT_NOT_COMPLETED', `assessment ${state.assessmentId} is still open`);
      const reason = command.data.reason.trim();
      if (reason.length === 0)
        return domainError('REASON_REQUIRED', 'expected a reason for reopening', ['reason']);
      return [{ type: 'AssessmentReopened', data: { ...subjectOf(state), reason } }];
    }
    default:
      throw new UnreachableCaseError(command);
  }
}

function evolve(state: AssessmentState, event: AssessmentEvent): AssessmentState {
  switch (event.type) {
    case 'AssessmentOpened':
      return { status: 'open', ...event.data, scores: {}, evidenceIds: [] };
    case 'AssessmentItemScored':
      return state.status === 'unopened'
        ? state
        : {
            ...state,
            scores: { ...state.scores, [event.data.itemCode]: event.data.score },
            evidenceIds: [...state.evidenceIds, ...event.data.evidence.map((a) => a.attachmentId)],
          };
    case 'AssessmentCompleted':
      return state.status === 'open' ? { ...state, status: 'completed' } : state;
    case 'AssessmentReopened':
      return state.status === 'completed' ? { ...state, status: 'open' } : state;
    default:
      throw new UnreachableCaseError(event);
  }
}

export const assessmentDecider: Decider<AssessmentState, AssessmentCommand, AssessmentEvent> = {
  initialState: () => ({ status: 'unopened' }),
  decide,
  evolve,
};
