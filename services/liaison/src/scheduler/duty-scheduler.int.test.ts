// The duty scheduler against real stores: each reminder exactly once under two concurrent schedulers and
// restarts, the SMS-gateway provider against a real HTTP server, and no-shows after the day.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Principal } from '@liaison/auth';
import type { CommandMetadata } from '@liaison/decider';
import { SqlEventStore, type EventStore } from '@liaison/eventstore';
import { Projector } from '@liaison/projector';
import { SqlReadStore, type ReadStore } from '@liaison/readstore';
import type { SqlClient } from '@liaison/sql';
import { testSqlTargets } from '@liaison/testing';
import { createLiaisonModule, type LiaisonModule } from '../index.js';
import { HttpSmsProvider } from '../notifications/http-sms-provider.js';
import type { Notification, NotificationProvider } from '../notifications/notification-provider.js';
import { OutboxProvider } from '../notifications/outbox.js';
import { InMemoryDeputyDirectory } from '../rosters/deputy-directory.js';

const admin: Principal = { userId: 'admin-1', roles: ['admin'], jurisdictionId: null };
const beijing = (local: string) => new Date(`${local}+08:00`);
let sequence = 0;

/** A provider that never answers: the process holding it is as good as dead. */
const hanging: NotificationProvider = { name: 'hanging', send: () => new Promise(() => undefined) };

describe.each(testSqlTargets())('duty scheduler on $name', (target) => {
  let sql: SqlClient;
  let eventStore: EventStore;
  let readStore: ReadStore;
  let projector: Projector;
  let liaison: LiaisonModule;
  let clock: Date;
  let stationId: string;

  const metadata = (): CommandMetadata => {
    const commandId = `cmd-${++sequence}`;
    return {
      commandId,
      actorId: admin.userId,
      role: 'admin',
      jurisdictionId: null,
      now: clock.toISOString(),
      correlationId: commandId,
      causationId: null,
    };
  };
  const settle = async () =>
    expect(await projector.waitFor(await eventStore.headPosition(), 10_000)).toBe(true);
  const eventsOf = async (type: string) => eventStore.readAll({ filter: { eventTypes: [type] } });
  const scheduler = (provider: NotificationProvider, schedulerId: string) =>
    liaison.scheduler(provider, { schedulerId, intervalMs: 60_000, leaseMs: 5 * 60_000 });

  beforeEach(async () => {
    sql = await target.open();
    eventStore = await SqlEventStore.open(sql);
    readStore = await SqlReadStore.open(sql);
    clock = beijing('2026-03-16T09:30:00');
    const deputies = new InMemoryDeputyDirectory();
    liaison = createLiaisonModule(eventStore, {
      readStore,
      waitForPosition: () => Promise.resolve(true),
      readYourWritesTimeoutMs: 0,
      now: () => clock,
      deputies,
    });
    projector = new Projector(eventStore, readStore, liaison.projections);
    await projector.start();
    const province = await liaison.jurisdictions.register(
      admin,
      { name: 'Guangdong', level: 'province', code: null, parentId: null },
      metadata(),
    );
    const station = await liaison.stations.register(
      admin,
      {
        jurisdictionId: province.jurisdictionId,
        name: 'Centre',
        kind: 'centre',
        address: '',
        parentStationId: null,
      },
      metadata(),
    );
    stationId = station.stationId;
    for (const deputyId of ['d1', 'd2']) {
      deputies.put({ deputyId, name: deputyId, phone: '13800000000', stationIds: [stationId] });
    }
    const window = { start: '09:00', end: '11:30' };
    expect(
      await liaison.rosters.publish(
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
      ),
    ).toMatchObject({ ok: true });
    expect(
      await liaison.rosters.assign(
        admin,
        { stationId, date: '2026-03-20', deputyIds: ['d1', 'd2'] },
        metadata(),
      ),
    ).toMatchObject({ ok: true, eventCount: 1 });
    await settle();
  });

  afterEach(async () => {
    await projector.stop();
    await target.dispose(sql);
  });

  it('sends each reminder exactly once while two schedulers tick concurrently, three days and one day ahead', async () => {
    const a = scheduler(new OutboxProvider(eventStore, () => clock), 'scheduler-a');
    const b = scheduler(new OutboxProvider(eventStore, () => clock), 'scheduler-b');
    expect((await a.tick()).reminders.sent).toBe(0); // 16 March: nothing due yet
    clock = beijing('2026-03-17T09:00:00');
    const sent: number[] = [];
    for (let round = 0; round < 3; round++) {
      const [one, two] = await Promise.all([a.tick(), b.tick()]);
      sent.push(one.reminders.sent + two.reminders.sent);
    }
    expect(sent).toEqual([2, 0, 0]);
    clock = beijing('2026-03-19T18:00:00');
    const [one, two] = await Promise.all([a.tick(), b.tick()]);
    expect(one.reminders.sent + two.reminders.sent).toBe(2);
    expect((await eventsOf('NotificationRecorded')).length).toBe(4);
    expect((await eventsOf('DutyReminderSent')).map((e) => (e.data as { kind: string }).kind).sort()).toEqual(
      ['one-day', 'one-day', 'three-days', 'three-days'],
    );
    // the day has started: nothing more is due
    clock = beijing('2026-03-20T09:00:00');
    expect((await a.tick()).reminders).toEqual({ sent: 0, skipped: 0, failed: 0 });
    await settle();
    const outbox = await readStore.find('notification_outbox', { sort: [['recordedAt', 'asc']] });
    expect(outbox.items).toHaveLength(4);
    expect(outbox.items[0]).toMatchObject({ phone: '13800000000', template: 'duty-reminder', stationId });
    expect(String(outbox.items[0]!.text)).toContain('2026-03-20 09:00-11:30');
    const day = await readStore.load('duty_days', [`${stationId}:2026-03-20`]);
    expect((day[0]!.reminders as { status: string }[]).map((r) => r.status)).toEqual([
      'sent',
      'sent',
      'sent',
      'sent',
    ]);
  });

  it('takes over a reminder from a scheduler that died after claiming it, once its lease has run out', async () => {
    clock = beijing('2026-03-17T10:00:00');
    const dying = scheduler(hanging, 'scheduler-dying');
    void dying.tick(); // claims the first reminder, then never returns: a crash mid-run
    await waitUntil(async () => (await eventsOf('DutyReminderClaimed')).length === 1);
    const survivor = scheduler(new OutboxProvider(eventStore, () => clock), 'scheduler-survivor');
    expect((await survivor.tick()).reminders).toEqual({ sent: 1, skipped: 1, failed: 0 });
    clock = new Date(clock.getTime() + 5 * 60_000); // the dead scheduler's lease has run out
    const restarted = scheduler(new OutboxProvider(eventStore, () => clock), 'scheduler-dying');
    expect((await restarted.tick()).reminders).toEqual({ sent: 1, skipped: 1, failed: 0 });
    expect((await survivor.tick()).reminders).toEqual({ sent: 0, skipped: 2, failed: 0 });
    expect((await eventsOf('NotificationRecorded')).length).toBe(2);
    expect((await eventsOf('DutyReminderSent')).length).toBe(2);
  });

  it('delivers once when a scheduler died after handing the message over but before recording it', async () => {
    clock = beijing('2026-03-17T10:00:00');
    const outbox = new OutboxProvider(eventStore, () => clock);
    const deliversThenDies: NotificationProvider = {
      name: 'outbox',
      send: async (notification: Notification) => {
        await outbox.send(notification);
        return new Promise(() => undefined);
      },
    };
    void scheduler(deliversThenDies, 'scheduler-dying').tick();
    await waitUntil(async () => (await eventsOf('NotificationRecorded')).length === 1);
    clock = new Date(clock.getTime() + 6 * 60_000);
    const restarted = scheduler(outbox, 'scheduler-restarted');
    expect((await restarted.tick()).reminders).toEqual({ sent: 2, skipped: 0, failed: 0 });
    // the first reminder was handed to the outbox twice under the same key: it holds it once
    expect((await eventsOf('NotificationRecorded')).length).toBe(2);
    expect((await eventsOf('DutyReminderSent')).length).toBe(2);
  });

  it('posts to an SMS gateway with an idempotency key, retrying after a server error', async () => {
    const requests: { headers: IncomingMessage['headers']; body: Notification }[] = [];
    let failNext = true;
    const server: Server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        requests.push({ headers: request.headers, body: JSON.parse(body) as Notification });
        if (failNext) {
          failNext = false;
          response.writeHead(503).end('busy');
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ messageId: `sms-${requests.length}` }));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
      const sms = scheduler(new HttpSmsProvider({ url, token: 'secret' }), 'scheduler-sms');
      clock = beijing('2026-03-17T10:00:00');
      expect((await sms.tick()).reminders).toEqual({ sent: 1, skipped: 0, failed: 1 });
      expect((await sms.tick()).reminders).toEqual({ sent: 1, skipped: 1, failed: 0 });
      expect((await sms.tick()).reminders).toEqual({ sent: 0, skipped: 2, failed: 0 });
      expect(requests).toHaveLength(3);
      // the failed first request and its retry carry the same key
      expect(requests[0]!.headers['idempotency-key']).toBe(requests[2]!.headers['idempotency-key']);
      expect(requests[0]!.headers.authorization).toBe('Bearer secret');
      expect(requests[0]!.headers['content-type']).toBe('application/json');
      expect(requests[2]!.body).toMatchObject({
        key: requests[2]!.headers['idempotency-key'],
        to: { phone: '13800000000' },
        template: 'duty-reminder',
        data: { stationId, date: '2026-03-20', start: '09:00', end: '11:30', kind: 'three-days' },
      });
      const sent = await eventsOf('DutyReminderSent');
      expect(sent.map((e) => (e.data as { providerMessageId: string }).providerMessageId).sort()).toEqual([
        'sms-2',
        'sms-3',
      ]);
      expect((await eventsOf('DutyReminderFailed'))[0]!.data).toMatchObject({ attempt: 1 });
    } finally {
      server.close();
    }
  });

  it('records a no-show for a deputy with no check-in and no approved leave once the day has ended, once', async () => {
    clock = beijing('2026-03-20T09:05:00');
    expect(
      await liaison.rosters.checkIn(admin, { stationId, deputyId: 'd1', at: null }, metadata()),
    ).toMatchObject({ ok: true, date: '2026-03-20' });
    await settle();
    const noShows = scheduler(new OutboxProvider(eventStore, () => clock), 'scheduler-a');
    expect((await noShows.tick()).noShows).toBe(0); // the day is still on
    clock = beijing('2026-03-20T11:30:00');
    expect((await noShows.tick()).noShows).toBe(1);
    expect((await noShows.tick()).noShows).toBe(0); // before the read model caught up: recorded once
    await settle();
    const [day] = await readStore.load('duty_days', [`${stationId}:2026-03-20`]);
    expect(day).toMatchObject({
      openAttendance: false,
      deputies: [
        { deputyId: 'd1', status: 'checked-in', lateMinutes: 5 },
        { deputyId: 'd2', status: 'no-show' },
      ],
    });
    expect((await eventsOf('DeputyNoShowRecorded')).length).toBe(1);
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`expected the condition within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
