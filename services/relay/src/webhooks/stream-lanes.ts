// Runs work items in parallel lanes, earliest first, never two items of the same stream at once.

/**
 * Hands out items in their given order (log order) to up to `lanes` concurrent runners; an item waits while an
 * earlier item of its stream is running. With one lane this is the given order exactly.
 */
export async function runInLanes<T>(
  items: readonly T[],
  streamOf: (item: T) => string,
  lanes: number,
  /** Runs one item; false stops the lane (and, through `halted`, the others). */
  run: (item: T) => Promise<boolean>,
  halted: () => boolean,
): Promise<void> {
  const pending = [...items];
  let failed = false;
  const busy = new Set<string>();
  let released: (() => void) | null = null;
  let changed = new Promise<void>((resolve) => (released = resolve));
  const release = (stream: string) => {
    busy.delete(stream);
    released?.();
    changed = new Promise<void>((resolve) => (released = resolve));
  };
  const take = (): T | null => {
    const index = pending.findIndex((item) => !busy.has(streamOf(item)));
    if (index === -1) return null;
    const [item] = pending.splice(index, 1);
    busy.add(streamOf(item!));
    return item!;
  };
  const lane = async (): Promise<void> => {
    while (pending.length > 0 && !failed && !halted()) {
      const item = take();
      if (item === null) {
        await changed;
        continue;
      }
      let goOn = false;
      try {
        goOn = await run(item);
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        release(streamOf(item));
      }
      if (!goOn) return;
    }
  };
  const settled = await Promise.allSettled(
    Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane),
  );
  const rejected = settled.find((result) => result.status === 'rejected');
  if (rejected) throw rejected.reason;
}
