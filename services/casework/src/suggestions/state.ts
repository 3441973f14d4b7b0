// The state a suggestion's decisions need, folded from its events.
import { UnreachableCaseError } from '@liaison/decider';
import type {
  FigureScope,
  MeetingStage,
  Rating,
  ReplyClass,
  SignOffParty,
  SuggestionAssignedData,
  SuggestionEvent,
  SuggestionVoter,
  Tier,
} from './events.js';

export interface Assignment {
  assignmentNo: number;
  leadUnitId: string;
  coHandlerIds: string[];
  deadline: string;
  /** Whose office calendar counts this assignment's working days (null: the case's own jurisdiction's). */
  calendarOfficeId: string | null;
  accepted: boolean;
  deadlineNear: boolean;
  overdue: boolean;
  escalated: boolean;
}

export interface SuggestionCase {
  suggestionId: string;
  tier: Tier;
  stationId: string;
  jurisdictionId: string;
  jurisdictionPath: string;
  voters: SuggestionVoter[];
  deputyIds: string[];
  assignment: Assignment | null;
  /** Assignments so far, including transfers (numbers stay unique). */
  assignments: number;
  /** The date of the first assignment: handling time counts from it. */
  firstAssignedOn: string | null;
  meetings: MeetingStage[];
  replies: number;
  lastReplyClass: ReplyClass | null;
  followUpOwed: boolean;
  /** Opinions whose voters were told the outcome of the current reply. */
  informed: string[];
  /** Ratings given on the current reply, by rater. */
  ratings: Array<{ by: 'voter' | 'deputy'; raterId: string; rating: Rating }>;
  signOffs: SignOffParty[];
  closedBefore: boolean;
  /** The reply whose feedback was flagged overdue, if any. */
  feedbackOverdueFor: number | null;
}

/** routed: waiting for assignment; assigned: waiting for acceptance; handling; replied; closed. */
export type SuggestionState =
  | { status: 'none' }
  | ({ status: 'routed' | 'assigned' | 'handling' | 'replied' | 'closed' } & SuggestionCase);

export type OpenState = Exclude<SuggestionState, { status: 'none' }>;

/** Where the suggestion's figures count right now. */
export function scopeOf(state: OpenState): FigureScope {
  return {
    stationId: state.stationId,
    jurisdictionPath: state.jurisdictionPath,
    unitId: state.assignment?.leadUnitId ?? null,
  };
}

function assignmentFrom(data: SuggestionAssignedData): Assignment {
  return {
    assignmentNo: data.assignmentNo,
    leadUnitId: data.leadUnit.unitId,
    coHandlerIds: data.coHandlers.map((unit) => unit.unitId),
    deadline: data.deadline,
    calendarOfficeId: data.calendarOfficeId ?? null,
    accepted: false,
    deadlineNear: false,
    overdue: false,
    escalated: false,
  };
}

/** Folds one event into the state; events of a stream that was never drafted leave it untouched. */
export function evolveSuggestion(state: SuggestionState, event: SuggestionEvent): SuggestionState {
  if (event.type === 'SuggestionDrafted') {
    const data = event.data;
    return {
      status: 'routed',
      suggestionId: data.suggestionId,
      tier: data.tier,
      stationId: data.stationId,
      jurisdictionId: data.jurisdictionId,
      jurisdictionPath: data.jurisdictionPath,
      voters: data.voters,
      deputyIds: data.deputyIds,
      assignment: null,
      assignments: 0,
      firstAssignedOn: null,
      meetings: [],
      replies: 0,
      lastReplyClass: null,
      followUpOwed: false,
      informed: [],
      ratings: [],
      signOffs: [],
      closedBefore: false,
      feedbackOverdueFor: null,
    };
  }
  if (state.status === 'none') return state;
  const withAssignment = (change: Partial<Assignment>): Assignment | null =>
    state.assignment && { ...state.assignment, ...change };
  switch (event.type) {
    case 'SuggestionAssigned':
      return {
        ...state,
        status: 'assigned',
        assignment: assignmentFrom(event.data),
        assignments: state.assignments + 1,
        firstAssignedOn: state.firstAssignedOn ?? event.data.assignedOn,
      };
    case 'SuggestionTransferred':
      return {
        ...state,
        status: 'assigned',
        assignment: assignmentFrom(event.data.assignment),
        assignments: state.assignments + 1,
      };
    case 'AssignmentAccepted':
      return { ...state, status: 'handling', assignment: withAssignment({ accepted: true }) };
    case 'SuggestionEscalated':
      return { ...state, status: 'routed', tier: event.data.toTier, assignment: null };
    case 'DeputyMeetingRecorded':
      return state.meetings.includes(event.data.stage)
        ? state
        : { ...state, meetings: [...state.meetings, event.data.stage] };
    case 'ProgressReported':
      return state;
    case 'ReplyGiven':
      return {
        ...state,
        status: 'replied',
        replies: event.data.replyNo,
        lastReplyClass: event.data.replyClass,
        followUpOwed: event.data.followUpOwed,
        informed: [],
        ratings: [],
        signOffs: [],
      };
    case 'FollowUpGiven':
      return { ...state, followUpOwed: false };
    case 'VoterInformed':
      return { ...state, informed: [...state.informed, event.data.opinionId] };
    case 'SatisfactionRated':
      return {
        ...state,
        ratings: [
          ...state.ratings.filter((r) => !(r.by === event.data.by && r.raterId === event.data.raterId)),
          { by: event.data.by, raterId: event.data.raterId, rating: event.data.rating },
        ],
      };
    case 'OnSiteSignOffRecorded':
      return { ...state, signOffs: [...state.signOffs, event.data.party] };
    case 'SuggestionReopened':
      return { ...state, status: 'handling' };
    case 'SuggestionClosed':
      return { ...state, status: 'closed', closedBefore: true };
    case 'AssignmentDeadlineNear':
      return { ...state, assignment: withAssignment({ deadlineNear: true }) };
    case 'AssignmentOverdue':
      return { ...state, assignment: withAssignment({ overdue: true }) };
    case 'VoterFeedbackOverdue':
      return { ...state, feedbackOverdueFor: event.data.replyNo };
    case 'OverdueAssignmentEscalated':
      return { ...state, assignment: withAssignment({ escalated: true }) };
    default:
      throw new UnreachableCaseError(event);
  }
}
