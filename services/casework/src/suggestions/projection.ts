// The suggestions read model: the case board of stations, offices and handling units, and each case's timeline.
import { UnreachableCaseError } from '@liaison/decider';
import type { Projection } from '@liaison/projector';
import { CHANNELS, type Channel } from '../opinions/events.js';
import type { TimelineEntry } from '../opinions/projection.js';
import { beijingDate } from '../shared/working-days.js';
import {
  SUGGESTION_EVENT_TYPES,
  type MeetingStage,
  type Rating,
  type ReplyClass,
  type Route,
  type SignOffParty,
  type SuggestionAssignedData,
  type SuggestionEvent,
  type SuggestionVoter,
  type Tier,
  type Unit,
} from './events.js';

export interface ReplyEntry {
  replyNo: number;
  replyClass: ReplyClass;
  text: string;
  attachments: string[];
  at: string;
}

export interface SuggestionDocument {
  [field: string]: unknown;
  id: string;
  title: string;
  summary: string;
  category: string;
  tier: Tier;
  route: Route;
  status: 'routed' | 'assigned' | 'handling' | 'replied' | 'closed';
  stationId: string;
  jurisdictionId: string;
  jurisdictionPath: string;
  opinionIds: string[];
  /** The channels its opinions arrived by (empty for suggestions drafted before channels were recorded). */
  channels: Channel[];
  /** The same channels as a set the board filters on (`arrivedBy.deputy_visit: true`; see arrivedByField). */
  arrivedBy: Partial<Record<string, true>>;
  /** Title and summary, for the board's text filter; never a voter's personal data. */
  searchText: string;
  voters: SuggestionVoter[];
  deputyIds: string[];
  assignmentNo: number | null;
  leadUnit: Unit | null;
  leadUnitId: string | null;
  coHandlers: Unit[];
  responsiblePerson: string | null;
  deadline: string | null;
  workingDays: number | null;
  /** Whose office calendar counts the deadline (null: the case's own jurisdiction's). */
  calendarOfficeId: string | null;
  key: boolean;
  supervisingLeaders: string[];
  deadlineNear: boolean;
  overdue: boolean;
  escalatedTo: string | null;
  meetings: MeetingStage[];
  progress: Array<{ text: string; at: string }>;
  replies: ReplyEntry[];
  followUpOwed: boolean;
  followUp: string | null;
  informedOpinionIds: string[];
  /** The Asia/Shanghai date by which the voters should be told the latest reply. */
  feedbackDueOn: string | null;
  /** The voters of the latest reply were not all told by `feedbackDueOn`. */
  feedbackOverdue: boolean;
  ratings: Array<{ by: 'voter' | 'deputy'; raterId: string; rating: Rating; replyNo: number }>;
  signOffs: SignOffParty[];
  draftedAt: string;
  draftedOn: string;
  closedAt: string | null;
  updatedAt: string;
  timeline: TimelineEntry[];
}

/** A channel as a field name (field paths allow letters, digits and underscores). */
const channelKey = (channel: Channel) => channel.replace(/-/g, '_');

/** The board's filter field for cases with an opinion that arrived by `channel`. */
export const arrivedByField = (channel: Channel) => `arrivedBy.${channelKey(channel)}`;

function assign(document: SuggestionDocument, data: SuggestionAssignedData): SuggestionDocument {
  return {
    ...document,
    status: 'assigned',
    assignmentNo: data.assignmentNo,
    leadUnit: data.leadUnit,
    leadUnitId: data.leadUnit.unitId,
    coHandlers: data.coHandlers,
    responsiblePerson: data.responsiblePerson,
    deadline: data.deadline,
    workingDays: data.workingDays,
    calendarOfficeId: data.calendarOfficeId ?? null,
    key: data.key,
    supervisingLeaders: data.supervisingLeaders,
    deadlineNear: false,
    overdue: false,
    escalatedTo: null,
  };
}

/** The suggestions projection; `feedbackDays` sets the feedback due date after each reply. */
export function suggestionsProjection(feedbackDays: number): Projection<SuggestionDocument> {
  return {
    name: 'suggestions',
    version: 2,
    fields: {
      searchText: { kind: 'string' },
      ...Object.fromEntries(
        CHANNELS.map((channel) => [arrivedByField(channel), { kind: 'boolean' as const }]),
      ),
      status: { kind: 'string' },
      tier: { kind: 'string' },
      category: { kind: 'string' },
      stationId: { kind: 'string' },
      jurisdictionPath: { kind: 'string' },
      leadUnitId: { kind: 'string' },
      overdue: { kind: 'boolean' },
      deadlineNear: { kind: 'boolean' },
      key: { kind: 'boolean' },
      deadline: { kind: 'string' },
      feedbackDueOn: { kind: 'string' },
      feedbackOverdue: { kind: 'boolean' },
      draftedAt: { kind: 'string' },
      draftedOn: { kind: 'string' },
    },
    indexes: [
      { fields: ['stationId', 'draftedAt'] },
      { fields: ['jurisdictionPath', 'draftedAt'] },
      { fields: ['leadUnitId', 'status'] },
      { fields: ['status', 'deadline'] },
    ],
    eventTypes: SUGGESTION_EVENT_TYPES,
    documentIds: (event) => [(event.data as { suggestionId: string }).suggestionId],
    fold(current, recorded) {
      const event = { type: recorded.type, data: recorded.data } as SuggestionEvent;
      const at = recorded.occurredAt;
      const entry: TimelineEntry = {
        at,
        type: recorded.type,
        actorId: String(recorded.metadata.actorId ?? ''),
      };
      if (event.type === 'SuggestionDrafted') {
        const data = event.data;
        return {
          id: data.suggestionId,
          title: data.title,
          summary: data.summary,
          category: data.category,
          tier: data.tier,
          route: data.route,
          status: 'routed',
          stationId: data.stationId,
          jurisdictionId: data.jurisdictionId,
          jurisdictionPath: data.jurisdictionPath,
          opinionIds: data.opinionIds,
          channels: data.channels ?? [],
          arrivedBy: Object.fromEntries((data.channels ?? []).map((channel) => [channelKey(channel), true])),
          searchText: `${data.title}\n${data.summary}`,
          voters: data.voters,
          deputyIds: data.deputyIds,
          assignmentNo: null,
          leadUnit: null,
          leadUnitId: null,
          coHandlers: [],
          responsiblePerson: null,
          deadline: null,
          workingDays: null,
          calendarOfficeId: null,
          key: false,
          supervisingLeaders: [],
          deadlineNear: false,
          overdue: false,
          escalatedTo: null,
          meetings: [],
          progress: [],
          replies: [],
          followUpOwed: false,
          followUp: null,
          informedOpinionIds: [],
          feedbackDueOn: null,
          feedbackOverdue: false,
          ratings: [],
          signOffs: [],
          draftedAt: at,
          draftedOn: beijingDate(at),
          closedAt: null,
          updatedAt: at,
          timeline: [entry],
        };
      }
      if (!current) return null;
      const document = { ...current, updatedAt: at, timeline: [...current.timeline, entry] };
      switch (event.type) {
        case 'SuggestionAssigned':
          return assign(document, event.data);
        case 'SuggestionTransferred':
          return assign(document, event.data.assignment);
        case 'AssignmentAccepted':
          return { ...document, status: 'handling' };
        case 'SuggestionEscalated':
          return {
            ...document,
            status: 'routed',
            tier: event.data.toTier,
            route: event.data.route,
            leadUnit: null,
            leadUnitId: null,
            deadline: null,
            deadlineNear: false,
            overdue: false,
          };
        case 'DeputyMeetingRecorded':
          return document.meetings.includes(event.data.stage)
            ? document
            : { ...document, meetings: [...document.meetings, event.data.stage] };
        case 'ProgressReported':
          return { ...document, progress: [...document.progress, { text: event.data.text, at }] };
        case 'ReplyGiven':
          return {
            ...document,
            status: 'replied',
            replies: [
              ...document.replies,
              {
                replyNo: event.data.replyNo,
                replyClass: event.data.replyClass,
                text: event.data.text,
                attachments: event.data.attachments,
                at,
              },
            ],
            followUpOwed: event.data.followUpOwed,
            informedOpinionIds: [],
            feedbackDueOn: addDays(beijingDate(at), feedbackDays),
            feedbackOverdue: false,
            signOffs: [],
            deadlineNear: false,
          };
        case 'FollowUpGiven':
          return { ...document, followUpOwed: false, followUp: event.data.text };
        case 'VoterInformed':
          return { ...document, informedOpinionIds: [...document.informedOpinionIds, event.data.opinionId] };
        case 'SatisfactionRated':
          return {
            ...document,
            ratings: [
              ...document.ratings,
              {
                by: event.data.by,
                raterId: event.data.raterId,
                rating: event.data.rating,
                replyNo: event.data.replyNo,
              },
            ],
          };
        case 'OnSiteSignOffRecorded':
          return { ...document, signOffs: [...document.signOffs, event.data.party] };
        case 'SuggestionReopened':
          return { ...document, status: 'handling', closedAt: null };
        case 'SuggestionClosed':
          return { ...document, status: 'closed', closedAt: at };
        case 'AssignmentDeadlineNear':
          return { ...document, deadlineNear: true };
        case 'AssignmentOverdue':
          return { ...document, overdue: true };
        case 'VoterFeedbackOverdue':
          return { ...document, feedbackOverdue: true };
        case 'OverdueAssignmentEscalated':
          return { ...document, escalatedTo: event.data.supervisingJurisdictionId };
        default:
          throw new UnreachableCaseError(event);
      }
    },
  };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
