// In-process notification channels: what `notifyLocally` delivers to, for both drivers.

/** Listeners per channel within this process. */
export class LocalChannels {
  private readonly listeners = new Map<string, Set<(payload: string) => void>>();

  /** Adds a listener; the returned function removes it. */
  add(channel: string, onNotify: (payload: string) => void): () => void {
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(onNotify);
    return () => {
      set.delete(onNotify);
      if (set.size === 0) this.listeners.delete(channel);
    };
  }

  /** Calls every listener on `channel` with `payload`. */
  notify(channel: string, payload: string): void {
    for (const onNotify of [...(this.listeners.get(channel) ?? [])]) onNotify(payload);
  }
}
