import { buildCalendar } from '@liaison/calendar';
import { deciderSpec } from '@liaison/decider';
import { metadataFor } from '../shared/command-metadata.js';
import type { DeputyFacts, PublishRosterData, RosterCommand } from './commands.js';
import { rosterDecider } from './decider.js';
import type { RosterEvent } from './events.js';
import { evaluateRoster, type RosterRule } from './rules.js';

const spec = deciderSpec(rosterDecider);
const calendar = buildCalendar();
const window = { start: '09:00', end: '11:30' };
const rules: RosterRule[] = [{ kind: 'day-of-month', day: 20, months: 'all', window }];
const station = { jurisdictionId: 't1', jurisdictionPath: '/p/t1/', open: true };
/** Commands issued at a Beijing wall-clock time. */
const at = (beijing: string) => metadataFor({ now: new Date(`${beijing}+08:00`).toISOString() });
const early = at('2026-03-01T09:00:00');

function command(type: RosterCommand['type'], data: object, metadata = early): RosterCommand {
  return { type, data, metadata } as RosterCommand;
}
const publishData = (overrides: Partial<PublishRosterData> = {}): PublishRosterData => ({
  stationId: 's1',
  year: 2026,
  station,
  rules,
  holidayPolicy: 'next-working-day',
  extraDays: [],
  cancellations: [],
  calendar,
  ...overrides,
});
const deputy = (deputyId: string, facts: Partial<DeputyFacts> = {}): DeputyFacts => ({
  deputyId,
  known: true,
  active: true,
  atStation: true,
  ...facts,
});

const published: RosterEvent = {
  type: 'RosterPublished',
  data: {
    stationId: 's1',
    year: 2026,
    jurisdictionId: 't1',
    jurisdictionPath: '/p/t1/',
    rules,
    holidayPolicy: 'next-working-day',
    calendarVersions: ['national-2024@1', 'national-2025@1', 'national-2026@1'],
    days: evaluateRoster({ year: 2026, rules, holidayPolicy: 'next-working-day', calendar }),
  },
};
const dayAdded = (date: string, reason: string): RosterEvent => ({
  type: 'RosterDayAdded',
  data: {
    stationId: 's1',
    year: 2026,
    jurisdictionId: 't1',
    jurisdictionPath: '/p/t1/',
    date,
    window,
    reason,
  },
});
const assigned = (date: string, ...deputyIds: string[]): RosterEvent => ({
  type: 'DutyAssigned',
  data: { stationId: 's1', date, deputyIds },
});
const onDuty = [published, assigned('2026-03-20', 'd1', 'd2'), assigned('2026-04-20', 'd3')];
const leaveRequested: RosterEvent = {
  type: 'LeaveRequested',
  data: { stationId: 's1', leaveId: 'l1', date: '2026-03-20', deputyId: 'd1', reason: 'surgery' },
};
const checkedIn: RosterEvent = {
  type: 'DeputyCheckedIn',
  data: {
    stationId: 's1',
    date: '2026-03-20',
    deputyId: 'd1',
    at: '2026-03-20T01:10:00.000Z',
    lateMinutes: 10,
  },
};

describe('roster decider: publishing', () => {
  it('publishes the days its rules produce, moved off holidays, with the calendar versions used', () => {
    spec.given([]).when(command('PublishRoster', publishData())).then([published]);
  });

  it('refuses a second publication, a missing or closed station, a bad year, rule, extra day or cancellation', () => {
    spec
      .given([published])
      .when(command('PublishRoster', publishData()))
      .thenFails('ROSTER_ALREADY_PUBLISHED');
    spec
      .given([])
      .when(command('PublishRoster', publishData({ station: null })))
      .thenFails('STATION_NOT_FOUND');
    spec
      .given([])
      .when(command('PublishRoster', publishData({ station: { ...station, open: false } })))
      .thenFails('STATION_CLOSED');
    spec
      .given([])
      .when(command('PublishRoster', publishData({ year: 1999 })))
      .thenFails('INVALID_YEAR');
    spec
      .given([])
      .when(command('PublishRoster', publishData({ rules: [{ kind: 'weekly', weekday: 9 as 1, window }] })))
      .thenFails('INVALID_RULE');
    spec
      .given([])
      .when(command('PublishRoster', publishData({ extraDays: [{ date: '2025-12-01', window }] })))
      .thenFails('DATE_OUTSIDE_YEAR');
    spec
      .given([])
      .when(
        command(
          'PublishRoster',
          publishData({ extraDays: [{ date: '2026-12-01', window: { start: '12:00', end: '08:00' } }] }),
        ),
      )
      .thenFails('INVALID_WINDOW');
    spec
      .given([])
      .when(command('PublishRoster', publishData({ cancellations: ['2026-13-01'] })))
      .thenFails('INVALID_DATE');
  });

  it('refuses a year the calendar has no national data for', () => {
    spec
      .given([])
      .when(command('PublishRoster', publishData({ year: 2027 })))
      .thenFails('CALENDAR_NOT_COVERED');
  });
});

describe('roster decider: days', () => {
  it('adds a day, also one cancelled before, and refuses a scheduled, past or out-of-year day', () => {
    const added = dayAdded('2026-03-05', 'special session');
    spec
      .given([published])
      .when(command('AddRosterDay', { date: '2026-03-05', window, reason: ' special session ' }))
      .then([added]);
    const cancelled: RosterEvent = {
      type: 'RosterDayCancelled',
      data: { stationId: 's1', year: 2026, date: '2026-03-20', reason: 'typhoon' },
    };
    spec
      .given([published, cancelled])
      .when(command('AddRosterDay', { date: '2026-03-20', window, reason: 'back on' }))
      .then([dayAdded('2026-03-20', 'back on')]);
    spec
      .given([])
      .when(command('AddRosterDay', { date: '2026-03-05', window, reason: '' }))
      .thenFails('ROSTER_NOT_PUBLISHED');
    spec
      .given([published])
      .when(command('AddRosterDay', { date: '2026-03-20', window, reason: '' }))
      .thenFails('DAY_ALREADY_SCHEDULED');
    spec
      .given([published])
      .when(command('AddRosterDay', { date: '2026-02-05', window, reason: '' }))
      .thenFails('DAY_IN_PAST');
    spec
      .given([published])
      .when(command('AddRosterDay', { date: '2027-01-05', window, reason: '' }))
      .thenFails('DATE_OUTSIDE_YEAR');
  });

  it('cancels a day with a reason, but not one unscheduled, held, over, or without a reason', () => {
    spec
      .given([published])
      .when(command('CancelRosterDay', { date: '2026-03-20', reason: 'typhoon' }))
      .then([
        {
          type: 'RosterDayCancelled',
          data: { stationId: 's1', year: 2026, date: '2026-03-20', reason: 'typhoon' },
        },
      ]);
    spec
      .given([published])
      .when(command('CancelRosterDay', { date: '2026-03-21', reason: 'x' }))
      .thenFails('DAY_NOT_SCHEDULED');
    spec
      .given([published])
      .when(command('CancelRosterDay', { date: '2026-03-20', reason: ' ' }))
      .thenFails('REASON_REQUIRED');
    spec
      .given([...onDuty, checkedIn])
      .when(command('CancelRosterDay', { date: '2026-03-20', reason: 'x' }, at('2026-03-20T10:00:00')))
      .thenFails('DAY_ALREADY_HELD');
    spec
      .given([published])
      .when(command('CancelRosterDay', { date: '2026-03-20', reason: 'x' }, at('2026-03-20T12:00:00')))
      .thenFails('DAY_IN_PAST');
  });
});

describe('roster decider: who is on duty', () => {
  it('assigns deputies to a day, and ignores the same assignment again', () => {
    spec
      .given([published])
      .when(command('AssignDuty', { date: '2026-03-20', deputies: [deputy('d1'), deputy('d2')] }))
      .then([assigned('2026-03-20', 'd1', 'd2')]);
    spec
      .given(onDuty)
      .when(command('AssignDuty', { date: '2026-03-20', deputies: [deputy('d2'), deputy('d1')] }))
      .then([]);
  });

  it('refuses unknown, retired, unattached, repeated or no deputies, and a day already started', () => {
    const assign = (deputies: DeputyFacts[], metadata = early) =>
      spec.given([published]).when(command('AssignDuty', { date: '2026-03-20', deputies }, metadata));
    assign([deputy('d1', { known: false })]).thenFails('DEPUTY_NOT_FOUND');
    assign([deputy('d1', { active: false })]).thenFails('DEPUTY_NOT_ACTIVE');
    assign([deputy('d1', { atStation: false })]).thenFails('DEPUTY_NOT_AT_STATION');
    assign([deputy('d1'), deputy('d1')]).thenFails('INVALID_DEPUTIES');
    assign([]).thenFails('INVALID_DEPUTIES');
    assign([deputy('d1')], at('2026-03-20T09:00:00')).thenFails('DAY_ALREADY_STARTED');
    spec
      .given([published])
      .when(command('AssignDuty', { date: '2026-03-21', deputies: [deputy('d1')] }))
      .thenFails('DAY_NOT_SCHEDULED');
  });

  it('swaps two deputies between their days, or hands one day over', () => {
    spec
      .given(onDuty)
      .when(
        command('SwapDuty', {
          deputyId: 'd1',
          date: '2026-03-20',
          withDeputy: deputy('d3'),
          withDate: '2026-04-20',
        }),
      )
      .then([
        {
          type: 'DutySwapped',
          data: {
            stationId: 's1',
            deputyId: 'd1',
            date: '2026-03-20',
            withDeputyId: 'd3',
            withDate: '2026-04-20',
          },
        },
      ]);
    spec
      .given(onDuty)
      .when(
        command('SwapDuty', { deputyId: 'd1', date: '2026-03-20', withDeputy: deputy('d4'), withDate: null }),
      )
      .then([
        {
          type: 'DutySwapped',
          data: { stationId: 's1', deputyId: 'd1', date: '2026-03-20', withDeputyId: 'd4', withDate: null },
        },
      ]);
  });

  it('applies a swap to both days', () => {
    const swapped: RosterEvent = {
      type: 'DutySwapped',
      data: {
        stationId: 's1',
        deputyId: 'd1',
        date: '2026-03-20',
        withDeputyId: 'd3',
        withDate: '2026-04-20',
      },
    };
    // d3 now serves on 20 March and d1 on 20 April
    spec
      .given([...onDuty, swapped])
      .when(command('RecordNoShow', { date: '2026-04-20', deputyId: 'd1' }, at('2026-04-20T12:00:00')))
      .then([
        { type: 'DeputyNoShowRecorded', data: { stationId: 's1', date: '2026-04-20', deputyId: 'd1' } },
      ]);
    spec
      .given([...onDuty, swapped])
      .when(command('RecordNoShow', { date: '2026-03-20', deputyId: 'd1' }, at('2026-03-20T12:00:00')))
      .thenFails('DEPUTY_NOT_ON_DUTY');
  });

  it('refuses swaps with someone not on duty, already on duty, the same deputy or day, or a started day', () => {
    const swap = (data: object, metadata = early) =>
      spec.given(onDuty).when(command('SwapDuty', data, metadata));
    swap({ deputyId: 'd9', date: '2026-03-20', withDeputy: deputy('d3'), withDate: null }).thenFails(
      'DEPUTY_NOT_ON_DUTY',
    );
    swap({ deputyId: 'd1', date: '2026-03-20', withDeputy: deputy('d2'), withDate: null }).thenFails(
      'ALREADY_ON_DUTY',
    );
    swap({ deputyId: 'd1', date: '2026-03-20', withDeputy: deputy('d1'), withDate: null }).thenFails(
      'INVALID_SWAP',
    );
    swap({ deputyId: 'd1', date: '2026-03-20', withDeputy: deputy('d3'), withDate: '2026-03-20' }).thenFails(
      'INVALID_SWAP',
    );
    swap({ deputyId: 'd1', date: '2026-03-20', withDeputy: deputy('d4'), withDate: '2026-04-20' }).thenFails(
      'DEPUTY_NOT_ON_DUTY',
    );
    swap({ deputyId: 'd1', date: '2026-03-20', withDeputy: deputy('d3'), withDate: '2026-05-21' }).thenFails(
      'DAY_NOT_SCHEDULED',
    );
    swap({
      deputyId: 'd1',
      date: '2026-03-20',
      withDeputy: deputy('d4', { known: false }),
      withDate: null,
    }).thenFails('DEPUTY_NOT_FOUND');
    swap(
      { deputyId: 'd1', date: '2026-03-20', withDeputy: deputy('d4'), withDate: null },
      at('2026-03-20T09:30:00'),
    ).thenFails('DAY_ALREADY_STARTED');
  });
});

describe('roster decider: leave', () => {
  const request = (data: object, metadata = early) =>
    spec
      .given(onDuty)
      .when(
        command(
          'RequestLeave',
          { leaveId: 'l1', date: '2026-03-20', deputyId: 'd1', reason: 'surgery', ...data },
          metadata,
        ),
      );

  it('takes a leave request before the day', () => {
    request({}, at('2026-03-19T23:59:00')).then([leaveRequested]);
  });

  it('refuses leave on or after the day, for someone not on duty, twice, or without a reason', () => {
    request({}, at('2026-03-20T00:00:00')).thenFails('LEAVE_TOO_LATE');
    request({ deputyId: 'd3' }).thenFails('DEPUTY_NOT_ON_DUTY');
    request({ reason: '' }).thenFails('REASON_REQUIRED');
    request({ date: '2026-03-21' }).thenFails('DAY_NOT_SCHEDULED');
    spec
      .given([...onDuty, leaveRequested])
      .when(command('RequestLeave', { leaveId: 'l2', date: '2026-03-20', deputyId: 'd1', reason: 'again' }))
      .thenFails('LEAVE_ALREADY_REQUESTED');
    spec
      .given([...onDuty, leaveRequested])
      .when(command('RequestLeave', { leaveId: 'l1', date: '2026-03-20', deputyId: 'd2', reason: 'x' }))
      .thenFails('LEAVE_ALREADY_EXISTS');
  });

  it('approves or rejects a pending request once', () => {
    const base = { stationId: 's1', leaveId: 'l1', date: '2026-03-20', deputyId: 'd1' };
    spec
      .given([...onDuty, leaveRequested])
      .when(command('ApproveLeave', { leaveId: 'l1' }))
      .then([{ type: 'LeaveApproved', data: base }]);
    spec
      .given([...onDuty, leaveRequested])
      .when(command('RejectLeave', { leaveId: 'l1', reason: 'no substitute' }))
      .then([{ type: 'LeaveRejected', data: { ...base, reason: 'no substitute' } }]);
    spec
      .given([...onDuty, leaveRequested])
      .when(command('RejectLeave', { leaveId: 'l1', reason: '' }))
      .thenFails('REASON_REQUIRED');
    spec
      .given(onDuty)
      .when(command('ApproveLeave', { leaveId: 'l1' }))
      .thenFails('LEAVE_NOT_FOUND');
    spec
      .given([...onDuty, leaveRequested, { type: 'LeaveApproved', data: base }])
      .when(command('RejectLeave', { leaveId: 'l1', reason: 'x' }))
      .thenFails('LEAVE_ALREADY_DECIDED');
    spec
      .given([...onDuty, leaveRequested])
      .when(command('ApproveLeave', { leaveId: 'l1' }, at('2026-03-20T11:30:00')))
      .thenFails('DAY_ALREADY_ENDED');
  });
});

describe('roster decider: check-in, check-out and no-shows', () => {
  const checkIn = (beijing: string, data: object = {}) =>
    spec.given(onDuty).when(
      command('CheckIn', {
        date: '2026-03-20',
        deputyId: 'd1',
        stationId: 's1',
        at: new Date(`${beijing}+08:00`).toISOString(),
        ...data,
      }),
    );

  it('records a check-in with how late it was', () => {
    checkIn('2026-03-20T09:10:30').then([
      {
        type: 'DeputyCheckedIn',
        data: {
          stationId: 's1',
          date: '2026-03-20',
          deputyId: 'd1',
          at: '2026-03-20T01:10:30.000Z',
          lateMinutes: 10,
        },
      },
    ]);
    checkIn('2026-03-20T08:45:00').then([
      {
        type: 'DeputyCheckedIn',
        data: {
          stationId: 's1',
          date: '2026-03-20',
          deputyId: 'd1',
          at: '2026-03-20T00:45:00.000Z',
          lateMinutes: 0,
        },
      },
    ]);
  });

  it('refuses a check-in at another station, on another day, after the window, twice, on leave, or off duty', () => {
    checkIn('2026-03-20T09:00:00', { stationId: 's2' }).thenFails('WRONG_STATION');
    checkIn('2026-03-19T09:00:00').thenFails('NOT_THE_DUTY_DAY');
    checkIn('2026-03-20T11:30:00').thenFails('DAY_ALREADY_ENDED');
    checkIn('2026-03-20T09:00:00', { deputyId: 'd3' }).thenFails('DEPUTY_NOT_ON_DUTY');
    checkIn('2026-03-21T09:00:00', { date: '2026-03-21' }).thenFails('DAY_NOT_SCHEDULED');
    const checkInAgain = command('CheckIn', {
      date: '2026-03-20',
      deputyId: 'd1',
      stationId: 's1',
      at: '2026-03-20T01:20:00.000Z',
    });
    spec
      .given([...onDuty, checkedIn])
      .when(checkInAgain)
      .thenFails('ALREADY_CHECKED_IN');
    const approved: RosterEvent = {
      type: 'LeaveApproved',
      data: { stationId: 's1', leaveId: 'l1', date: '2026-03-20', deputyId: 'd1' },
    };
    spec
      .given([...onDuty, leaveRequested, approved])
      .when(checkInAgain)
      .thenFails('DEPUTY_ON_LEAVE');
  });

  it('records a check-out with how early it was, once, and only after a check-in', () => {
    const checkOut = (iso: string) => command('CheckOut', { date: '2026-03-20', deputyId: 'd1', at: iso });
    spec
      .given([...onDuty, checkedIn])
      .when(checkOut('2026-03-20T03:00:00.000Z'))
      .then([
        {
          type: 'DeputyCheckedOut',
          data: {
            stationId: 's1',
            date: '2026-03-20',
            deputyId: 'd1',
            at: '2026-03-20T03:00:00.000Z',
            earlyMinutes: 30,
          },
        },
      ]);
    spec.given(onDuty).when(checkOut('2026-03-20T03:00:00.000Z')).thenFails('NOT_CHECKED_IN');
    spec
      .given([...onDuty, checkedIn])
      .when(checkOut('2026-03-20T01:00:00.000Z'))
      .thenFails('INVALID_TIME');
    const out: RosterEvent = {
      type: 'DeputyCheckedOut',
      data: {
        stationId: 's1',
        date: '2026-03-20',
        deputyId: 'd1',
        at: '2026-03-20T03:40:00.000Z',
        earlyMinutes: 0,
      },
    };
    spec
      .given([...onDuty, checkedIn, out])
      .when(checkOut('2026-03-20T03:50:00.000Z'))
      .thenFails('ALREADY_CHECKED_OUT');
  });

  it('records a no-show after the window for a deputy with no check-in and no approved leave, once', () => {
    const noShow = (deputyId: string, beijing = '2026-03-20T11:30:00') =>
      command('RecordNoShow', { date: '2026-03-20', deputyId }, at(beijing));
    const recorded: RosterEvent = {
      type: 'DeputyNoShowRecorded',
      data: { stationId: 's1', date: '2026-03-20', deputyId: 'd2' },
    };
    // a pending (not approved) leave does not excuse
    spec
      .given([...onDuty, leaveRequested])
      .when(noShow('d1'))
      .then([
        { type: 'DeputyNoShowRecorded', data: { stationId: 's1', date: '2026-03-20', deputyId: 'd1' } },
      ]);
    spec.given(onDuty).when(noShow('d2')).then([recorded]);
    spec
      .given([...onDuty, recorded])
      .when(noShow('d2'))
      .then([]);
    spec.given(onDuty).when(noShow('d2', '2026-03-20T11:29:00')).thenFails('DAY_NOT_ENDED');
    spec
      .given([...onDuty, checkedIn])
      .when(noShow('d1'))
      .thenFails('DEPUTY_ATTENDED');
    spec.given(onDuty).when(noShow('d3')).thenFails('DEPUTY_NOT_ON_DUTY');
    const approved: RosterEvent = {
      type: 'LeaveApproved',
      data: { stationId: 's1', leaveId: 'l1', date: '2026-03-20', deputyId: 'd1' },
    };
    spec
      .given([...onDuty, leaveRequested, approved])
      .when(noShow('d1'))
      .thenFails('DEPUTY_ON_LEAVE');
  });
});

describe('roster decider: calendar changes after publication', () => {
  /** The calendar after office t1 declared `dates` days off. */
  const withDaysOff = (...dates: string[]) =>
    buildCalendar({
      offices: [
        { officeId: 't1', version: 1, days: dates.map((date) => ({ date, kind: 'holiday', name: 'fair' })) },
      ],
    });
  const reschedule = (date: string, calendarInForce = withDaysOff(date), metadata = early) =>
    command('RescheduleForCalendar', { date, calendar: calendarInForce, reason: ' fair day ' }, metadata);
  const withPolicy = (holidayPolicy: 'skip' | 'previous-working-day'): RosterEvent => ({
    type: 'RosterPublished',
    data: { ...published.data, holidayPolicy },
  });
  const cancelled20 = (reason: string): RosterEvent => ({
    type: 'RosterDayCancelled',
    data: { stationId: 's1', year: 2026, date: '2026-03-20', reason },
  });
  const moved = (from: string, to: string, extra: object = {}): RosterEvent => ({
    type: 'RosterDayMoved',
    data: {
      stationId: 's1',
      year: 2026,
      jurisdictionId: 't1',
      jurisdictionPath: '/p/t1/',
      from,
      to,
      window,
      movedFrom: from,
      reason: 'fair day',
      calendarVersions: [...withDaysOff(from).versions],
      deputies: [],
      leaves: [],
      ...extra,
    },
  });

  it('moves a day that became a holiday to the next working day, with its deputies and leave requests', () => {
    // 20 March 2026 is a Friday: the next working day is Monday 23 March
    spec
      .given([...onDuty, leaveRequested])
      .when(reschedule('2026-03-20'))
      .then([
        moved('2026-03-20', '2026-03-23', {
          deputies: [
            { deputyId: 'd1', status: 'on-duty' },
            { deputyId: 'd2', status: 'on-duty' },
          ],
          leaves: [
            { leaveId: 'l1', deputyId: 'd1', status: 'requested', reason: 'surgery', rejectionReason: null },
          ],
        }),
      ]);
  });

  it('carries duty and leave to the new day: the leave is decided there, and the old date is free again', () => {
    const afterMove = [
      ...onDuty,
      leaveRequested,
      moved('2026-03-20', '2026-03-23', {
        deputies: [
          { deputyId: 'd1', status: 'on-duty' },
          { deputyId: 'd2', status: 'on-duty' },
        ],
      }),
    ];
    spec
      .given(afterMove)
      .when(command('ApproveLeave', { leaveId: 'l1' }))
      .then([
        {
          type: 'LeaveApproved',
          data: { stationId: 's1', leaveId: 'l1', date: '2026-03-23', deputyId: 'd1' },
        },
      ]);
    spec
      .given(afterMove)
      .when(
        command('CheckIn', {
          date: '2026-03-23',
          deputyId: 'd2',
          stationId: 's1',
          at: '2026-03-23T01:00:00.000Z',
        }),
      )
      .then([
        {
          type: 'DeputyCheckedIn',
          data: {
            stationId: 's1',
            date: '2026-03-23',
            deputyId: 'd2',
            at: '2026-03-23T01:00:00.000Z',
            lateMinutes: 0,
          },
        },
      ]);
    spec
      .given(afterMove)
      .when(command('AssignDuty', { date: '2026-03-20', deputies: [deputy('d1')] }))
      .thenFails('DAY_NOT_SCHEDULED');
  });

  it('keeps the first date of a day moved before, and passes over days already on the roster', () => {
    // 20 February moved to 24 February at publication; 24 February now off too → 25 February, still "from 20 February"
    spec
      .given([published])
      .when(reschedule('2026-02-24', withDaysOff('2026-02-24'), at('2026-02-01T09:00:00')))
      .then([
        moved('2026-02-24', '2026-02-25', {
          movedFrom: '2026-02-20',
          calendarVersions: [...withDaysOff('2026-02-24').versions],
        }),
      ]);
    const added = dayAdded('2026-03-23', 'hearing');
    spec
      .given([published, added])
      .when(reschedule('2026-03-20'))
      .then([moved('2026-03-20', '2026-03-24')]);
  });

  it('moves to the previous working day under that policy, and cancels when none is left or the roster skips', () => {
    spec
      .given([withPolicy('previous-working-day')])
      .when(reschedule('2026-03-20'))
      .then([moved('2026-03-20', '2026-03-19')]);
    // at 10:00 on the 19th the 19th has started, and every earlier day is past
    spec
      .given([withPolicy('previous-working-day')])
      .when(reschedule('2026-03-20', withDaysOff('2026-03-20'), at('2026-03-19T10:00:00')))
      .then([cancelled20('fair day (no working day left to move to)')]);
    spec
      .given([withPolicy('skip')])
      .when(reschedule('2026-03-20'))
      .then([cancelled20('fair day (the roster skips holidays)')]);
  });

  it('changes nothing for a date still worked, one with no duty day, a cancelled day, or a day already moved', () => {
    spec.given(onDuty).when(reschedule('2026-03-20', calendar)).then([]);
    spec.given(onDuty).when(reschedule('2026-03-21')).then([]);
    spec
      .given([
        ...onDuty,
        {
          type: 'RosterDayCancelled',
          data: { stationId: 's1', year: 2026, date: '2026-03-20', reason: 'x' },
        },
      ])
      .when(reschedule('2026-03-20'))
      .then([]);
    spec
      .given([...onDuty, moved('2026-03-20', '2026-03-23')])
      .when(reschedule('2026-03-20'))
      .then([]);
  });

  it('refuses an unpublished roster and a day that has started', () => {
    spec.given([]).when(reschedule('2026-03-20')).thenFails('ROSTER_NOT_PUBLISHED');
    spec
      .given(onDuty)
      .when(reschedule('2026-03-20', withDaysOff('2026-03-20'), at('2026-03-20T09:00:00')))
      .thenFails('DAY_ALREADY_STARTED');
  });
});

describe('roster decider: the remaining failure paths of each command', () => {
  const cancelled20: RosterEvent = {
    type: 'RosterDayCancelled',
    data: { stationId: 's1', year: 2026, date: '2026-03-20', reason: 'typhoon' },
  };
  const onTheDay = at('2026-03-20T12:00:00');

  it('refuses every command but publishing on an unpublished roster', () => {
    const commands: RosterCommand[] = [
      command('AddRosterDay', { date: '2026-03-05', window, reason: 'x' }),
      command('CancelRosterDay', { date: '2026-03-20', reason: 'x' }),
      command('AssignDuty', { date: '2026-03-20', deputies: [deputy('d1')] }),
      command('SwapDuty', { deputyId: 'd1', date: '2026-03-20', withDeputy: deputy('d2'), withDate: null }),
      command('RequestLeave', { leaveId: 'l1', date: '2026-03-20', deputyId: 'd1', reason: 'x' }),
      command('ApproveLeave', { leaveId: 'l1' }),
      command('RejectLeave', { leaveId: 'l1', reason: 'x' }),
      command('CheckIn', {
        date: '2026-03-20',
        deputyId: 'd1',
        stationId: 's1',
        at: '2026-03-20T01:00:00.000Z',
      }),
      command('CheckOut', { date: '2026-03-20', deputyId: 'd1', at: '2026-03-20T03:00:00.000Z' }),
      command('RecordNoShow', { date: '2026-03-20', deputyId: 'd1' }, onTheDay),
    ];
    for (const each of commands) spec.given([]).when(each).thenFails('ROSTER_NOT_PUBLISHED');
  });

  it('refuses an added day with a malformed date or window', () => {
    spec
      .given([published])
      .when(command('AddRosterDay', { date: '2026-3-5', window, reason: 'x' }))
      .thenFails('INVALID_DATE');
    spec
      .given([published])
      .when(
        command('AddRosterDay', {
          date: '2026-03-05',
          window: { start: '11:00', end: '09:00' },
          reason: 'x',
        }),
      )
      .thenFails('INVALID_WINDOW');
  });

  it('refuses a swap with a deputy who no longer serves or is not attached to the station', () => {
    const swapWith = (facts: Partial<DeputyFacts>) =>
      command('SwapDuty', {
        deputyId: 'd1',
        date: '2026-03-20',
        withDeputy: deputy('d4', facts),
        withDate: null,
      });
    spec
      .given(onDuty)
      .when(swapWith({ active: false }))
      .thenFails('DEPUTY_NOT_ACTIVE');
    spec
      .given(onDuty)
      .when(swapWith({ atStation: false }))
      .thenFails('DEPUTY_NOT_AT_STATION');
  });

  it('refuses to approve leave twice, for a cancelled day, or for a deputy swapped off the day', () => {
    const approve = command('ApproveLeave', { leaveId: 'l1' });
    const base = { stationId: 's1', leaveId: 'l1', date: '2026-03-20', deputyId: 'd1' };
    spec
      .given([...onDuty, leaveRequested, { type: 'LeaveApproved', data: base }])
      .when(approve)
      .thenFails('LEAVE_ALREADY_DECIDED');
    spec
      .given([...onDuty, leaveRequested, cancelled20])
      .when(approve)
      .thenFails('DAY_NOT_SCHEDULED');
    spec
      .given([
        ...onDuty,
        leaveRequested,
        {
          type: 'DutySwapped',
          data: { stationId: 's1', deputyId: 'd1', date: '2026-03-20', withDeputyId: 'd3', withDate: null },
        },
      ])
      .when(approve)
      .thenFails('DEPUTY_NOT_ON_DUTY');
    spec
      .given(onDuty)
      .when(command('RejectLeave', { leaveId: 'l1', reason: 'x' }))
      .thenFails('LEAVE_NOT_FOUND');
  });

  it('refuses a check-out or a no-show on a day that is not (or no longer) scheduled', () => {
    spec
      .given([...onDuty, cancelled20])
      .when(command('CheckOut', { date: '2026-03-20', deputyId: 'd1', at: '2026-03-20T03:00:00.000Z' }))
      .thenFails('DAY_NOT_SCHEDULED');
    spec
      .given([...onDuty, cancelled20])
      .when(command('RecordNoShow', { date: '2026-03-20', deputyId: 'd1' }, onTheDay))
      .thenFails('DAY_NOT_SCHEDULED');
  });
});
