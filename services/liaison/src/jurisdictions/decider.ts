// The jurisdiction decider: registering areas in the right place of the tree and renaming them.
import { domainError, UnreachableCaseError, type Decider, type Decision } from '@liaison/decider';
import type { JurisdictionCommand, RegisterJurisdiction } from './commands.js';
import { JURISDICTION_LEVELS, type JurisdictionEvent, type JurisdictionLevel } from './events.js';

export type JurisdictionState =
  | { status: 'unregistered' }
  | {
      status: 'registered';
      jurisdictionId: string;
      name: string;
      level: JurisdictionLevel;
      ancestorIds: string[];
    };

const MAX_NAME_LENGTH = 100;

function validName(name: string): boolean {
  return name.trim().length > 0 && name.length <= MAX_NAME_LENGTH;
}

function register(command: RegisterJurisdiction, state: JurisdictionState): Decision<JurisdictionEvent> {
  const { data } = command;
  if (state.status === 'registered') {
    return domainError(
      'JURISDICTION_ALREADY_REGISTERED',
      `jurisdiction ${data.jurisdictionId} is already registered`,
    );
  }
  if (!validName(data.name)) {
    return domainError(
      'INVALID_NAME',
      `expected a name of 1 to ${MAX_NAME_LENGTH} characters, received "${data.name}"`,
      ['name'],
    );
  }
  const depth = JURISDICTION_LEVELS.indexOf(data.level);
  if (data.parent === null && depth !== 0) {
    return domainError(
      'PARENT_REQUIRED',
      `a ${data.level} must have a parent jurisdiction; only a province is a root`,
      ['parentId'],
    );
  }
  if (data.parent !== null && JURISDICTION_LEVELS.indexOf(data.parent.level) >= depth) {
    return domainError(
      'LEVEL_NOT_BELOW_PARENT',
      `a ${data.level} cannot sit under a ${data.parent.level}; expected a level below the parent's`,
      ['level'],
    );
  }
  return [
    {
      type: 'JurisdictionRegistered',
      data: {
        jurisdictionId: data.jurisdictionId,
        name: data.name.trim(),
        level: data.level,
        code: data.code,
        parentId: data.parent?.jurisdictionId ?? null,
        ancestorIds: data.parent ? [...data.parent.ancestorIds, data.parent.jurisdictionId] : [],
      },
    },
  ];
}

export const jurisdictionDecider: Decider<JurisdictionState, JurisdictionCommand, JurisdictionEvent> = {
  initialState: () => ({ status: 'unregistered' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterJurisdiction':
        return register(command, state);
      case 'RenameJurisdiction':
        if (state.status !== 'registered') {
          return domainError(
            'JURISDICTION_NOT_FOUND',
            `jurisdiction ${command.data.jurisdictionId} is not registered`,
          );
        }
        if (!validName(command.data.name)) {
          return domainError('INVALID_NAME', `expected a name of 1 to ${MAX_NAME_LENGTH} characters`, [
            'name',
          ]);
        }
        if (command.data.name.trim() === state.name) return [];
        return [
          {
            type: 'JurisdictionRenamed',
            data: { jurisdictionId: state.jurisdictionId, name: command.data.name.trim() },
          },
        ];
      default:
        throw new UnreachableCaseError(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'JurisdictionRegistered':
        return {
          status: 'registered',
          jurisdictionId: event.data.jurisdictionId,
          name: event.data.name,
          level: event.data.level,
          ancestorIds: event.data.ancestorIds,
        };
      case 'JurisdictionRenamed':
        return state.status === 'registered' ? { ...state, name: event.data.name } : state;
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
