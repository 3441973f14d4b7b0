// The station decider: where a station may be registered, its details, staff and opinion boxes, closing.
import {
  domainError,
  isDomainError,
  UnreachableCaseError,
  type Decider,
  type Decision,
  type DomainError,
} from '@liaison/decider';
import { isLocalDate, shanghaiDate } from '../shared/dates.js';
import type { RegisterStation, StationCommand } from './commands.js';
import type {
  OpeningRules,
  StaffRole,
  StationEvent,
  StationKind,
  StationPerson,
  StationSpecialisation,
} from './events.js';
import {
  normaliseFacilities,
  normaliseOpeningRules,
  normalisePerson,
  samePerson,
} from './station-details.js';

interface StationRecord {
  stationId: string;
  name: string;
  kind: StationKind;
  jurisdictionId: string;
  address: string;
  specialisation: StationSpecialisation | null;
  openingRules: OpeningRules | null;
  facilities: string[];
  /** Current staff appointments by id. */
  staff: Record<string, { role: StaffRole; since: string }>;
  /** Installed opinion boxes by id. */
  boxes: Record<string, { observer: StationPerson | null }>;
}

export type StationState =
  { status: 'unregistered' } | ({ status: 'open' } & StationRecord) | ({ status: 'closed' } & StationRecord);

type Registered = Exclude<StationState, { status: 'unregistered' }>;

const MAX_NAME_LENGTH = 100;
const MAX_TEXT_LENGTH = 200;

/** Which kinds may sit under which: a centre holds sub-stations, rooms and points; a sub-station holds rooms and points. */
const ALLOWED_CHILDREN: Record<StationKind, readonly StationKind[]> = {
  centre: ['sub-station', 'room', 'point'],
  'sub-station': ['room', 'point'],
  room: [],
  point: [],
  online: [],
};

function specialisationAllowed(
  kind: StationKind,
  specialisation: StationSpecialisation | null,
): DomainError | null {
  return specialisation !== null && kind !== 'point'
    ? domainError('SPECIALISATION_ONLY_FOR_POINTS', `only a point is specialised; this is a ${kind}`, [
        'specialisation',
      ])
    : null;
}

function register(command: RegisterStation, state: StationState): Decision<StationEvent> {
  const { data } = command;
  if (state.status !== 'unregistered') {
    return data.kind === 'online'
      ? domainError(
          'ONLINE_STATION_EXISTS',
          `jurisdiction ${data.jurisdiction?.jurisdictionId ?? ''} already has its online station`,
          ['kind'],
        )
      : domainError('STATION_ALREADY_REGISTERED', `station ${data.stationId} is already registered`);
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
  if (data.jurisdiction.active === false) {
    return domainError(
      'JURISDICTION_DISSOLVED',
      `jurisdiction ${data.jurisdiction.jurisdictionId} was merged or split; register the station in its successor`,
      ['jurisdictionId'],
    );
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
  const specialisation = data.specialisation ?? null;
  const refused = specialisationAllowed(data.kind, specialisation);
  if (refused) return refused;
  const openingRules = data.openingRules ? normaliseOpeningRules(data.openingRules) : null;
  if (openingRules && isDomainError(openingRules)) return openingRules;
  const facilities = normaliseFacilities(data.facilities ?? []);
  if (isDomainError(facilities)) return facilities;
  const stationId = data.stationId;
  return [
    {
      type: 'StationRegistered',
      data: {
        stationId,
        name,
        kind: data.kind,
        jurisdictionId: data.jurisdiction.jurisdictionId,
        jurisdictionPath: data.jurisdiction.path,
        parentStationId: parent?.stationId ?? null,
        address: data.address.trim(),
      },
    },
    // Details beyond the original StationRegistered travel as their own events, so that event stays as it was.
    ...(specialisation
      ? [{ type: 'StationSpecialisationSet' as const, data: { stationId, specialisation } }]
      : []),
    ...(openingRules ? [{ type: 'StationOpeningRulesSet' as const, data: { stationId, openingRules } }] : []),
    ...(facilities.length > 0
      ? [{ type: 'StationFacilitiesSet' as const, data: { stationId, facilities } }]
      : []),
  ];
}

/** The station when it exists (and, unless `closedToo`, is open); otherwise why not. */
function existing(state: StationState, stationId: string, closedToo = false): Registered | DomainError {
  if (state.status === 'unregistered')
    return domainError('STATION_NOT_FOUND', `station ${stationId} is not registered`);
  if (state.status === 'closed' && !closedToo)
    return domainError('STATION_CLOSED', `station ${state.stationId} is closed`);
  return state;
}

function dateOrToday(value: string | null, now: string, field: string): string | DomainError {
  if (value === null) return shanghaiDate(now);
  return isLocalDate(value)
    ? value
    : domainError('INVALID_DATE', `expected a date YYYY-MM-DD, received "${value}"`, [field]);
}

function decideOn(
  station: Registered,
  command: Exclude<StationCommand, RegisterStation>,
): Decision<StationEvent> {
  const stationId = station.stationId;
  switch (command.type) {
    case 'RenameStation': {
      const name = command.data.name.trim();
      if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
        return domainError('INVALID_NAME', `expected a name of 1 to ${MAX_NAME_LENGTH} characters`, ['name']);
      }
      return name === station.name ? [] : [{ type: 'StationRenamed', data: { stationId, name } }];
    }
    case 'CloseStation': {
      if (station.status === 'closed')
        return domainError('STATION_ALREADY_CLOSED', `station ${stationId} is already closed`);
      const reason = command.data.reason.trim();
      if (reason.length === 0)
        return domainError('REASON_REQUIRED', 'expected a reason for closing the station', ['reason']);
      return [{ type: 'StationClosed', data: { stationId, reason } }];
    }
    case 'SetStationSpecialisation': {
      const { specialisation } = command.data;
      const refused = specialisationAllowed(station.kind, specialisation);
      if (refused) return refused;
      return specialisation === station.specialisation
        ? []
        : [{ type: 'StationSpecialisationSet', data: { stationId, specialisation } }];
    }
    case 'SetStationOpeningRules': {
      const openingRules = normaliseOpeningRules(command.data.openingRules);
      if (isDomainError(openingRules)) return openingRules;
      return JSON.stringify(openingRules) === JSON.stringify(station.openingRules)
        ? []
        : [{ type: 'StationOpeningRulesSet', data: { stationId, openingRules } }];
    }
    case 'SetStationFacilities': {
      const facilities = normaliseFacilities(command.data.facilities);
      if (isDomainError(facilities)) return facilities;
      return facilities.join('\n') === station.facilities.join('\n')
        ? []
        : [{ type: 'StationFacilitiesSet', data: { stationId, facilities } }];
    }
    case 'RelocateStation': {
      const address = command.data.address.trim();
      if (address.length === 0 || address.length > MAX_TEXT_LENGTH) {
        return domainError('INVALID_ADDRESS', `expected an address of 1 to ${MAX_TEXT_LENGTH} characters`, [
          'address',
        ]);
      }
      if (station.kind === 'online')
        return domainError('ONLINE_STATION_HAS_NO_ADDRESS', 'an online station cannot be relocated', [
          'stationId',
        ]);
      if (address === station.address) return [];
      const effectiveOn = dateOrToday(command.data.effectiveOn, command.metadata.now, 'effectiveOn');
      if (typeof effectiveOn !== 'string') return effectiveOn;
      return [{ type: 'StationRelocated', data: { stationId, address, effectiveOn } }];
    }
    case 'AppointStationStaff': {
      const { appointmentId, role } = command.data;
      if (appointmentId in station.staff)
        return domainError('APPOINTMENT_EXISTS', `appointment ${appointmentId} already exists`);
      const person = normalisePerson(command.data.person, 'person');
      if (isDomainError(person)) return person;
      if (role === 'head') {
        const head = Object.entries(station.staff).find(([, a]) => a.role === 'head');
        if (head) {
          return domainError(
            'STATION_HEAD_ALREADY_APPOINTED',
            `station ${stationId} has a head (appointment ${head[0]}); end that appointment first`,
            ['role'],
          );
        }
      }
      const since = dateOrToday(command.data.since, command.metadata.now, 'since');
      if (typeof since !== 'string') return since;
      return [{ type: 'StationStaffAppointed', data: { stationId, appointmentId, role, person, since } }];
    }
    case 'InstallOpinionBox': {
      const { boxId } = command.data;
      if (boxId in station.boxes)
        return domainError('OPINION_BOX_EXISTS', `opinion box ${boxId} is already installed`);
      const location = command.data.location.trim();
      if (location.length === 0 || location.length > MAX_TEXT_LENGTH) {
        return domainError('INVALID_LOCATION', `expected a location of 1 to ${MAX_TEXT_LENGTH} characters`, [
          'location',
        ]);
      }
      const observer = command.data.observer && normalisePerson(command.data.observer, 'observer');
      if (observer && isDomainError(observer)) return observer;
      return [{ type: 'OpinionBoxInstalled', data: { stationId, boxId, location, observer } }];
    }
    case 'ChangeOpinionBoxObserver': {
      const box = station.boxes[command.data.boxId];
      if (!box)
        return domainError(
          'OPINION_BOX_NOT_FOUND',
          `station ${stationId} has no opinion box ${command.data.boxId}`,
          ['boxId'],
        );
      const observer = command.data.observer && normalisePerson(command.data.observer, 'observer');
      if (observer && isDomainError(observer)) return observer;
      return samePerson(observer, box.observer)
        ? []
        : [{ type: 'OpinionBoxObserverChanged', data: { stationId, boxId: command.data.boxId, observer } }];
    }
    case 'EndStationStaffAppointment':
    case 'RemoveOpinionBox':
      // Both are reached through endOrRemove, which allows them on a closed station.
      return [];
    default:
      throw new UnreachableCaseError(command);
  }
}

/** Ending an appointment and removing a box are allowed on a closed station too: they tidy up after it. */
function endOrRemove(station: Registered, command: StationCommand): Decision<StationEvent> {
  const stationId = station.stationId;
  if (command.type === 'EndStationStaffAppointment') {
    const appointment = station.staff[command.data.appointmentId];
    if (!appointment) {
      return domainError(
        'APPOINTMENT_NOT_FOUND',
        `station ${stationId} has no current appointment ${command.data.appointmentId}`,
        ['appointmentId'],
      );
    }
    const until = dateOrToday(command.data.until, command.metadata.now, 'until');
    if (typeof until !== 'string') return until;
    if (until < appointment.since) {
      return domainError(
        'INVALID_DATE',
        `expected a last day on or after the appointment's first day ${appointment.since}, received ${until}`,
        ['until'],
      );
    }
    return [
      {
        type: 'StationStaffAppointmentEnded',
        data: {
          stationId,
          appointmentId: command.data.appointmentId,
          until,
          reason: command.data.reason.trim(),
        },
      },
    ];
  }
  if (command.type === 'RemoveOpinionBox') {
    if (!(command.data.boxId in station.boxes)) {
      return domainError(
        'OPINION_BOX_NOT_FOUND',
        `station ${stationId} has no opinion box ${command.data.boxId}`,
        ['boxId'],
      );
    }
    const reason = command.data.reason.trim();
    if (reason.length === 0)
      return domainError('REASON_REQUIRED', 'expected a reason for removing the box', ['reason']);
    return [{ type: 'OpinionBoxRemoved', data: { stationId, boxId: command.data.boxId, reason } }];
  }
  return [];
}

function without<V>(record: Record<string, V>, key: string): Record<string, V> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

function evolve(state: StationState, event: StationEvent): StationState {
  if (event.type === 'StationRegistered') {
    const { data } = event;
    return {
      status: 'open',
      stationId: data.stationId,
      name: data.name,
      kind: data.kind,
      jurisdictionId: data.jurisdictionId,
      address: data.address,
      specialisation: null,
      openingRules: null,
      facilities: [],
      staff: {},
      boxes: {},
    };
  }
  if (state.status === 'unregistered') return state;
  switch (event.type) {
    case 'StationRenamed':
      return { ...state, name: event.data.name };
    case 'StationClosed':
      return { ...state, status: 'closed' };
    case 'StationSpecialisationSet':
      return { ...state, specialisation: event.data.specialisation };
    case 'StationOpeningRulesSet':
      return { ...state, openingRules: event.data.openingRules };
    case 'StationFacilitiesSet':
      return { ...state, facilities: event.data.facilities };
    case 'StationRelocated':
      return { ...state, address: event.data.address };
    case 'StationStaffAppointed':
      return {
        ...state,
        staff: {
          ...state.staff,
          [event.data.appointmentId]: { role: event.data.role, since: event.data.since },
        },
      };
    case 'StationStaffAppointmentEnded':
      return { ...state, staff: without(state.staff, event.data.appointmentId) };
    case 'OpinionBoxInstalled':
    case 'OpinionBoxObserverChanged':
      return { ...state, boxes: { ...state.boxes, [event.data.boxId]: { observer: event.data.observer } } };
    case 'OpinionBoxRemoved':
      return { ...state, boxes: without(state.boxes, event.data.boxId) };
    default:
      throw new UnreachableCaseError(event);
  }
}

export const stationDecider: Decider<StationState, StationCommand, StationEvent> = {
  initialState: () => ({ status: 'unregistered' }),

  decide(command, state) {
    if (command.type === 'RegisterStation') return register(command, state);
    const tidyUp = command.type === 'EndStationStaffAppointment' || command.type === 'RemoveOpinionBox';
    const station = existing(state, command.data.stationId, tidyUp || command.type === 'CloseStation');
    if (isDomainError(station)) return station;
    return tidyUp ? endOrRemove(station, command) : decideOn(station, command);
  },

  evolve,
};
