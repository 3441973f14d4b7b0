// Roster use cases: resolve the station, calendar and deputy facts, check who may act, and hand over to the handler.
import type { Principal } from '@liaison/auth';
import { beijingDateOf, isIsoDate } from '@liaison/calendar';
import {
  domainError,
  type CommandHandler,
  type CommandMetadata,
  type CommandOutcome,
} from '@liaison/decider';
import { pathOf } from '../jurisdictions/projection.js';
import type { JurisdictionService } from '../jurisdictions/service.js';
import type { OfficeCalendarService } from '../office-calendars/service.js';
import { AccessDeniedError, coversJurisdiction } from '../shared/access.js';
import { newEntityId } from '../shared/ids.js';
import type { StationState } from '../stations/decider.js';
import type { RosterCommand } from './commands.js';
import type { RosterState } from './decider.js';
import type { DeputyDirectory } from './deputy-directory.js';
import { rosterStream, type RosterEvent } from './events.js';
import type { HolidayPolicy, RosterRule, TimeWindow } from './rules.js';

export type RosterHandler = CommandHandler<RosterState, RosterCommand, RosterEvent>;

const STAFF_ROLES = ['admin', 'congress-office', 'station-staff'];

export interface PublishRosterInput {
  stationId: string;
  year: number;
  rules: RosterRule[];
  holidayPolicy: HolidayPolicy;
  extraDays: { date: string; window: TimeWindow }[];
  cancellations: string[];
}

export interface RosterServiceDeps {
  handler: RosterHandler;
  findStation(stationId: string): Promise<StationState>;
  jurisdictions: JurisdictionService;
  calendars: OfficeCalendarService;
  deputies: DeputyDirectory;
}

type Outcome = CommandOutcome;

export class RosterService {
  constructor(private readonly deps: RosterServiceDeps) {}

  /** Publishes a station's roster for a year, evaluated with the calendar in force for its jurisdiction. */
  async publish(actor: Principal, input: PublishRosterInput, metadata: CommandMetadata): Promise<Outcome> {
    const scope = await this.scope(input.stationId);
    if (scope) this.assertStaff(actor, scope.ancestry, input.stationId);
    const calendar = await this.deps.calendars.calendarFor(scope?.ancestry ?? []);
    return this.deps.handler.handle(rosterStream(input.stationId, input.year), {
      type: 'PublishRoster',
      data: {
        ...input,
        station: scope && {
          jurisdictionId: scope.station.jurisdictionId,
          jurisdictionPath: pathOf(scope.ancestry.slice(0, -1), scope.station.jurisdictionId),
          open: scope.station.status === 'open',
        },
        calendar,
      },
      metadata,
    });
  }

  async addDay(
    actor: Principal,
    input: { stationId: string; date: string; window: TimeWindow; reason: string },
    metadata: CommandMetadata,
  ): Promise<Outcome> {
    return this.onDay(actor, input.stationId, input.date, 'staff', null, () => ({
      type: 'AddRosterDay',
      data: { date: input.date, window: input.window, reason: input.reason },
      metadata,
    }));
  }

  async cancelDay(
    actor: Principal,
    input: { stationId: string; date: string; reason: string },
    metadata: CommandMetadata,
  ): Promise<Outcome> {
    return this.onDay(actor, input.stationId, input.date, 'staff', null, () => ({
      type: 'CancelRosterDay',
      data: { date: input.date, reason: input.reason },
      metadata,
    }));
  }

  /** Sets who is on duty on a day; each deputy is checked in the deputy directory. */
  async assign(
    actor: Principal,
    input: { stationId: string; date: string; deputyIds: string[] },
    metadata: CommandMetadata,
  ): Promise<Outcome> {
    const deputies = await this.deps.deputies.facts(input.deputyIds, input.stationId);
    return this.onDay(actor, input.stationId, input.date, 'staff', null, () => ({
      type: 'AssignDuty',
      data: { date: input.date, deputies },
      metadata,
    }));
  }

  /** Swaps two deputies' days (or hands one over when `withDate` is null); staff only, as a swap binds both. */
  async swap(
    actor: Principal,
    input: {
      stationId: string;
      deputyId: string;
      date: string;
      withDeputyId: string;
      withDate: string | null;
    },
    metadata: CommandMetadata,
  ): Promise<Outcome> {
    if (input.withDate !== null && input.withDate.slice(0, 4) !== input.date.slice(0, 4)) {
      return fail('INVALID_SWAP', 'expected both days in the same roster year', ['withDate']);
    }
    const [withDeputy] = await this.deps.deputies.facts([input.withDeputyId], input.stationId);
    return this.onDay(actor, input.stationId, input.date, 'staff', null, () => ({
      type: 'SwapDuty',
      data: { deputyId: input.deputyId, date: input.date, withDeputy: withDeputy!, withDate: input.withDate },
      metadata,
    }));
  }

  /** Asks for leave on a duty day, before the day; staff, or the deputy. */
  async requestLeave(
    actor: Principal,
    input: { stationId: string; date: string; deputyId: string; reason: string },
    metadata: CommandMetadata,
  ): Promise<Outcome & { leaveId: string }> {
    const leaveId = newEntityId(metadata.commandId, 'leave');
    const outcome = await this.onDay(
      actor,
      input.stationId,
      input.date,
      'staff-or-self',
      input.deputyId,
      () => ({
        type: 'RequestLeave',
        data: { leaveId, date: input.date, deputyId: input.deputyId, reason: input.reason },
        metadata,
      }),
    );
    return { ...outcome, leaveId };
  }

  /** Approves or rejects a leave request (staff); `reason` is required to reject. */
  async decideLeave(
    actor: Principal,
    input: { stationId: string; date: string; leaveId: string; approve: boolean; reason: string },
    metadata: CommandMetadata,
  ): Promise<Outcome> {
    return this.onDay(actor, input.stationId, input.date, 'staff', null, () =>
      input.approve
        ? { type: 'ApproveLeave', data: { leaveId: input.leaveId }, metadata }
        : { type: 'RejectLeave', data: { leaveId: input.leaveId, reason: input.reason }, metadata },
    );
  }

  /** Signs a deputy in at a station; staff may record an earlier time (a paper sign-in), a deputy signs in now. */
  async checkIn(
    actor: Principal,
    input: { stationId: string; deputyId: string; at: string | null },
    metadata: CommandMetadata,
  ): Promise<Outcome & { date: string }> {
    const at = this.attendanceTime(actor, input.at, metadata);
    const date = beijingDateOf(at);
    const outcome = await this.onDay(actor, input.stationId, date, 'staff-or-self', input.deputyId, () => ({
      type: 'CheckIn',
      data: { date, deputyId: input.deputyId, stationId: input.stationId, at },
      metadata,
    }));
    return { ...outcome, date };
  }

  /** Signs a deputy out of the duty day they checked in for. */
  async checkOut(
    actor: Principal,
    input: { stationId: string; date: string; deputyId: string; at: string | null },
    metadata: CommandMetadata,
  ): Promise<Outcome> {
    const at = this.attendanceTime(actor, input.at, metadata);
    return this.onDay(actor, input.stationId, input.date, 'staff-or-self', input.deputyId, () => ({
      type: 'CheckOut',
      data: { date: input.date, deputyId: input.deputyId, at },
      metadata,
    }));
  }

  /** Records a no-show (staff or the scheduler, which acts as a system principal). */
  async recordNoShow(
    actor: Principal,
    input: { stationId: string; date: string; deputyId: string },
    metadata: CommandMetadata,
  ): Promise<Outcome> {
    return this.onDay(actor, input.stationId, input.date, 'staff', null, () => ({
      type: 'RecordNoShow',
      data: { date: input.date, deputyId: input.deputyId },
      metadata,
    }));
  }

  /**
   * Re-checks a station's day on `date` against the calendar now in force for its jurisdiction, moving it off a
   * date that became a holiday (the roster calendar process, acting for the office that changed the calendar).
   */
  async rescheduleForCalendar(
    input: { stationId: string; date: string; reason: string },
    metadata: CommandMetadata,
  ): Promise<Outcome> {
    if (!isIsoDate(input.date))
      return fail('INVALID_DATE', `expected a date as YYYY-MM-DD, received "${input.date}"`, ['date']);
    const scope = await this.scope(input.stationId);
    if (!scope) return fail('STATION_NOT_FOUND', `no station ${input.stationId}`, ['stationId']);
    const calendar = await this.deps.calendars.calendarFor(scope.ancestry);
    return this.deps.handler.handle(rosterStream(input.stationId, Number(input.date.slice(0, 4))), {
      type: 'RescheduleForCalendar',
      data: { date: input.date, calendar, reason: input.reason },
      metadata,
    });
  }

  private attendanceTime(actor: Principal, at: string | null, metadata: CommandMetadata): string {
    if (at === null || !actor.roles.some((role) => STAFF_ROLES.includes(role))) return metadata.now;
    return new Date(at).toISOString();
  }

  private async onDay(
    actor: Principal,
    stationId: string,
    date: string,
    who: 'staff' | 'staff-or-self',
    deputyId: string | null,
    command: () => RosterCommand,
  ): Promise<Outcome> {
    if (!isIsoDate(date))
      return fail('INVALID_DATE', `expected a date as YYYY-MM-DD, received "${date}"`, ['date']);
    const scope = await this.scope(stationId);
    if (!scope) return fail('STATION_NOT_FOUND', `no station ${stationId}`, ['stationId']);
    const self = who === 'staff-or-self' && actor.roles.includes('deputy') && actor.userId === deputyId;
    if (!self) this.assertStaff(actor, scope.ancestry, stationId);
    return this.deps.handler.handle(rosterStream(stationId, Number(date.slice(0, 4))), command());
  }

  private assertStaff(actor: Principal, ancestry: readonly string[], stationId: string): void {
    const staff = actor.roles.some((role) => STAFF_ROLES.includes(role));
    if (!staff || !coversJurisdiction(actor, ancestry)) {
      throw new AccessDeniedError(`station ${stationId} is outside your jurisdiction or role`);
    }
  }

  private async scope(stationId: string) {
    const station = await this.deps.findStation(stationId);
    if (station.status === 'unregistered') return null;
    const jurisdiction = await this.deps.jurisdictions.find(station.jurisdictionId);
    const ancestry =
      jurisdiction.status === 'registered' ? [...jurisdiction.ancestorIds, jurisdiction.jurisdictionId] : [];
    return { station, ancestry };
  }
}

function fail(code: string, message: string, field: string[]): Outcome {
  return { ok: false, error: domainError(code, message, field) };
}
