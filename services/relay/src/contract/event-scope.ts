// Where an event belongs in the jurisdiction tree, so a partner subscribed to a subtree gets only its events.
import type { EventStore, RecordedEvent } from '@liaison/eventstore';

/**
 * An event's jurisdiction path `/root/…/jurisdiction/`, read from its data: `jurisdictionPath` (stations and
 * the slices that copy it), or `ancestorIds` with `jurisdictionId` (jurisdictions). Null when the data names
 * no place; the stream's first event then decides (see ScopeResolver).
 */
export function scopeFromData(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  if (typeof record.jurisdictionPath === 'string' && record.jurisdictionPath.startsWith('/')) {
    return record.jurisdictionPath;
  }
  if (typeof record.jurisdictionId === 'string' && Array.isArray(record.ancestorIds)) {
    const ancestors = record.ancestorIds.filter((id): id is string => typeof id === 'string');
    return `/${[...ancestors, record.jurisdictionId].join('/')}/`;
  }
  return null;
}

/** True when `path` lies in the subtree of any of `jurisdictionIds` (an empty list means everywhere). */
export function inJurisdictions(path: string | null, jurisdictionIds: readonly string[]): boolean {
  if (jurisdictionIds.length === 0) return true;
  if (path === null) return false; // an event that names no place goes only to partners without a restriction
  return jurisdictionIds.some((id) => path.includes(`/${id}/`));
}

/**
 * Resolves each event's jurisdiction path: from its own data, otherwise from the first event of its stream
 * (a station's rename names only the station; its registration names the place). Keeps a bounded cache of
 * stream scopes, which never change once a stream exists.
 */
export class ScopeResolver {
  private readonly cache = new Map<string, string | null>();

  constructor(
    private readonly store: EventStore,
    private readonly cacheSize = 50_000,
  ) {}

  /** The jurisdiction path of every event, in order; one stream read per stream not seen before. */
  async scopesOf(events: readonly RecordedEvent[]): Promise<Array<string | null>> {
    const scopes: Array<string | null> = [];
    for (const event of events) {
      const own = scopeFromData(event.data);
      if (own !== null) {
        if (event.streamPosition === 1) this.remember(event.streamId, own);
        scopes.push(own);
        continue;
      }
      if (this.cache.has(event.streamId)) {
        scopes.push(this.cache.get(event.streamId) ?? null);
        continue;
      }
      const [first] = await this.store.readStream(event.streamId, { maxCount: 1 });
      const scope = first ? scopeFromData(first.data) : null;
      this.remember(event.streamId, scope);
      scopes.push(scope);
    }
    return scopes;
  }

  private remember(streamId: string, scope: string | null): void {
    this.cache.delete(streamId);
    this.cache.set(streamId, scope);
    if (this.cache.size > this.cacheSize) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }
}
