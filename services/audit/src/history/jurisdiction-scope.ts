// Which events an auditor may read: a platform-wide auditor everything, a scoped one its jurisdiction's subtree.
import type { Principal } from '@liaison/auth';
import type { RecordedEvent } from '@liaison/eventstore';

/** The ancestors (root first) of each known jurisdiction id; unknown ids are absent. */
export type AncestryLookup = (jurisdictionIds: readonly string[]) => Promise<Map<string, readonly string[]>>;

/**
 * A predicate over events for this principal. Events are placed by the jurisdiction they were recorded in
 * (metadata.jurisdictionId); events recorded without one are visible to platform-wide auditors only.
 */
export async function scopeFor(
  principal: Principal,
  events: readonly RecordedEvent[],
  ancestry: AncestryLookup,
): Promise<(event: RecordedEvent) => boolean> {
  const scope = principal.jurisdictionId;
  if (scope === null || principal.roles.includes('admin')) return () => true;
  const ids = [
    ...new Set(events.map((e) => e.metadata.jurisdictionId).filter((id): id is string => id !== null)),
  ];
  const known = await ancestry(ids);
  return (event) => {
    const id = event.metadata.jurisdictionId;
    if (id === null) return false;
    return id === scope || (known.get(id)?.includes(scope) ?? false);
  };
}
