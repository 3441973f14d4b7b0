// Helpers of the projector's integration tests (not exported from the package).
import type { NewEvent } from '@liaison/eventstore';

/** An event of `type` whose data is `{ label }`, with fresh ids. */
export function labelEvent(type: string, label: string): NewEvent {
  return {
    id: crypto.randomUUID(),
    type,
    data: { label },
    occurredAt: new Date().toISOString(),
    metadata: {
      actorId: 'a',
      role: 'admin',
      jurisdictionId: null,
      commandId: crypto.randomUUID(),
      correlationId: 'c',
      causationId: null,
    },
  };
}

/** Resolves once `predicate` holds, polling; fails after `timeoutMs`. */
export async function until(predicate: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
