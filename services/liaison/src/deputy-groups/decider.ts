// The deputy group decider: forming a group in a jurisdiction and disbanding it.
import { domainError, UnreachableCaseError, type Decider } from '@liaison/decider';
import type { DeputyLevel } from '../deputies/events.js';
import type { DeputyGroupCommand } from './commands.js';
import type { DeputyGroupEvent } from './events.js';

export type DeputyGroupState =
  | { status: 'unformed' }
  | {
      status: 'active' | 'disbanded';
      groupId: string;
      name: string;
      level: DeputyLevel;
      jurisdictionId: string;
    };

const MAX_NAME_LENGTH = 100;

export const deputyGroupDecider: Decider<DeputyGroupState, DeputyGroupCommand, DeputyGroupEvent> = {
  initialState: () => ({ status: 'unformed' }),

  decide(command, state) {
    switch (command.type) {
      case 'FormDeputyGroup': {
        const { data } = command;
        if (state.status !== 'unformed') {
          return domainError('GROUP_ALREADY_FORMED', `deputy group ${data.groupId} is already formed`);
        }
        const name = data.name.trim();
        if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
          return domainError(
            'INVALID_NAME',
            `expected a name of 1 to ${MAX_NAME_LENGTH} characters, received "${data.name}"`,
            ['name'],
          );
        }
        if (data.jurisdiction === null) {
          return domainError('JURISDICTION_NOT_FOUND', 'expected a registered jurisdiction for the group', [
            'jurisdictionId',
          ]);
        }
        if (!data.jurisdiction.active) {
          return domainError(
            'JURISDICTION_DISSOLVED',
            `jurisdiction ${data.jurisdiction.jurisdictionId} was merged or split`,
            ['jurisdictionId'],
          );
        }
        return [
          {
            type: 'DeputyGroupFormed',
            data: {
              groupId: data.groupId,
              name,
              level: data.level,
              jurisdictionId: data.jurisdiction.jurisdictionId,
              jurisdictionPath: data.jurisdiction.path,
            },
          },
        ];
      }
      case 'DisbandDeputyGroup': {
        if (state.status === 'unformed') {
          return domainError('GROUP_NOT_FOUND', `deputy group ${command.data.groupId} is not formed`, [
            'groupId',
          ]);
        }
        if (state.status === 'disbanded') {
          return domainError('GROUP_DISBANDED', `deputy group ${state.groupId} is already disbanded`, [
            'groupId',
          ]);
        }
        const reason = command.data.reason.trim();
        if (reason.length === 0)
          return domainError('REASON_REQUIRED', 'expected a reason for disbanding', ['reason']);
        return [{ type: 'DeputyGroupDisbanded', data: { groupId: state.groupId, reason } }];
      }
      default:
        throw new UnreachableCaseError(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'DeputyGroupFormed':
        return {
          status: 'active',
          groupId: event.data.groupId,
          name: event.data.name,
          level: event.data.level,
          jurisdictionId: event.data.jurisdictionId,
        };
      case 'DeputyGroupDisbanded':
        return state.status === 'unformed' ? state : { ...state, status: 'disbanded' };
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
