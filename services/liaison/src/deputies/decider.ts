// The deputy decider: who may be registered where, station assignments, groups, and the end of service.
import {
  domainError,
  isDomainError,
  UnreachableCaseError,
  type Decider,
  type Decision,
  type DomainError,
} from '@liaison/decider';
import { JURISDICTION_LEVELS, type JurisdictionLevel } from '../jurisdictions/events.js';
import { isLocalDate, shanghaiDate } from '../shared/dates.js';
import type {
  DeputyCommand,
  EndDeputyTerm,
  RegisterDeputy,
  ResignDeputy,
  UpdateDeputyProfile,
} from './commands.js';
import type { DeputyContact, DeputyEvent, DeputyGroupRole, DeputyLevel } from './events.js';

interface DeputyRecord {
  deputyId: string;
  name: string;
  level: DeputyLevel;
  jurisdictionId: string;
  constituency: string;
  employer: string | null;
  sector: string | null;
  termStartsOn: string;
  contact: DeputyContact;
  /** Stations the deputy is assigned to, with the first day of each assignment. */
  stations: Record<string, string>;
  groups: Record<string, DeputyGroupRole>;
}

export type DeputyState =
  | { status: 'unregistered' }
  | ({ status: 'serving' } & DeputyRecord)
  | ({ status: 'term-ended'; endedOn: string } & DeputyRecord)
  | ({ status: 'resigned'; endedOn: string } & DeputyRecord);

const MAX_NAME_LENGTH = 100;
const MAX_TEXT_LENGTH = 200;
const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The jurisdiction level of the congress that elects deputies of each level (national: by a province). */
const CONGRESS_LEVEL: Record<DeputyLevel, JurisdictionLevel> = {
  township: 'township',
  county: 'county',
  city: 'city',
  province: 'province',
  national: 'province',
};

function invalidText(value: string, field: string, what: string, max: number): DomainError | null {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > max) {
    return domainError(
      'INVALID_' + field.toUpperCase(),
      `expected ${what} of 1 to ${max} characters, received "${value}"`,
      [field],
    );
  }
  return null;
}

function optionalText(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed.length === 0 ? null : trimmed;
}

/** Trims the contact details and checks their form; empty values become null. */
export function normaliseContact(contact: DeputyContact): DeputyContact | DomainError {
  const phone = optionalText(contact.phone);
  const email = optionalText(contact.email);
  const address = optionalText(contact.address);
  if (phone !== null && !PHONE.test(phone)) {
    return domainError('INVALID_CONTACT', `expected a phone number of 5 to 20 digits, received "${phone}"`, [
      'contact',
      'phone',
    ]);
  }
  if (email !== null && !EMAIL.test(email)) {
    return domainError('INVALID_CONTACT', `expected an email address, received "${email}"`, [
      'contact',
      'email',
    ]);
  }
  if (address !== null && address.length > MAX_TEXT_LENGTH) {
    return domainError('INVALID_CONTACT', `expected an address of at most ${MAX_TEXT_LENGTH} characters`, [
      'contact',
      'address',
    ]);
  }
  return { phone, email, address };
}

function dateOrToday(value: string | null, now: string, field: string): string | DomainError {
  if (value === null) return shanghaiDate(now);
  if (!isLocalDate(value))
    return domainError('INVALID_DATE', `expected a date YYYY-MM-DD, received "${value}"`, [field]);
  return value;
}

function notFound(deputyId: string): DomainError {
  return domainError('DEPUTY_NOT_FOUND', `deputy ${deputyId} is not registered`, ['deputyId']);
}

function notServing(state: Exclude<DeputyState, { status: 'unregistered' | 'serving' }>): DomainError {
  return domainError(
    'DEPUTY_NOT_SERVING',
    `deputy ${state.deputyId} no longer serves (${state.status} on ${state.endedOn}); expected a serving deputy`,
  );
}

function register(command: RegisterDeputy, state: DeputyState): Decision<DeputyEvent> {
  const { data } = command;
  if (state.status !== 'unregistered') {
    return domainError('DEPUTY_ALREADY_REGISTERED', `deputy ${data.deputyId} is already registered`);
  }
  const invalid =
    invalidText(data.name, 'name', 'a name', MAX_NAME_LENGTH) ??
    invalidText(data.constituency, 'constituency', 'a constituency', MAX_TEXT_LENGTH);
  if (invalid) return invalid;
  const { term } = data;
  if (!Number.isInteger(term.number) || term.number < 1) {
    return domainError('INVALID_TERM', `expected a term number of 1 or more, received ${term.number}`, [
      'term',
      'number',
    ]);
  }
  if (!isLocalDate(term.startsOn) || (term.endsOn !== null && !isLocalDate(term.endsOn))) {
    return domainError('INVALID_TERM', 'expected term dates written YYYY-MM-DD', ['term']);
  }
  if (term.endsOn !== null && term.endsOn < term.startsOn) {
    return domainError(
      'INVALID_TERM',
      `expected the term to end after ${term.startsOn}, received ${term.endsOn}`,
      ['term', 'endsOn'],
    );
  }
  const contact = normaliseContact(data.contact);
  if (isDomainError(contact)) return contact;
  const jurisdiction = data.jurisdiction;
  if (jurisdiction === null) {
    return domainError('JURISDICTION_NOT_FOUND', 'expected a registered jurisdiction for the deputy', [
      'jurisdictionId',
    ]);
  }
  if (!jurisdiction.active) {
    return domainError(
      'JURISDICTION_DISSOLVED',
      `jurisdiction ${jurisdiction.jurisdictionId} was merged or split; register the deputy in its successor`,
      ['jurisdictionId'],
    );
  }
  const congress = CONGRESS_LEVEL[data.level];
  if (JURISDICTION_LEVELS.indexOf(jurisdiction.level) < JURISDICTION_LEVELS.indexOf(congress)) {
    return domainError(
      'LEVEL_ABOVE_JURISDICTION',
      `a ${data.level} deputy's record is kept at a ${congress} or below; received a ${jurisdiction.level}`,
      ['level'],
    );
  }
  return [
    {
      type: 'DeputyRegistered',
      data: {
        deputyId: data.deputyId,
        name: data.name.trim(),
        level: data.level,
        jurisdictionId: jurisdiction.jurisdictionId,
        jurisdictionPath: jurisdiction.path,
        constituency: data.constituency.trim(),
        term: { number: term.number, startsOn: term.startsOn, endsOn: term.endsOn },
        employer: optionalText(data.employer),
        sector: optionalText(data.sector),
        contact,
      },
    },
  ];
}

function updateProfile(command: UpdateDeputyProfile, state: DeputyState): Decision<DeputyEvent> {
  const { data } = command;
  if (state.status === 'unregistered') return notFound(data.deputyId);
  if (state.status !== 'serving') return notServing(state);
  const invalid =
    invalidText(data.name, 'name', 'a name', MAX_NAME_LENGTH) ??
    invalidText(data.constituency, 'constituency', 'a constituency', MAX_TEXT_LENGTH);
  if (invalid) return invalid;
  const profile = {
    deputyId: state.deputyId,
    name: data.name.trim(),
    constituency: data.constituency.trim(),
    employer: optionalText(data.employer),
    sector: optionalText(data.sector),
  };
  const unchanged =
    profile.name === state.name &&
    profile.constituency === state.constituency &&
    profile.employer === state.employer &&
    profile.sector === state.sector;
  return unchanged ? [] : [{ type: 'DeputyProfileUpdated', data: profile }];
}

/** Ending service (term end or resignation) first ends every station assignment and group membership. */
function leaveEverything(state: DeputyRecord, on: string, reason: string): DeputyEvent[] {
  return [
    ...Object.entries(state.stations)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([stationId, since]): DeputyEvent => ({
        type: 'DeputyRemovedFromStation',
        data: { deputyId: state.deputyId, stationId, since, until: on, reason },
      })),
    ...Object.keys(state.groups)
      .sort()
      .map((groupId): DeputyEvent => ({
        type: 'DeputyLeftGroup',
        data: { deputyId: state.deputyId, groupId },
      })),
  ];
}

function endService(command: EndDeputyTerm | ResignDeputy, state: DeputyState): Decision<DeputyEvent> {
  const deputyId = command.data.deputyId;
  if (state.status === 'unregistered') return notFound(deputyId);
  if (state.status !== 'serving') return notServing(state);
  const given = command.type === 'EndDeputyTerm' ? command.data.endedOn : command.data.resignedOn;
  const field = command.type === 'EndDeputyTerm' ? 'endedOn' : 'resignedOn';
  const on = dateOrToday(given, command.metadata.now, field);
  if (typeof on !== 'string') return on;
  if (on < state.termStartsOn) {
    return domainError(
      'INVALID_DATE',
      `expected a date on or after the term's start ${state.termStartsOn}, received ${on}`,
      [field],
    );
  }
  const latestAssignment = Object.values(state.stations).sort().at(-1);
  if (latestAssignment !== undefined && on < latestAssignment) {
    return domainError(
      'INVALID_DATE',
      `expected a date on or after the latest station assignment ${latestAssignment}, received ${on}`,
      [field],
    );
  }
  if (command.type === 'EndDeputyTerm') {
    return [
      ...leaveEverything(state, on, 'term ended'),
      { type: 'DeputyTermEnded', data: { deputyId, endedOn: on } },
    ];
  }
  const reason = command.data.reason.trim();
  if (reason.length === 0)
    return domainError('REASON_REQUIRED', 'expected a reason for the resignation', ['reason']);
  return [
    ...leaveEverything(state, on, 'resigned'),
    { type: 'DeputyResigned', data: { deputyId, resignedOn: on, reason } },
  ];
}

function decide(command: DeputyCommand, state: DeputyState): Decision<DeputyEvent> {
  switch (command.type) {
    case 'RegisterDeputy':
      return register(command, state);
    case 'UpdateDeputyProfile':
      return updateProfile(command, state);
    case 'ChangeDeputyContact': {
      if (state.status === 'unregistered') return notFound(command.data.deputyId);
      const contact = normaliseContact(command.data.contact);
      if (isDomainError(contact)) return contact;
      const same =
        contact.phone === state.contact.phone &&
        contact.email === state.contact.email &&
        contact.address === state.contact.address;
      return same ? [] : [{ type: 'DeputyContactChanged', data: { deputyId: state.deputyId, contact } }];
    }
    case 'AssignDeputyToStation': {
      const { data } = command;
      if (state.status === 'unregistered') return notFound(data.deputyId);
      if (state.status !== 'serving') return notServing(state);
      if (data.station === null)
        return domainError('STATION_NOT_FOUND', 'expected a registered station', ['stationId']);
      if (!data.station.open)
        return domainError('STATION_CLOSED', `station ${data.station.stationId} is closed`, ['stationId']);
      if (data.station.stationId in state.stations) {
        return domainError(
          'DEPUTY_ALREADY_ASSIGNED',
          `deputy ${state.deputyId} is already assigned to station ${data.station.stationId}`,
          ['stationId'],
        );
      }
      const since = dateOrToday(data.since, command.metadata.now, 'since');
      if (typeof since !== 'string') return since;
      return [
        {
          type: 'DeputyAssignedToStation',
          data: { deputyId: state.deputyId, stationId: data.station.stationId, since },
        },
      ];
    }
    case 'RemoveDeputyFromStation': {
      const { data } = command;
      if (state.status === 'unregistered') return notFound(data.deputyId);
      const since = state.stations[data.stationId];
      if (since === undefined) {
        return domainError(
          'DEPUTY_NOT_ASSIGNED',
          `deputy ${state.deputyId} is not assigned to station ${data.stationId}`,
          ['stationId'],
        );
      }
      const until = dateOrToday(data.until, command.metadata.now, 'until');
      if (typeof until !== 'string') return until;
      if (until < since) {
        return domainError(
          'INVALID_DATE',
          `expected a last day on or after the assignment's first day ${since}, received ${until}`,
          ['until'],
        );
      }
      return [
        {
          type: 'DeputyRemovedFromStation',
          data: {
            deputyId: state.deputyId,
            stationId: data.stationId,
            since,
            until,
            reason: data.reason.trim(),
          },
        },
      ];
    }
    case 'JoinDeputyGroup': {
      const { data } = command;
      if (state.status === 'unregistered') return notFound(data.deputyId);
      if (state.status !== 'serving') return notServing(state);
      if (data.group === null)
        return domainError('GROUP_NOT_FOUND', 'expected a formed deputy group', ['groupId']);
      if (!data.group.active)
        return domainError('GROUP_DISBANDED', `deputy group ${data.group.groupId} was disbanded`, [
          'groupId',
        ]);
      const current = state.groups[data.group.groupId];
      if (current === data.role) return [];
      if (current !== undefined) {
        return domainError(
          'ALREADY_IN_GROUP',
          `deputy ${state.deputyId} is already a ${current} of group ${data.group.groupId}; leave it first to change the role`,
          ['groupId'],
        );
      }
      return [
        {
          type: 'DeputyJoinedGroup',
          data: { deputyId: state.deputyId, groupId: data.group.groupId, role: data.role },
        },
      ];
    }
    case 'LeaveDeputyGroup': {
      const { data } = command;
      if (state.status === 'unregistered') return notFound(data.deputyId);
      if (!(data.groupId in state.groups)) {
        return domainError('NOT_IN_GROUP', `deputy ${state.deputyId} is not in group ${data.groupId}`, [
          'groupId',
        ]);
      }
      return [{ type: 'DeputyLeftGroup', data: { deputyId: state.deputyId, groupId: data.groupId } }];
    }
    case 'EndDeputyTerm':
    case 'ResignDeputy':
      return endService(command, state);
    default:
      throw new UnreachableCaseError(command);
  }
}

function without<V>(record: Record<string, V>, key: string): Record<string, V> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

function evolve(state: DeputyState, event: DeputyEvent): DeputyState {
  if (event.type === 'DeputyRegistered') {
    const { data } = event;
    return {
      status: 'serving',
      deputyId: data.deputyId,
      name: data.name,
      level: data.level,
      jurisdictionId: data.jurisdictionId,
      constituency: data.constituency,
      employer: data.employer,
      sector: data.sector,
      termStartsOn: data.term.startsOn,
      contact: data.contact,
      stations: {},
      groups: {},
    };
  }
  if (state.status === 'unregistered') return state;
  switch (event.type) {
    case 'DeputyProfileUpdated':
      return { ...state, ...event.data };
    case 'DeputyContactChanged':
      return { ...state, contact: event.data.contact };
    case 'DeputyAssignedToStation':
      return { ...state, stations: { ...state.stations, [event.data.stationId]: event.data.since } };
    case 'DeputyRemovedFromStation':
      return { ...state, stations: without(state.stations, event.data.stationId) };
    case 'DeputyJoinedGroup':
      return { ...state, groups: { ...state.groups, [event.data.groupId]: event.data.role } };
    case 'DeputyLeftGroup':
      return { ...state, groups: without(state.groups, event.data.groupId) };
    case 'DeputyTermEnded':
      return { ...state, status: 'term-ended', endedOn: event.data.endedOn };
    case 'DeputyResigned':
      return { ...state, status: 'resigned', endedOn: event.data.resignedOn };
    default:
      throw new UnreachableCaseError(event);
  }
}

export const deputyDecider: Decider<DeputyState, DeputyCommand, DeputyEvent> = {
  initialState: () => ({ status: 'unregistered' }),
  decide,
  evolve,
};
