// Commands on a suggestion. Facts from elsewhere (opinions, deadlines in working days) are resolved before deciding.
import type { Command } from '@liaison/decider';
import type { Channel } from '../opinions/events.js';
import type { HandlingUnitStatus } from '../units/decider.js';
import type { MeetingStage, Rating, ReplyClass, SignOffParty, Tier, Unit } from './events.js';

export interface OpinionFacts {
  opinionId: string;
  status: 'pending' | 'answered' | 'in-suggestion' | 'none';
  voterId: string;
  consentToContact: boolean;
  /** How the opinion arrived; null when it was not found. */
  channel: Channel | null;
  stationId: string;
  jurisdictionId: string;
  jurisdictionPath: string;
}

/** A deadline computed with the working-day calendar at the edge. */
export interface DeadlineFacts {
  /** The Asia/Shanghai date of the assignment, from which the working days count. */
  assignedOn: string;
  date: string;
  workingDays: number;
  /** The jurisdiction whose office calendar counted it: the assigning office's (see officeAncestry). */
  calendarOfficeId: string | null;
}

export interface AssignmentInput {
  /** Facts from the handling unit registry: the status of the lead unit and of each co-handler. */
  unitStatuses: Readonly<Record<string, HandlingUnitStatus>>;
  leadUnit: Unit;
  coHandlers: Unit[];
  responsiblePerson: string;
  deadline: DeadlineFacts;
  key: boolean;
  supervisingLeaders: string[];
}

type C<T extends string, D> = Command<T, D>;

export type DraftSuggestion = C<
  'DraftSuggestion',
  {
    suggestionId: string;
    title: string;
    category: string;
    summary: string;
    tier: Tier;
    opinions: OpinionFacts[];
    deputyIds: string[];
  }
>;
export type AssignSuggestion = C<'AssignSuggestion', AssignmentInput>;
export type AcceptAssignment = C<'AcceptAssignment', { unitId: string }>;
export type TransferSuggestion = C<'TransferSuggestion', AssignmentInput & { reason: string }>;
export type EscalateSuggestion = C<'EscalateSuggestion', { toTier: Tier; reason: string }>;
export type RecordDeputyMeeting = C<
  'RecordDeputyMeeting',
  { stage: MeetingStage; deputyId: string; notes: string }
>;
export type ReportProgress = C<'ReportProgress', { unitId: string; text: string }>;
export type GiveReply = C<
  'GiveReply',
  {
    unitId: string;
    replyClass: ReplyClass;
    text: string;
    attachments: string[];
    workingDaysTaken: number;
    workingDaysLate: number;
  }
>;
export type GiveFollowUp = C<'GiveFollowUp', { unitId: string; text: string }>;
export type InformVoter = C<'InformVoter', { opinionId: string; note: string }>;
export type RateSatisfaction = C<
  'RateSatisfaction',
  { by: 'voter' | 'deputy'; raterId: string; rating: Rating }
>;
export type SignOnSite = C<'SignOnSite', { party: SignOffParty; signerId: string }>;
export type ReopenSuggestion = C<'ReopenSuggestion', { reason: string }>;
export type CloseSuggestion = C<'CloseSuggestion', { onSite: boolean; handlingWorkingDays: number }>;
export type MarkDeadlineNear = C<'MarkDeadlineNear', { assignmentNo: number }>;
export type MarkOverdue = C<'MarkOverdue', { assignmentNo: number }>;
export type EscalateOverdue = C<
  'EscalateOverdue',
  { assignmentNo: number; supervisingJurisdictionId: string }
>;

export type MarkFeedbackOverdue = C<'MarkFeedbackOverdue', { replyNo: number; dueOn: string }>;

export type SuggestionCommand =
  | DraftSuggestion
  | AssignSuggestion
  | AcceptAssignment
  | TransferSuggestion
  | EscalateSuggestion
  | RecordDeputyMeeting
  | ReportProgress
  | GiveReply
  | GiveFollowUp
  | InformVoter
  | RateSatisfaction
  | SignOnSite
  | ReopenSuggestion
  | CloseSuggestion
  | MarkDeadlineNear
  | MarkOverdue
  | EscalateOverdue
  | MarkFeedbackOverdue;
