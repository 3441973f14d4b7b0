// A bounded memory of where appends start in the log, so an event's global position rarely needs a read.

/** Least-recently-used map of (stream, revision of an append's first event) → log position of that event. */
export class AnchorCache {
  private readonly anchors = new Map<string, bigint>();

  constructor(private readonly capacity: number) {}

  /** The log position of the event at `revision` of `streamName`, when known. */
  get(streamName: string, revision: bigint): bigint | undefined {
    const key = keyOf(streamName, revision);
    const anchor = this.anchors.get(key);
    if (anchor !== undefined) {
      this.anchors.delete(key);
      this.anchors.set(key, anchor);
    }
    return anchor;
  }

  /** Remembers where the event at `revision` of `streamName` lies; this never changes once written. */
  remember(streamName: string, revision: bigint, logPosition: bigint): void {
    const key = keyOf(streamName, revision);
    this.anchors.delete(key);
    this.anchors.set(key, logPosition);
    if (this.anchors.size > this.capacity) {
      const oldest = this.anchors.keys().next().value;
      if (oldest !== undefined) this.anchors.delete(oldest);
    }
  }
}

function keyOf(streamName: string, revision: bigint): string {
  return `${revision}:${streamName}`;
}
