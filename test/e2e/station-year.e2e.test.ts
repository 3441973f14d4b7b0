// One station's year through HTTP, with the figures worked out by hand: a roster from rules whose days move off
// Qingming and National Day (and, after publication, off a day the county declares off), reminders three days and
// one day ahead read from the outbox, check-ins and check-outs (one late, one early), one leave requested and
// approved, one no-show found by the scheduler, an activity with participants signed in, the attendance report per
// deputy, station and jurisdiction, the deputy's performance record, and an assessment against the nine haves with
// stars and a ranking.
import { loadJwtConfig, mintToken, type Principal } from '@liaison/auth';
import type { Platform } from '@liaison/standalone';
import { closeStoreTargets, testStoreTargets, type StoreTarget } from '@liaison/testing';
import { FIVE_STAR_THRESHOLDS, operations } from './mutations.js';
import { startTestPlatform, type TestPlatform } from './test-platform.js';

const beijing = (local: string) => new Date(`${local}+08:00`);
const global = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const raw = (globalId: string) =>
  Buffer.from(globalId, 'base64url').toString('utf8').split(':').slice(1).join(':');

const FIGURES = 'dutyDays attended late earlyDepartures noShows leave activities attendanceRate';
/** Figures as the report prints them; every casework figure is zero in this walk. */
const figures = (f: {
  dutyDays: number;
  attended: number;
  late: number;
  earlyDepartures: number;
  noShows: number;
  leave: number;
  activities: number;
  attendanceRate: number | null;
}) => f;

afterAll(() => closeStoreTargets());

describe.each(testStoreTargets())("a station's year through HTTP on $name", (target: StoreTarget) => {
  let world: TestPlatform;
  let platform: Platform;
  let url: string;
  let clock = beijing('2026-01-05T10:00:00');
  const jwt = loadJwtConfig({});
  const token = (principal: Principal) => mintToken(jwt, principal, { expiresIn: '10m' });

  beforeAll(async () => {
    world = await startTestPlatform(
      target,
      { SERVICES: 'gateway,projector,scheduler' },
      { now: () => clock, startScheduler: false },
    );
    platform = world.platform;
    url = world.url;
  });

  afterAll(async () => {
    await world.close();
  });

  const { ok, mutate, registerJurisdiction } = operations(() => url);

  /** Lets the read models catch up, then runs one scheduler pass at the current clock. */
  async function tick() {
    await platform.projector!.waitFor(await platform.eventStore.headPosition(), 10_000);
    return platform.scheduler!.tick();
  }

  it('walks the year to exact attendance figures, stars and ranking', async () => {
    const admin = await token({ userId: 'admin-1', roles: ['admin'], jurisdictionId: null });
    const jurisdiction = (name: string, level: string, parentId?: string) =>
      registerJurisdiction(name, level, parentId, admin);
    const province = await jurisdiction('Guangdong', 'PROVINCE');
    const city = await jurisdiction('Shenzhen', 'CITY', province);
    const county = await jurisdiction('Nanshan', 'COUNTY', city);
    const shekou = await jurisdiction('Shekou', 'TOWNSHIP', county);
    const centre = (
      await mutate(
        'registerStation',
        { jurisdictionId: shekou, name: 'Shekou Centre', kind: 'CENTRE' },
        'station { id }',
        admin,
      )
    ).station.id as string;
    const point = (
      await mutate(
        'registerStation',
        {
          jurisdictionId: shekou,
          name: 'Shekou School Point',
          kind: 'POINT',
          parentStationId: centre,
          specialisation: 'SCHOOL',
        },
        'station { id }',
        admin,
      )
    ).station.id as string;

    // three county deputies at the centre; d1 also serves the school point
    const names: Record<string, string> = {};
    const registerDeputy = async (name: string, stations: string[]) => {
      const id = (
        await mutate(
          'registerDeputy',
          {
            jurisdictionId: shekou,
            name,
            level: 'COUNTY',
            constituency: 'Shekou 2',
            term: { number: 7, startsOn: '2021-12-01' },
            contact: { phone: `1390000000${name.slice(-1)}` },
          },
          'deputy { id }',
          admin,
        )
      ).deputy.id as string;
      for (const stationId of stations)
        await mutate('assignDeputyToStation', { deputyId: id, stationId, since: '2026-01-01' }, '', admin);
      names[id] = name;
      return id;
    };
    const d1 = await registerDeputy('d1', [centre, point]);
    const d2 = await registerDeputy('d2', [centre]);
    const d3 = await registerDeputy('d3', [centre]);
    const staff = await token({ userId: 'staff-1', roles: ['station-staff'], jurisdictionId: raw(shekou) });
    const office = await token({
      userId: 'office-1',
      roles: ['congress-office'],
      jurisdictionId: raw(county),
    });
    const deputyToken = (id: string) =>
      token({ userId: raw(id), roles: ['deputy'], jurisdictionId: raw(shekou) });
    const d1Token = await deputyToken(d1);
    const d2Token = await deputyToken(d2);
    const d3Token = await deputyToken(d3);

    // --- the roster: the 5th of even months, 09:00-11:30, holidays moved to the next working day ---
    // 2026-02-05 Thu, 2026-06-05 Fri, 2026-08-05 Wed, 2026-12-05 Sat: not holidays, they stay.
    // 2026-04-05 Sun is Qingming (04-04..04-06): next working day Tue 2026-04-07.
    // 2026-10-05 Mon is National Day (10-01..10-07): next working day Thu 2026-10-08.
    const published = await mutate(
      'publishRoster',
      {
        stationId: centre,
        year: 2026,
        rules: [{ kind: 'DAY_OF_MONTH', day: 5, months: 'EVEN', start: '09:00', end: '11:30' }],
        holidayPolicy: 'NEXT_WORKING_DAY',
      },
      'dutyDays { date movedFrom }',
      staff,
    );
    expect(published.dutyDays).toEqual([
      { date: '2026-02-05', movedFrom: null },
      { date: '2026-04-07', movedFrom: '2026-04-05' },
      { date: '2026-06-05', movedFrom: null },
      { date: '2026-08-05', movedFrom: null },
      { date: '2026-10-08', movedFrom: '2026-10-05' },
      { date: '2026-12-05', movedFrom: null },
    ]);
    // the school point receives on one extra day only
    await mutate(
      'publishRoster',
      {
        stationId: point,
        year: 2026,
        rules: [],
        extraDays: [{ date: '2026-06-12', start: '14:00', end: '16:00' }],
      },
      'dutyDays { date }',
      staff,
    );
    const dayId = (stationId: string, date: string) => global('DutyDay', `${raw(stationId)}:${date}`);
    const assign = (stationId: string, date: string, deputyIds: string[]) =>
      mutate('assignDuty', { dutyDayId: dayId(stationId, date), deputyIds }, 'dutyDay { date }', staff);
    await assign(centre, '2026-06-05', [d1, d2, d3]);
    await assign(centre, '2026-10-08', [d1, d2, d3]);
    await assign(point, '2026-06-12', [d1]);

    const checkIn = (stationId: string, deputyId: string, bearer: string) =>
      mutate('checkIn', { stationId, deputyId }, 'dutyDay { date }', bearer);
    const checkOut = (stationId: string, date: string, deputyId: string, bearer: string) =>
      mutate('checkOut', { dutyDayId: dayId(stationId, date), deputyId }, 'dutyDay { date }', bearer);

    // --- June: reminders three days and one day ahead, a late check-in and an early departure ---
    clock = beijing('2026-06-02T09:00:00');
    expect(await tick()).toEqual({ reminders: { sent: 3, skipped: 0, failed: 0 }, noShows: 0 });
    expect(await tick()).toEqual({ reminders: { sent: 0, skipped: 3, failed: 0 }, noShows: 0 });
    clock = beijing('2026-06-04T09:00:00');
    expect((await tick()).reminders).toEqual({ sent: 3, skipped: 0, failed: 0 });
    clock = beijing('2026-06-05T08:55:00');
    await checkIn(centre, d1, d1Token); // early: 0 minutes late
    clock = beijing('2026-06-05T09:00:00');
    await checkIn(centre, d3, d3Token); // on the minute: 0
    clock = beijing('2026-06-05T09:07:00');
    await checkIn(centre, d2, d2Token); // 7 minutes late
    clock = beijing('2026-06-05T11:00:00');
    await checkOut(centre, '2026-06-05', d3, d3Token); // 30 minutes early
    clock = beijing('2026-06-05T11:30:00');
    await checkOut(centre, '2026-06-05', d1, d1Token);
    clock = beijing('2026-06-05T11:35:00');
    await checkOut(centre, '2026-06-05', d2, d2Token);
    clock = beijing('2026-06-05T12:00:00');
    expect(await tick()).toEqual({ reminders: { sent: 0, skipped: 0, failed: 0 }, noShows: 0 });
    // the school point's day: d1 reminded twice, on time
    clock = beijing('2026-06-09T09:00:00');
    expect((await tick()).reminders.sent).toBe(1);
    clock = beijing('2026-06-11T09:00:00');
    expect((await tick()).reminders.sent).toBe(1);
    clock = beijing('2026-06-12T13:58:00');
    await checkIn(point, d1, d1Token);
    clock = beijing('2026-06-12T16:00:00');
    await checkOut(point, '2026-06-12', d1, d1Token);

    // --- July: the county declares Wednesday 5 August a local day off after publication; the roster follows ---
    clock = beijing('2026-07-20T10:00:00');
    await mutate(
      'declareOfficeCalendarDay',
      { jurisdictionId: county, date: '2026-08-05', kind: 'HOLIDAY', name: 'flood-prevention day' },
      'position',
      office,
      'DeclareOfficeCalendarDayInput',
    );
    const AUGUST = `query($station: ID!) { rosterCalendar(stationId: $station, month: "2026-08") {
      date status movedFrom movedTo note } }`;
    let august: Array<{ date: string }> = [];
    for (let attempt = 0; attempt < 200 && august.length < 2; attempt++) {
      august = (await ok(AUGUST, { station: centre }, staff)).rosterCalendar;
      if (august.length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const note = '2026-08-05 declared a holiday (flood-prevention day) by the office of Nanshan';
    expect(august).toEqual([
      { date: '2026-08-05', status: 'MOVED', movedFrom: null, movedTo: '2026-08-06', note },
      { date: '2026-08-06', status: 'SCHEDULED', movedFrom: '2026-08-05', movedTo: null, note },
    ]);

    // --- September: a thematic activity day at the centre; d1 and d2 sign in, d3 was invited but stays away ---
    clock = beijing('2026-09-01T10:00:00');
    const activity = (
      await mutate(
        'planActivity',
        {
          kind: 'THEMATIC_ACTIVITY_DAY',
          title: 'Old-estate lifts',
          subject: 'installing lifts in six-storey blocks',
          date: '2026-09-15',
          place: 'Shekou Centre',
          stationId: centre,
        },
        'activity { id }',
        staff,
      )
    ).activity.id as string;
    await mutate('inviteActivityParticipants', { activityId: activity, deputyIds: [d1, d2, d3] }, '', staff);
    clock = beijing('2026-09-15T09:30:00');
    await mutate('signInToActivity', { activityId: activity, deputyId: d1 }, '', d1Token);
    await mutate(
      'signInToActivity',
      { activityId: activity, deputyId: d2, signedInAt: beijing('2026-09-15T09:20:00').toISOString() },
      '',
      staff,
    );
    clock = beijing('2026-09-15T12:00:00');
    const held = await mutate(
      'recordActivityOutcome',
      { activityId: activity, summary: 'Two blocks agree to apply for lifts' },
      'activity { status participants { deputyId signedInAt } }',
      staff,
    );
    expect(held.activity).toEqual({
      status: 'HELD',
      participants: [
        { deputyId: d1, signedInAt: '2026-09-15T01:30:00.000Z' },
        { deputyId: d2, signedInAt: '2026-09-15T01:20:00.000Z' },
        { deputyId: d3, signedInAt: null },
      ],
    });

    // --- October, the day moved off National Day: d2 asks for leave and staff approve it before the day ---
    clock = beijing('2026-09-28T10:00:00');
    const leave = await mutate(
      'requestLeave',
      { dutyDayId: dayId(centre, '2026-10-08'), deputyId: d2, reason: 'provincial inspection tour' },
      'leaveId',
      d2Token,
    );
    clock = beijing('2026-09-29T10:00:00');
    await mutate('approveLeave', { leaveId: leave.leaveId }, 'dutyDay { date }', staff, 'DecideLeaveInput');
    // reminders go to the deputies still on duty (d1, d3) ahead of the moved day, each exactly once
    clock = beijing('2026-10-05T09:00:00');
    expect((await tick()).reminders).toEqual({ sent: 2, skipped: 0, failed: 0 });
    expect((await tick()).reminders).toEqual({ sent: 0, skipped: 2, failed: 0 });
    clock = beijing('2026-10-07T09:00:00');
    expect((await tick()).reminders).toEqual({ sent: 2, skipped: 0, failed: 0 });
    // d1 comes 12 minutes late and stays to the end; d3 never comes
    clock = beijing('2026-10-08T09:12:00');
    await checkIn(centre, d1, d1Token);
    clock = beijing('2026-10-08T11:29:00');
    expect((await tick()).noShows).toBe(0); // the window is still open
    clock = beijing('2026-10-08T11:30:00');
    await checkOut(centre, '2026-10-08', d1, d1Token);
    expect((await tick()).noShows).toBe(1);
    expect((await tick()).noShows).toBe(0); // recorded once
    await platform.projector!.waitFor(await platform.eventStore.headPosition(), 10_000);

    const october = (
      await ok(
        `query($station: ID!) { rosterCalendar(stationId: $station, month: "2026-10") {
           date movedFrom deputies { deputyId status lateMinutes earlyMinutes } reminders { deputyId kind status } } }`,
        { station: centre },
        staff,
      )
    ).rosterCalendar;
    expect(october).toEqual([
      {
        date: '2026-10-08',
        movedFrom: '2026-10-05',
        deputies: [
          { deputyId: d1, status: 'CHECKED_OUT', lateMinutes: 12, earlyMinutes: 0 },
          { deputyId: d2, status: 'ON_LEAVE', lateMinutes: null, earlyMinutes: null },
          { deputyId: d3, status: 'NO_SHOW', lateMinutes: null, earlyMinutes: null },
        ],
        reminders: expect.arrayContaining([
          { deputyId: d1, kind: 'THREE_DAYS', status: 'SENT' },
          { deputyId: d1, kind: 'ONE_DAY', status: 'SENT' },
          { deputyId: d3, kind: 'THREE_DAYS', status: 'SENT' },
          { deputyId: d3, kind: 'ONE_DAY', status: 'SENT' },
        ]),
      },
    ]);
    expect(october[0].reminders).toHaveLength(4);

    // --- the outbox: 3 + 3 (centre, 5 June) + 1 + 1 (point, 12 June) + 2 + 2 (centre, 8 October) = 12 ---
    const outbox = (
      await ok(
        `query { notificationOutbox(first: 20) { totalCount nodes { deputyId phone text } } }`,
        {},
        admin,
      )
    ).notificationOutbox;
    expect(outbox.totalCount).toBe(12);
    const messages = outbox.nodes
      .map((m: { deputyId: string; phone: string; text: string }) => {
        const when = /(三天后|明天)（(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/.exec(m.text);
        return `${names[m.deputyId]} ${m.phone} ${when?.[2]} ${when?.[3]} ${when?.[1] === '明天' ? 'one day' : 'three days'}`;
      })
      .sort();
    expect(messages).toEqual([
      'd1 13900000001 2026-06-05 09:00 one day',
      'd1 13900000001 2026-06-05 09:00 three days',
      'd1 13900000001 2026-06-12 14:00 one day',
      'd1 13900000001 2026-06-12 14:00 three days',
      'd1 13900000001 2026-10-08 09:00 one day',
      'd1 13900000001 2026-10-08 09:00 three days',
      'd2 13900000002 2026-06-05 09:00 one day',
      'd2 13900000002 2026-06-05 09:00 three days',
      'd3 13900000003 2026-06-05 09:00 one day',
      'd3 13900000003 2026-06-05 09:00 three days',
      'd3 13900000003 2026-10-08 09:00 one day',
      'd3 13900000003 2026-10-08 09:00 three days',
    ]);

    // --- the attendance report, worked out by hand ---
    // A duty day counts once it comes due: checked in (attended, maybe late), approved leave, or a no-show.
    // attendanceRate = attended / (attended + noShows); approved leave excuses the day.
    //   d1: centre 06-05 (on time), point 06-12 (on time), centre 10-08 (12 min late); activity 09-15
    //       dutyDays 3, attended 3, late 1, early 0, noShows 0, leave 0, activities 1, rate 3/3 = 1
    //   d2: centre 06-05 (7 min late), centre 10-08 on leave; activity 09-15
    //       dutyDays 2, attended 1, late 1, early 0, noShows 0, leave 1, activities 1, rate 1/1 = 1
    //   d3: centre 06-05 (left 30 min early), centre 10-08 no-show; invited to 09-15 but never signed in
    //       dutyDays 2, attended 1, late 0, early 1, noShows 1, leave 0, activities 0, rate 1/2 = 0.5
    //   centre: the three deputies' centre days: dutyDays 2+2+2 = 6, attended 1+1+1+1 = 4, late 2, early 1,
    //       noShows 1, leave 1, activities 2 (d1, d2), rate 4/5 = 0.8
    //   point: d1's one day: dutyDays 1, attended 1, rate 1
    //   Shekou (and Nanshan above it): dutyDays 7, attended 5, late 2, early 1, noShows 1, leave 1, activities 2,
    //       rate 5/6 = 0.83333… → 0.8333
    const d1Figures = figures({
      dutyDays: 3,
      attended: 3,
      late: 1,
      earlyDepartures: 0,
      noShows: 0,
      leave: 0,
      activities: 1,
      attendanceRate: 1,
    });
    const d2Figures = figures({
      dutyDays: 2,
      attended: 1,
      late: 1,
      earlyDepartures: 0,
      noShows: 0,
      leave: 1,
      activities: 1,
      attendanceRate: 1,
    });
    const d3Figures = figures({
      dutyDays: 2,
      attended: 1,
      late: 0,
      earlyDepartures: 1,
      noShows: 1,
      leave: 0,
      activities: 0,
      attendanceRate: 0.5,
    });
    const centreFigures = figures({
      dutyDays: 6,
      attended: 4,
      late: 2,
      earlyDepartures: 1,
      noShows: 1,
      leave: 1,
      activities: 2,
      attendanceRate: 0.8,
    });
    const pointFigures = figures({
      dutyDays: 1,
      attended: 1,
      late: 0,
      earlyDepartures: 0,
      noShows: 0,
      leave: 0,
      activities: 0,
      attendanceRate: 1,
    });
    const shekouFigures = figures({
      dutyDays: 7,
      attended: 5,
      late: 2,
      earlyDepartures: 1,
      noShows: 1,
      leave: 1,
      activities: 2,
      attendanceRate: 0.8333,
    });
    const REPORT = `query($j: ID) { attendanceReport(jurisdictionId: $j, from: "2026-01", to: "2026-12") {
      totals { ${FIGURES} }
      stations { totalCount nodes { station { name } jurisdiction { name } figures { ${FIGURES} } } }
      deputies(first: 10) { totalCount nodes { deputyId figures { ${FIGURES} } } } } }`;
    for (const [j, bearer] of [
      [shekou, staff],
      [county, office],
    ] as const) {
      const report = (await ok(REPORT, { j }, bearer)).attendanceReport;
      expect(report.totals).toEqual(shekouFigures);
      expect(report.stations.totalCount).toBe(2);
      expect(
        [...report.stations.nodes].sort((a: any, b: any) => (a.station.name < b.station.name ? -1 : 1)),
      ).toEqual([
        { station: { name: 'Shekou Centre' }, jurisdiction: { name: 'Shekou' }, figures: centreFigures },
        { station: { name: 'Shekou School Point' }, jurisdiction: { name: 'Shekou' }, figures: pointFigures },
      ]);
      expect(report.deputies.totalCount).toBe(3);
      expect(
        Object.fromEntries(report.deputies.nodes.map((row: any) => [names[row.deputyId], row.figures])),
      ).toEqual({ d1: d1Figures, d2: d2Figures, d3: d3Figures });
    }

    // --- d1's performance record: the year, and month by month ---
    const record = (
      await ok(
        `query($d: ID!) { deputyRecord(deputyId: $d, from: "2026-01", to: "2026-12") {
           figures { ${FIGURES} } months { month figures { dutyDays attended late activities } }
           activities { id date activity { kind } } } }`,
        { d: d1 },
        office,
      )
    ).deputyRecord;
    expect(record.figures).toEqual(d1Figures);
    expect(record.months).toHaveLength(12);
    expect(record.months.filter((m: any) => m.figures.dutyDays > 0 || m.figures.activities > 0)).toEqual([
      { month: '2026-06', figures: { dutyDays: 2, attended: 2, late: 0, activities: 0 } },
      { month: '2026-09', figures: { dutyDays: 0, attended: 0, late: 0, activities: 1 } },
      { month: '2026-10', figures: { dutyDays: 1, attended: 1, late: 1, activities: 0 } },
    ]);
    expect(record.activities).toEqual([
      { id: activity, date: '2026-09-15', activity: { kind: 'THEMATIC_ACTIVITY_DAY' } },
    ]);
    // d3 reads their own record
    expect(
      (
        await ok(
          `query($d: ID!) { deputyRecord(deputyId: $d, from: "2026-01", to: "2026-12") {
      figures { ${FIGURES} } } }`,
          { d: d3 },
          d3Token,
        )
      ).deputyRecord.figures,
    ).toEqual(d3Figures);

    // --- the county assesses both stations against the nine haves ---
    clock = beijing('2026-12-20T10:00:00');
    const checklist = (
      await mutate(
        'publishChecklist',
        { jurisdictionId: county, name: 'Nine haves (Nanshan)', template: 'NINE_HAVES' },
        'checklist { id current { maxScore items { code maxScore } } }',
        office,
      )
    ).checklist;
    expect(checklist.current.items).toEqual([
      { code: 'premises', maxScore: 15 },
      { code: 'sign', maxScore: 10 },
      { code: 'rules', maxScore: 10 },
      { code: 'staff', maxScore: 10 },
      { code: 'funds', maxScore: 10 },
      { code: 'plan', maxScore: 10 },
      { code: 'activities', maxScore: 15 },
      { code: 'ledgers', maxScore: 10 },
      { code: 'results', maxScore: 10 },
    ]);
    await mutate(
      'setStarRatingScale',
      {
        jurisdictionId: county,
        thresholds: FIVE_STAR_THRESHOLDS,
      },
      'scale { setBy }',
      office,
    );
    const assess = async (stationId: string, scores: Record<string, number>) => {
      const assessmentId = (
        await mutate(
          'openAssessment',
          { stationId, checklistId: checklist.id, period: '2026' },
          'assessment { id }',
          office,
        )
      ).assessment.id as string;
      for (const [itemCode, score] of Object.entries(scores))
        await mutate('scoreAssessmentItem', { assessmentId, itemCode, score }, '', office);
      return (
        await mutate(
          'completeAssessment',
          { assessmentId },
          'assessment { result { totalScore maxScore percentage stars } }',
          office,
        )
      ).assessment.result;
    };
    // centre: 14 + 10 + 9 + 10 + 8 + 10 + 13 + 9 + 8 = 91 of 100 = 91 % → 4 stars (85 ≤ 91 < 95)
    expect(
      await assess(centre, {
        premises: 14,
        sign: 10,
        rules: 9,
        staff: 10,
        funds: 8,
        plan: 10,
        activities: 13,
        ledgers: 9,
        results: 8,
      }),
    ).toEqual({ totalScore: 91, maxScore: 100, percentage: 91, stars: 4 });
    // point: 12 + 8 + 8 + 7 + 6 + 8 + 10 + 7 + 6 = 72 of 100 = 72 % → 2 stars (65 ≤ 72 < 75)
    expect(
      await assess(point, {
        premises: 12,
        sign: 8,
        rules: 8,
        staff: 7,
        funds: 6,
        plan: 8,
        activities: 10,
        ledgers: 7,
        results: 6,
      }),
    ).toEqual({ totalScore: 72, maxScore: 100, percentage: 72, stars: 2 });
    const ranking = (
      await ok(
        `query($k: ID!, $j: ID) { assessmentRanking(checklistId: $k, period: "2026", jurisdictionId: $j) {
           totalCount nodes { rank percentage stars station { name } } } }`,
        { k: checklist.id, j: shekou },
        office,
      )
    ).assessmentRanking;
    expect(ranking).toEqual({
      totalCount: 2,
      nodes: [
        { rank: 1, percentage: 91, stars: 4, station: { name: 'Shekou Centre' } },
        { rank: 2, percentage: 72, stars: 2, station: { name: 'Shekou School Point' } },
      ],
    });
  });
});
