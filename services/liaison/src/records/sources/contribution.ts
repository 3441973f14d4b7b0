// What one event adds to the performance records: figures for a deputy at a station (or an office) on a day.
import type { RecordedEvent } from '@liaison/eventstore';
import type { Figures } from '../figures.js';

export interface Contribution {
  /**
   * The deputy the figures belong to; null for a context-only contribution that tells a station's documents for
   * that date which jurisdiction they sit in (a roster published for the year, say) without counting anything.
   */
  deputyId: string | null;
  /** Where it happened; null for an office's own activity (no station hosts it). */
  stationId: string | null;
  /** The jurisdiction path of the station or office, when the event carries it. */
  jurisdictionPath: string | null;
  /** The Beijing date it counts on, YYYY-MM-DD. */
  date: string;
  figures: Partial<Figures>;
  /** Set for an activity attended, so the deputy's record can list it. */
  activity?: { activityId: string; kind: string };
}

/** A family of events that feeds the records: which types, and what each contributes. */
export interface RecordSource {
  eventTypes: readonly string[];
  contributions(event: RecordedEvent): Contribution[];
}
