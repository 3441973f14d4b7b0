// The handling unit decider: a unit is registered once, renamed while active, and leaves by merger or retirement.
import {
  domainError,
  UnreachableCaseError,
  type Command,
  type Decider,
  type DomainError,
} from '@liaison/decider';
import type { Tier } from '../suggestions/events.js';
import type { HandlingUnitEvent } from './events.js';

/** A unit id is a code people type and read (e.g. `nanshan-water`): letters, digits, `-`, `_`, `.`. */
export const UNIT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export type RegisterHandlingUnit = Command<
  'RegisterHandlingUnit',
  { unitId: string; name: string; jurisdictionId: string; jurisdictionPath: string; tier: Tier }
>;
export type RenameHandlingUnit = Command<'RenameHandlingUnit', { unitId: string; name: string }>;
export type MergeHandlingUnit = Command<
  'MergeHandlingUnit',
  {
    unitId: string;
    intoUnitId: string;
    reason: string;
    /** Fact resolved at the edge: the status of the unit it merges into. */
    intoStatus: HandlingUnitStatus;
  }
>;
export type RetireHandlingUnit = Command<'RetireHandlingUnit', { unitId: string; reason: string }>;
export type HandlingUnitCommand =
  RegisterHandlingUnit | RenameHandlingUnit | MergeHandlingUnit | RetireHandlingUnit;

export type HandlingUnitStatus = 'unknown' | 'active' | 'merged' | 'retired';

export type HandlingUnitState =
  | { status: 'unknown' }
  | { status: 'active'; unitId: string; name: string; jurisdictionPath: string }
  | { status: 'merged'; unitId: string; intoUnitId: string }
  | { status: 'retired'; unitId: string };

type Result = HandlingUnitEvent[] | DomainError;

function checkedName(name: string): string | DomainError {
  const trimmed = name.trim();
  return trimmed.length > 0 && trimmed.length <= 200
    ? trimmed
    : domainError('UNIT_NAME_REQUIRED', `expected a name of 1 to 200 characters, received "${name}"`, [
        'name',
      ]);
}

function checkedReason(reason: string): string | DomainError {
  const trimmed = reason.trim();
  return trimmed.length > 0 && trimmed.length <= 500
    ? trimmed
    : domainError('REASON_REQUIRED', 'expected a reason of 1 to 500 characters', ['reason']);
}

/** The error assignment and registry commands give for a unit that cannot take work, or null when it can. */
export function unitUnavailable(
  unitId: string,
  status: HandlingUnitStatus,
  field: string,
): DomainError | null {
  switch (status) {
    case 'active':
      return null;
    case 'unknown':
      return domainError('UNIT_NOT_REGISTERED', `expected a registered handling unit, received "${unitId}"`, [
        field,
      ]);
    case 'merged':
    case 'retired':
      return domainError(
        'UNIT_RETIRED',
        `expected an active handling unit, received "${unitId}", which was ${status}`,
        [field],
      );
    default:
      throw new UnreachableCaseError(status);
  }
}

function decideRegistered(
  command: HandlingUnitCommand,
  state: Exclude<HandlingUnitState, { status: 'unknown' }>,
): Result {
  if (command.type === 'RegisterHandlingUnit')
    return domainError(
      'UNIT_ALREADY_REGISTERED',
      `handling unit ${command.data.unitId} is already registered`,
      ['unitId'],
    );
  if (state.status !== 'active') return unitUnavailable(state.unitId, state.status, 'unitId')!;
  switch (command.type) {
    case 'RenameHandlingUnit': {
      const name = checkedName(command.data.name);
      if (typeof name !== 'string') return name;
      if (name === state.name) return [];
      return [
        { type: 'HandlingUnitRenamed', data: { unitId: state.unitId, name, previousName: state.name } },
      ];
    }
    case 'MergeHandlingUnit': {
      const reason = checkedReason(command.data.reason);
      if (typeof reason !== 'string') return reason;
      if (command.data.intoUnitId === state.unitId)
        return domainError('UNIT_MERGED_INTO_ITSELF', 'expected another unit to merge into', ['intoUnitId']);
      const into = unitUnavailable(command.data.intoUnitId, command.data.intoStatus, 'intoUnitId');
      if (into) return into;
      return [
        {
          type: 'HandlingUnitMerged',
          data: { unitId: state.unitId, intoUnitId: command.data.intoUnitId, reason },
        },
      ];
    }
    case 'RetireHandlingUnit': {
      const reason = checkedReason(command.data.reason);
      if (typeof reason !== 'string') return reason;
      return [{ type: 'HandlingUnitRetired', data: { unitId: state.unitId, reason } }];
    }
    default:
      throw new UnreachableCaseError(command);
  }
}

export const handlingUnitDecider: Decider<HandlingUnitState, HandlingUnitCommand, HandlingUnitEvent> = {
  initialState: () => ({ status: 'unknown' }),

  decide(command, state) {
    if (state.status !== 'unknown') return decideRegistered(command, state);
    if (command.type !== 'RegisterHandlingUnit')
      return unitUnavailable(command.data.unitId, 'unknown', 'unitId')!;
    const data = command.data;
    if (!UNIT_ID.test(data.unitId))
      return domainError(
        'INVALID_UNIT_ID',
        `expected a unit id of letters, digits, ".", "_" or "-" (at most 64), received "${data.unitId}"`,
        ['unitId'],
      );
    const name = checkedName(data.name);
    if (typeof name !== 'string') return name;
    return [
      {
        type: 'HandlingUnitRegistered',
        data: {
          unitId: data.unitId,
          name,
          jurisdictionId: data.jurisdictionId,
          jurisdictionPath: data.jurisdictionPath,
          tier: data.tier,
        },
      },
    ];
  },

  evolve(state, event) {
    switch (event.type) {
      case 'HandlingUnitRegistered':
        return {
          status: 'active',
          unitId: event.data.unitId,
          name: event.data.name,
          jurisdictionPath: event.data.jurisdictionPath,
        };
      case 'HandlingUnitRenamed':
        return state.status === 'active' ? { ...state, name: event.data.name } : state;
      case 'HandlingUnitMerged':
        return { status: 'merged', unitId: event.data.unitId, intoUnitId: event.data.intoUnitId };
      case 'HandlingUnitRetired':
        return { status: 'retired', unitId: event.data.unitId };
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
