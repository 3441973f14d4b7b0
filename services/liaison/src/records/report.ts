// Reads of performance records: a deputy's record and a jurisdiction's attendance report, each in one round of reads.
import type { Page, ReadStore } from '@liaison/readstore';
import { addFigures, emptyFigures, sumFigures, type Figures } from './figures.js';
import { monthsOf, periodKeys, type MonthRange } from './periods.js';
import { deputyRecordId, type DeputyRecordDocument, type UnitRecordDocument } from './projection.js';

const COLLECTION = 'performance_records';
/** The read store's largest page: a jurisdiction with more stations than this takes one more read per page. */
const PAGE = 1000;

export interface DeputyRecordData {
  deputyId: string;
  range: MonthRange;
  figures: Figures;
  months: Array<{ month: string; figures: Figures }>;
  activities: Array<{ activityId: string; kind: string; date: string }>;
  stationIds: string[];
  jurisdictionPaths: string[];
}

/** A deputy's record over a range of months: one read of the deputy's month documents. */
export async function readDeputyRecord(
  readStore: ReadStore,
  deputyId: string,
  range: MonthRange,
): Promise<DeputyRecordData> {
  const months = monthsOf(range);
  const documents = await readStore.load<DeputyRecordDocument>(
    COLLECTION,
    months.map((month) => deputyRecordId(deputyId, month)),
  );
  const found = documents.filter((d): d is DeputyRecordDocument => d !== null);
  return {
    deputyId,
    range,
    figures: sumFigures(found.map((d) => d.figures)),
    months: months.map((month, index) => ({ month, figures: documents[index]?.figures ?? emptyFigures() })),
    activities: found.flatMap((d) => d.activities),
    stationIds: [...new Set(found.flatMap((d) => d.stationIds))],
    jurisdictionPaths: [...new Set(found.flatMap((d) => d.jurisdictionPaths))],
  };
}

export interface UnitFigures {
  /** 'station:<id>' or 'office:<jurisdictionId>'. */
  unit: string;
  stationId: string | null;
  jurisdictionId: string | null;
  figures: Figures;
}

export interface AttendanceReportData {
  range: MonthRange;
  totals: Figures;
  /** Per station (and per office, for activities no station hosted), by unit key. */
  units: UnitFigures[];
  /** Per deputy, over every station in the subtree, by deputy id. */
  deputies: Array<{ deputyId: string; figures: Figures }>;
}

/**
 * The attendance report of a jurisdiction subtree over a range of months: one read of the stations' and offices'
 * year and month documents (a county with 1,000 deputies is one page of its stations), merged in memory.
 */
export async function readAttendanceReport(
  readStore: ReadStore,
  jurisdictionPath: string,
  range: MonthRange,
): Promise<AttendanceReportData> {
  const filter = {
    scope: 'unit',
    period: { in: periodKeys(range) },
    jurisdictionPath: { prefix: jurisdictionPath },
  };
  const documents: UnitRecordDocument[] = [];
  for (let after: string | null = null; ;) {
    const page: Page<UnitRecordDocument> = await readStore.find<UnitRecordDocument>(COLLECTION, {
      filter,
      first: PAGE,
      after,
    });
    documents.push(...page.items);
    if (!page.hasNextPage) break;
    after = page.endCursor;
  }
  const units = new Map<string, UnitFigures>();
  const deputies = new Map<string, Figures>();
  for (const document of documents) {
    const unit = document.id.split('|')[1] ?? document.id;
    const current = units.get(unit) ?? {
      unit,
      stationId: document.stationId,
      jurisdictionId: document.jurisdictionId,
      figures: emptyFigures(),
    };
    units.set(unit, { ...current, figures: addFigures(current.figures, document.figures) });
    for (const [deputyId, figures] of Object.entries(document.deputies))
      deputies.set(deputyId, addFigures(deputies.get(deputyId) ?? emptyFigures(), figures));
  }
  const byKey =
    <T>(key: (item: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return {
    range,
    totals: sumFigures([...units.values()].map((u) => u.figures)),
    units: [...units.values()].sort(byKey((u) => u.unit)),
    deputies: [...deputies.entries()]
      .map(([deputyId, figures]) => ({ deputyId, figures }))
      .sort(byKey((d) => d.deputyId)),
  };
}
