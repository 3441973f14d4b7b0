// Delivers one partner's webhooks in log order: one event at a time, retried until delivered or dead-lettered.
import type { EventStore } from '@liaison/eventstore';
import type { Logger } from '@liaison/observability';
import { toCloudEvent, type LiaisonCloudEvent } from '../contract/cloud-event.js';
import type { PartnerFeed } from '../contract/partner-feed.js';
import type { Selection } from '../contract/selection.js';
import type { Clock } from './clock.js';
import type {
  DeadLetter,
  DeliveryAttempt,
  DeliveryKind,
  DeliveryStore,
  WebhookCursor,
} from './delivery-store.js';
import { postWebhook } from './post-webhook.js';
import { nextDelay, retriesExhausted, retryAfterDelay, type RetryPolicy } from './retry-policy.js';
import { signatureHeaders } from './signature.js';

/** What a worker needs to know about its partner, read afresh before every step. */
export interface WorkerPartner {
  partnerId: string;
  selection: Selection;
  webhookUrl: string;
  /** Where delivery starts for a partner with no cursor yet: its registration's position. */
  startPosition: number;
  /** The secrets that sign now (the current one, and the previous one during a rotation's overlap). */
  signingSecrets(now: Date): Promise<string[]>;
}

export interface WorkerOptions {
  eventStore: EventStore;
  feed: PartnerFeed;
  store: DeliveryStore;
  clock: Clock;
  retry: RetryPolicy;
  random: () => number;
  timeoutMs: number;
  /** How long an idle worker waits before looking again when nothing woke it (other processes' changes). */
  pollMs: number;
  /** Events taken per page. */
  pageSize: number;
  logger: Logger;
  /** Called when the receiver answered 410 Gone: the dispatcher disables the partner's webhook. */
  onGone(partnerId: string, reason: string): Promise<void>;
}

/** A partner's delivery loop. */
export class PartnerWorker {
  private readonly controller = new AbortController();
  private waker = new AbortController();
  private woken = false;
  private running: Promise<void> | null = null;

  constructor(
    /** The partner as the log says now; null once its webhook should not run (the worker then idles). */
    private readonly partner: () => Promise<WorkerPartner | null>,
    private readonly partnerId: string,
    private readonly options: WorkerOptions,
  ) {}

  start(): void {
    this.running ??= this.loop();
  }

  /** Stops after the attempt in hand. */
  async stop(): Promise<void> {
    this.controller.abort();
    this.waker.abort();
    await this.running;
  }

  /** Makes a waiting worker look again now (new events, a replay, a redelivery request). */
  wake(): void {
    this.woken = true;
    this.waker.abort();
  }

  /** True once stop was called. */
  get stopping(): boolean {
    return this.controller.signal.aborted;
  }

  private get stopped(): boolean {
    return this.controller.signal.aborted;
  }

  private async wait(ms: number): Promise<void> {
    if (this.woken || this.stopped) {
      this.woken = false;
      return;
    }
    this.waker = new AbortController();
    await this.options.clock.sleep(ms, AbortSignal.any([this.controller.signal, this.waker.signal]));
    this.woken = false;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        await this.step();
        failures = 0;
      } catch (error) {
        failures++;
        this.options.logger.error({ err: error, partnerId: this.partnerId }, 'webhook worker step failed');
        await this.wait(Math.min(30_000, 100 * 2 ** Math.min(failures, 9)));
      }
    }
  }

  /** One look: redeliveries first, then the next events after the cursor, or a wait. */
  private async step(): Promise<void> {
    const { clock, store } = this.options;
    const partner = await this.partner();
    if (!partner) {
      await this.wait(this.options.pollMs);
      return;
    }
    const cursor = await store.cursor(partner.partnerId, partner.startPosition, clock.now());

    for (const letter of await store.requeued(partner.partnerId, 20)) {
      if (this.stopped) return;
      await this.redeliver(partner, letter);
    }

    const now = clock.now();
    if (cursor.nextAttemptAt && cursor.nextAttemptAt.getTime() > now.getTime()) {
      await this.wait(Math.min(cursor.nextAttemptAt.getTime() - now.getTime(), this.options.pollMs));
      return;
    }

    const page = await this.options.feed.page(partner.selection, cursor.position, this.options.pageSize);
    let current: WebhookCursor = cursor;
    for (const item of page.items) {
      if (this.stopped) return;
      const attempt = current.eventId === item.event.id ? current.attempts + 1 : 1;
      const result = await this.send(partner, item.cloudEvent, attempt, 'delivery');
      const at = result.attemptedAt;
      if (result.outcome === 'delivered') {
        if (
          !(await store.advance(partner.partnerId, current.position, item.event.globalPosition, at, result))
        )
          return; // the cursor moved (a replay): look again
        current = {
          ...current,
          position: item.event.globalPosition,
          attempts: 0,
          eventId: null,
          firstFailedAt: null,
        };
        continue;
      }
      if (result.outcome === 'gone') {
        await store.record(result);
        await this.options.onGone(
          partner.partnerId,
          `the receiver answered 410 Gone for event ${item.event.id}`,
        );
        return;
      }
      const firstFailedAt =
        current.eventId === item.event.id && current.firstFailedAt ? current.firstFailedAt : at;
      if (retriesExhausted(this.options.retry, firstFailedAt, at)) {
        if (!(await store.deadLetter(current, { ...result, outcome: 'dead-lettered' }))) return;
        current = {
          ...current,
          position: item.event.globalPosition,
          attempts: 0,
          eventId: null,
          firstFailedAt: null,
        };
        continue;
      }
      const delay = nextDelay(
        this.options.retry,
        attempt,
        retryAfterDelay(result.retryAfter, at),
        this.options.random(),
      );
      await store.failed(current, result, firstFailedAt, new Date(at.getTime() + delay));
      return;
    }
    if (page.position > current.position) {
      if (!(await store.advance(partner.partnerId, current.position, page.position, clock.now()))) return;
    }
    if (!page.hasNextPage) await this.wait(this.options.pollMs);
  }

  /** One more attempt at a dead letter an administrator asked to redeliver. */
  private async redeliver(partner: WorkerPartner, letter: DeadLetter): Promise<void> {
    const [event] = await this.options.eventStore.readAll({ after: letter.position - 1, maxCount: 1 });
    if (!event || event.id !== letter.eventId) {
      throw new Error(
        `expected event ${letter.eventId} at position ${letter.position}; the log has ${event?.id ?? 'none'}`,
      );
    }
    const cloudEvent = toCloudEvent(event, partner.selection.personalData);
    const result = await this.send(partner, cloudEvent, letter.attempts + 1, 'redelivery');
    await this.options.store.redelivered(
      letter,
      result.outcome === 'gone' ? { ...result, outcome: 'failed' } : result,
    );
  }

  private async send(
    partner: WorkerPartner,
    cloudEvent: LiaisonCloudEvent,
    attempt: number,
    kind: DeliveryKind,
  ): Promise<DeliveryAttempt & { retryAfter: string | null }> {
    const now = this.options.clock.now();
    const body = JSON.stringify(cloudEvent);
    const headers = {
      'content-type': 'application/cloudevents+json; charset=utf-8',
      'user-agent': 'liaison-relay/1',
      ...signatureHeaders(cloudEvent.id, now, body, await partner.signingSecrets(now)),
    };
    const result = await postWebhook(partner.webhookUrl, headers, body, this.options.timeoutMs);
    if (result.outcome !== 'delivered') {
      this.options.logger.warn(
        {
          partnerId: partner.partnerId,
          eventId: cloudEvent.id,
          attempt,
          status: result.status,
          error: result.error,
        },
        'webhook not delivered',
      );
    }
    return {
      partnerId: partner.partnerId,
      eventId: cloudEvent.id,
      position: cloudEvent.position,
      attempt,
      kind,
      outcome: result.outcome === 'gone' ? 'gone' : result.outcome,
      status: result.status,
      error: result.error,
      durationMs: result.durationMs,
      attemptedAt: now,
      retryAfter: result.retryAfter,
    };
  }
}
