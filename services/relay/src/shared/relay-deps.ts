// What the relay's GraphQL module needs from the composition root, passed as plain arguments.
import type { EventStore } from '@liaison/eventstore';
import type { ReadStore } from '@liaison/readstore';

export interface RelayDeps {
  eventStore: EventStore;
  readStore: ReadStore;
  /** Resolves once read models have folded the log up to `position` (bounded by `timeoutMs`). */
  waitForPosition(position: number, timeoutMs: number): Promise<boolean>;
  readYourWritesTimeoutMs: number;
  /** The current time; injected so tests can fix it. */
  now(): Date;
}
