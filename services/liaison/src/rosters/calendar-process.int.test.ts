// The roster calendar process against real stores: an office declares a published duty day a holiday, the day
// moves with its deputies at the stations under that office only, reminders follow it once, and replays change
// nothing.
import type { Principal } from '@liaison/auth';
import { SqlEventStore, type EventStore } from '@liaison/eventstore';
import { PersonalData, SqlKeyVault } from '@liaison/personal-data';
import { Projector } from '@liaison/projector';
import { SqlReadStore, type ReadStore } from '@liaison/readstore';
import type { SqlClient } from '@liaison/sql';
import { testSqlTargets } from '@liaison/testing';
import { createLiaisonModule, type LiaisonModule } from '../index.js';
import { OutboxProvider } from '../notifications/outbox.js';
import { metadataFor } from '../shared/command-metadata.js';
import { InMemoryDeputyDirectory } from './deputy-directory.js';
import type { DutyDayDocument } from './projection.js';

const admin: Principal = { userId: 'admin-1', roles: ['admin'], jurisdictionId: null };
const beijing = (local: string) => new Date(`${local}+08:00`);
const window = { start: '09:00', end: '11:30' };
let sequence = 0;

describe.each(testSqlTargets())('roster calendar process on $name', (target) => {
  let sql: SqlClient;
  let eventStore: EventStore;
  let readStore: ReadStore;
  let projector: Projector;
  let liaison: LiaisonModule;
  let clock = beijing('2026-03-10T10:00:00');
  const errors: unknown[] = [];
  const deputies = new InMemoryDeputyDirectory();

  const metadata = () => metadataFor({ commandId: `cmd-${++sequence}`, now: clock.toISOString() });
  const settle = async () =>
    expect(await projector.waitFor(await eventStore.headPosition(), 10_000)).toBe(true);
  const day = async (stationId: string, date: string) =>
    (await readStore.load<DutyDayDocument>('duty_days', [`${stationId}:${date}`]))[0];

  beforeAll(async () => {
    sql = await target.open();
    eventStore = await SqlEventStore.open(sql);
    readStore = await SqlReadStore.open(sql);
    liaison = createLiaisonModule(eventStore, {
      readStore,
      waitForPosition: (position, timeoutMs) => projector.waitFor(position, timeoutMs),
      readYourWritesTimeoutMs: 0,
      personalData: new PersonalData(await SqlKeyVault.open(sql)),
      now: () => clock,
      deputies,
      onProcessError: (error) => errors.push(error),
    });
    projector = new Projector(eventStore, readStore, liaison.projections);
    await projector.start();
    liaison.rosterCalendar.start();
  });

  afterAll(async () => {
    await liaison.rosterCalendar.stop();
    await projector.stop();
    await target.dispose(sql);
  });

  it('moves the published days under the office, with deputies and leave, and reminds for the new day once', async () => {
    const register = async (name: string, level: 'province' | 'city', parentId: string | null) =>
      (await liaison.jurisdictions.register(admin, { name, level, code: null, parentId }, metadata()))
        .jurisdictionId;
    const province = await register('Guangdong', 'province', null);
    const shenzhen = await register('Shenzhen', 'city', province);
    const guangzhou = await register('Guangzhou', 'city', province);
    const station = async (jurisdictionId: string) =>
      (
        await liaison.stations.register(
          admin,
          { jurisdictionId, name: 'Centre', kind: 'centre', address: '', parentStationId: null },
          metadata(),
        )
      ).stationId;
    const shekou = await station(shenzhen);
    const yuexiu = await station(guangzhou);
    for (const [deputyId, stationId] of [
      ['d1', shekou],
      ['d2', shekou],
      ['d3', yuexiu],
    ] as const)
      deputies.put({ deputyId, name: deputyId, phone: '13800000000', stationIds: [stationId] });
    for (const stationId of [shekou, yuexiu]) {
      const published = await liaison.rosters.publish(
        admin,
        {
          stationId,
          year: 2026,
          rules: [{ kind: 'day-of-month', day: 20, months: 'all', window }],
          holidayPolicy: 'next-working-day',
          extraDays: [],
          cancellations: [],
        },
        metadata(),
      );
      expect(published.ok).toBe(true);
    }
    await liaison.rosters.assign(
      admin,
      { stationId: shekou, date: '2026-03-20', deputyIds: ['d1', 'd2'] },
      metadata(),
    );
    await liaison.rosters.assign(
      admin,
      { stationId: yuexiu, date: '2026-03-20', deputyIds: ['d3'] },
      metadata(),
    );
    const leave = await liaison.rosters.requestLeave(
      admin,
      { stationId: shekou, date: '2026-03-20', deputyId: 'd2', reason: 'surgery' },
      metadata(),
    );
    expect(leave.ok).toBe(true);

    // the three-days reminders for 20 March go out before the change
    const scheduler = liaison.scheduler(new OutboxProvider(eventStore, () => clock), {
      schedulerId: 'scheduler-a',
      intervalMs: 60_000,
    });
    clock = beijing('2026-03-17T09:30:00');
    await settle();
    expect((await scheduler.tick()).reminders.sent).toBe(3);

    // Shenzhen declares Friday 20 March a day off; a make-up working day changes no published day
    const declared = await liaison.calendars.declare(
      admin,
      { jurisdictionId: shenzhen, date: '2026-03-20', kind: 'holiday', name: 'city fair' },
      metadata(),
    );
    expect(declared.ok).toBe(true);
    const workDay = await liaison.calendars.declare(
      admin,
      { jurisdictionId: shenzhen, date: '2026-04-18', kind: 'working-day', name: 'make-up for the fair' },
      metadata(),
    );
    expect(workDay.ok).toBe(true);
    await waitUntil(async () => (await day(shekou, '2026-03-23')) !== null);

    expect(await day(shekou, '2026-03-20')).toMatchObject({
      status: 'moved',
      movedTo: '2026-03-23',
      note: '2026-03-20 declared a holiday (city fair) by the office of Shenzhen',
    });
    const moved = (await day(shekou, '2026-03-23'))!;
    expect(moved).toMatchObject({ status: 'scheduled', movedFrom: '2026-03-20', window, reminders: [] });
    expect(moved.deputies.map((d) => [d.deputyId, d.status])).toEqual([
      ['d1', 'on-duty'],
      ['d2', 'on-duty'],
    ]);
    expect(moved.leaves.map((l) => [l.deputyId, l.status, l.reason])).toEqual([
      ['d2', 'requested', 'surgery'],
    ]);
    // Guangzhou is not under Shenzhen's office: its day stays
    expect(await day(yuexiu, '2026-03-20')).toMatchObject({ status: 'scheduled', movedTo: null });
    const movedEvents = await eventStore.readAll({ filter: { eventTypes: ['RosterDayMoved'] } });
    expect(movedEvents).toHaveLength(1);
    expect(movedEvents[0]!.metadata).toMatchObject({ actorId: 'process:roster-calendar', role: 'system' });

    // handling the change again (a restart before the checkpoint) issues duplicates only
    const trigger = (await eventStore.readAll({ filter: { eventTypes: ['OfficeCalendarDayDeclared'] } }))[0]!;
    await liaison.rosterCalendar.handle(trigger);
    expect(await eventStore.readAll({ filter: { eventTypes: ['RosterDayMoved'] } })).toHaveLength(1);

    // the leave is decided on the new day; reminders follow the day to 23 March, each once
    expect(
      await liaison.rosters.decideLeave(
        admin,
        { stationId: shekou, date: '2026-03-23', leaveId: leave.leaveId, approve: true, reason: '' },
        metadata(),
      ),
    ).toMatchObject({ ok: true, eventCount: 1 });
    clock = beijing('2026-03-20T09:30:00');
    await settle();
    expect((await scheduler.tick()).reminders).toEqual({ sent: 1, skipped: 0, failed: 0 }); // d1; d2 is on leave
    expect((await scheduler.tick()).reminders).toEqual({ sent: 0, skipped: 1, failed: 0 });
    clock = beijing('2026-03-22T09:30:00');
    await settle();
    expect((await scheduler.tick()).reminders).toEqual({ sent: 1, skipped: 0, failed: 0 });
    const sent = await eventStore.readAll({ filter: { eventTypes: ['DutyReminderSent'] } });
    expect(
      sent
        .map((e) => e.data as { deputyId: string; date: string; kind: string })
        .map((r) => `${r.deputyId} ${r.date} ${r.kind}`)
        .sort(),
    ).toEqual([
      'd1 2026-03-20 three-days',
      'd1 2026-03-23 one-day',
      'd1 2026-03-23 three-days',
      'd2 2026-03-20 three-days',
      'd3 2026-03-20 three-days',
    ]);
    expect(errors).toEqual([]);
  });
});

/** Polls `condition` until it holds (the process runs in the background). */
async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
