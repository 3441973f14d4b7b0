// The station decider: where a station may be registered, renaming it, and closing it.
import { domainError, UnreachableCaseError, type Decider, type Decision } from '@liaison/decider';
import type { RegisterStation, StationCommand } from './commands.js';
import type { StationEvent, StationKind } from './events.js';

export type StationState =
  | { status: 'unregistered' }
  | { status: 'open'; stationId: string; name: string; kind: StationKind; jurisdictionId: string }
  | { status: 'closed'; stationId: string; name: string; kind: StationKind; jurisdictionId: string };

const MAX_NAME_LENGTH = 100;

/** Which kinds may sit under which: a centre holds sub-stations, rooms and points; a sub-station holds rooms and points. */
const ALLOWED_CHILDREN: Record<StationKind, readonly StationKind[]> = {
  centre: ['sub-station', 'room', 'point'],
  'sub-station': ['room', 'point'],
  room: [],
  point: [],
  online: [],
};

function register(command: RegisterStation, state: StationState): Decision<StationEvent> {
  const { data } = command;
  if (state.status !== 'unregistered') {
    return domainError('STATION_ALREADY_REGISTERED', `station ${data.stationId} is already registered`);
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
    return domainError('JURISDICTION_NOT_FOUND', 'expected a registered jurisdiction for the station', [
      'jurisdictionId',
    ]);
  }
  const parent = data.parentStation;
  if (parent) {
    if (!parent.open)
      return domainError('PARENT_STATION_CLOSED', `parent station ${parent.stationId} is closed`, [
        'parentStationId',
      ]);
    if (!ALLOWED_CHILDREN[parent.kind].includes(data.kind)) {
      return domainError(
        'KIND_NOT_ALLOWED_UNDER_PARENT',
        `a ${data.kind} cannot sit under a ${parent.kind}`,
        ['kind'],
      );
    }
  } else if (data.kind !== 'centre' && data.kind !== 'online') {
    return domainError(
      'PARENT_STATION_REQUIRED',
      `a ${data.kind} must sit under a centre station or sub-station`,
      ['parentStationId'],
    );
  }
  return [
    {
      type: 'StationRegistered',
      data: {
        stationId: data.stationId,
        name,
        kind: data.kind,
        jurisdictionId: data.jurisdiction.jurisdictionId,
        jurisdictionPath: data.jurisdiction.path,
        parentStationId: parent?.stationId ?? null,
        address: data.address.trim(),
      },
    },
  ];
}

export const stationDecider: Decider<StationState, StationCommand, StationEvent> = {
  initialState: () => ({ status: 'unregistered' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterStation':
        return register(command, state);
      case 'RenameStation': {
        if (state.status === 'unregistered')
          return domainError('STATION_NOT_FOUND', `station ${command.data.stationId} is not registered`);
        if (state.status === 'closed')
          return domainError('STATION_CLOSED', `station ${state.stationId} is closed`);
        const name = command.data.name.trim();
        if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
          return domainError('INVALID_NAME', `expected a name of 1 to ${MAX_NAME_LENGTH} characters`, [
            'name',
          ]);
        }
        return name === state.name
          ? []
          : [{ type: 'StationRenamed', data: { stationId: state.stationId, name } }];
      }
      case 'CloseStation':
        if (state.status === 'unregistered')
          return domainError('STATION_NOT_FOUND', `station ${command.data.stationId} is not registered`);
        if (state.status === 'closed')
          return domainError('STATION_ALREADY_CLOSED', `station ${state.stationId} is already closed`);
        if (command.data.reason.trim().length === 0) {
          return domainError('REASON_REQUIRED', 'expected a reason for closing the station', ['reason']);
        }
        return [
          { type: 'StationClosed', data: { stationId: state.stationId, reason: command.data.reason.trim() } },
        ];
      default:
        throw new UnreachableCaseError(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'StationRegistered':
        return {
          status: 'open',
          stationId: event.data.stationId,
          name: event.data.name,
          kind: event.data.kind,
          jurisdictionId: event.data.jurisdictionId,
        };
      case 'StationRenamed':
        return state.status === 'unregistered' ? state : { ...state, name: event.data.name };
      case 'StationClosed':
        return state.status === 'open' ? { ...state, status: 'closed' } : state;
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
