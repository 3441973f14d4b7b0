// The suggestion decider: routing by tier, assignment, handling, replies, feedback, ratings and closure.
import { unitUnavailable } from '../units/decider.js';
import {
  domainError,
  UnreachableCaseError,
  type Decider,
  type Decision,
  type DomainError,
} from '@liaison/decider';
import { closingRefusal } from './closing-rules.js';
import type { AssignmentInput, DraftSuggestion, SuggestionCommand } from './commands.js';
import {
  MEETING_STAGES,
  ROUTE_BY_TIER,
  TIERS,
  type SuggestionAssignedData,
  type SuggestionEvent,
} from './events.js';
import { evolveSuggestion, scopeOf, type OpenState, type SuggestionState } from './state.js';

type Result = Decision<SuggestionEvent>;
type Status = OpenState['status'];

const MAX_TEXT = 5000;

function textError(value: string, field: string, what: string, max = MAX_TEXT): DomainError | null {
  const length = value.trim().length;
  return length === 0 || length > max
    ? domainError('INVALID_TEXT', `expected ${what} of 1 to ${max} characters, received ${length}`, [field])
    : null;
}

function requireStatus(state: OpenState, allowed: readonly Status[], action: string): DomainError | null {
  if (allowed.includes(state.status)) return null;
  if (state.status === 'closed')
    return domainError('SUGGESTION_CLOSED', `suggestion ${state.suggestionId} is closed`);
  return domainError(
    'INVALID_STATUS',
    `cannot ${action} a suggestion that is ${state.status}; expected ${allowed.join(' or ')}`,
  );
}

function requireLeadUnit(state: OpenState, unitId: string): DomainError | null {
  return state.assignment?.leadUnitId === unitId
    ? null
    : domainError(
        'NOT_LEAD_UNIT',
        `unit ${unitId} is not the lead unit of suggestion ${state.suggestionId}`,
        ['unitId'],
      );
}

function draft(command: DraftSuggestion, state: SuggestionState): Result {
  const { data } = command;
  if (state.status !== 'none')
    return domainError('SUGGESTION_ALREADY_DRAFTED', `suggestion ${data.suggestionId} already exists`);
  const invalid =
    textError(data.title, 'title', 'a title', 200) ?? textError(data.summary, 'summary', 'a summary');
  if (invalid) return invalid;
  const first = data.opinions[0];
  if (!first)
    return domainError('OPINIONS_REQUIRED', 'a suggestion is drafted from at least one opinion', [
      'opinionIds',
    ]);
  if (new Set(data.opinions.map((o) => o.opinionId)).size !== data.opinions.length)
    return domainError('DUPLICATE_OPINIONS', 'each opinion may be listed once', ['opinionIds']);
  const unavailable = data.opinions.find((opinion) => opinion.status !== 'pending');
  if (unavailable)
    return domainError(
      unavailable.status === 'none' ? 'OPINION_NOT_FOUND' : 'OPINION_NOT_PENDING',
      `opinion ${unavailable.opinionId} is ${unavailable.status === 'none' ? 'unknown' : unavailable.status}; expected a pending opinion`,
      ['opinionIds'],
    );
  if (data.tier !== 'township' && data.deputyIds.length === 0)
    return domainError(
      'DEPUTIES_REQUIRED',
      `a ${data.tier} suggestion is a written deputy suggestion: name its deputies`,
      ['deputyIds'],
    );
  return [
    {
      type: 'SuggestionDrafted',
      data: {
        suggestionId: data.suggestionId,
        title: data.title.trim(),
        summary: data.summary.trim(),
        category: data.category.trim(),
        tier: data.tier,
        route: ROUTE_BY_TIER[data.tier],
        stationId: first.stationId,
        jurisdictionId: first.jurisdictionId,
        jurisdictionPath: first.jurisdictionPath,
        opinionIds: data.opinions.map((o) => o.opinionId),
        voters: data.opinions.map((o) => ({
          opinionId: o.opinionId,
          voterId: o.voterId,
          consentToContact: o.consentToContact,
        })),
        deputyIds: [...new Set(data.deputyIds)],
        channels: [...new Set(data.opinions.flatMap((o) => (o.channel ? [o.channel] : [])))],
      },
    },
  ];
}

function assignmentData(state: OpenState, input: AssignmentInput): SuggestionAssignedData | DomainError {
  if (input.leadUnit.unitId.trim() === '' || input.leadUnit.name.trim() === '')
    return domainError('LEAD_UNIT_REQUIRED', 'expected a lead handling unit with an id and a name', [
      'leadUnit',
    ]);
  const unavailable =
    unitUnavailable(
      input.leadUnit.unitId,
      input.unitStatuses[input.leadUnit.unitId] ?? 'unknown',
      'leadUnit',
    ) ??
    input.coHandlers
      .map((unit) => unitUnavailable(unit.unitId, input.unitStatuses[unit.unitId] ?? 'unknown', 'coHandlers'))
      .find((error) => error !== null);
  if (unavailable) return unavailable;
  if (input.coHandlers.some((unit) => unit.unitId === input.leadUnit.unitId))
    return domainError('LEAD_UNIT_AS_CO_HANDLER', 'the lead unit cannot also be a co-handler', [
      'coHandlers',
    ]);
  if (input.responsiblePerson.trim() === '')
    return domainError('RESPONSIBLE_PERSON_REQUIRED', 'expected the responsible person', [
      'responsiblePerson',
    ]);
  if (
    !Number.isInteger(input.deadline.workingDays) ||
    input.deadline.workingDays < 1 ||
    input.deadline.workingDays > 250
  )
    return domainError(
      'INVALID_DEADLINE',
      `expected a deadline of 1 to 250 working days, received ${input.deadline.workingDays}`,
      ['workingDays'],
    );
  if (input.key && input.supervisingLeaders.length === 0)
    return domainError(
      'SUPERVISING_LEADERS_REQUIRED',
      'a key suggestion names the leaders who supervise it',
      ['supervisingLeaders'],
    );
  return {
    suggestionId: state.suggestionId,
    assignmentNo: state.assignments + 1,
    leadUnit: { unitId: input.leadUnit.unitId, name: input.leadUnit.name.trim() },
    coHandlers: input.coHandlers,
    responsiblePerson: input.responsiblePerson.trim(),
    assignedOn: input.deadline.assignedOn,
    deadline: input.deadline.date,
    workingDays: input.deadline.workingDays,
    calendarOfficeId: input.deadline.calendarOfficeId,
    key: input.key,
    supervisingLeaders: input.supervisingLeaders,
    scope: { ...scopeOf(state), unitId: input.leadUnit.unitId },
  };
}

function decideOpen(command: Exclude<SuggestionCommand, DraftSuggestion>, state: OpenState): Result {
  const id = state.suggestionId;
  switch (command.type) {
    case 'AssignSuggestion': {
      const refused = requireStatus(state, ['routed'], 'assign');
      if (refused)
        return state.status === 'assigned' || state.status === 'handling'
          ? domainError(
              'SUGGESTION_ALREADY_ASSIGNED',
              `suggestion ${id} is already assigned; transfer it instead`,
            )
          : refused;
      const data = assignmentData(state, command.data);
      return 'kind' in data ? data : [{ type: 'SuggestionAssigned', data }];
    }
    case 'AcceptAssignment': {
      const refused =
        requireStatus(state, ['assigned'], 'accept') ?? requireLeadUnit(state, command.data.unitId);
      if (refused) return refused;
      return [
        {
          type: 'AssignmentAccepted',
          data: {
            suggestionId: id,
            assignmentNo: state.assignment!.assignmentNo,
            unitId: command.data.unitId,
          },
        },
      ];
    }
    case 'TransferSuggestion': {
      const refused =
        requireStatus(state, ['assigned', 'handling'], 'transfer') ??
        textError(command.data.reason, 'reason', 'a reason', 500);
      if (refused) return refused;
      const from = state.assignment!.leadUnitId;
      if (command.data.leadUnit.unitId === from)
        return domainError('SAME_UNIT', `suggestion ${id} is already with unit ${from}`, ['leadUnit']);
      const data = assignmentData(state, command.data);
      if ('kind' in data) return data;
      return [
        {
          type: 'SuggestionTransferred',
          data: { suggestionId: id, fromUnitId: from, reason: command.data.reason.trim(), assignment: data },
        },
      ];
    }
    case 'EscalateSuggestion': {
      const refused =
        requireStatus(state, ['routed', 'assigned', 'handling'], 'escalate') ??
        textError(command.data.reason, 'reason', 'a reason', 500);
      if (refused) return refused;
      if (TIERS.indexOf(command.data.toTier) <= TIERS.indexOf(state.tier))
        return domainError(
          'NOT_A_HIGHER_TIER',
          `expected a tier above ${state.tier}, received ${command.data.toTier}`,
          ['toTier'],
        );
      if (state.deputyIds.length === 0)
        return domainError(
          'DEPUTIES_REQUIRED',
          'a suggestion above the township is a deputy suggestion: it needs deputies',
        );
      return [
        {
          type: 'SuggestionEscalated',
          data: {
            suggestionId: id,
            fromTier: state.tier,
            toTier: command.data.toTier,
            route: ROUTE_BY_TIER[command.data.toTier],
            reason: command.data.reason.trim(),
          },
        },
      ];
    }
    case 'RecordDeputyMeeting': {
      const refused =
        requireStatus(state, ['assigned', 'handling', 'replied'], 'record a meeting for') ??
        textError(command.data.notes, 'notes', 'meeting notes');
      if (refused) return refused;
      if (!state.deputyIds.includes(command.data.deputyId))
        return domainError(
          'NOT_A_DEPUTY_OF_SUGGESTION',
          `deputy ${command.data.deputyId} is not on suggestion ${id}`,
          ['deputyId'],
        );
      const stages = new Set([...state.meetings, command.data.stage]);
      const allStagesMet =
        state.meetings.length < MEETING_STAGES.length && MEETING_STAGES.every((stage) => stages.has(stage));
      return [
        {
          type: 'DeputyMeetingRecorded',
          data: {
            suggestionId: id,
            ...command.data,
            notes: command.data.notes.trim(),
            allStagesMet,
            scope: scopeOf(state),
          },
        },
      ];
    }
    case 'ReportProgress': {
      const refused =
        requireStatus(state, ['handling'], 'report progress on') ??
        requireLeadUnit(state, command.data.unitId) ??
        textError(command.data.text, 'text', 'a progress report');
      if (refused) return refused;
      return [
        {
          type: 'ProgressReported',
          data: { suggestionId: id, unitId: command.data.unitId, text: command.data.text.trim() },
        },
      ];
    }
    case 'GiveReply': {
      const refused =
        requireStatus(state, ['handling'], 'reply to') ??
        requireLeadUnit(state, command.data.unitId) ??
        textError(command.data.text, 'text', 'a reply');
      if (refused) return refused;
      return [
        {
          type: 'ReplyGiven',
          data: {
            suggestionId: id,
            replyNo: state.replies + 1,
            unitId: command.data.unitId,
            replyClass: command.data.replyClass,
            text: command.data.text.trim(),
            attachments: command.data.attachments,
            followUpOwed: command.data.replyClass === 'B',
            workingDaysTaken: command.data.workingDaysTaken,
            workingDaysLate: command.data.workingDaysLate,
            scope: scopeOf(state),
          },
        },
      ];
    }
    case 'GiveFollowUp': {
      const refused =
        requireStatus(state, ['replied'], 'follow up') ??
        requireLeadUnit(state, command.data.unitId) ??
        textError(command.data.text, 'text', 'a follow-up');
      if (refused) return refused;
      if (!state.followUpOwed)
        return domainError(
          'NO_FOLLOW_UP_OWED',
          `only a B reply owes a follow-up; suggestion ${id} owes none`,
        );
      return [
        {
          type: 'FollowUpGiven',
          data: { suggestionId: id, unitId: command.data.unitId, text: command.data.text.trim() },
        },
      ];
    }
    case 'InformVoter': {
      const refused = requireStatus(state, ['replied'], 'inform the voter of');
      if (refused) return refused;
      const voter = state.voters.find((v) => v.opinionId === command.data.opinionId);
      if (!voter)
        return domainError(
          'OPINION_NOT_IN_SUGGESTION',
          `opinion ${command.data.opinionId} is not part of suggestion ${id}`,
          ['opinionId'],
        );
      if (!voter.consentToContact)
        return domainError(
          'NO_CONSENT_TO_CONTACT',
          `the voter of opinion ${voter.opinionId} did not agree to be contacted`,
        );
      if (state.informed.includes(voter.opinionId))
        return domainError(
          'VOTER_ALREADY_INFORMED',
          `the voter of opinion ${voter.opinionId} was already told this reply`,
        );
      return [
        {
          type: 'VoterInformed',
          data: {
            suggestionId: id,
            opinionId: voter.opinionId,
            replyNo: state.replies,
            note: command.data.note.trim(),
          },
        },
      ];
    }
    case 'RateSatisfaction': {
      const refused = requireStatus(state, ['replied'], 'rate');
      if (refused) return refused;
      const { by, raterId, rating } = command.data;
      if (by === 'deputy' && !state.deputyIds.includes(raterId))
        return domainError('NOT_A_DEPUTY_OF_SUGGESTION', `deputy ${raterId} is not on suggestion ${id}`);
      if (by === 'voter' && !state.voters.some((v) => v.voterId === raterId))
        return domainError(
          'NOT_A_VOTER_OF_SUGGESTION',
          `voter ${raterId} raised no opinion in suggestion ${id}`,
        );
      if (state.ratings.some((r) => r.by === by && r.raterId === raterId))
        return domainError('ALREADY_RATED', `this ${by} already rated reply ${state.replies}`);
      const rated: SuggestionEvent = {
        type: 'SatisfactionRated',
        data: { suggestionId: id, by, raterId, rating, replyNo: state.replies, scope: scopeOf(state) },
      };
      return rating === 'unsatisfied'
        ? [
            rated,
            {
              type: 'SuggestionReopened',
              data: { suggestionId: id, reason: `${by} unsatisfied with reply ${state.replies}` },
            },
          ]
        : [rated];
    }
    case 'SignOnSite': {
      const refused = requireStatus(state, ['replied'], 'sign off');
      if (refused) return refused;
      if (state.signOffs.includes(command.data.party))
        return domainError(
          'ALREADY_SIGNED',
          `the ${command.data.party} already signed reply ${state.replies}`,
        );
      if (command.data.signerId.trim() === '')
        return domainError('SIGNER_REQUIRED', 'expected who signed', ['signerId']);
      return [{ type: 'OnSiteSignOffRecorded', data: { suggestionId: id, ...command.data } }];
    }
    case 'ReopenSuggestion': {
      const refused =
        requireStatus(state, ['replied', 'closed'], 'reopen') ??
        textError(command.data.reason, 'reason', 'a reason', 500);
      if (refused) return refused;
      return [{ type: 'SuggestionReopened', data: { suggestionId: id, reason: command.data.reason.trim() } }];
    }
    case 'CloseSuggestion': {
      const refused = closingRefusal(state, command.data.onSite);
      if (refused)
        return state.status === 'closed'
          ? domainError('SUGGESTION_CLOSED', `suggestion ${id} is closed`)
          : refused;
      return [
        {
          type: 'SuggestionClosed',
          data: {
            suggestionId: id,
            onSite: command.data.onSite,
            finalReplyClass: state.lastReplyClass!,
            firstClosure: !state.closedBefore,
            handlingWorkingDays: command.data.handlingWorkingDays,
            scope: scopeOf(state),
          },
        },
      ];
    }
    case 'MarkDeadlineNear':
    case 'MarkOverdue':
    case 'EscalateOverdue':
      return deadlineEvents(command, state);
    case 'MarkFeedbackOverdue': {
      // Raised at most once per reply, and only while consenting voters are still untold.
      if (state.status !== 'replied' || state.replies !== command.data.replyNo) return [];
      if (state.feedbackOverdueFor === command.data.replyNo) return [];
      const untold = state.voters
        .filter((voter) => voter.consentToContact && !state.informed.includes(voter.opinionId))
        .map((voter) => voter.opinionId);
      return untold.length === 0
        ? []
        : [
            {
              type: 'VoterFeedbackOverdue',
              data: {
                suggestionId: id,
                replyNo: command.data.replyNo,
                opinionIds: untold,
                dueOn: command.data.dueOn,
              },
            },
          ];
    }
    default:
      throw new UnreachableCaseError(command);
  }
}

/** Deadline events are raised at most once per assignment; a stale or repeated mark decides nothing. */
function deadlineEvents(
  command: Extract<SuggestionCommand, { type: 'MarkDeadlineNear' | 'MarkOverdue' | 'EscalateOverdue' }>,
  state: OpenState,
): Result {
  const assignment = state.assignment;
  const current =
    assignment !== null &&
    assignment.assignmentNo === command.data.assignmentNo &&
    (state.status === 'assigned' || state.status === 'handling');
  if (!current) return [];
  const id = state.suggestionId;
  const { assignmentNo, deadline } = assignment;
  switch (command.type) {
    case 'MarkDeadlineNear':
      return assignment.deadlineNear
        ? []
        : [{ type: 'AssignmentDeadlineNear', data: { suggestionId: id, assignmentNo, deadline } }];
    case 'MarkOverdue':
      return assignment.overdue
        ? []
        : [
            {
              type: 'AssignmentOverdue',
              data: { suggestionId: id, assignmentNo, deadline, scope: scopeOf(state) },
            },
          ];
    case 'EscalateOverdue':
      if (!assignment.overdue)
        return domainError('NOT_OVERDUE', `assignment ${assignmentNo} of ${id} is not overdue`);
      return assignment.escalated
        ? []
        : [
            {
              type: 'OverdueAssignmentEscalated',
              data: {
                suggestionId: id,
                assignmentNo,
                supervisingJurisdictionId: command.data.supervisingJurisdictionId,
              },
            },
          ];
    default:
      throw new UnreachableCaseError(command);
  }
}

export const suggestionDecider: Decider<SuggestionState, SuggestionCommand, SuggestionEvent> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    if (command.type === 'DraftSuggestion') return draft(command, state);
    if (state.status === 'none') return domainError('SUGGESTION_NOT_FOUND', 'no such suggestion');
    return decideOpen(command, state);
  },
  evolve: evolveSuggestion,
};
