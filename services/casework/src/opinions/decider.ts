// The opinion decider: what an acceptable opinion is per channel, and its triage once received.
import { domainError, UnreachableCaseError, type Decider, type Decision } from '@liaison/decider';
import type { OpinionCommand, ReceiveOpinion } from './commands.js';
import type { OpinionEvent } from './events.js';

export type OpinionState =
  | { status: 'none' }
  | { status: 'pending'; opinionId: string; stationId: string; jurisdictionPath: string }
  | { status: 'answered'; opinionId: string }
  | { status: 'in-suggestion'; opinionId: string; suggestionId: string };

export const MAX_TEXT_LENGTH = 5000;
export const MAX_ATTACHMENTS = 10;

function receive(command: ReceiveOpinion, state: OpinionState): Decision<OpinionEvent> {
  const { data } = command;
  if (state.status !== 'none')
    return domainError('OPINION_ALREADY_RECEIVED', `opinion ${data.opinionId} is already received`);
  if (!data.station) return domainError('STATION_NOT_FOUND', 'expected an existing station', ['stationId']);
  if (!data.station.open)
    return domainError('STATION_CLOSED', `station ${data.station.stationId} is closed`, ['stationId']);
  const text = data.text.trim();
  if (text.length === 0 || text.length > MAX_TEXT_LENGTH)
    return domainError(
      'INVALID_TEXT',
      `expected an opinion of 1 to ${MAX_TEXT_LENGTH} characters, received ${text.length}`,
      ['text'],
    );
  const category = data.category.trim();
  if (category.length === 0 || category.length > 50)
    return domainError('INVALID_CATEGORY', `expected a category of 1 to 50 characters`, ['category']);
  if (data.location.trim().length > 200)
    return domainError('INVALID_LOCATION', 'expected a location of at most 200 characters', ['location']);
  if (
    data.attachments.length > MAX_ATTACHMENTS ||
    data.attachments.some((ref) => ref.trim().length === 0 || ref.length > 500)
  )
    return domainError(
      'INVALID_ATTACHMENTS',
      `expected at most ${MAX_ATTACHMENTS} attachment references of 1 to 500 characters`,
      ['attachments'],
    );
  const by = data.receivedBy;
  switch (data.channel) {
    case 'reception':
    case 'deputy-visit':
      if (by.deputyIds.length === 0)
        return domainError(
          'DEPUTIES_REQUIRED',
          `a ${data.channel} names the deputies who received the voter`,
          ['deputyIds'],
        );
      break;
    case 'opinion-box':
      if (!by.observerId || !by.openingBoxId)
        return domainError('OBSERVER_REQUIRED', 'an opinion box is emptied by its observer: name both', [
          'observerId',
        ]);
      break;
    case 'phone':
    case 'wechat':
      if (!by.staffId)
        return domainError('STAFF_REQUIRED', `a ${data.channel} opinion names the staff member who took it`);
      break;
    case 'online':
      break;
    default:
      throw new UnreachableCaseError(data.channel);
  }
  const voter = data.voter;
  if (voter.anonymous && voter.contact)
    return domainError('ANONYMOUS_WITH_CONTACT', 'an anonymous voter leaves no contact details', ['voter']);
  if (!voter.anonymous && !voter.contact)
    return domainError('CONTACT_REQUIRED', 'an identified voter leaves contact details', ['voter']);
  if (voter.consentToContact && !voter.contact)
    return domainError('CONTACT_REQUIRED', 'consent to be contacted needs contact details', ['voter']);
  return [
    {
      type: 'OpinionReceived',
      data: {
        opinionId: data.opinionId,
        trackingCode: data.trackingCode,
        channel: data.channel,
        stationId: data.station.stationId,
        jurisdictionId: data.station.jurisdictionId,
        jurisdictionPath: data.station.jurisdictionPath,
        receivedBy: by,
        category,
        location: data.location.trim(),
        text,
        attachments: data.attachments.map((ref) => ref.trim()),
        voter,
      },
    },
  ];
}

function notPending(state: OpinionState, opinionId: string) {
  switch (state.status) {
    case 'none':
      return domainError('OPINION_NOT_FOUND', `no opinion ${opinionId}`);
    case 'answered':
      return domainError('OPINION_ALREADY_ANSWERED', `opinion ${opinionId} was answered on the spot`);
    case 'in-suggestion':
      return domainError(
        'OPINION_ALREADY_IN_SUGGESTION',
        `opinion ${opinionId} is already part of suggestion ${state.suggestionId}`,
      );
    case 'pending':
      return null;
    default:
      throw new UnreachableCaseError(state);
  }
}

export const opinionDecider: Decider<OpinionState, OpinionCommand, OpinionEvent> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'ReceiveOpinion':
        return receive(command, state);
      case 'AnswerOpinionOnTheSpot': {
        const refused = notPending(state, command.data.opinionId);
        if (refused || state.status !== 'pending') return refused ?? [];
        const explanation = command.data.explanation.trim();
        if (explanation.length === 0 || explanation.length > MAX_TEXT_LENGTH)
          return domainError('EXPLANATION_REQUIRED', 'expected the law or policy explained to the voter', [
            'explanation',
          ]);
        return [
          {
            type: 'OpinionAnsweredOnTheSpot',
            data: {
              opinionId: command.data.opinionId,
              basis: command.data.basis,
              explanation,
              answeredBy: command.metadata.actorId,
              scope: { stationId: state.stationId, jurisdictionPath: state.jurisdictionPath, unitId: null },
            },
          },
        ];
      }
      case 'TakeOpinionIntoSuggestion': {
        if (state.status === 'in-suggestion' && state.suggestionId === command.data.suggestionId) return [];
        const refused = notPending(state, command.data.opinionId);
        if (refused) return refused;
        return [{ type: 'OpinionTakenIntoSuggestion', data: command.data }];
      }
      default:
        throw new UnreachableCaseError(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'OpinionReceived':
        return {
          status: 'pending',
          opinionId: event.data.opinionId,
          stationId: event.data.stationId,
          jurisdictionPath: event.data.jurisdictionPath,
        };
      case 'OpinionAnsweredOnTheSpot':
        return { status: 'answered', opinionId: event.data.opinionId };
      case 'OpinionTakenIntoSuggestion':
        return {
          status: 'in-suggestion',
          opinionId: event.data.opinionId,
          suggestionId: event.data.suggestionId,
        };
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
