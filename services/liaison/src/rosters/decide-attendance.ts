// Deciding attendance: leave before the day, check-in and check-out against the window, no-shows after it.
import { beijingDateOf } from '@liaison/calendar';
import { domainError, type Decision } from '@liaison/decider';
import { DateTime } from 'luxon';
import type { ApproveLeave, CheckIn, CheckOut, RecordNoShow, RejectLeave, RequestLeave } from './commands.js';
import type { RosterEvent } from './events.js';
import { ended, notPublished, scheduledDay } from './decide-schedule.js';
import { instantOf, type RosterState } from './state.js';

const MAX_REASON_LENGTH = 500;

export function requestLeave(command: RequestLeave, state: RosterState): Decision<RosterEvent> {
  if (state.status !== 'published') return notPublished();
  const { leaveId, date, deputyId } = command.data;
  const day = scheduledDay(state, date);
  if (!('date' in day)) return day;
  if (beijingDateOf(command.metadata.now) >= date) {
    return domainError('LEAVE_TOO_LATE', `leave for ${date} must be requested before the day`, ['date']);
  }
  if (day.duty[deputyId]?.status !== 'on-duty') {
    return domainError('DEPUTY_NOT_ON_DUTY', `deputy ${deputyId} is not on duty on ${date}`, ['deputyId']);
  }
  if (state.leaves[leaveId]) return domainError('LEAVE_ALREADY_EXISTS', `leave ${leaveId} already exists`);
  const open = Object.values(state.leaves).find(
    (leave) => leave.date === date && leave.deputyId === deputyId && leave.status === 'requested',
  );
  if (open)
    return domainError('LEAVE_ALREADY_REQUESTED', `deputy ${deputyId} already asked for leave on ${date}`);
  const reason = command.data.reason.trim();
  if (!reason || reason.length > MAX_REASON_LENGTH) {
    return domainError('REASON_REQUIRED', `expected a reason of 1 to ${MAX_REASON_LENGTH} characters`, [
      'reason',
    ]);
  }
  return [{ type: 'LeaveRequested', data: { stationId: state.stationId, leaveId, date, deputyId, reason } }];
}

export function decideLeave(command: ApproveLeave | RejectLeave, state: RosterState): Decision<RosterEvent> {
  if (state.status !== 'published') return notPublished();
  const leave = state.leaves[command.data.leaveId];
  if (!leave) return domainError('LEAVE_NOT_FOUND', `no leave request ${command.data.leaveId}`, ['leaveId']);
  if (leave.status !== 'requested')
    return domainError('LEAVE_ALREADY_DECIDED', `the leave request was already ${leave.status}`);
  const base = {
    stationId: state.stationId,
    leaveId: leave.leaveId,
    date: leave.date,
    deputyId: leave.deputyId,
  };
  if (command.type === 'RejectLeave') {
    const reason = command.data.reason.trim();
    if (!reason)
      return domainError('REASON_REQUIRED', 'expected a reason for rejecting the leave', ['reason']);
    return [{ type: 'LeaveRejected', data: { ...base, reason } }];
  }
  const day = scheduledDay(state, leave.date);
  if (!('date' in day)) return day;
  if (ended(day, command.metadata.now))
    return domainError('DAY_ALREADY_ENDED', `duty on ${leave.date} is over`);
  if (day.duty[leave.deputyId]?.status !== 'on-duty') {
    return domainError(
      'DEPUTY_NOT_ON_DUTY',
      `deputy ${leave.deputyId} is no longer on duty on ${leave.date}`,
    );
  }
  return [{ type: 'LeaveApproved', data: base }];
}

export function checkIn(command: CheckIn, state: RosterState): Decision<RosterEvent> {
  if (state.status !== 'published') return notPublished();
  const { date, deputyId, stationId, at } = command.data;
  if (stationId !== state.stationId) {
    return domainError(
      'WRONG_STATION',
      `deputy ${deputyId} is on duty at station ${state.stationId}, not ${stationId}`,
      ['stationId'],
    );
  }
  const day = scheduledDay(state, date);
  if (!('date' in day)) return day;
  if (beijingDateOf(at) !== date) {
    return domainError(
      'NOT_THE_DUTY_DAY',
      `check-in at ${at} is not on the duty day ${date} (Beijing time)`,
      ['at'],
    );
  }
  if (ended(day, at))
    return domainError('DAY_ALREADY_ENDED', `duty on ${date} ended at ${day.window.end}`, ['at']);
  const entry = day.duty[deputyId];
  if (!entry)
    return domainError('DEPUTY_NOT_ON_DUTY', `deputy ${deputyId} is not on duty on ${date}`, ['deputyId']);
  if (entry.status === 'on-leave')
    return domainError('DEPUTY_ON_LEAVE', `deputy ${deputyId} is on leave on ${date}`);
  if (entry.status !== 'on-duty')
    return domainError('ALREADY_CHECKED_IN', `deputy ${deputyId} already checked in on ${date}`);
  const lateMinutes = Math.max(
    0,
    Math.floor(DateTime.fromISO(at).diff(instantOf(date, day.window.start), 'minutes').minutes),
  );
  return [{ type: 'DeputyCheckedIn', data: { stationId, date, deputyId, at, lateMinutes } }];
}

export function checkOut(command: CheckOut, state: RosterState): Decision<RosterEvent> {
  if (state.status !== 'published') return notPublished();
  const { date, deputyId, at } = command.data;
  const day = scheduledDay(state, date);
  if (!('date' in day)) return day;
  const entry = day.duty[deputyId];
  if (entry?.status === 'checked-out')
    return domainError('ALREADY_CHECKED_OUT', `deputy ${deputyId} already checked out`);
  if (entry?.status !== 'checked-in' || entry.checkedInAt === null) {
    return domainError('NOT_CHECKED_IN', `deputy ${deputyId} has not checked in on ${date}`, ['deputyId']);
  }
  if (DateTime.fromISO(at) < DateTime.fromISO(entry.checkedInAt)) {
    return domainError('INVALID_TIME', `expected a check-out after the check-in at ${entry.checkedInAt}`, [
      'at',
    ]);
  }
  const earlyMinutes = Math.max(
    0,
    Math.floor(instantOf(date, day.window.end).diff(DateTime.fromISO(at), 'minutes').minutes),
  );
  return [
    { type: 'DeputyCheckedOut', data: { stationId: state.stationId, date, deputyId, at, earlyMinutes } },
  ];
}

export function recordNoShow(command: RecordNoShow, state: RosterState): Decision<RosterEvent> {
  if (state.status !== 'published') return notPublished();
  const { date, deputyId } = command.data;
  const day = scheduledDay(state, date);
  if (!('date' in day)) return day;
  if (!ended(day, command.metadata.now))
    return domainError('DAY_NOT_ENDED', `duty on ${date} has not ended yet`);
  const entry = day.duty[deputyId];
  if (!entry)
    return domainError('DEPUTY_NOT_ON_DUTY', `deputy ${deputyId} was not on duty on ${date}`, ['deputyId']);
  switch (entry.status) {
    case 'on-duty':
      return [{ type: 'DeputyNoShowRecorded', data: { stationId: state.stationId, date, deputyId } }];
    case 'no-show':
      return [];
    case 'on-leave':
      return domainError('DEPUTY_ON_LEAVE', `deputy ${deputyId} was on approved leave on ${date}`);
    case 'checked-in':
    case 'checked-out':
      return domainError('DEPUTY_ATTENDED', `deputy ${deputyId} checked in on ${date}`);
  }
}
