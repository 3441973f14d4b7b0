// The attendance report of a county with 1,000 deputies costs one read-store round trip, on both drivers.
import type { RecordedEvent } from '@liaison/eventstore';
import { readAttendanceReport, readDeputyRecord, recordsProjection } from '@liaison/liaison';
import { foldBatch } from '@liaison/projector';
import { SqlReadStore, type ReadStore } from '@liaison/readstore';
import type { SqlClient } from '@liaison/sql';
import { testSqlTargets } from '@liaison/testing';

const DEPUTIES = 1000;
const STATIONS = 100; // 20 townships × 5 stations; deputy i serves at station i % 100
const townshipOf = (station: number) => Math.floor(station / 5);
const pathOf = (station: number) => `/p1/c1/t${townshipOf(station)}/`;
const monthOf = (deputy: number, k: number) => ((deputy + 3 * k) % 12) + 1;

/** Deputy i signs in to (i % 4) + 1 activities at their station in 2026; ten deputies join one county-office activity. */
function history(): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  const push = (data: Record<string, unknown>) =>
    events.push({
      type: 'ActivityParticipantSignedIn',
      data,
      globalPosition: events.length + 1,
      occurredAt: '2026-12-31T00:00:00.000Z',
    } as unknown as RecordedEvent);
  for (let deputy = 0; deputy < DEPUTIES; deputy++) {
    const station = deputy % STATIONS;
    for (let k = 0; k <= deputy % 4; k++) {
      const date = `2026-${String(monthOf(deputy, k)).padStart(2, '0')}-15`;
      push({
        activityId: `a-${deputy}-${k}`,
        deputyId: `d${deputy}`,
        signedInAt: `${date}T02:00:00.000Z`,
        invited: true,
        kind: 'research',
        date,
        stationId: `s${station}`,
        jurisdictionPath: pathOf(station),
      });
    }
  }
  for (let deputy = 0; deputy < 10; deputy++)
    push({
      activityId: 'county-inspection',
      deputyId: `d${deputy}`,
      signedInAt: '2026-06-10T02:00:00.000Z',
      invited: true,
      kind: 'inspection',
      date: '2026-06-10',
      stationId: null,
      jurisdictionPath: '/p1/c1/',
    });
  // another county's deputy, outside every report below
  push({
    activityId: 'elsewhere',
    deputyId: 'x1',
    signedInAt: '2026-06-10T02:00:00.000Z',
    invited: true,
    kind: 'training',
    date: '2026-06-10',
    stationId: 'x-station',
    jurisdictionPath: '/p1/c2/',
  });
  return events;
}

/** A read store that counts the round trips its query methods make. */
function counting(store: ReadStore): { store: ReadStore; reads: () => number } {
  let reads = 0;
  const counted = new Set(['load', 'find', 'count', 'getMany']);
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (counted.has(String(property))) reads += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, reads: () => reads };
}

describe.each(testSqlTargets())('performance records on $name', (target) => {
  let sql: SqlClient;
  let readStore: ReadStore;

  beforeAll(async () => {
    sql = await target.open();
    readStore = await SqlReadStore.open(sql);
    const physical = 'performance_records__v1_test';
    await readStore.createCollection(physical, {
      name: recordsProjection.name,
      fields: recordsProjection.fields,
      indexes: recordsProjection.indexes,
    });
    await readStore.setAlias(recordsProjection.name, physical);
    await readStore.commit(foldBatch(recordsProjection, physical, new Map(), history()));
  });

  afterAll(async () => {
    await readStore.close();
    await target.dispose(sql);
  });

  it("answers a county's yearly report for 1,000 deputies in one round trip, with exact figures", async () => {
    const { store, reads } = counting(readStore);
    const report = await readAttendanceReport(store, '/p1/c1/', { from: '2026-01', to: '2026-12' });
    expect(reads()).toBe(1);
    // 1000 deputies × 2.5 activities on average, plus the county office's inspection with ten deputies
    expect(report.totals.activities).toBe(2510);
    expect(report.deputies).toHaveLength(1000);
    expect(report.units).toHaveLength(101);
    expect(report.units.find((u) => u.unit === 'office:c1')?.figures.activities).toBe(10);
    expect(report.deputies.find((d) => d.deputyId === 'd7')?.figures.activities).toBe(4 + 1);
    expect(report.deputies.find((d) => d.deputyId === 'd12')?.figures.activities).toBe(1);
  });

  it("answers a township's report for a range of months in one round trip", async () => {
    const { store, reads } = counting(readStore);
    const report = await readAttendanceReport(store, '/p1/c1/t3/', { from: '2026-03', to: '2026-05' });
    expect(reads()).toBe(1);
    let expected = 0;
    for (let deputy = 0; deputy < DEPUTIES; deputy++) {
      if (townshipOf(deputy % STATIONS) !== 3) continue;
      for (let k = 0; k <= deputy % 4; k++)
        if (monthOf(deputy, k) >= 3 && monthOf(deputy, k) <= 5) expected += 1;
    }
    expect(report.totals.activities).toBe(expected);
    expect(expected).toBe(33);
    expect(report.units.map((u) => u.unit)).toEqual([
      'station:s15',
      'station:s16',
      'station:s17',
      'station:s18',
      'station:s19',
    ]);
  });

  it("reads a deputy's record month by month in one round trip", async () => {
    const { store, reads } = counting(readStore);
    const record = await readDeputyRecord(store, 'd7', { from: '2026-01', to: '2026-12' });
    expect(reads()).toBe(1);
    expect(record.figures.activities).toBe(5);
    // d7's station activities fall in months 8, 11, 2, 5; the county inspection in June
    expect(record.months.filter((m) => m.figures.activities > 0).map((m) => m.month)).toEqual([
      '2026-02',
      '2026-05',
      '2026-06',
      '2026-08',
      '2026-11',
    ]);
    expect(record.jurisdictionPaths.sort()).toEqual(['/p1/c1/', '/p1/c1/t1/']);
  });
});
