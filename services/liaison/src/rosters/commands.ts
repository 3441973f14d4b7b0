// Commands on a station's yearly roster; facts about the station, calendar and deputies are read before deciding.
import type { WorkingDayCalendar } from '@liaison/calendar';
import type { Command } from '@liaison/decider';
import type { HolidayPolicy, RosterRule, TimeWindow } from './rules.js';

/** What the directory says about a deputy, read just before deciding. */
export interface DeputyFacts {
  deputyId: string;
  /** False when no such deputy exists. */
  known: boolean;
  /** False once the term ended or the deputy resigned. */
  active: boolean;
  /** True when the deputy is attached to the roster's station. */
  atStation: boolean;
}

export interface PublishRosterData {
  stationId: string;
  year: number;
  /** The station, read just before deciding; null when it does not exist. */
  station: { jurisdictionId: string; jurisdictionPath: string; open: boolean } | null;
  rules: RosterRule[];
  holidayPolicy: HolidayPolicy;
  extraDays: { date: string; window: TimeWindow }[];
  cancellations: string[];
  /** The working-day calendar in force for the station's jurisdiction. */
  calendar: WorkingDayCalendar;
}

export type PublishRoster = Command<'PublishRoster', PublishRosterData>;
export type AddRosterDay = Command<'AddRosterDay', { date: string; window: TimeWindow; reason: string }>;
export type CancelRosterDay = Command<'CancelRosterDay', { date: string; reason: string }>;
export type AssignDuty = Command<'AssignDuty', { date: string; deputies: DeputyFacts[] }>;
export type SwapDuty = Command<
  'SwapDuty',
  { deputyId: string; date: string; withDeputy: DeputyFacts; withDate: string | null }
>;
export type RequestLeave = Command<
  'RequestLeave',
  { leaveId: string; date: string; deputyId: string; reason: string }
>;
export type ApproveLeave = Command<'ApproveLeave', { leaveId: string }>;
export type RejectLeave = Command<'RejectLeave', { leaveId: string; reason: string }>;
export type CheckIn = Command<'CheckIn', { date: string; deputyId: string; stationId: string; at: string }>;
export type CheckOut = Command<'CheckOut', { date: string; deputyId: string; at: string }>;
/**
 * Re-checks a published day against the calendar now in force (after an office declared a day off): a day that
 * now falls on a public holiday moves by the roster's holiday policy. Issued by the roster calendar process.
 */
export type RescheduleForCalendar = Command<
  'RescheduleForCalendar',
  { date: string; calendar: WorkingDayCalendar; reason: string }
>;
export type RecordNoShow = Command<'RecordNoShow', { date: string; deputyId: string }>;

export type RosterCommand =
  | PublishRoster
  | AddRosterDay
  | CancelRosterDay
  | AssignDuty
  | SwapDuty
  | RequestLeave
  | ApproveLeave
  | RejectLeave
  | CheckIn
  | CheckOut
  | RecordNoShow
  | RescheduleForCalendar;
