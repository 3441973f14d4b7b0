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

/** A published day moved off a date that became a public holiday after publication (an office calendar change). */
export interface RosterDayMovedData {
  stationId: string;
  year: number;
  jurisdictionId: string;
  jurisdictionPath: string;
  /** The date the day was on. */
  from: string;
  /** The working day it moved to, by the roster's holiday policy. */
  to: string;
  window: TimeWindow;
  /** The date the rules first gave the day (before any move); `to` then reads as moved from it. */
  movedFrom: string;
  /** Why, as staff read it: the holiday and who declared it. */
  reason: string;
  /** The calendar data the move was decided with, for audit. */
  calendarVersions: string[];
  /** Who was on duty, each keeping their status (approved leave stays approved). */
  deputies: Array<{ deputyId: string; status: 'on-duty' | 'on-leave' }>;
  /** Leave requests for the day: they move with it. */
  leaves: Array<{
    leaveId: string;
    deputyId: string;
    status: 'requested' | 'approved' | 'rejected';
    reason: string;
    rejectionReason: string | null;
  }>;
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
  | { type: 'RosterDayMoved'; data: RosterDayMovedData }
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
  'RosterDayMoved',
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
