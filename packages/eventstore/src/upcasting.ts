// Upcasting: old versions of an event's data are lifted to the current shape when read, never rewritten.
import type { RecordedEvent } from './envelope.js';

/** Lifts one event type's data from `fromVersion` to `fromVersion + 1`. */
export interface Upcaster {
  eventType: string;
  fromVersion: number;
  upcast(data: unknown): unknown;
}

/** Applies a set of upcasters to recorded events. */
export class UpcasterChain {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) {
      const key = `${upcaster.eventType}@${upcaster.fromVersion}`;
      if (this.byKey.has(key)) throw new Error(`two upcasters for ${key}; expected one per type and version`);
      this.byKey.set(key, upcaster);
    }
  }

  /** Returns the event with its data at the newest version the chain knows; the hash stays that of the stored form. */
  apply<E extends RecordedEvent>(event: E): E {
    let current: E = event;
    for (;;) {
      const next = this.byKey.get(`${current.type}@${current.schemaVersion}`);
      if (!next) return current;
      current = { ...current, data: next.upcast(current.data), schemaVersion: current.schemaVersion + 1 };
    }
  }
}
