// A projection: a read model collection and the pure fold that builds its documents from events.
import type { RecordedEvent } from '@liaison/eventstore';
import type { CollectionSpec, ReadDocument } from '@liaison/readstore';

export interface Projection<D extends ReadDocument = ReadDocument> {
  /** The logical collection name queries use, e.g. 'stations'. */
  name: string;
  /** Bump when the fold or the fields change: the runner then rebuilds into a fresh collection and swaps it in. */
  version: number;
  /** Queryable fields and indexes of the collection. */
  fields: CollectionSpec['fields'];
  indexes?: CollectionSpec['indexes'];
  /** The event types this projection folds; others are never delivered to it. */
  eventTypes: readonly string[];
  /** The ids of the documents an event touches (may be none). */
  documentIds(event: RecordedEvent): readonly string[];
  /** Folds one event into one document; null deletes it. Pure. */
  fold(document: D | null, event: RecordedEvent, id: string): D | null;
}

/** The physical collection name of a projection generation: `<name>__v<version>_<generation>`. */
export function physicalName(projection: Pick<Projection, 'name' | 'version'>, generation: string): string {
  return `${projection.name}__v${projection.version}_${generation}`;
}

/** The version a physical collection was built by, or null when the name is not a projection generation. */
export function versionOf(physical: string): number | null {
  const match = /__v(\d+)_[a-z0-9]+$/.exec(physical);
  return match?.[1] ? Number(match[1]) : null;
}
