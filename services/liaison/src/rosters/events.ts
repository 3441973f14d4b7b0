// Events of a station's yearly roster: the reception days, who is on duty, leave, and attendance.
import type { HolidayPolicy, RosterDay, RosterRule, TimeWindow } from './rules.js';

export interface RosterPublishedData {
  stationId: string;
  year: number;
  jurisdictionId: string;
  /** The station's jurisdiction ancestry as `/root/…/jurisdiction/`, for subtree access. */
  jurisdictionPath: string;
  rules: RosterRule[];
  holidayPolicy: HolidayPolicy;
  /** The calendar data the days were evaluated with (`national-2026@1`, `office-<id>@3`), for audit. */
  calendarVersions: string[];
  /** The days the rules produced, as evaluated at publication: replay never re-evaluates them. */
  days: RosterDay[];
}

export type RosterEvent =
  | { type: 'RosterPublished'; data: RosterPublishedData }
  | {
      type: 'RosterDayAdded';
      data: {
        stationId: string;
        year: number;
        jurisdictionId: string;
        jurisdictionPath: string;
        date: string;
        window: TimeWindow;
        reason: string;
      };
    }
  | { type: 'RosterDayCancelled'; data: { stationId: string; year: number; date: string; reason: string } }
  | { type: 'DutyAssigned'; data: { stationId: string; date: string; deputyIds: string[] } }
  | {
      type: 'DutySwapped';
      data: {
        stationId: string;
        deputyId: string;
        date: string;
        withDeputyId: string;
        /** The other deputy's day they give up in exchange; null when they simply take over. */
        withDate: string | null;
      };
    }
  | {
      type: 'LeaveRequested';
      data: { stationId: string; leaveId: string; date: string; deputyId: string; reason: string };
    }
  | { type: 'LeaveApproved'; data: { stationId: string; leaveId: string; date: string; deputyId: string } }
  | {
      type: 'LeaveRejected';
      data: { stationId: string; leaveId: string; date: string; deputyId: string; reason: string };
    }
  | {
      type: 'DeputyCheckedIn';
      data: { stationId: string; date: string; deputyId: string; at: string; lateMinutes: number };
    }
  | {
      type: 'DeputyCheckedOut';
      data: { stationId: string; date: string; deputyId: string; at: string; earlyMinutes: number };
    }
  | { type: 'DeputyNoShowRecorded'; data: { stationId: string; date: string; deputyId: string } };

export const ROSTER_EVENT_TYPES = [
  'RosterPublished',
  'RosterDayAdded',
  'RosterDayCancelled',
  'DutyAssigned',
  'DutySwapped',
  'LeaveRequested',
  'LeaveApproved',
  'LeaveRejected',
  'DeputyCheckedIn',
  'DeputyCheckedOut',
  'DeputyNoShowRecorded',
] as const satisfies readonly RosterEvent['type'][];

/** The stream holding a station's roster for one year. */
export function rosterStream(stationId: string, year: number): string {
  return `roster-${stationId}-${year}`;
}
