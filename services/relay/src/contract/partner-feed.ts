// The delivery contract's one reader: a partner's selection of the global log, from any position, paged or live.
import type { EventStore, RecordedEvent } from '@liaison/eventstore';
import { toCloudEvent, type LiaisonCloudEvent } from './cloud-event.js';
import type { ScopeResolver } from './event-scope.js';
import { selects, type Selection } from './selection.js';

/** One event for a partner: the log event and the CloudEvent it receives. */
export interface FeedItem {
  event: RecordedEvent;
  cloudEvent: LiaisonCloudEvent;
}

export interface FeedPage {
  items: FeedItem[];
  /** Resume after this position: the last item's, or further when events that did not match were passed over. */
  position: number;
  /** False when the page reached the head of the log. */
  hasNextPage: boolean;
}

/** A batch of the live feed: the items it holds and how far the log was examined. */
export interface FeedBatch {
  items: FeedItem[];
  position: number;
}

const READ_BATCH = 500;

/** Reads a selection of the log; every transport (pull, webhooks, graphql-ws, NATS) goes through this. */
export class PartnerFeed {
  constructor(
    private readonly store: EventStore,
    private readonly scopes: ScopeResolver,
  ) {}

  /** Items after `after`, at most `first`, examining at most `scanLimit` events of the selected types. */
  async page(selection: Selection, after: number, first: number, scanLimit = 10_000): Promise<FeedPage> {
    const items: FeedItem[] = [];
    let position = after;
    let scanned = 0;
    while (scanned < scanLimit) {
      const maxCount = Math.min(READ_BATCH, scanLimit - scanned);
      const events = await this.store.readAll({
        after: position,
        maxCount,
        filter: { eventTypes: selection.eventTypes },
      });
      const scopes = await this.scopes.scopesOf(events);
      for (const [index, event] of events.entries()) {
        if (selects(selection, event, scopes[index] ?? null)) {
          if (items.length === first) return { items, position, hasNextPage: true };
          items.push({ event, cloudEvent: toCloudEvent(event, selection.personalData) });
        }
        position = event.globalPosition;
      }
      scanned += events.length;
      if (events.length < maxCount) return { items, position, hasNextPage: false };
    }
    return { items, position, hasNextPage: true };
  }

  /** The selection after `after`, then live until `signal` aborts; batches may be empty (progress only). */
  async *follow(selection: Selection, after: number, signal: AbortSignal): AsyncIterable<FeedBatch> {
    const subscription = this.store.subscribe({
      after,
      filter: { eventTypes: selection.eventTypes },
      batchSize: READ_BATCH,
      signal,
    });
    for await (const batch of subscription) {
      const scopes = await this.scopes.scopesOf(batch.events);
      const items = batch.events
        .filter((event, index) => selects(selection, event, scopes[index] ?? null))
        .map((event) => ({ event, cloudEvent: toCloudEvent(event, selection.personalData) }));
      yield { items, position: batch.position };
    }
  }
}
