// The jurisdiction decider: registering areas in the right place of the tree, renaming, merging, splitting.
import {
  domainError,
  isDomainError,
  UnreachableCaseError,
  type Decider,
  type Decision,
  type DomainError,
} from '@liaison/decider';
import { isLocalDate, shanghaiDate } from '../shared/dates.js';
import type {
  JurisdictionCommand,
  MergeJurisdiction,
  RegisterJurisdiction,
  SplitJurisdiction,
  SuccessorFacts,
} from './commands.js';
import { JURISDICTION_LEVELS, type JurisdictionEvent, type JurisdictionLevel } from './events.js';

interface JurisdictionRecord {
  jurisdictionId: string;
  name: string;
  level: JurisdictionLevel;
  parentId: string | null;
  ancestorIds: string[];
}

/** Where a dissolved jurisdiction's stations, deputies and sub-areas went. */
export interface Succession {
  effectiveOn: string;
  /** Entities named in a split, by id, to the part that received them. */
  allotted: Record<string, string>;
  /** Where everything else goes: the merge target, or the split's remainder. */
  remainder: string;
}

export type JurisdictionState =
  | { status: 'unregistered' }
  | ({ status: 'registered' } & JurisdictionRecord)
  | ({ status: 'dissolved'; succession: Succession } & JurisdictionRecord);

const MAX_NAME_LENGTH = 100;

/** The jurisdiction that took over `entityId` (a station, deputy or sub-area) from a dissolved one. */
export function successorFor(succession: Succession, entityId: string): string {
  return succession.allotted[entityId] ?? succession.remainder;
}

function validName(name: string): boolean {
  return name.trim().length > 0 && name.length <= MAX_NAME_LENGTH;
}

function register(command: RegisterJurisdiction, state: JurisdictionState): Decision<JurisdictionEvent> {
  const { data } = command;
  if (state.status !== 'unregistered') {
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

/** Why `facts` cannot take over from `state`, or null when it can. */
function refuseSuccessor(
  state: JurisdictionRecord,
  id: string,
  facts: SuccessorFacts | null,
  field: string,
): DomainError | null {
  if (facts === null) return domainError('SUCCESSOR_NOT_FOUND', `no jurisdiction ${id}`, [field]);
  if (!facts.active)
    return domainError('SUCCESSOR_DISSOLVED', `jurisdiction ${id} was itself merged or split`, [field]);
  if (id === state.jurisdictionId)
    return domainError('SUCCESSOR_IS_SELF', 'a jurisdiction cannot take itself over', [field]);
  if (facts.level !== state.level) {
    return domainError(
      'SUCCESSOR_LEVEL_MISMATCH',
      `expected a ${state.level} to take over a ${state.level}, received a ${facts.level}`,
      [field],
    );
  }
  if (facts.ancestorIds.includes(state.jurisdictionId)) {
    return domainError('SUCCESSOR_INSIDE', `jurisdiction ${id} lies inside ${state.jurisdictionId}`, [field]);
  }
  return null;
}

function active(state: JurisdictionState, jurisdictionId: string): JurisdictionRecord | DomainError {
  if (state.status === 'unregistered')
    return domainError('JURISDICTION_NOT_FOUND', `jurisdiction ${jurisdictionId} is not registered`, [
      'jurisdictionId',
    ]);
  if (state.status === 'dissolved')
    return domainError(
      'JURISDICTION_DISSOLVED',
      `jurisdiction ${jurisdictionId} was already merged or split`,
      ['jurisdictionId'],
    );
  return state;
}

function effectiveDate(value: string | null, now: string): string | DomainError {
  if (value === null) return shanghaiDate(now);
  return isLocalDate(value)
    ? value
    : domainError('INVALID_DATE', `expected a date YYYY-MM-DD, received "${value}"`, ['effectiveOn']);
}

function merge(command: MergeJurisdiction, state: JurisdictionState): Decision<JurisdictionEvent> {
  const { data } = command;
  const current = active(state, data.jurisdictionId);
  if (isDomainError(current)) return current;
  const into = data.into;
  const refused = refuseSuccessor(current, into?.jurisdictionId ?? '', into, 'intoJurisdictionId');
  if (refused || into === null) return refused!;
  const effectiveOn = effectiveDate(data.effectiveOn, command.metadata.now);
  if (isDomainError(effectiveOn)) return effectiveOn;
  return [
    {
      type: 'JurisdictionMerged',
      data: { jurisdictionId: current.jurisdictionId, intoJurisdictionId: into.jurisdictionId, effectiveOn },
    },
  ];
}

function split(command: SplitJurisdiction, state: JurisdictionState): Decision<JurisdictionEvent> {
  const { data } = command;
  const current = active(state, data.jurisdictionId);
  if (isDomainError(current)) return current;
  if (data.parts.length < 2)
    return domainError(
      'SPLIT_NEEDS_TWO_PARTS',
      `expected at least two parts, received ${data.parts.length}`,
      ['parts'],
    );
  const partIds = new Set<string>();
  const allotted = new Set<string>();
  for (const part of data.parts) {
    const refused = refuseSuccessor(current, part.jurisdictionId, part.facts, 'parts');
    if (refused) return refused;
    if (partIds.has(part.jurisdictionId))
      return domainError('DUPLICATE_PART', `jurisdiction ${part.jurisdictionId} is named twice`, ['parts']);
    partIds.add(part.jurisdictionId);
    for (const id of [...part.stationIds, ...part.deputyIds, ...part.childJurisdictionIds]) {
      if (allotted.has(id))
        return domainError('ALLOTTED_TWICE', `${id} is given to more than one part`, ['parts']);
      allotted.add(id);
    }
  }
  if (!partIds.has(data.remainderJurisdictionId)) {
    return domainError(
      'INVALID_REMAINDER',
      `expected the remainder to be one of the parts, received ${data.remainderJurisdictionId}`,
      ['remainderJurisdictionId'],
    );
  }
  const effectiveOn = effectiveDate(data.effectiveOn, command.metadata.now);
  if (isDomainError(effectiveOn)) return effectiveOn;
  return [
    {
      type: 'JurisdictionSplit',
      data: {
        jurisdictionId: current.jurisdictionId,
        parts: data.parts.map(({ jurisdictionId, stationIds, deputyIds, childJurisdictionIds }) => ({
          jurisdictionId,
          stationIds,
          deputyIds,
          childJurisdictionIds,
        })),
        remainderJurisdictionId: data.remainderJurisdictionId,
        effectiveOn,
      },
    },
  ];
}

function decide(command: JurisdictionCommand, state: JurisdictionState): Decision<JurisdictionEvent> {
  switch (command.type) {
    case 'RegisterJurisdiction':
      return register(command, state);
    case 'RenameJurisdiction': {
      if (state.status === 'unregistered') {
        return domainError(
          'JURISDICTION_NOT_FOUND',
          `jurisdiction ${command.data.jurisdictionId} is not registered`,
        );
      }
      if (!validName(command.data.name)) {
        return domainError('INVALID_NAME', `expected a name of 1 to ${MAX_NAME_LENGTH} characters`, ['name']);
      }
      if (command.data.name.trim() === state.name) return [];
      return [
        {
          type: 'JurisdictionRenamed',
          data: { jurisdictionId: state.jurisdictionId, name: command.data.name.trim() },
        },
      ];
    }
    case 'MergeJurisdiction':
      return merge(command, state);
    case 'SplitJurisdiction':
      return split(command, state);
    case 'ReparentJurisdiction': {
      const { data } = command;
      if (state.status === 'unregistered') {
        return domainError('JURISDICTION_NOT_FOUND', `jurisdiction ${data.jurisdictionId} is not registered`);
      }
      const ancestorIds = [...data.parent.ancestorIds, data.parent.jurisdictionId];
      if (ancestorIds.includes(state.jurisdictionId)) {
        return domainError(
          'PARENT_INSIDE',
          `jurisdiction ${data.parent.jurisdictionId} lies inside ${state.jurisdictionId}`,
          ['parentId'],
        );
      }
      if (
        state.parentId === data.parent.jurisdictionId &&
        state.ancestorIds.join('/') === ancestorIds.join('/')
      )
        return [];
      return [
        {
          type: 'JurisdictionReparented',
          data: {
            jurisdictionId: state.jurisdictionId,
            parentId: data.parent.jurisdictionId,
            previousParentId: state.parentId,
            ancestorIds,
            effectiveOn: data.effectiveOn,
            reorganisedJurisdictionId: data.reorganisedJurisdictionId,
          },
        },
      ];
    }
    default:
      throw new UnreachableCaseError(command);
  }
}

function evolve(state: JurisdictionState, event: JurisdictionEvent): JurisdictionState {
  if (event.type === 'JurisdictionRegistered') {
    const { data } = event;
    return {
      status: 'registered',
      jurisdictionId: data.jurisdictionId,
      name: data.name,
      level: data.level,
      parentId: data.parentId,
      ancestorIds: data.ancestorIds,
    };
  }
  if (state.status === 'unregistered') return state;
  switch (event.type) {
    case 'JurisdictionRenamed':
      return { ...state, name: event.data.name };
    case 'JurisdictionMerged':
      return {
        ...state,
        status: 'dissolved',
        succession: {
          effectiveOn: event.data.effectiveOn,
          allotted: {},
          remainder: event.data.intoJurisdictionId,
        },
      };
    case 'JurisdictionSplit': {
      const allotted: Record<string, string> = {};
      for (const part of event.data.parts) {
        for (const id of [...part.stationIds, ...part.deputyIds, ...part.childJurisdictionIds])
          allotted[id] = part.jurisdictionId;
      }
      return {
        ...state,
        status: 'dissolved',
        succession: {
          effectiveOn: event.data.effectiveOn,
          allotted,
          remainder: event.data.remainderJurisdictionId,
        },
      };
    }
    case 'JurisdictionReparented':
      return { ...state, parentId: event.data.parentId, ancestorIds: event.data.ancestorIds };
    default:
      throw new UnreachableCaseError(event);
  }
}

export const jurisdictionDecider: Decider<JurisdictionState, JurisdictionCommand, JurisdictionEvent> = {
  initialState: () => ({ status: 'unregistered' }),
  decide,
  evolve,
};
