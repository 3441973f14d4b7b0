// Kills a webhook relay process (SIGKILL) while a receiver is taking a delivery, again and again, then checks
// that the receiver got every event, in order per stream, with at most one duplicate per delivery lane and kill.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqlEventStore } from '@liaison/eventstore';
import { SqlReadStore } from '@liaison/readstore';
import { createRelayModule } from '@liaison/relay';
import { WebhookReceiver } from '@liaison/relay/testing';
import { openPglite, openPostgres, quoteIdent, type SqlClient } from '@liaison/sql';
import { testDatabaseUrl } from '@liaison/testing';

const EVENTS = 160;
const STREAMS = 8;
const KILLS = 4;
const childScript = fileURLToPath(new URL('../dist/faults/relay-child.js', import.meta.url));

interface Target {
  name: string;
  /** How many streams the relay delivers at once. */
  lanes: number;
  driver: 'pglite' | 'postgres';
  location: string;
  schema: string;
  open(): Promise<SqlClient>;
  cleanup(): Promise<void>;
}

/** Each store with one delivery lane (log order) and with four; each its own database. */
function targets(): Target[] {
  return [1, 4].flatMap(storesWith);
}

function storesWith(lanes: number): Target[] {
  const dir = mkdtempSync(join(tmpdir(), 'relay-crash-'));
  const list: Target[] = [
    {
      name: `PGlite (data directory), ${lanes} lanes`,
      lanes,
      driver: 'pglite',
      location: dir,
      schema: 'liaison',
      open: () => openPglite({ dataDir: dir, schema: 'liaison' }),
      cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    },
  ];
  const url = testDatabaseUrl();
  if (url) {
    const schema = `relay_crash_${lanes}_${Date.now().toString(36)}`;
    list.push({
      name: `PostgreSQL, ${lanes} lanes`,
      lanes,
      driver: 'postgres',
      location: url,
      schema,
      open: () => openPostgres({ connectionString: url, schema }),
      cleanup: async () => {
        const sql = await openPostgres({ connectionString: url });
        await sql.exec(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
        await sql.close();
      },
    });
  }
  return list;
}

const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

/** Runs the relay process until `stopWhen` says so on a receipt, then SIGKILLs it on the spot. */
function runChild(target: Target, receiver: WebhookReceiver, stopWhen: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = [childScript, target.driver, target.location, target.schema, String(target.lanes)];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Killed from inside the receiver's request handler: the event has arrived, its answer never will.
    receiver.onReceive = () => {
      if (stopWhen()) child.kill('SIGKILL');
    };
    child.on('exit', (code, signal) => {
      children.delete(child);
      receiver.onReceive = null;
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`relay exited with ${code}: ${stderr}`));
    });
  });
}

describe.each(targets())('webhook relay killed mid-delivery on $name', (target) => {
  afterAll(() => target.cleanup());

  it(`delivers each of ${EVENTS} events across ${KILLS} kills, in order per stream`, async () => {
    const receiver = new WebhookReceiver();
    // Answers take a little while, so several lanes have deliveries in flight when the relay is killed.
    receiver.latency = () => Math.floor(Math.random() * 5);
    await receiver.start();
    const sql = await target.open();
    const eventStore = await SqlEventStore.open(sql);
    const relay = createRelayModule(sql, {
      eventStore,
      readStore: await SqlReadStore.open(sql),
      waitForPosition: () => Promise.resolve(true),
      readYourWritesTimeoutMs: 0,
      now: () => new Date(),
    });
    await relay.prepare();
    const commandId = randomUUID();
    const metadata = {
      commandId,
      actorId: 'admin',
      role: 'admin',
      jurisdictionId: null,
      now: new Date().toISOString(),
      correlationId: commandId,
      causationId: null,
    };
    const registered = await relay.partners.register(
      {
        name: 'hotline',
        eventTypes: ['StationRenamed'],
        jurisdictionIds: [],
        webhookUrl: receiver.url,
        personalData: false,
      },
      metadata,
    );
    expect(registered.ok).toBe(true);
    const ids: string[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const id = randomUUID();
      ids.push(id);
      await eventStore.append(`station-${i % STREAMS}`, [
        {
          id,
          type: 'StationRenamed',
          data: { stationId: String(i % STREAMS), name: `n${i}` },
          metadata,
          occurredAt: metadata.now,
        },
      ]);
    }
    // PGlite's data directory belongs to one process at a time.
    await sql.close();

    const distinct = () => new Set(receiver.events().map((event) => event.id)).size;
    for (let kill = 0; kill < KILLS; kill++) {
      const target_ = receiver.received.length + 5 + Math.floor(Math.random() * 25);
      await runChild(target, receiver, () => receiver.received.length >= target_);
    }
    await runChild(target, receiver, () => distinct() === EVENTS);

    const received = receiver.events();
    const firstSeen = new Map<string, (typeof received)[number]>();
    for (const event of received) if (!firstSeen.has(event.id)) firstSeen.set(event.id, event);
    expect(new Set(firstSeen.keys())).toEqual(new Set(ids));
    const lastByStream = new Map<string, number>();
    for (const event of firstSeen.values()) {
      expect(event.streamposition).toBe((lastByStream.get(event.subject) ?? 0) + 1);
      lastByStream.set(event.subject, event.streamposition);
    }
    // At least once: only the deliveries in flight at each kill (one per lane) may arrive twice.
    expect(received.length - EVENTS).toBeLessThanOrEqual(KILLS * target.lanes + 1);
    console.info(`${target.name}: ${received.length} receipts for ${EVENTS} events across ${KILLS} kills`);
    await receiver.stop();
  }, 300_000);
});
