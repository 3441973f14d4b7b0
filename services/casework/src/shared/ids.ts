// New entity ids derive from the command id, so a re-sent create command addresses the same entity.
import { eventIdFor } from '@liaison/decider';

/** The id of the entity a create command makes. */
export function newEntityId(commandId: string, kind: string): string {
  return eventIdFor(commandId, kind, 0);
}
