// Case figures, pre-aggregated per station, jurisdiction (its whole subtree) and handling unit, per month and year.
// Each counter counts in the period of the event that moves it; definitions are in docs/case-figures.md.
import { UnreachableCaseError } from '@liaison/decider';
import type { RecordedEvent } from '@liaison/eventstore';
import type { Projection } from '@liaison/projector';
import type { OpinionReceivedData } from '../opinions/events.js';
import { ancestryOf } from '../shared/access.js';
import { beijingDate } from '../shared/working-days.js';
import type { FigureScope, SuggestionEvent } from '../suggestions/events.js';

export const FIGURE_COUNTERS = [
  'votersReceived',
  'opinions',
  'answeredOnTheSpot',
  'suggestionsDrafted',
  'assigned',
  'replied',
  'closed',
  'resolved',
  'meetingsComplete',
  'ratings',
  'satisfiedRatings',
  'handlingWorkingDays',
  'overdue',
  'overdueWorkingDays',
] as const;
export type FigureCounter = (typeof FIGURE_COUNTERS)[number];

export type FigureScopeKind = 'station' | 'jurisdiction' | 'unit';

export interface FiguresDocument extends Record<FigureCounter, number> {
  [field: string]: unknown;
  id: string;
  scope: FigureScopeKind;
  scopeId: string;
  /** 'YYYY' or 'YYYY-MM', Asia/Shanghai. */
  period: string;
}

/** The id of the figures document for a scope and period. */
export function figuresId(scope: FigureScopeKind, scopeId: string, period: string): string {
  return `${scope}:${scopeId}:${period}`;
}

const FIGURE_EVENT_TYPES = [
  'OpinionReceived',
  'OpinionAnsweredOnTheSpot',
  'SuggestionDrafted',
  'SuggestionAssigned',
  'SuggestionTransferred',
  'DeputyMeetingRecorded',
  'ReplyGiven',
  'SatisfactionRated',
  'SuggestionClosed',
  'AssignmentOverdue',
] as const;

/** Which counters an event moves and by how much, and in which scopes (unit scope only where stated). */
function increments(event: RecordedEvent): {
  scope: FigureScope | null;
  units: string[];
  add: Partial<Record<FigureCounter, number>>;
  unitsOnly?: boolean;
} {
  const e = { type: event.type, data: event.data } as
    | SuggestionEvent
    | { type: 'OpinionReceived'; data: OpinionReceivedData }
    | { type: 'OpinionAnsweredOnTheSpot'; data: { scope: FigureScope } };
  switch (e.type) {
    case 'OpinionReceived': {
      const inPerson = e.data.channel === 'reception' || e.data.channel === 'deputy-visit';
      return {
        scope: { stationId: e.data.stationId, jurisdictionPath: e.data.jurisdictionPath, unitId: null },
        units: [],
        add: { opinions: 1, votersReceived: inPerson ? 1 : 0 },
      };
    }
    case 'OpinionAnsweredOnTheSpot':
      return { scope: e.data.scope, units: [], add: { answeredOnTheSpot: 1 } };
    case 'SuggestionDrafted':
      return {
        scope: { stationId: e.data.stationId, jurisdictionPath: e.data.jurisdictionPath, unitId: null },
        units: [],
        add: { suggestionsDrafted: 1 },
      };
    case 'SuggestionAssigned':
      // A suggestion counts once for its station and offices; each unit counts the assignments it received.
      return e.data.assignmentNo === 1
        ? { scope: e.data.scope, units: [e.data.scope.unitId ?? ''], add: { assigned: 1 } }
        : { scope: e.data.scope, units: [e.data.scope.unitId ?? ''], add: { assigned: 1 }, unitsOnly: true };
    case 'SuggestionTransferred':
      return {
        scope: e.data.assignment.scope,
        units: [e.data.assignment.scope.unitId ?? ''],
        add: { assigned: 1 },
        unitsOnly: true,
      };
    case 'DeputyMeetingRecorded':
      return {
        scope: e.data.scope,
        units: [e.data.scope.unitId ?? ''],
        add: { meetingsComplete: e.data.allStagesMet ? 1 : 0 },
      };
    case 'ReplyGiven':
      return {
        scope: e.data.scope,
        units: [e.data.unitId],
        add: { replied: e.data.replyNo === 1 ? 1 : 0, overdueWorkingDays: e.data.workingDaysLate },
      };
    case 'SatisfactionRated':
      return {
        scope: e.data.scope,
        units: [e.data.scope.unitId ?? ''],
        add: { ratings: 1, satisfiedRatings: e.data.rating === 'unsatisfied' ? 0 : 1 },
      };
    case 'SuggestionClosed':
      return e.data.firstClosure
        ? {
            scope: e.data.scope,
            units: [e.data.scope.unitId ?? ''],
            add: {
              closed: 1,
              resolved: e.data.finalReplyClass === 'A' ? 1 : 0,
              handlingWorkingDays: e.data.handlingWorkingDays,
            },
          }
        : { scope: null, units: [], add: {} };
    case 'AssignmentOverdue':
      return { scope: e.data.scope, units: [e.data.scope.unitId ?? ''], add: { overdue: 1 } };
    case 'AssignmentAccepted':
    case 'AssignmentDeadlineNear':
    case 'FollowUpGiven':
    case 'OnSiteSignOffRecorded':
    case 'OverdueAssignmentEscalated':
    case 'VoterFeedbackOverdue':
    case 'ProgressReported':
    case 'SuggestionEscalated':
    case 'SuggestionReopened':
    case 'VoterInformed':
      return { scope: null, units: [], add: {} };
    default:
      throw new UnreachableCaseError(e);
  }
}

function periodsOf(occurredAt: string): string[] {
  const day = beijingDate(occurredAt);
  return [day.slice(0, 4), day.slice(0, 7)];
}

function targets(event: RecordedEvent): string[] {
  const { scope, units, unitsOnly } = increments(event);
  if (!scope) return [];
  const keys: Array<[FigureScopeKind, string]> = unitsOnly
    ? []
    : [
        ['station', scope.stationId],
        ...ancestryOf(scope.jurisdictionPath).map((id): [FigureScopeKind, string] => ['jurisdiction', id]),
      ];
  for (const unit of units) if (unit) keys.push(['unit', unit]);
  return periodsOf(event.occurredAt).flatMap((period) =>
    keys.map(([kind, id]) => figuresId(kind, id, period)),
  );
}

function emptyFigures(id: string): FiguresDocument {
  const [scope, scopeId, period] = id.split(':') as [FigureScopeKind, string, string];
  const counters = Object.fromEntries(FIGURE_COUNTERS.map((name) => [name, 0])) as Record<
    FigureCounter,
    number
  >;
  return { id, scope, scopeId, period, ...counters };
}

export const figuresProjection: Projection<FiguresDocument> = {
  name: 'case_figures',
  version: 1,
  fields: { scope: { kind: 'string' }, scopeId: { kind: 'string' }, period: { kind: 'string' } },
  indexes: [{ fields: ['scope', 'scopeId', 'period'] }],
  eventTypes: FIGURE_EVENT_TYPES,
  documentIds: targets,
  fold(document, event, id) {
    const { add } = increments(event);
    const figures = document ?? emptyFigures(id);
    const next = { ...figures };
    for (const [counter, amount] of Object.entries(add) as Array<[FigureCounter, number]>)
      next[counter] += amount;
    return next;
  },
};
