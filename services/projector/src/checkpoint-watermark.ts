// Read-your-writes for a process that does not run the projector: poll the live collections' checkpoints.
import type { ReadStore } from '@liaison/readstore';

/** Resolves true once every named read model's live checkpoint is at or past `position`, false after `timeoutMs`. */
export async function waitForCheckpoints(
  reads: ReadStore,
  projectionNames: readonly string[],
  position: number,
  timeoutMs: number,
  pollMs = 25,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const positions = await Promise.all(
      projectionNames.map(async (name) => {
        const collection = await reads.getAlias(name);
        return collection ? reads.getCheckpoint(collection) : 0;
      }),
    );
    if (positions.every((reached) => reached >= position)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, Math.max(0, deadline - Date.now()))));
  }
}
