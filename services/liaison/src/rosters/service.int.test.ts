// Roster use cases against real stores: office calendars moving roster days, jurisdiction scope, and the
// deputy directory over the deputies slice.
import { randomUUID } from 'node:crypto';
import type { Principal } from '@liaison/auth';
import type { CommandMetadata } from '@liaison/decider';
import { SqlEventStore, type EventStore } from '@liaison/eventstore';
import { SqlReadStore } from '@liaison/readstore';
import type { SqlClient } from '@liaison/sql';
import { testSqlTargets } from '@liaison/testing';
import { createLiaisonModule, type LiaisonModule } from '../index.js';
import { AccessDeniedError } from '../shared/access.js';
import { DeputyServiceDirectory } from './deputy-directory.js';
import type { RosterPublishedData } from './events.js';

const admin: Principal = { userId: 'admin-1', roles: ['admin'], jurisdictionId: null };
const window = { start: '09:00', end: '11:30' };

function metadata(now = '2026-01-05T02:00:00.000Z'): CommandMetadata {
  const commandId = randomUUID();
  return {
    commandId,
    actorId: 'a',
    role: 'admin',
    jurisdictionId: null,
    now,
    correlationId: commandId,
    causationId: null,
  };
}

describe.each(testSqlTargets())('roster service on $name', (target) => {
  let sql: SqlClient;
  let eventStore: EventStore;
  let liaison: LiaisonModule;

  beforeAll(async () => {
    sql = await target.open();
    eventStore = await SqlEventStore.open(sql);
    liaison = createLiaisonModule(eventStore, {
      readStore: await SqlReadStore.open(sql),
      waitForPosition: () => Promise.resolve(true),
      readYourWritesTimeoutMs: 0,
      now: () => new Date('2026-01-05T02:00:00.000Z'),
    });
  });

  afterAll(() => target.dispose(sql));

  async function stationIn(parentId: string | null = null) {
    const jurisdiction = await liaison.jurisdictions.register(
      admin,
      {
        name: `area ${randomUUID().slice(0, 8)}`,
        level: parentId ? 'city' : 'province',
        code: null,
        parentId,
      },
      metadata(),
    );
    const station = await liaison.stations.register(
      admin,
      {
        jurisdictionId: jurisdiction.jurisdictionId,
        name: 'Centre',
        kind: 'centre',
        address: '',
        parentStationId: null,
      },
      metadata(),
    );
    return { jurisdictionId: jurisdiction.jurisdictionId, stationId: station.stationId };
  }

  /** Registers a provincial deputy through the deputies slice and assigns them to `stationId`. */
  async function deputyAt(jurisdictionId: string, stationId: string, phone: string | null = '13900000000') {
    const registered = await liaison.deputies.register(
      admin,
      {
        jurisdictionId,
        name: `Deputy ${randomUUID().slice(0, 4)}`,
        level: 'province',
        constituency: 'Shenzhen',
        term: { number: 14, startsOn: '2023-01-01', endsOn: null },
        employer: null,
        sector: null,
        contact: { phone, email: null, address: null },
      },
      metadata(),
    );
    expect(registered).toMatchObject({ ok: true });
    expect(
      await liaison.deputies.assign(
        admin,
        { deputyId: registered.deputyId, stationId, since: '2026-01-01' },
        metadata(),
      ),
    ).toMatchObject({ ok: true });
    return registered.deputyId;
  }

  const publish = (actor: Principal, stationId: string) =>
    liaison.rosters.publish(
      actor,
      {
        stationId,
        year: 2026,
        rules: [{ kind: 'day-of-month', day: 20, months: 'odd', window }],
        holidayPolicy: 'next-working-day',
        extraDays: [],
        cancellations: [],
      },
      metadata(),
    );

  it("moves roster days off an office's own holidays, nearest office last, and records the calendar versions", async () => {
    const province = await stationIn();
    const city = await stationIn(province.jurisdictionId);
    // the province declares 20 March and 20 May off; the city works 20 May all the same
    for (const date of ['2026-03-20', '2026-05-20']) {
      expect(
        await liaison.calendars.declare(
          admin,
          { jurisdictionId: province.jurisdictionId, date, kind: 'holiday', name: 'provincial day off' },
          metadata(),
        ),
      ).toMatchObject({ ok: true });
    }
    await liaison.calendars.declare(
      admin,
      { jurisdictionId: city.jurisdictionId, date: '2026-05-20', kind: 'working-day', name: 'city works' },
      metadata(),
    );
    expect(await publish(admin, city.stationId)).toMatchObject({ ok: true });
    const [published] = await eventStore.readStream(`roster-${city.stationId}-2026`);
    const data = published!.data as RosterPublishedData;
    expect(data.days.slice(1, 3)).toEqual([
      { date: '2026-03-23', window, ruleIndex: 0, movedFrom: '2026-03-20' },
      { date: '2026-05-20', window, ruleIndex: 0, movedFrom: null },
    ]);
    expect(data.calendarVersions).toEqual([
      'national-2024@1',
      'national-2025@1',
      'national-2026@1',
      `office-${province.jurisdictionId}@2`,
      `office-${city.jurisdictionId}@1`,
    ]);
    expect(data.jurisdictionPath).toBe(`/${province.jurisdictionId}/${city.jurisdictionId}/`);
  });

  it('keeps staff to their own subtree for calendars and rosters', async () => {
    const mine = await stationIn();
    const theirs = await stationIn();
    const staff: Principal = { userId: 's', roles: ['station-staff'], jurisdictionId: mine.jurisdictionId };
    const office: Principal = {
      userId: 'o',
      roles: ['congress-office'],
      jurisdictionId: mine.jurisdictionId,
    };
    await expect(publish(staff, theirs.stationId)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(
      liaison.calendars.declare(
        office,
        { jurisdictionId: theirs.jurisdictionId, date: '2026-03-02', kind: 'holiday', name: 'x' },
        metadata(),
      ),
    ).rejects.toBeInstanceOf(AccessDeniedError);
    const deputy: Principal = { userId: 'd9', roles: ['deputy'], jurisdictionId: null };
    await expect(publish(deputy, mine.stationId)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await publish(staff, mine.stationId)).toMatchObject({ ok: true });
    expect(
      await liaison.rosters.recordNoShow(
        staff,
        { stationId: randomUUID(), date: '2026-03-20', deputyId: 'd' },
        metadata(),
      ),
    ).toMatchObject({ ok: false, error: { code: 'STATION_NOT_FOUND' } });
  });

  it('reads deputies from the deputies slice: serving, stations, end of service, phone', async () => {
    const { jurisdictionId, stationId } = await stationIn();
    const directory = new DeputyServiceDirectory(liaison.deputies);
    const active = await deputyAt(jurisdictionId, stationId, '13911111111');
    const moved = await deputyAt(jurisdictionId, stationId);
    const retired = await deputyAt(jurisdictionId, stationId);
    expect(
      await liaison.deputies.remove(
        admin,
        { deputyId: moved, stationId, until: '2026-02-01', reason: 'moved' },
        metadata(),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await liaison.deputies.resign(
        admin,
        { deputyId: retired, resignedOn: '2026-02-01', reason: 'health' },
        metadata(),
      ),
    ).toMatchObject({ ok: true });
    const unknown = randomUUID();
    expect(await directory.facts([active, moved, retired, unknown], stationId)).toEqual([
      { deputyId: active, known: true, active: true, atStation: true },
      { deputyId: moved, known: true, active: true, atStation: false },
      { deputyId: retired, known: true, active: false, atStation: false }, // resigning ends the assignments
      { deputyId: unknown, known: false, active: false, atStation: false },
    ]);
    expect(await directory.contact(active)).toEqual({
      deputyId: active,
      name: expect.stringMatching(/^Deputy /),
      phone: '13911111111',
    });
    expect(await directory.contact(unknown)).toBeNull();
    // the roster refuses the deputy who left the station and the one who resigned
    expect(await publish(admin, stationId)).toMatchObject({ ok: true });
    const assign = (deputyId: string) =>
      liaison.rosters.assign(admin, { stationId, date: '2026-03-20', deputyIds: [deputyId] }, metadata());
    expect(await assign(moved)).toMatchObject({ ok: false, error: { code: 'DEPUTY_NOT_AT_STATION' } });
    expect(await assign(retired)).toMatchObject({ ok: false, error: { code: 'DEPUTY_NOT_ACTIVE' } });
    expect(await assign(active)).toMatchObject({ ok: true });
  });

  it('keeps every check-in when the deputies of a day sign in at the same moment', async () => {
    const { jurisdictionId, stationId } = await stationIn();
    const deputyIds: string[] = [];
    for (let i = 0; i < 12; i++) deputyIds.push(await deputyAt(jurisdictionId, stationId));
    expect(await publish(admin, stationId)).toMatchObject({ ok: true });
    expect(
      await liaison.rosters.assign(admin, { stationId, date: '2026-03-20', deputyIds }, metadata()),
    ).toMatchObject({
      ok: true,
    });
    // concurrent commands race on the one roster stream; the losers retry on the version conflict
    const outcomes = await Promise.all(
      deputyIds.map((deputyId) =>
        liaison.rosters.checkIn(
          admin,
          { stationId, deputyId, at: '2026-03-20T01:05:00.000Z' },
          metadata('2026-03-20T01:05:00.000Z'),
        ),
      ),
    );
    expect(outcomes.map((outcome) => outcome.ok)).toEqual(deputyIds.map(() => true));
    const checkIns = (await eventStore.readStream(`roster-${stationId}-2026`)).filter(
      (e) => e.type === 'DeputyCheckedIn',
    );
    expect(checkIns.map((e) => (e.data as { deputyId: string }).deputyId).sort()).toEqual(
      [...deputyIds].sort(),
    );
    expect(checkIns.every((e) => (e.data as { lateMinutes: number }).lateMinutes === 5)).toBe(true);
  });
});
