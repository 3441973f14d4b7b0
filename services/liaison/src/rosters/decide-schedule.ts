// Deciding the schedule: publishing a roster, adding and cancelling days, who is on duty and swaps.
import { beijingDateOf, CalendarError, isIsoDate } from '@liaison/calendar';
import { domainError, type Decision, type DomainError } from '@liaison/decider';
import { DateTime } from 'luxon';
import type {
  AddRosterDay,
  AssignDuty,
  CancelRosterDay,
  DeputyFacts,
  PublishRoster,
  SwapDuty,
} from './commands.js';
import type { RosterEvent } from './events.js';
import { evaluateRoster, ruleProblem, windowProblem } from './rules.js';
import { instantOf, type DayState, type RosterState } from './state.js';

export type Published = Extract<RosterState, { status: 'published' }>;

const MAX_RULES = 20;
const MAX_DEPUTIES_PER_DAY = 20;

export function publish(command: PublishRoster, state: RosterState): Decision<RosterEvent> {
  const { data } = command;
  if (state.status === 'published') {
    return domainError(
      'ROSTER_ALREADY_PUBLISHED',
      `the ${data.year} roster of station ${data.stationId} is already published`,
    );
  }
  if (!data.station) return domainError('STATION_NOT_FOUND', `no station ${data.stationId}`, ['stationId']);
  if (!data.station.open)
    return domainError('STATION_CLOSED', `station ${data.stationId} is closed`, ['stationId']);
  if (!Number.isInteger(data.year) || data.year < 2000 || data.year > 2100) {
    return domainError('INVALID_YEAR', `expected a year from 2000 to 2100, received ${data.year}`, ['year']);
  }
  if (data.rules.length > MAX_RULES) {
    return domainError('INVALID_RULE', `expected at most ${MAX_RULES} rules, received ${data.rules.length}`, [
      'rules',
    ]);
  }
  for (const [index, rule] of data.rules.entries()) {
    const problem = ruleProblem(rule);
    if (problem)
      return domainError('INVALID_RULE', `rule ${index + 1}: ${problem}`, ['rules', String(index)]);
  }
  for (const [index, extra] of data.extraDays.entries()) {
    const problem = dateProblem(extra.date, data.year, ['extraDays', String(index), 'date']);
    if (problem) return problem;
    const window = windowProblem(extra.window);
    if (window) return domainError('INVALID_WINDOW', window, ['extraDays', String(index), 'window']);
  }
  for (const [index, date] of data.cancellations.entries()) {
    const problem = dateProblem(date, data.year, ['cancellations', String(index)]);
    if (problem) return problem;
  }
  let days;
  try {
    days = evaluateRoster(data);
  } catch (error) {
    if (error instanceof CalendarError) return domainError(error.code, error.message, ['year']);
    throw error;
  }
  return [
    {
      type: 'RosterPublished',
      data: {
        stationId: data.stationId,
        year: data.year,
        jurisdictionId: data.station.jurisdictionId,
        jurisdictionPath: data.station.jurisdictionPath,
        rules: data.rules,
        holidayPolicy: data.holidayPolicy,
        calendarVersions: [...data.calendar.versions],
        days,
      },
    },
  ];
}

export function addDay(command: AddRosterDay, state: RosterState): Decision<RosterEvent> {
  if (state.status !== 'published') return notPublished();
  const { date, window, reason } = command.data;
  const problem = dateProblem(date, state.year, ['date']);
  if (problem) return problem;
  const badWindow = windowProblem(window);
  if (badWindow) return domainError('INVALID_WINDOW', badWindow, ['window']);
  const existing = state.days[date];
  if (existing && !existing.cancelled)
    return domainError('DAY_ALREADY_SCHEDULED', `${date} is already a duty day`, ['date']);
  if (beijingDateOf(command.metadata.now) > date)
    return domainError('DAY_IN_PAST', `${date} has passed`, ['date']);
  return [
    {
      type: 'RosterDayAdded',
      data: {
        stationId: state.stationId,
        year: state.year,
        jurisdictionId: state.jurisdictionId,
        jurisdictionPath: state.jurisdictionPath,
        date,
        window,
        reason: reason.trim(),
      },
    },
  ];
}

export function cancelDay(command: CancelRosterDay, state: RosterState): Decision<RosterEvent> {
  if (state.status !== 'published') return notPublished();
  const { date } = command.data;
  const day = scheduledDay(state, date);
  if (!('date' in day)) return day;
  if (
    Object.values(day.duty).some((entry) => entry.status === 'checked-in' || entry.status === 'checked-out')
  ) {
    return domainError('DAY_ALREADY_HELD', `deputies have checked in on ${date}; it cannot be cancelled`, [
      'date',
    ]);
  }
  if (ended(day, command.metadata.now)) return domainError('DAY_IN_PAST', `${date} has passed`, ['date']);
  const reason = command.data.reason.trim();
  if (!reason) return domainError('REASON_REQUIRED', 'expected a reason for cancelling the day', ['reason']);
  return [
    { type: 'RosterDayCancelled', data: { stationId: state.stationId, year: state.year, date, reason } },
  ];
}

export function assign(command: AssignDuty, state: RosterState): Decision<RosterEvent> {
  if (state.status !== 'published') return notPublished();
  const { date, deputies } = command.data;
  const day = scheduledDay(state, date);
  if (!('date' in day)) return day;
  if (started(day, command.metadata.now)) {
    return domainError('DAY_ALREADY_STARTED', `duty on ${date} has started; it can no longer be reassigned`, [
      'date',
    ]);
  }
  const ids = deputies.map((deputy) => deputy.deputyId);
  if (ids.length === 0 || ids.length > MAX_DEPUTIES_PER_DAY || new Set(ids).size !== ids.length) {
    return domainError(
      'INVALID_DEPUTIES',
      `expected 1 to ${MAX_DEPUTIES_PER_DAY} different deputies, received ${ids.length} (${new Set(ids).size} different)`,
      ['deputyIds'],
    );
  }
  for (const deputy of deputies) {
    const problem = deputyProblem(deputy, ['deputyIds']);
    if (problem) return problem;
  }
  const current = Object.keys(day.duty);
  if (current.length === ids.length && ids.every((id) => day.duty[id])) return [];
  return [{ type: 'DutyAssigned', data: { stationId: state.stationId, date, deputyIds: ids } }];
}

export function swap(command: SwapDuty, state: RosterState): Decision<RosterEvent> {
  if (state.status !== 'published') return notPublished();
  const { deputyId, date, withDeputy, withDate } = command.data;
  const day = scheduledDay(state, date);
  if (!('date' in day)) return day;
  if (started(day, command.metadata.now))
    return domainError('DAY_ALREADY_STARTED', `duty on ${date} has started`, ['date']);
  if (day.duty[deputyId]?.status !== 'on-duty') {
    return domainError('DEPUTY_NOT_ON_DUTY', `deputy ${deputyId} is not on duty on ${date}`, ['deputyId']);
  }
  const problem = deputyProblem(withDeputy, ['withDeputyId']);
  if (problem) return problem;
  if (withDeputy.deputyId === deputyId)
    return domainError('INVALID_SWAP', 'expected two different deputies', ['withDeputyId']);
  if (day.duty[withDeputy.deputyId]) {
    return domainError('ALREADY_ON_DUTY', `deputy ${withDeputy.deputyId} is already on duty on ${date}`, [
      'withDeputyId',
    ]);
  }
  if (withDate !== null) {
    if (withDate === date) return domainError('INVALID_SWAP', 'expected two different days', ['withDate']);
    const other = scheduledDay(state, withDate, 'withDate');
    if (!('date' in other)) return other;
    if (started(other, command.metadata.now)) {
      return domainError('DAY_ALREADY_STARTED', `duty on ${withDate} has started`, ['withDate']);
    }
    if (other.duty[withDeputy.deputyId]?.status !== 'on-duty') {
      return domainError(
        'DEPUTY_NOT_ON_DUTY',
        `deputy ${withDeputy.deputyId} is not on duty on ${withDate}`,
        ['withDeputyId'],
      );
    }
    if (other.duty[deputyId]) {
      return domainError('ALREADY_ON_DUTY', `deputy ${deputyId} is already on duty on ${withDate}`, [
        'deputyId',
      ]);
    }
  }
  return [
    {
      type: 'DutySwapped',
      data: { stationId: state.stationId, deputyId, date, withDeputyId: withDeputy.deputyId, withDate },
    },
  ];
}

/** The scheduled (not cancelled) day, or why there is none. */
export function scheduledDay(state: Published, date: string, field = 'date'): DayState | DomainError {
  const day = state.days[date];
  if (!day || day.cancelled)
    return domainError('DAY_NOT_SCHEDULED', `${date} is not a duty day of this roster`, [field]);
  return day;
}

/** True once the day's window has started at `now`. */
export function started(day: DayState, now: string): boolean {
  return DateTime.fromISO(now) >= instantOf(day.date, day.window.start);
}

/** True once the day's window has ended at `now`. */
export function ended(day: DayState, now: string): boolean {
  return DateTime.fromISO(now) >= instantOf(day.date, day.window.end);
}

export function notPublished(): DomainError {
  return domainError('ROSTER_NOT_PUBLISHED', 'expected a published roster for the station and year');
}

function deputyProblem(deputy: DeputyFacts, field: string[]): DomainError | null {
  if (!deputy.known) return domainError('DEPUTY_NOT_FOUND', `no deputy ${deputy.deputyId}`, field);
  if (!deputy.active)
    return domainError('DEPUTY_NOT_ACTIVE', `deputy ${deputy.deputyId} no longer serves`, field);
  if (!deputy.atStation) {
    return domainError(
      'DEPUTY_NOT_AT_STATION',
      `deputy ${deputy.deputyId} is not attached to this station`,
      field,
    );
  }
  return null;
}

function dateProblem(date: string, year: number, field: string[]): DomainError | null {
  if (!isIsoDate(date))
    return domainError('INVALID_DATE', `expected a date as YYYY-MM-DD, received "${date}"`, field);
  if (!date.startsWith(`${year}-`))
    return domainError('DATE_OUTSIDE_YEAR', `expected a date in ${year}, received ${date}`, field);
  return null;
}
