// Concurrency through the liaison services on real stores: simultaneous sign-ins and assessment openings.
import { PersonalData, SqlKeyVault } from '@liaison/personal-data';
import type { Principal } from '@liaison/auth';
import type { CommandMetadata } from '@liaison/decider';
import { SqlEventStore, type EventStore } from '@liaison/eventstore';
import { createLiaisonModule, NINE_HAVES_ITEMS, type LiaisonModule } from '@liaison/liaison';
import { SqlReadStore, type ReadStore } from '@liaison/readstore';
import type { SqlClient } from '@liaison/sql';
import { testSqlTargets } from '@liaison/testing';

const admin: Principal = { userId: 'admin-1', roles: ['admin'], jurisdictionId: null };
let sequence = 0;
function metadata(now = '2026-03-20T02:00:00.000Z'): CommandMetadata {
  const commandId = `cmd-${++sequence}`;
  return {
    commandId,
    actorId: 'admin-1',
    role: 'admin',
    jurisdictionId: null,
    now,
    correlationId: commandId,
    causationId: null,
  };
}

describe.each(testSqlTargets())('activities and assessments under concurrency on $name', (target) => {
  let sql: SqlClient;
  let eventStore: EventStore;
  let readStore: ReadStore;
  let stationId: string;
  let countyId: string;
  const deputyIds: string[] = [];
  let liaison: LiaisonModule;
  /** A second module on the same stores: another process with its own handler caches. */
  let other: LiaisonModule;

  beforeAll(async () => {
    sql = await target.open();
    eventStore = await SqlEventStore.open(sql);
    readStore = await SqlReadStore.open(sql);
    const deps = {
      readStore,
      waitForPosition: () => Promise.resolve(true),
      readYourWritesTimeoutMs: 0,
      now: () => new Date(),
      personalData: new PersonalData(await SqlKeyVault.open(sql)),
    };
    liaison = createLiaisonModule(eventStore, deps);
    other = createLiaisonModule(eventStore, deps);
    const province = await liaison.jurisdictions.register(
      admin,
      { name: 'Guangdong', level: 'province', code: null, parentId: null },
      metadata(),
    );
    const county = await liaison.jurisdictions.register(
      admin,
      { name: 'Nanshan', level: 'city', code: null, parentId: province.jurisdictionId },
      metadata(),
    );
    const station = await liaison.stations.register(
      admin,
      {
        jurisdictionId: county.jurisdictionId,
        name: 'Centre',
        kind: 'centre',
        address: '',
        parentStationId: null,
      },
      metadata(),
    );
    stationId = station.stationId;
    for (let i = 0; i < 20; i++) {
      const registered = await liaison.deputies.register(
        admin,
        {
          jurisdictionId: county.jurisdictionId,
          name: `Deputy ${i}`,
          level: 'city',
          constituency: 'Nanshan',
          term: { number: 7, startsOn: '2022-01-01', endsOn: null },
          employer: null,
          sector: null,
          contact: { phone: null, email: null, address: null },
        },
        metadata(),
      );
      deputyIds.push(registered.deputyId);
    }
    countyId = county.jurisdictionId;
  });

  afterAll(async () => {
    await eventStore.close();
    await readStore.close();
    await target.dispose(sql);
  });

  it('keeps all 40 sign-ins made at once from two processes, and refuses the same deputy twice', async () => {
    const planned = await liaison.activities.plan(
      admin,
      {
        kind: 'research',
        title: 'Research',
        subject: 'schools',
        date: '2026-03-20',
        place: 'Hall',
        stationId,
        jurisdictionId: null,
      },
      metadata(),
    );
    const activityId = planned.activityId;
    const deputies = deputyIds;
    const outcomes = await Promise.all(
      [...deputies, ...deputies].map((deputyId, i) =>
        (i % 2 === 0 ? liaison : other).activities.signIn(admin, activityId, deputyId, null, metadata()),
      ),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(20);
    expect(outcomes.filter((o) => !o.ok).map((o) => !o.ok && o.error.code)).toEqual(
      Array(20).fill('ALREADY_SIGNED_IN'),
    );
    const events = await eventStore.readStream(`activity-${activityId}`);
    const signedIn = events
      .filter((e) => e.type === 'ActivityParticipantSignedIn')
      .map((e) => (e.data as { deputyId: string }).deputyId);
    expect(signedIn.sort()).toEqual([...deputies].sort());
  });

  it('opens one assessment per station, checklist and period however many offices try at once', async () => {
    const checklist = await liaison.checklists.publish(
      admin,
      { jurisdictionId: countyId, name: 'Nine haves', items: [...NINE_HAVES_ITEMS] },
      metadata(),
    );
    expect(checklist.ok).toBe(true);
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 === 0 ? liaison : other).assessments.open(
          admin,
          { stationId, checklistId: checklist.checklistId, period: '2026' },
          metadata(),
        ),
      ),
    );
    expect(new Set(outcomes.map((o) => o.assessmentId)).size).toBe(1);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok).map((o) => !o.ok && o.error.code)).toEqual(
      Array(7).fill('ASSESSMENT_ALREADY_OPENED'),
    );
    expect(await eventStore.readStream(`assessment-${outcomes[0]!.assessmentId}`)).toHaveLength(1);
  });
});
