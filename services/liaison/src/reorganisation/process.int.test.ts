// The reorganisation process against real stores: a station registered concurrently with a merger still
// follows it, chained mergers are followed to the end, and replaying every trigger changes nothing.
import type { Principal } from '@liaison/auth';
import { SqlEventStore } from '@liaison/eventstore';
import { Projector } from '@liaison/projector';
import { PersonalData, SqlKeyVault } from '@liaison/personal-data';
import { SqlReadStore } from '@liaison/readstore';
import type { SqlClient } from '@liaison/sql';
import { testSqlTargets, type SqlTarget } from '@liaison/testing';
import { createLiaisonModule, type LiaisonModule } from '../index.js';
import { metadataFor } from '../shared/command-metadata.js';
import { stationStream } from '../stations/events.js';

const admin: Principal = { userId: 'admin-1', roles: ['admin'], jurisdictionId: null };

describe.each(testSqlTargets())('reorganisation process on $name', (target: SqlTarget) => {
  let sql: SqlClient;
  let eventStore: SqlEventStore;
  let readStore: SqlReadStore;
  let projector: Projector;
  let liaison: LiaisonModule;
  let commands = 0;
  const meta = () => metadataFor({ commandId: `cmd-${++commands}`, now: '2026-03-01T02:00:00.000Z' });

  beforeAll(async () => {
    sql = await target.open();
    eventStore = await SqlEventStore.open(sql);
    readStore = await SqlReadStore.open(sql);
    liaison = createLiaisonModule(eventStore, {
      readStore,
      personalData: new PersonalData(await SqlKeyVault.open(sql)),
      waitForPosition: (position, timeoutMs) => projector.waitFor(position, timeoutMs),
      readYourWritesTimeoutMs: 2000,
      now: () => new Date('2026-03-01T02:00:00.000Z'),
    });
    projector = new Projector(eventStore, readStore, liaison.projections, {});
    await projector.start();
  });

  afterAll(async () => {
    await liaison.reorganisation.stop();
    await projector.stop();
    await eventStore.close();
    await readStore.close();
    await target.dispose(sql);
  });

  async function township(name: string, countyId: string): Promise<string> {
    const outcome = await liaison.jurisdictions.register(
      admin,
      { name, level: 'township', code: null, parentId: countyId },
      meta(),
    );
    expect(outcome.ok).toBe(true);
    return outcome.jurisdictionId;
  }

  async function until(check: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('expected the process to have moved everything within 20 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('moves late arrivals, follows chained mergers, and replays without effect', async () => {
    const province = await liaison.jurisdictions.register(
      admin,
      { name: 'P', level: 'province', code: null, parentId: null },
      meta(),
    );
    const city = await liaison.jurisdictions.register(
      admin,
      { name: 'C', level: 'city', code: null, parentId: province.jurisdictionId },
      meta(),
    );
    const county = await liaison.jurisdictions.register(
      admin,
      { name: 'N', level: 'county', code: null, parentId: city.jurisdictionId },
      meta(),
    );
    const a = await township('A', county.jurisdictionId);
    const b = await township('B', county.jurisdictionId);
    const c = await township('C', county.jurisdictionId);
    const early = await liaison.stations.register(
      admin,
      { jurisdictionId: a, name: 'A centre', kind: 'centre', address: '', parentStationId: null },
      meta(),
    );
    expect(early.ok).toBe(true);

    // A merges into B, then B into C, before the process runs
    expect(
      (
        await liaison.jurisdictions.merge(
          admin,
          { jurisdictionId: a, intoJurisdictionId: b, effectiveOn: '2026-04-01' },
          meta(),
        )
      ).ok,
    ).toBe(true);
    // a registration that read A before the merger and appends after it: what a concurrent request does
    const aState = await liaison.jurisdictions.find(a);
    if (aState.status === 'unregistered') throw new Error('expected A to exist');
    await eventStore.append(
      stationStream('late'),
      [
        {
          id: '00000000-0000-4000-8000-000000000001',
          type: 'StationRegistered',
          data: {
            stationId: 'late',
            name: 'Late point',
            kind: 'centre',
            jurisdictionId: a,
            jurisdictionPath: `/${[...aState.ancestorIds, a].join('/')}/`,
            parentStationId: null,
            address: '',
          },
          occurredAt: '2026-03-01T02:00:00.000Z',
          metadata: {
            actorId: 'staff',
            role: 'station-staff',
            jurisdictionId: a,
            commandId: 'late',
            correlationId: 'late',
            causationId: null,
          },
        },
      ],
      { expectedVersion: 'no_stream' },
    );
    expect(
      (
        await liaison.jurisdictions.merge(
          admin,
          { jurisdictionId: b, intoJurisdictionId: c, effectiveOn: '2026-05-01' },
          meta(),
        )
      ).ok,
    ).toBe(true);

    // the late registration alone, as the process meets it after the mergers: it follows the chain to C
    const [lateRegistered] = await eventStore.readStream(stationStream('late'));
    await liaison.reorganisation.handle(lateRegistered!);
    expect(await liaison.stations.find('late')).toMatchObject({ jurisdictionId: c });
    expect(await liaison.stations.find(early.stationId)).toMatchObject({ jurisdictionId: a });

    liaison.reorganisation.start();
    const inC = async (stationId: string) => {
      const station = await liaison.stations.find(stationId);
      return station.status !== 'unregistered' && station.jurisdictionId === c;
    };
    await until(async () => (await inC(early.stationId)) && (await inC('late')));
    await until(
      async () =>
        (await readStore.getCheckpoint('process:reorganisation')) >= (await eventStore.headPosition()),
    );
    await liaison.reorganisation.stop();

    const early_ = await liaison.stations.find(early.stationId);
    expect(early_).toMatchObject({
      jurisdictionId: c,
      jurisdictionPath: `/${province.jurisdictionId}/${city.jurisdictionId}/${county.jurisdictionId}/${c}/`,
    });
    // each station moved at most twice (A → B → C, or straight to C), once per dissolution it met
    const moves = (await eventStore.readStream(stationStream(early.stationId))).filter(
      (e) => e.type === 'StationJurisdictionChanged',
    );
    expect(moves.length).toBeGreaterThanOrEqual(1);
    expect(moves.length).toBeLessThanOrEqual(2);

    // a crash before the checkpoint means handling the same triggers again: nothing new is written
    const head = await eventStore.headPosition();
    for (const event of await eventStore.readAll({ maxCount: 10_000 }))
      await liaison.reorganisation.handle(event);
    expect(await eventStore.headPosition()).toBe(head);
  });
});
