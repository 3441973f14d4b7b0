// Events of a suggestion: from drafting through assignment, handling, reply, feedback and ratings to closure.
import type { Channel } from '../opinions/events.js';

export const TIERS = ['township', 'county', 'city'] as const;
/** Who has the power to act: township/street/village bodies, the county, or the city. */
export type Tier = (typeof TIERS)[number];

/** How a tier's suggestions travel: supervised by the station, via the county liaison committee, via the city group leader. */
export const ROUTE_BY_TIER = {
  township: 'township-body',
  county: 'county-liaison-committee',
  city: 'city-deputies-group-leader',
} as const satisfies Record<Tier, string>;
export type Route = (typeof ROUTE_BY_TIER)[Tier];

export const REPLY_CLASSES = ['A', 'B', 'C'] as const;
/** A solved or adopted, B being solved or planned (owes a follow-up), C cannot be solved now. */
export type ReplyClass = (typeof REPLY_CLASSES)[number];

export const RATINGS = ['satisfied', 'basically-satisfied', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

export const MEETING_STAGES = ['acceptance', 'handling', 'before-reply'] as const;
/** The three meetings with the deputy (三见面): on accepting, while handling, before replying. */
export type MeetingStage = (typeof MEETING_STAGES)[number];

export const SIGN_OFF_PARTIES = ['deputy', 'voter', 'handler'] as const;
export type SignOffParty = (typeof SIGN_OFF_PARTIES)[number];

export interface Unit {
  unitId: string;
  name: string;
}

/** Where a suggestion's figures count: denormalised onto the events figures are folded from. */
export interface FigureScope {
  stationId: string;
  jurisdictionPath: string;
  unitId: string | null;
}

export interface SuggestionVoter {
  opinionId: string;
  voterId: string;
  consentToContact: boolean;
}

export interface SuggestionDraftedData {
  suggestionId: string;
  title: string;
  summary: string;
  category: string;
  tier: Tier;
  route: Route;
  stationId: string;
  jurisdictionId: string;
  jurisdictionPath: string;
  opinionIds: string[];
  voters: SuggestionVoter[];
  deputyIds: string[];
  /** The channels its opinions arrived by, each once; absent from suggestions drafted before it was recorded. */
  channels?: Channel[];
}

export interface SuggestionAssignedData {
  suggestionId: string;
  assignmentNo: number;
  leadUnit: Unit;
  coHandlers: Unit[];
  responsiblePerson: string;
  /** The Asia/Shanghai date of the assignment. */
  assignedOn: string;
  /** The last working day to reply (Asia/Shanghai date), counted from the assignment day. */
  deadline: string;
  workingDays: number;
  /**
   * The jurisdiction whose office calendar counted the deadline (the assigning office's); later counts for this
   * assignment use the same calendar. Absent on assignments recorded before office calendars applied.
   */
  calendarOfficeId?: string | null;
  key: boolean;
  supervisingLeaders: string[];
  scope: FigureScope;
}

export type SuggestionEvent =
  | { type: 'SuggestionDrafted'; data: SuggestionDraftedData }
  | { type: 'SuggestionAssigned'; data: SuggestionAssignedData }
  | { type: 'AssignmentAccepted'; data: { suggestionId: string; assignmentNo: number; unitId: string } }
  | {
      type: 'SuggestionTransferred';
      data: { suggestionId: string; fromUnitId: string; reason: string; assignment: SuggestionAssignedData };
    }
  | {
      type: 'SuggestionEscalated';
      data: { suggestionId: string; fromTier: Tier; toTier: Tier; route: Route; reason: string };
    }
  | {
      type: 'DeputyMeetingRecorded';
      data: {
        suggestionId: string;
        stage: MeetingStage;
        deputyId: string;
        notes: string;
        /** True on the meeting that completes all three stages for the first time (for the meeting rate). */
        allStagesMet: boolean;
        scope: FigureScope;
      };
    }
  | { type: 'ProgressReported'; data: { suggestionId: string; unitId: string; text: string } }
  | {
      type: 'ReplyGiven';
      data: {
        suggestionId: string;
        replyNo: number;
        unitId: string;
        replyClass: ReplyClass;
        text: string;
        attachments: string[];
        followUpOwed: boolean;
        /** Working days from the first assignment to this reply. */
        workingDaysTaken: number;
        /** Working days after the current assignment's deadline (0 when on time). */
        workingDaysLate: number;
        scope: FigureScope;
      };
    }
  | { type: 'FollowUpGiven'; data: { suggestionId: string; unitId: string; text: string } }
  | {
      type: 'VoterInformed';
      data: { suggestionId: string; opinionId: string; replyNo: number; note: string };
    }
  | {
      type: 'SatisfactionRated';
      data: {
        suggestionId: string;
        by: 'voter' | 'deputy';
        raterId: string;
        rating: Rating;
        replyNo: number;
        scope: FigureScope;
      };
    }
  | { type: 'OnSiteSignOffRecorded'; data: { suggestionId: string; party: SignOffParty; signerId: string } }
  | { type: 'SuggestionReopened'; data: { suggestionId: string; reason: string } }
  | {
      type: 'SuggestionClosed';
      data: {
        suggestionId: string;
        onSite: boolean;
        finalReplyClass: ReplyClass;
        /** False when a closed case was reopened and closes again: figures count each case once. */
        firstClosure: boolean;
        /** Working days from the first assignment to closure. */
        handlingWorkingDays: number;
        scope: FigureScope;
      };
    }
  | { type: 'AssignmentDeadlineNear'; data: { suggestionId: string; assignmentNo: number; deadline: string } }
  | {
      type: 'AssignmentOverdue';
      data: { suggestionId: string; assignmentNo: number; deadline: string; scope: FigureScope };
    }
  | {
      type: 'VoterFeedbackOverdue';
      /** The voters who consented and were not told reply `replyNo` within the configured days. */
      data: { suggestionId: string; replyNo: number; opinionIds: string[]; dueOn: string };
    }
  | {
      type: 'OverdueAssignmentEscalated';
      data: { suggestionId: string; assignmentNo: number; supervisingJurisdictionId: string };
    };

export type SuggestionEventType = SuggestionEvent['type'];

export const SUGGESTION_EVENT_TYPES = [
  'SuggestionDrafted',
  'SuggestionAssigned',
  'AssignmentAccepted',
  'SuggestionTransferred',
  'SuggestionEscalated',
  'DeputyMeetingRecorded',
  'ProgressReported',
  'ReplyGiven',
  'FollowUpGiven',
  'VoterInformed',
  'SatisfactionRated',
  'OnSiteSignOffRecorded',
  'SuggestionReopened',
  'SuggestionClosed',
  'AssignmentDeadlineNear',
  'AssignmentOverdue',
  'OverdueAssignmentEscalated',
  'VoterFeedbackOverdue',
] as const satisfies readonly SuggestionEventType[];

/** The stream holding one suggestion's events. */
export function suggestionStream(suggestionId: string): string {
  return `suggestion-${suggestionId}`;
}
