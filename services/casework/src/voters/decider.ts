// The voter decider: a contact may be viewed until the voter is forgotten; forgetting happens once.
import { domainError, UnreachableCaseError, type Command, type Decider } from '@liaison/decider';
import type { VoterEvent } from './events.js';

export type ViewVoterContact = Command<'ViewVoterContact', { voterId: string; opinionId: string }>;
export type ForgetVoter = Command<'ForgetVoter', { voterId: string; opinionIds: string[]; reason: string }>;
export type VoterCommand = ViewVoterContact | ForgetVoter;

export type VoterState = { status: 'known'; views: number } | { status: 'forgotten' };

export const voterDecider: Decider<VoterState, VoterCommand, VoterEvent> = {
  initialState: () => ({ status: 'known', views: 0 }),

  decide(command, state) {
    if (state.status === 'forgotten')
      return domainError('VOTER_FORGOTTEN', `voter ${command.data.voterId} has been forgotten`);
    switch (command.type) {
      case 'ViewVoterContact':
        return [
          {
            type: 'VoterContactViewed',
            data: {
              voterId: command.data.voterId,
              opinionId: command.data.opinionId,
              viewerId: command.metadata.actorId,
              viewerRole: command.metadata.role,
            },
          },
        ];
      case 'ForgetVoter': {
        const reason = command.data.reason.trim();
        if (reason.length === 0 || reason.length > 500)
          return domainError('REASON_REQUIRED', 'expected a reason (the request or rule) for forgetting', [
            'reason',
          ]);
        return [
          {
            type: 'VoterForgotten',
            data: {
              voterId: command.data.voterId,
              opinionIds: command.data.opinionIds,
              reason,
              forgottenBy: command.metadata.actorId,
            },
          },
        ];
      }
      default:
        throw new UnreachableCaseError(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'VoterContactViewed':
        return state.status === 'known' ? { ...state, views: state.views + 1 } : state;
      case 'VoterForgotten':
        return { status: 'forgotten' };
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
