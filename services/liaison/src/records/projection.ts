// Performance records pre-aggregated per deputy and per station (or office) for every month and year, so that a
// yearly report for a whole county is one read of its stations' documents, whatever the number of deputies.
import type { RecordedEvent } from '@liaison/eventstore';
import type { Projection } from '@liaison/projector';
import { monthOf, yearOf } from '../shared/months.js';
import { ancestryOf } from '../shared/read-scope.js';
import { addFigures, emptyFigures, type Figures } from './figures.js';
import type { Contribution, RecordSource } from './sources/contribution.js';
import { RECORD_SOURCES } from './sources/index.js';

/** One deputy's figures for one period ('YYYY' or 'YYYY-MM'), over every station. */
export interface DeputyRecordDocument {
  [field: string]: unknown;
  id: string;
  scope: 'deputy';
  deputyId: string;
  period: string;
  figures: Figures;
  activities: Array<{ activityId: string; kind: string; date: string }>;
  /** Stations and jurisdictions the figures come from: whose staff may read the record. */
  stationIds: string[];
  jurisdictionPaths: string[];
}

/** A station's (or an office's) figures for one period, in total and per deputy. */
export interface UnitRecordDocument {
  [field: string]: unknown;
  id: string;
  scope: 'unit';
  stationId: string | null;
  jurisdictionId: string | null;
  jurisdictionPath: string | null;
  period: string;
  figures: Figures;
  deputies: Record<string, Figures>;
}

export type RecordDocument = DeputyRecordDocument | UnitRecordDocument;

/** The id of a deputy's record document for a period. */
export function deputyRecordId(deputyId: string, period: string): string {
  return `deputy|${deputyId}|${period}`;
}

function unitKey(contribution: Contribution): string | null {
  if (contribution.stationId) return `station:${contribution.stationId}`;
  const office = contribution.jurisdictionPath && ancestryOf(contribution.jurisdictionPath).at(-1);
  return office ? `office:${office}` : null;
}

function documentIdsOf(contribution: Contribution): string[] {
  const periods = [yearOf(contribution.date), monthOf(contribution.date)];
  const unit = unitKey(contribution);
  const deputyId = contribution.deputyId;
  return [
    ...(deputyId ? periods.map((period) => deputyRecordId(deputyId, period)) : []),
    ...(unit ? periods.map((period) => `unit|${unit}|${period}`) : []),
  ];
}

function foldDeputy(
  document: DeputyRecordDocument | null,
  id: string,
  c: Contribution & { deputyId: string },
): DeputyRecordDocument {
  const base: DeputyRecordDocument = document ?? {
    id,
    scope: 'deputy',
    deputyId: c.deputyId,
    period: id.slice(id.lastIndexOf('|') + 1),
    figures: emptyFigures(),
    activities: [],
    stationIds: [],
    jurisdictionPaths: [],
  };
  return {
    ...base,
    figures: addFigures(base.figures, c.figures),
    activities: c.activity ? [...base.activities, { ...c.activity, date: c.date }] : base.activities,
    stationIds:
      c.stationId && !base.stationIds.includes(c.stationId)
        ? [...base.stationIds, c.stationId]
        : base.stationIds,
    jurisdictionPaths:
      c.jurisdictionPath && !base.jurisdictionPaths.includes(c.jurisdictionPath)
        ? [...base.jurisdictionPaths, c.jurisdictionPath]
        : base.jurisdictionPaths,
  };
}

function foldUnit(document: UnitRecordDocument | null, id: string, c: Contribution): UnitRecordDocument {
  const base: UnitRecordDocument = document ?? {
    id,
    scope: 'unit',
    stationId: c.stationId,
    jurisdictionId: null,
    jurisdictionPath: null,
    period: id.slice(id.lastIndexOf('|') + 1),
    figures: emptyFigures(),
    deputies: {},
  };
  // A unit keeps the jurisdiction it was first seen in for the period: history reads as it was.
  const jurisdictionPath = base.jurisdictionPath ?? c.jurisdictionPath;
  return {
    ...base,
    jurisdictionPath,
    jurisdictionId: jurisdictionPath ? (ancestryOf(jurisdictionPath).at(-1) ?? null) : null,
    figures: addFigures(base.figures, c.figures),
    deputies: c.deputyId
      ? { ...base.deputies, [c.deputyId]: addFigures(base.deputies[c.deputyId] ?? emptyFigures(), c.figures) }
      : base.deputies,
  };
}

/** The records projection over the given sources. */
export function recordsProjectionOf(sources: readonly RecordSource[]): Projection<RecordDocument> {
  const byType = new Map<string, RecordSource>();
  for (const source of sources) for (const type of source.eventTypes) byType.set(type, source);
  const contributionsOf = (event: RecordedEvent) => byType.get(event.type)?.contributions(event) ?? [];
  return {
    name: 'performance_records',
    version: 3,
    fields: {
      scope: { kind: 'string' },
      period: { kind: 'string' },
      deputyId: { kind: 'string' },
      stationId: { kind: 'string' },
      jurisdictionPath: { kind: 'string' },
    },
    indexes: [{ fields: ['scope', 'period', 'jurisdictionPath'] }, { fields: ['deputyId', 'period'] }],
    eventTypes: [...byType.keys()],
    documentIds: (event) => [...new Set(contributionsOf(event).flatMap(documentIdsOf))],
    fold(document, event, id) {
      let next = document;
      for (const contribution of contributionsOf(event)) {
        if (!documentIdsOf(contribution).includes(id)) continue;
        const { deputyId } = contribution;
        next =
          id.startsWith('deputy|') && deputyId
            ? foldDeputy(next as DeputyRecordDocument | null, id, { ...contribution, deputyId })
            : foldUnit(next as UnitRecordDocument | null, id, contribution);
      }
      return next;
    },
  };
}

export const recordsProjection = recordsProjectionOf(RECORD_SOURCES);
