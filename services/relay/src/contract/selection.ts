// What a partner subscribed to: event types and jurisdictions. The same selection drives every transport.
import type { RecordedEvent } from '@liaison/eventstore';
import { inJurisdictions } from './event-scope.js';

export interface Selection {
  /** Event types delivered (at least one). */
  eventTypes: readonly string[];
  /** Jurisdictions whose subtrees are delivered; empty means every jurisdiction. */
  jurisdictionIds: readonly string[];
  /** Whether sealed personal data is passed on as ciphertext (true) or withheld (false). */
  personalData: boolean;
}

/** Categories never delivered to partners whatever they subscribed to: the relay's own bookkeeping. */
export const INTERNAL_CATEGORIES: readonly string[] = ['partner'];

/** True when `event` (whose jurisdiction path is `scope`) belongs to the selection. */
export function selects(selection: Selection, event: RecordedEvent, scope: string | null): boolean {
  return (
    !INTERNAL_CATEGORIES.includes(event.category) &&
    selection.eventTypes.includes(event.type) &&
    inJurisdictions(scope, selection.jurisdictionIds)
  );
}
