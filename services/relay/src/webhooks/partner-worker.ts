// Delivers one partner's webhooks: streams in parallel lanes, each in order, retried until delivered or dead-lettered.
import type { EventStore } from '@liaison/eventstore';
import type { Logger } from '@liaison/observability';
import { toCloudEvent, type LiaisonCloudEvent } from '../contract/cloud-event.js';
import type { FeedItem, FeedPage, PartnerFeed } from '../contract/partner-feed.js';
import type { Selection } from '../contract/selection.js';
import type { Clock } from './clock.js';
import type {
  DeadLetter,
  DeliveryAttempt,
  DeliveryKind,
  DeliveryStore,
  WebhookCursor,
} from './delivery-store.js';
import { DeliveryWindow } from './delivery-window.js';
import { postWebhook } from './post-webhook.js';
import { nextDelay, retriesExhausted, retryAfterDelay, type RetryPolicy } from './retry-policy.js';
import { ProgressCommitter } from './progress-committer.js';
import { signatureHeaders } from './signature.js';
import { runInLanes } from './stream-lanes.js';

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
  /**
   * The least time between the starts of two delivery rounds that reached the head of the log: new events
   * arriving meanwhile are gathered into one round (fewer reads and commits under load, at most this much lag).
   */
  gatherMs: number;
  /** Events taken per page (a delivery round). */
  pageSize: number;
  /** How many streams of the partner are delivered at once (each stream in order). */
  lanes: number;
  logger: Logger;
  /** This relay process, as lease holder. */
  owner: string;
  /** How long a lease on a partner's deliveries lasts; it is renewed when half is left. */
  leaseMs: number;
  /** Called when the receiver answered 410 Gone: the dispatcher disables the partner's webhook. */
  onGone(partnerId: string, reason: string): Promise<void>;
}

type Attempted = DeliveryAttempt & { retryAfter: string | null };

/** How a delivery round is going: halted once an attempt failed, the receiver is gone, or the cursor changed. */
interface Round {
  halted: boolean;
  gone: Attempted | null;
  failures: Array<{ attempt: Attempted; firstFailedAt: Date }>;
}

/** A partner's delivery loop. */
export class PartnerWorker {
  private readonly controller = new AbortController();
  private waker = new AbortController();
  private roundStarted = 0;
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

  /** Stops after the attempt in hand and gives the lease up. */
  async stop(): Promise<void> {
    this.controller.abort();
    this.waker.abort();
    await this.running;
    await this.options.store.release(this.partnerId, this.options.owner).catch((error: unknown) => {
      this.options.logger.warn({ err: error, partnerId: this.partnerId }, 'webhook lease not released');
    });
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
    if (!(await this.holdLease(cursor))) {
      await this.wait(this.options.pollMs); // another relay delivers this partner's webhooks
      return;
    }

    const requeued = cursor.requeued ? await store.requeued(partner.partnerId, 20) : [];
    for (const letter of requeued) {
      if (this.stopped) return;
      await this.redeliver(partner, letter);
    }

    const now = clock.now();
    if (cursor.nextAttemptAt && cursor.nextAttemptAt.getTime() > now.getTime()) {
      await this.wait(Math.min(cursor.nextAttemptAt.getTime() - now.getTime(), this.options.pollMs));
      return;
    }

    this.roundStarted = performance.now();
    const page = await this.options.feed.page(partner.selection, cursor.position, this.options.pageSize);
    if ((await this.round(partner, cursor, page)) && !page.hasNextPage) {
      await this.wait(this.options.pollMs);
      await this.gather();
    }
  }

  /**
   * True when this process holds the lease on the partner's deliveries, taking or renewing it when less than
   * half is left. The lease keeps a second relay from delivering the same events; the cursor's version keeps
   * a relay whose lease ran out mid-round from undoing another's progress.
   */
  private async holdLease(cursor: WebhookCursor): Promise<boolean> {
    const now = this.options.clock.now();
    const { owner, leaseMs } = this.options;
    if (cursor.leaseOwner === owner && (cursor.leaseUntil?.getTime() ?? 0) - now.getTime() > leaseMs / 2)
      return true;
    return this.options.store.lease(this.partnerId, owner, now, new Date(now.getTime() + leaseMs));
  }

  /** After a wake, lets more events arrive until `gatherMs` has passed since the last round started. */
  private async gather(): Promise<void> {
    const left = this.roundStarted + this.options.gatherMs - performance.now();
    if (left > 0 && !this.stopped) await this.options.clock.sleep(left, this.controller.signal);
  }

  /**
   * Delivers a page: earliest event first, up to `lanes` at once, never two of one stream at once (so each
   * stream in order; one lane keeps log order). A failure stops
   * the round (the lanes finish the attempt in hand) and puts the partner in back-off; true when the round
   * went through.
   */
  private async round(partner: WorkerPartner, cursor: WebhookCursor, page: FeedPage): Promise<boolean> {
    const window = new DeliveryWindow(
      cursor.position,
      page.items.map((item) => item.event.globalPosition),
      page.position,
      cursor.doneAbove,
    );
    const committer = new ProgressCommitter(this.options.store, this.options.clock, cursor, window);
    const round: Round = { halted: false, gone: null, failures: [] };
    await runInLanes(
      page.items.filter((item) => !window.isDone(item.event.globalPosition)),
      (item) => item.event.streamId,
      this.options.lanes,
      (item) => this.deliver(partner, cursor, item, committer, round),
      () => {
        if (this.stopped) round.halted = true;
        return round.halted;
      },
    );
    if (round.gone) {
      await this.options.store.record(round.gone);
      await this.options.onGone(
        partner.partnerId,
        `the receiver answered 410 Gone for event ${round.gone.eventId}`,
      );
      return false;
    }
    if (!(await committer.flush())) return false; // the cursor changed (a replay): look again
    if (round.failures.length === 0) return !this.stopped;
    // The partner backs off: the first failed event is the one whose attempts count.
    const first = round.failures.reduce((a, b) => (b.attempt.position < a.attempt.position ? b : a));
    const at = first.attempt.attemptedAt;
    const retryAfters = round.failures
      .map((failure) => retryAfterDelay(failure.attempt.retryAfter, at))
      .filter((delay): delay is number => delay !== null);
    const delay = nextDelay(
      this.options.retry,
      first.attempt.attempt,
      retryAfters.length > 0 ? Math.max(...retryAfters) : null,
      this.options.random(),
    );
    await this.options.store.failed(
      partner.partnerId,
      committer.currentVersion,
      first.attempt,
      first.firstFailedAt,
      new Date(at.getTime() + delay),
      round.failures.map((failure) => failure.attempt),
    );
    return false;
  }

  /** One attempt at one event of a round; true when the lane may go on to the stream's next event. */
  private async deliver(
    partner: WorkerPartner,
    cursor: WebhookCursor,
    item: FeedItem,
    committer: ProgressCommitter,
    round: Round,
  ): Promise<boolean> {
    const retried = cursor.eventId === item.event.id;
    const result = await this.send(partner, item.cloudEvent, retried ? cursor.attempts + 1 : 1, 'delivery');
    if (result.outcome === 'gone') {
      round.halted = true;
      round.gone ??= result;
      return false;
    }
    if (result.outcome !== 'delivered') {
      const at = result.attemptedAt;
      const firstFailedAt = retried && cursor.firstFailedAt ? cursor.firstFailedAt : at;
      if (!retriesExhausted(this.options.retry, firstFailedAt, at)) {
        round.halted = true;
        round.failures.push({ attempt: result, firstFailedAt });
        return false;
      }
    }
    const committed = await committer.add({ attempt: result, deadLettered: result.outcome !== 'delivered' });
    if (!committed) round.halted = true;
    return committed;
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
  ): Promise<Attempted> {
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
