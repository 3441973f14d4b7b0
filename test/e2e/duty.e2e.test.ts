// A station's duty year through HTTP: roster from rules across holidays, a swap, a leave, a late check-in,
// a no-show detected by the scheduler, reminders in the outbox, and the public and staff views.
import { randomUUID } from 'node:crypto';
import { loadJwtConfig, mintToken, type Principal } from '@liaison/auth';
import type { Platform } from '@liaison/standalone';
import { closeStoreTargets, testStoreTargets, type StoreTarget } from '@liaison/testing';
import { graphql } from './graphql-client.js';
import { startTestPlatform, type TestPlatform } from './test-platform.js';

const beijing = (local: string) => new Date(`${local}+08:00`);
const global = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64url');
const raw = (globalId: string) =>
  Buffer.from(globalId, 'base64url').toString('utf8').split(':').slice(1).join(':');

const DAY_FIELDS = `id date start end status movedFrom note
  deputies { deputyId status lateMinutes earlyMinutes }
  leaves { id deputyId status reason }
  reminders { deputyId kind status }`;
const PAYLOAD = `userErrors { code message field } position dutyDay { ${DAY_FIELDS} }`;

afterAll(() => closeStoreTargets());

describe.each(testStoreTargets())("a station's duty year through HTTP on $name", (target: StoreTarget) => {
  let world: TestPlatform;
  let platform: Platform;
  let url: string;
  let clock = beijing('2026-01-05T10:00:00');
  const jwt = loadJwtConfig({});
  const token = (principal: Principal) => mintToken(jwt, principal, { expiresIn: '10m' });
  let [d1, d2, d3] = ['', '', ''];
  const names: Record<string, string> = {};
  let admin: string;

  beforeAll(async () => {
    world = await startTestPlatform(
      target,
      { SERVICES: 'gateway,projector,scheduler' },
      { now: () => clock, startScheduler: false },
    );
    platform = world.platform;
    url = platform.url!;
    admin = await token({ userId: 'admin-1', roles: ['admin'], jurisdictionId: null });
  });

  afterAll(async () => {
    await world.close();
  });

  async function call(query: string, variables: Record<string, unknown>, bearer?: string) {
    const response = await graphql(url, query, variables, bearer);
    expect(response.errors).toBeUndefined();
    return response.data!;
  }
  async function tick() {
    await platform.projector!.waitFor(await platform.eventStore.headPosition(), 10_000);
    return platform.scheduler!.tick();
  }
  /** Registers a city deputy through the deputies slice and assigns them to the station; returns the raw id. */
  async function registerDeputy(name: string, jurisdictionId: string, stationId: string): Promise<string> {
    const registered = (
      await call(
        `mutation($input: RegisterDeputyInput!) { registerDeputy(input: $input) { deputy { id } userErrors { code message } } }`,
        {
          input: {
            jurisdictionId,
            name,
            level: 'CITY',
            constituency: 'Nanshan 3',
            term: { number: 7, startsOn: '2021-12-01' },
            contact: { phone: `1380000000${name.slice(-1)}` },
          },
        },
        admin,
      )
    ).registerDeputy;
    expect(registered.userErrors).toEqual([]);
    const assigned = (
      await call(
        `mutation($input: AssignDeputyToStationInput!) { assignDeputyToStation(input: $input) { userErrors { code message } } }`,
        { input: { deputyId: registered.deputy.id, stationId, since: '2026-01-01' } },
        admin,
      )
    ).assignDeputyToStation;
    expect(assigned.userErrors).toEqual([]);
    names[registered.deputy.id as string] = name;
    return raw(registered.deputy.id as string);
  }

  it('runs the year: holidays moved, swap, leave, late check-in, no-show, reminders, scoped views', async () => {
    // two cities; Shenzhen has a centre station, Guangzhou's staff must not see it
    const register = `mutation($input: RegisterJurisdictionInput!) { registerJurisdiction(input: $input) { jurisdiction { id } } }`;
    const province = (await call(register, { input: { name: 'Guangdong', level: 'PROVINCE' } }, admin))
      .registerJurisdiction;
    const shekou = (
      await call(
        register,
        { input: { name: 'Shenzhen', level: 'CITY', parentId: province.jurisdiction.id } },
        admin,
      )
    ).registerJurisdiction.jurisdiction.id as string;
    const yuehai = (
      await call(
        register,
        { input: { name: 'Guangzhou', level: 'CITY', parentId: province.jurisdiction.id } },
        admin,
      )
    ).registerJurisdiction.jurisdiction.id as string;
    const staff = await token({ userId: 'staff-1', roles: ['station-staff'], jurisdictionId: raw(shekou) });
    const outsider = await token({
      userId: 'staff-9',
      roles: ['station-staff'],
      jurisdictionId: raw(yuehai),
    });
    const station = (
      await call(
        `mutation($input: RegisterStationInput!) { registerStation(input: $input) { station { id } } }`,
        { input: { jurisdictionId: shekou, name: 'Shekou Centre', kind: 'CENTRE' } },
        staff,
      )
    ).registerStation.station.id as string;
    d1 = await registerDeputy('d1', shekou, station);
    d2 = await registerDeputy('d2', shekou, station);
    d3 = await registerDeputy('d3', shekou, station);

    // the roster: the 20th of each month, moved off holidays; an extra day in March; July cancelled
    const published = (
      await call(
        `mutation($input: PublishRosterInput!) { publishRoster(input: $input) {
           userErrors { code message field } position dutyDays { date movedFrom start end } } }`,
        {
          input: {
            stationId: station,
            year: 2026,
            rules: [{ kind: 'DAY_OF_MONTH', day: 20, start: '09:00', end: '11:30' }],
            holidayPolicy: 'NEXT_WORKING_DAY',
            extraDays: [{ date: '2026-03-05', start: '14:30', end: '17:00' }],
            cancellations: ['2026-07-20'],
          },
        },
        staff,
      )
    ).publishRoster;
    expect(published.userErrors).toEqual([]);
    expect(published.dutyDays.map((day: { date: string }) => day.date)).toEqual([
      '2026-01-20',
      '2026-02-24', // 20 February is Spring Festival: moved to the next working day
      '2026-03-05',
      '2026-03-20',
      '2026-04-20',
      '2026-05-20',
      '2026-06-22', // 20 June is Dragon Boat Festival (a Saturday inside the break)
      '2026-08-20',
      '2026-09-20', // a make-up working Sunday is no holiday: it stays
      '2026-10-20',
      '2026-11-20',
      '2026-12-20',
    ]);
    expect(published.dutyDays[1]).toEqual({
      date: '2026-02-24',
      movedFrom: '2026-02-20',
      start: '09:00',
      end: '11:30',
    });
    const dayId = (date: string) => global('DutyDay', `${raw(station)}:${date}`);

    // the working-day calendar in force: national data, plus the city office's own day off
    const office = await token({
      userId: 'office-1',
      roles: ['congress-office'],
      jurisdictionId: raw(shekou),
    });
    const declare = `mutation($input: DeclareOfficeCalendarDayInput!) { declareOfficeCalendarDay(input: $input) { userErrors { code } position } }`;
    const dayOff = { jurisdictionId: shekou, date: '2026-02-27', kind: 'HOLIDAY', name: 'city day off' };
    const notOffice = await graphql(url, declare, { input: dayOff }, staff);
    expect(notOffice.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await call(declare, { input: dayOff }, office)).declareOfficeCalendarDay.userErrors).toEqual([]);
    const february = (
      await call(
        `query($j: ID!) { workingDayCalendar(jurisdictionId: $j, month: "2026-02") { date kind name source } }`,
        { j: shekou },
      )
    ).workingDayCalendar;
    expect(february).toHaveLength(28);
    expect(
      february.filter((day: { kind: string }) => day.kind !== 'WORKING_DAY' && day.kind !== 'WEEKEND'),
    ).toEqual([
      { date: '2026-02-14', kind: 'MAKE_UP_WORKING_DAY', name: '春节', source: 'national' },
      ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => ({
        date: `2026-02-${d}`,
        kind: 'HOLIDAY',
        name: '春节',
        source: 'national',
      })),
      { date: '2026-02-27', kind: 'HOLIDAY', name: 'city day off', source: 'office' },
      { date: '2026-02-28', kind: 'MAKE_UP_WORKING_DAY', name: '春节', source: 'national' },
    ]);

    // a day added by hand and one cancelled
    const added = (
      await call(
        `mutation($input: AddRosterDayInput!) { addRosterDay(input: $input) { ${PAYLOAD} } }`,
        {
          input: {
            stationId: station,
            date: '2026-11-05',
            start: '14:00',
            end: '16:00',
            reason: 'budget hearing',
          },
        },
        staff,
      )
    ).addRosterDay;
    expect(added.dutyDay).toMatchObject({
      date: '2026-11-05',
      start: '14:00',
      status: 'SCHEDULED',
      note: 'budget hearing',
    });
    const cancelled = (
      await call(
        `mutation($input: CancelRosterDayInput!) { cancelRosterDay(input: $input) { ${PAYLOAD} } }`,
        { input: { dutyDayId: dayId('2026-12-20'), reason: 'year-end review' } },
        staff,
      )
    ).cancelRosterDay;
    expect(cancelled.dutyDay).toMatchObject({
      date: '2026-12-20',
      status: 'CANCELLED',
      note: 'year-end review',
    });

    // staff of another jurisdiction can neither read nor change the roster
    const calendar = `query($station: ID!, $month: String!) { rosterCalendar(stationId: $station, month: $month) { ${DAY_FIELDS} } }`;
    const foreign = await graphql(url, calendar, { station, month: '2026-03' }, outsider);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const assign = `mutation($input: AssignDutyInput!) { assignDuty(input: $input) { ${PAYLOAD} } }`;
    const foreignAssign = await graphql(
      url,
      assign,
      { input: { dutyDayId: dayId('2026-03-20'), deputyIds: [global('Deputy', d1)] } },
      outsider,
    );
    expect(foreignAssign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // who is on duty: d1 and d2 on 20 March, d3 on 20 April; d2 and d3 then swap
    const onDuty = async (date: string, deputyIds: string[]) =>
      (
        await call(
          assign,
          { input: { dutyDayId: dayId(date), deputyIds: deputyIds.map((id) => global('Deputy', id)) } },
          staff,
        )
      ).assignDuty;
    expect((await onDuty('2026-03-20', [d1, d2])).userErrors).toEqual([]);
    expect((await onDuty('2026-04-20', [d3])).userErrors).toEqual([]);
    const unknown = await onDuty('2026-04-20', [randomUUID()]);
    expect(unknown.userErrors).toEqual([expect.objectContaining({ code: 'DEPUTY_NOT_FOUND' })]);
    const swapped = (
      await call(
        `mutation($input: SwapDutyInput!) { swapDuty(input: $input) { ${PAYLOAD} } }`,
        {
          input: {
            dutyDayId: dayId('2026-03-20'),
            deputyId: global('Deputy', d2),
            withDeputyId: global('Deputy', d3),
            withDutyDayId: dayId('2026-04-20'),
          },
        },
        staff,
      )
    ).swapDuty;
    expect(swapped.dutyDay.deputies.map((d: { deputyId: string }) => names[d.deputyId])).toEqual([
      'd1',
      'd3',
    ]);

    // d1 asks for leave from 20 March before the day (as the deputy) and staff approve it
    clock = beijing('2026-03-10T10:00:00');
    const d1Token = await token({ userId: d1, roles: ['deputy'], jurisdictionId: null });
    const d3Token = await token({ userId: d3, roles: ['deputy'], jurisdictionId: null });
    const requestLeave = `mutation($input: RequestLeaveInput!) { requestLeave(input: $input) { userErrors { code } leaveId } }`;
    const leave = (
      await call(
        requestLeave,
        {
          input: {
            dutyDayId: dayId('2026-03-20'),
            deputyId: global('Deputy', d1),
            reason: 'NPC session in Beijing',
          },
        },
        d1Token,
      )
    ).requestLeave;
    expect(leave.userErrors).toEqual([]);
    const notSelf = await graphql(
      url,
      requestLeave,
      { input: { dutyDayId: dayId('2026-03-20'), deputyId: global('Deputy', d3), reason: 'x' } },
      d1Token,
    );
    expect(notSelf.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const approved = (
      await call(
        `mutation($input: DecideLeaveInput!) { approveLeave(input: $input) { ${PAYLOAD} } }`,
        { input: { leaveId: leave.leaveId } },
        staff,
      )
    ).approveLeave;
    expect(approved.dutyDay.deputies).toEqual([
      { deputyId: global('Deputy', d1), status: 'ON_LEAVE', lateMinutes: null, earlyMinutes: null },
      { deputyId: global('Deputy', d3), status: 'ON_DUTY', lateMinutes: null, earlyMinutes: null },
    ]);
    expect(approved.dutyDay.leaves).toEqual([
      {
        id: leave.leaveId,
        deputyId: global('Deputy', d1),
        status: 'APPROVED',
        reason: 'NPC session in Beijing',
      },
    ]);

    // staff ask for leave for d2 on 20 April and reject it: d2 stays on duty
    const d2Leave = (
      await call(
        requestLeave,
        { input: { dutyDayId: dayId('2026-04-20'), deputyId: global('Deputy', d2), reason: 'travel' } },
        staff,
      )
    ).requestLeave;
    const rejected = (
      await call(
        `mutation($input: DecideLeaveInput!) { rejectLeave(input: $input) { ${PAYLOAD} } }`,
        { input: { leaveId: d2Leave.leaveId, reason: 'no one to cover' } },
        staff,
      )
    ).rejectLeave;
    expect(rejected.dutyDay.leaves).toEqual([
      { id: d2Leave.leaveId, deputyId: global('Deputy', d2), status: 'REJECTED', reason: 'travel' },
    ]);
    expect(rejected.dutyDay.deputies[0].status).toBe('ON_DUTY');

    // reminders: three days and one day ahead, only to deputies still on duty (d1 is on leave)
    clock = beijing('2026-03-17T09:30:00');
    expect((await tick()).reminders).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect((await tick()).reminders).toEqual({ sent: 0, skipped: 1, failed: 0 });
    clock = beijing('2026-03-19T10:00:00');
    expect((await tick()).reminders).toEqual({ sent: 1, skipped: 0, failed: 0 });

    // on the day: leave is too late; d3 checks in 12 minutes late and leaves 30 minutes early
    clock = beijing('2026-03-20T08:00:00');
    const late = await call(
      requestLeave,
      { input: { dutyDayId: dayId('2026-03-20'), deputyId: global('Deputy', d3), reason: 'ill' } },
      d3Token,
    );
    expect(late.requestLeave.userErrors).toEqual([{ code: 'LEAVE_TOO_LATE' }]);
    clock = beijing('2026-03-20T09:12:00');
    const checkedIn = (
      await call(
        `mutation($input: CheckInInput!) { checkIn(input: $input) { userErrors { code } position } }`,
        { input: { stationId: station, deputyId: global('Deputy', d3) } },
        d3Token,
      )
    ).checkIn;
    expect(checkedIn.userErrors).toEqual([]);
    const board = (
      await call(
        `query { dutyBoard { totalCount nodes { date station { name } deputies { deputyId status lateMinutes } } } }`,
        {},
        staff,
      )
    ).dutyBoard;
    expect(board).toEqual({
      totalCount: 1,
      nodes: [
        {
          date: '2026-03-20',
          station: { name: 'Shekou Centre' },
          deputies: [
            { deputyId: global('Deputy', d1), status: 'ON_LEAVE', lateMinutes: null },
            { deputyId: global('Deputy', d3), status: 'CHECKED_IN', lateMinutes: 12 },
          ],
        },
      ],
    });
    const outsiderBoard = await call(`query { dutyBoard { totalCount } }`, {}, outsider);
    expect(outsiderBoard.dutyBoard.totalCount).toBe(0);
    clock = beijing('2026-03-20T11:00:00');
    const checkedOut = (
      await call(
        `mutation($input: CheckOutInput!) { checkOut(input: $input) { ${PAYLOAD} } }`,
        { input: { dutyDayId: dayId('2026-03-20'), deputyId: global('Deputy', d3) } },
        d3Token,
      )
    ).checkOut;
    expect(checkedOut.dutyDay.deputies[1]).toEqual({
      deputyId: global('Deputy', d3),
      status: 'CHECKED_OUT',
      lateMinutes: 12,
      earlyMinutes: 30,
    });
    clock = beijing('2026-03-20T12:00:00');
    expect((await tick()).noShows).toBe(0); // d1 was on approved leave, d3 attended

    // April: d2 is reminded twice, does not come, and becomes a no-show once the window has closed
    clock = beijing('2026-04-17T09:00:00');
    expect((await tick()).reminders.sent).toBe(1);
    clock = beijing('2026-04-19T09:00:00');
    expect((await tick()).reminders.sent).toBe(1);
    clock = beijing('2026-04-20T11:29:00');
    expect((await tick()).noShows).toBe(0);
    clock = beijing('2026-04-20T11:30:00');
    expect((await tick()).noShows).toBe(1);
    await platform.projector!.waitFor(await platform.eventStore.headPosition(), 10_000);
    const april = (await call(calendar, { station, month: '2026-04' }, staff)).rosterCalendar;
    expect(april).toEqual([
      expect.objectContaining({
        date: '2026-04-20',
        deputies: [
          { deputyId: global('Deputy', d2), status: 'NO_SHOW', lateMinutes: null, earlyMinutes: null },
        ],
        reminders: [
          { deputyId: global('Deputy', d2), kind: 'THREE_DAYS', status: 'SENT' },
          { deputyId: global('Deputy', d2), kind: 'ONE_DAY', status: 'SENT' },
        ],
      }),
    ]);

    // the outbox holds exactly the four reminders, one per deputy, day and kind
    const outbox = (
      await call(
        `query { notificationOutbox(first: 10) { totalCount nodes { deputyId phone text } } }`,
        {},
        admin,
      )
    ).notificationOutbox;
    expect(outbox.totalCount).toBe(4);
    expect(outbox.nodes.map((m: { deputyId: string }) => names[m.deputyId])).toEqual([
      'd2',
      'd2',
      'd3',
      'd3',
    ]);
    expect(outbox.nodes[0]).toMatchObject({ phone: '13800000002' });
    expect(outbox.nodes[0].text).toContain('明天（2026-04-20 09:00-11:30）');

    // the public sees March's days and who receives voters, without anyone on leave
    const publicView = (
      await call(
        `query($station: ID!) { whoIsOnDuty(from: "2026-03-01", to: "2026-03-31", stationId: $station) {
           totalCount nodes { date start end deputyIds station { name } } } }`,
        { station },
      )
    ).whoIsOnDuty;
    expect(publicView).toEqual({
      totalCount: 2,
      nodes: [
        {
          date: '2026-03-05',
          start: '14:30',
          end: '17:00',
          deputyIds: [],
          station: { name: 'Shekou Centre' },
        },
        {
          date: '2026-03-20',
          start: '09:00',
          end: '11:30',
          deputyIds: [global('Deputy', d3)],
          station: { name: 'Shekou Centre' },
        },
      ],
    });
  });
});
