// A selection of history: which events an export or an auditor's query covers.
import type { EventFilter, RecordedEvent } from '@liaison/eventstore';

export interface HistorySelection {
  /** One stream only. */
  streamId?: string;
  categories?: readonly string[];
  eventTypes?: readonly string[];
  /** Events whose metadata names this actor. */
  actorId?: string;
  /** Events recorded within one of these jurisdictions (metadata.jurisdictionId). */
  jurisdictionIds?: readonly string[];
  /** Global positions, inclusive. */
  fromPosition?: number;
  toPosition?: number;
  /** Record times (recordedAt), inclusive from, exclusive to; ISO-8601. */
  fromTime?: string;
  toTime?: string;
}

/** True when the selection is the whole log. */
export function isWholeLog(selection: HistorySelection): boolean {
  return Object.values(selection).every(
    (value) => value === undefined || (Array.isArray(value) && value.length === 0),
  );
}

/** The part of a selection the event store filters by itself. */
export function storeFilter(selection: HistorySelection): EventFilter | undefined {
  const categories = selection.categories?.length ? selection.categories : undefined;
  const eventTypes = selection.eventTypes?.length ? selection.eventTypes : undefined;
  return categories || eventTypes ? { categories, eventTypes } : undefined;
}

/** True when an event is in the selection. */
export function selects(selection: HistorySelection, event: RecordedEvent): boolean {
  if (selection.streamId !== undefined && event.streamId !== selection.streamId) return false;
  if (selection.categories?.length && !selection.categories.includes(event.category)) return false;
  if (selection.eventTypes?.length && !selection.eventTypes.includes(event.type)) return false;
  if (selection.actorId !== undefined && event.metadata.actorId !== selection.actorId) return false;
  if (
    selection.jurisdictionIds?.length &&
    (event.metadata.jurisdictionId === null ||
      !selection.jurisdictionIds.includes(event.metadata.jurisdictionId))
  ) {
    return false;
  }
  if (selection.fromPosition !== undefined && event.globalPosition < selection.fromPosition) return false;
  if (selection.toPosition !== undefined && event.globalPosition > selection.toPosition) return false;
  if (selection.fromTime !== undefined && Date.parse(event.recordedAt) < Date.parse(selection.fromTime))
    return false;
  if (selection.toTime !== undefined && Date.parse(event.recordedAt) >= Date.parse(selection.toTime))
    return false;
  return true;
}
