// The duty days read model: one document per station and day, with who is on duty, leave, attendance and reminders.
import { UnreachableCaseError } from '@liaison/decider';
import type { RecordedEvent } from '@liaison/eventstore';
import type { Projection } from '@liaison/projector';
import { REMINDER_EVENT_TYPES, type ReminderEvent, type ReminderKind } from '../reminders/events.js';
import { ROSTER_EVENT_TYPES, type RosterDayMovedData, type RosterEvent } from './events.js';
import type { TimeWindow } from './rules.js';
import { instantOf, type DutyStatus } from './state.js';

export interface DutyDeputyEntry {
  deputyId: string;
  status: DutyStatus;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  lateMinutes: number | null;
  earlyMinutes: number | null;
}

export interface DutyLeaveEntry {
  leaveId: string;
  deputyId: string;
  status: 'requested' | 'approved' | 'rejected';
  reason: string;
  rejectionReason: string | null;
  /** When asked; for leave carried to a day moved by a calendar change, when it was moved. */
  requestedAt: string;
  decidedAt: string | null;
}

export interface DutyReminderEntry {
  deputyId: string;
  kind: ReminderKind;
  status: 'claimed' | 'sent' | 'failed';
  at: string;
}

export interface DutyDayDocument {
  [field: string]: unknown;
  id: string;
  stationId: string;
  jurisdictionId: string;
  jurisdictionPath: string;
  year: number;
  /** `YYYY-MM`, for the month calendar. */
  month: string;
  date: string;
  window: TimeWindow;
  /** The window as instants (UTC ISO-8601), for the scheduler's range queries. */
  startsAt: string;
  endsAt: string;
  /** `moved`: a calendar change moved the day to `movedTo`; this document stays as its history. */
  status: 'scheduled' | 'cancelled' | 'moved';
  /** The holiday this day was moved from, when it was. */
  movedFrom: string | null;
  /** Where the day went when an office calendar change moved it; absent on documents written before moves existed. */
  movedTo?: string | null;
  /** Why the day was added or cancelled by hand. */
  note: string | null;
  deputies: DutyDeputyEntry[];
  leaves: DutyLeaveEntry[];
  reminders: DutyReminderEntry[];
  /** True while some deputy on duty has neither checked in, nor leave, nor a recorded no-show. */
  openAttendance: boolean;
  updatedAt: string;
}

/** The document id of a station's day. */
export function dutyDayId(stationId: string, date: string): string {
  return `${stationId}:${date}`;
}

const EVENT_TYPES = [...ROSTER_EVENT_TYPES, ...REMINDER_EVENT_TYPES];

function newDay(
  base: { stationId: string; jurisdictionId: string; jurisdictionPath: string; year: number },
  date: string,
  window: TimeWindow,
  movedFrom: string | null,
  note: string | null,
  at: string,
): DutyDayDocument {
  return {
    id: dutyDayId(base.stationId, date),
    ...base,
    month: date.slice(0, 7),
    date,
    window,
    startsAt: instantOf(date, window.start).toUTC().toISO()!,
    endsAt: instantOf(date, window.end).toUTC().toISO()!,
    status: 'scheduled',
    movedFrom,
    movedTo: null,
    note,
    deputies: [],
    leaves: [],
    reminders: [],
    openAttendance: false,
    updatedAt: at,
  };
}

function withDeputies(document: DutyDayDocument, deputies: DutyDeputyEntry[], at: string): DutyDayDocument {
  return {
    ...document,
    deputies,
    openAttendance: deputies.some((d) => d.status === 'on-duty'),
    updatedAt: at,
  };
}

function onDuty(deputyId: string): DutyDeputyEntry {
  return {
    deputyId,
    status: 'on-duty',
    checkedInAt: null,
    checkedOutAt: null,
    lateMinutes: null,
    earlyMinutes: null,
  };
}

function changeDeputy(
  document: DutyDayDocument,
  deputyId: string,
  change: Partial<DutyDeputyEntry>,
  at: string,
): DutyDayDocument {
  return withDeputies(
    document,
    document.deputies.map((entry) => (entry.deputyId === deputyId ? { ...entry, ...change } : entry)),
    at,
  );
}

function changeLeave(
  document: DutyDayDocument,
  leaveId: string,
  change: Partial<DutyLeaveEntry>,
  at: string,
) {
  return {
    ...document,
    leaves: document.leaves.map((leave) => (leave.leaveId === leaveId ? { ...leave, ...change } : leave)),
    updatedAt: at,
  };
}

/** The day a calendar change moved in: who was on duty and the leave requests come along; reminders start afresh. */
function movedInto(document: DutyDayDocument | null, data: RosterDayMovedData, at: string): DutyDayDocument {
  const fresh = newDay(data, data.to, data.window, data.movedFrom, data.reason, at);
  return withDeputies(
    {
      ...fresh,
      leaves: data.leaves.map((leave) => ({
        ...leave,
        requestedAt: at,
        decidedAt: leave.status === 'requested' ? null : at,
      })),
      // a date that was a duty day before (then cancelled) keeps the reminders it sent: each is sent once
      reminders: document?.reminders ?? [],
    },
    data.deputies.map((entry) => ({ ...onDuty(entry.deputyId), status: entry.status })),
    at,
  );
}

export const dutyDaysProjection: Projection<DutyDayDocument> = {
  name: 'duty_days',
  version: 1,
  fields: {
    stationId: { kind: 'string' },
    jurisdictionPath: { kind: 'string' },
    year: { kind: 'number' },
    month: { kind: 'string' },
    date: { kind: 'string' },
    startsAt: { kind: 'string' },
    endsAt: { kind: 'string' },
    status: { kind: 'string' },
    openAttendance: { kind: 'boolean' },
  },
  indexes: [
    { fields: ['stationId', 'date'] },
    { fields: ['date', 'jurisdictionPath'] },
    { fields: ['openAttendance', 'endsAt'] },
  ],
  eventTypes: EVENT_TYPES,
  documentIds(recorded: RecordedEvent) {
    const event = { type: recorded.type, data: recorded.data } as RosterEvent | ReminderEvent;
    if (event.type === 'RosterPublished') {
      return event.data.days.map((day) => dutyDayId(event.data.stationId, day.date));
    }
    if (event.type === 'RosterDayMoved') {
      return [
        dutyDayId(event.data.stationId, event.data.from),
        dutyDayId(event.data.stationId, event.data.to),
      ];
    }
    if (event.type === 'DutySwapped' && event.data.withDate !== null) {
      return [
        dutyDayId(event.data.stationId, event.data.date),
        dutyDayId(event.data.stationId, event.data.withDate),
      ];
    }
    return [dutyDayId(event.data.stationId, event.data.date)];
  },
  fold(document, recorded, id) {
    const event = { type: recorded.type, data: recorded.data } as RosterEvent | ReminderEvent;
    const at = recorded.occurredAt;
    switch (event.type) {
      case 'RosterPublished': {
        const day = event.data.days.find((d) => dutyDayId(event.data.stationId, d.date) === id);
        return day ? newDay(event.data, day.date, day.window, day.movedFrom, null, at) : document;
      }
      case 'RosterDayAdded': {
        const fresh = newDay(
          event.data,
          event.data.date,
          event.data.window,
          null,
          event.data.reason || null,
          at,
        );
        return document ? { ...fresh, leaves: document.leaves, reminders: document.reminders } : fresh;
      }
      case 'RosterDayCancelled':
        return document && { ...document, status: 'cancelled', note: event.data.reason, updatedAt: at };
      case 'RosterDayMoved':
        return id === dutyDayId(event.data.stationId, event.data.from)
          ? document && {
              ...document,
              status: 'moved',
              movedTo: event.data.to,
              note: event.data.reason,
              openAttendance: false,
              updatedAt: at,
            }
          : movedInto(document, event.data, at);
      case 'DutyAssigned':
        return (
          document &&
          withDeputies(
            document,
            event.data.deputyIds.map(
              (deputyId) => document.deputies.find((d) => d.deputyId === deputyId) ?? onDuty(deputyId),
            ),
            at,
          )
        );
      case 'DutySwapped': {
        if (!document) return null;
        const { deputyId, withDeputyId, date } = event.data;
        const [out, into] = document.date === date ? [deputyId, withDeputyId] : [withDeputyId, deputyId];
        return withDeputies(
          document,
          document.deputies.map((entry) => (entry.deputyId === out ? onDuty(into) : entry)),
          at,
        );
      }
      case 'LeaveRequested':
        return (
          document && {
            ...document,
            leaves: [
              ...document.leaves,
              {
                leaveId: event.data.leaveId,
                deputyId: event.data.deputyId,
                status: 'requested',
                reason: event.data.reason,
                rejectionReason: null,
                requestedAt: at,
                decidedAt: null,
              },
            ],
            updatedAt: at,
          }
        );
      case 'LeaveApproved':
        return (
          document &&
          changeDeputy(
            changeLeave(document, event.data.leaveId, { status: 'approved', decidedAt: at }, at),
            event.data.deputyId,
            { status: 'on-leave' },
            at,
          )
        );
      case 'LeaveRejected':
        return (
          document &&
          changeLeave(
            document,
            event.data.leaveId,
            { status: 'rejected', rejectionReason: event.data.reason, decidedAt: at },
            at,
          )
        );
      case 'DeputyCheckedIn':
        return (
          document &&
          changeDeputy(
            document,
            event.data.deputyId,
            { status: 'checked-in', checkedInAt: event.data.at, lateMinutes: event.data.lateMinutes },
            at,
          )
        );
      case 'DeputyCheckedOut':
        return (
          document &&
          changeDeputy(
            document,
            event.data.deputyId,
            { status: 'checked-out', checkedOutAt: event.data.at, earlyMinutes: event.data.earlyMinutes },
            at,
          )
        );
      case 'DeputyNoShowRecorded':
        return document && changeDeputy(document, event.data.deputyId, { status: 'no-show' }, at);
      case 'DutyReminderClaimed':
      case 'DutyReminderSent':
      case 'DutyReminderFailed': {
        if (!document) return null;
        const status =
          event.type === 'DutyReminderClaimed'
            ? 'claimed'
            : event.type === 'DutyReminderSent'
              ? 'sent'
              : 'failed';
        const { deputyId, kind } = event.data;
        // once sent, a reminder stays sent
        const existing = document.reminders.find((r) => r.deputyId === deputyId && r.kind === kind);
        if (existing?.status === 'sent') return document;
        const others = document.reminders.filter((r) => !(r.deputyId === deputyId && r.kind === kind));
        return { ...document, reminders: [...others, { deputyId, kind, status, at }], updatedAt: at };
      }
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
