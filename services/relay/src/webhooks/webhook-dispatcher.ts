// Runs a webhook worker per partner with an enabled webhook, following partner changes and new events live.
import { randomUUID } from 'node:crypto';
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@liaison/eventstore';
import type { Logger } from '@liaison/observability';
import type { PartnerFeed } from '../contract/partner-feed.js';
import { partnerDecider, type PartnerState } from '../partners/decider.js';
import { partnerStream, type PartnerEvent } from '../partners/events.js';
import type { SecretVault } from '../partners/secret-vault.js';
import type { PartnerService } from '../partners/service.js';
import { systemClock, type Clock } from './clock.js';
import type { DeliveryStore } from './delivery-store.js';
import { PartnerWorker, type WorkerPartner } from './partner-worker.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';

export interface WebhookDispatcherOptions {
  eventStore: EventStore;
  feed: PartnerFeed;
  store: DeliveryStore;
  secrets: SecretVault;
  partners: PartnerService;
  logger: Logger;
  clock?: Clock;
  retry?: Partial<RetryPolicy>;
  /** Jitter source in [0, 1); injectable for tests. */
  random?: () => number;
  /** How long a receiver has to answer (default 15 s). */
  timeoutMs?: number;
  /** How often an idle worker looks for changes made by other processes (default 1 s). */
  pollMs?: number;
  /** The least time between two delivery rounds at the head of the log, gathering new events (default 20 ms). */
  gatherMs?: number;
  /** Events per delivery round (default 100). */
  pageSize?: number;
  /** How many of a partner's streams are delivered at once, each in order (default 8; 1 keeps log order). */
  lanes?: number;
  /**
   * How long this process's lease on a partner's deliveries lasts (default 30 s): another relay process on the
   * same stores takes a partner over when its holder stopped, or when the lease ran out after a crash.
   */
  leaseMs?: number;
}

interface KnownPartner {
  state: PartnerState;
  /** Position of the partner's registration: where its deliveries start. */
  registeredAt: number;
  /** The last partner event folded, so a replayed one is not folded twice. */
  foldedTo: number;
  /** The partner stream's version folded so far. */
  version: number;
}

const PARTNER_PAGE = 1000;

/** The webhook transport: at least once, in order per stream, with retries, dead letters and replay. */
export class WebhookDispatcher {
  private readonly partners = new Map<string, KnownPartner>();
  private readonly workers = new Map<string, PartnerWorker>();
  private readonly secretCache = new Map<string, string>();
  /** Partners whose receiver answered 410 Gone, until the log shows their webhook disabled (or enabled again). */
  private readonly gone = new Set<string>();
  private controller = new AbortController();
  private following: Promise<void> | null = null;
  private readonly clock: Clock;
  private readonly retry: RetryPolicy;
  /** This dispatcher as holder of partners' delivery leases. */
  private readonly owner = randomUUID();

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.clock = options.clock ?? systemClock;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  /** Reads every partner's registration, starts the workers, then follows the log. */
  async start(): Promise<void> {
    if (this.following) return;
    this.controller = new AbortController();
    const head = await this.options.eventStore.headPosition();
    let after = 0;
    for (;;) {
      const events = await this.options.eventStore.readAll({
        after,
        maxCount: PARTNER_PAGE,
        filter: { categories: ['partner'] },
      });
      for (const event of events) this.fold(event);
      if (events.length < PARTNER_PAGE) break;
      after = events.at(-1)!.globalPosition;
    }
    this.reconcile();
    this.following = this.follow(head, this.controller.signal);
  }

  /** Stops following and every worker after its attempt in hand. */
  async stop(): Promise<void> {
    this.controller.abort();
    await this.following;
    this.following = null;
    await Promise.all([...this.workers.values()].map((worker) => worker.stop()));
    this.workers.clear();
  }

  /** Makes a partner's worker (or all) look again now: after a replay or a redelivery request. */
  wake(partnerId?: string): void {
    if (partnerId) this.workers.get(partnerId)?.wake();
    else for (const worker of this.workers.values()) worker.wake();
  }

  private async follow(after: number, signal: AbortSignal): Promise<void> {
    for (let failures = 0; !signal.aborted;) {
      try {
        // Only partner events are read; a batch that moves the position past other events (progress only)
        // is the sign that the log grew, and wakes the workers.
        const batches = this.options.eventStore.subscribe({
          after,
          signal,
          batchSize: 1000,
          filter: { categories: ['partner'] },
        });
        for await (const batch of batches) {
          let partnersChanged = false;
          for (const event of batch.events) partnersChanged = this.fold(event) || partnersChanged;
          if (partnersChanged) this.reconcile();
          const grew = batch.position > after;
          after = batch.position;
          if (grew) this.wake();
          failures = 0;
          // Appends meanwhile are read together next time (one read per gathering, not per append).
          await this.clock.sleep(this.options.gatherMs ?? 20, signal);
        }
      } catch (error) {
        if (signal.aborted) return;
        this.options.logger.error({ err: error }, 'webhook dispatcher lost the log; resuming');
        await this.clock.sleep(Math.min(30_000, 100 * 2 ** Math.min(++failures, 9)), signal);
      }
    }
  }

  /** Folds a partner event into the known partners; true when it was one. */
  private fold(event: RecordedEvent): boolean {
    if (event.category !== 'partner') return false;
    const partnerId = (event.data as { partnerId: string }).partnerId;
    const known = this.partners.get(partnerId) ?? {
      state: partnerDecider.initialState(),
      registeredAt: event.globalPosition,
      foldedTo: 0,
      version: 0,
    };
    if (event.globalPosition <= known.foldedTo) return false;
    if (event.type === 'PartnerWebhookDisabled' || event.type === 'PartnerWebhookEnabled')
      this.gone.delete(partnerId);
    const state = partnerDecider.evolve(known.state, { type: event.type, data: event.data } as PartnerEvent);
    this.partners.set(partnerId, {
      ...known,
      state,
      foldedTo: event.globalPosition,
      version: event.streamPosition,
    });
    return true;
  }

  /** Starts a worker for each partner whose webhook should run and stops the others. */
  private reconcile(): void {
    for (const [partnerId, known] of this.partners) {
      const state = known.state;
      const active =
        state.status === 'registered' &&
        state.webhook.enabled &&
        state.subscription.webhookUrl !== null &&
        !this.gone.has(partnerId);
      const worker = this.workers.get(partnerId);
      if (active && (!worker || worker.stopping)) {
        const started = new PartnerWorker(() => this.workerPartner(partnerId), partnerId, {
          eventStore: this.options.eventStore,
          feed: this.options.feed,
          store: this.options.store,
          clock: this.clock,
          retry: this.retry,
          random: this.options.random ?? Math.random,
          timeoutMs: this.options.timeoutMs ?? 15_000,
          pollMs: this.options.pollMs ?? 1_000,
          pageSize: this.options.pageSize ?? 100,
          gatherMs: this.options.gatherMs ?? 20,
          lanes: Math.max(1, this.options.lanes ?? 8),
          owner: this.owner,
          leaseMs: this.options.leaseMs ?? 30_000,
          logger: this.options.logger,
          onGone: (id, reason) => this.disable(id, reason),
        });
        this.workers.set(partnerId, started);
        started.start();
      } else if (!active && worker) {
        this.workers.delete(partnerId);
        void worker.stop();
      }
    }
  }

  /**
   * The partner as its stream stands now: read before every step, so a rotation, a subscription change or a
   * disabled webhook applies to every delivery after the mutation returned, not only once the follower sees it.
   */
  private async workerPartner(partnerId: string): Promise<WorkerPartner | null> {
    const before = this.partners.get(partnerId);
    try {
      const events = await this.options.eventStore.readStream(partnerStream(partnerId), {
        fromPosition: (before?.version ?? 0) + 1,
      });
      let changed = false;
      for (const event of events) changed = this.fold(event) || changed;
      if (changed) this.reconcile();
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    const known = this.partners.get(partnerId);
    if (known?.state.status === 'registered' && (!known.state.webhook.enabled || this.gone.has(partnerId)))
      return null;
    const state = known?.state;
    const webhookUrl = state?.status === 'registered' ? state.subscription.webhookUrl : null;
    if (!known || state?.status !== 'registered' || webhookUrl === null) return null;
    const { eventTypes, jurisdictionIds, personalData } = state.subscription;
    return {
      partnerId,
      webhookUrl,
      selection: { eventTypes, jurisdictionIds, personalData },
      startPosition: known.registeredAt,
      signingSecrets: async (now) => {
        const ids = [state.secretId];
        if (
          state.previousSecretId &&
          state.previousValidUntil &&
          Date.parse(state.previousValidUntil) > now.getTime()
        )
          ids.push(state.previousSecretId);
        const missing = ids.filter((id) => !this.secretCache.has(id));
        for (const [id, secret] of await this.options.secrets.get(missing)) this.secretCache.set(id, secret);
        return ids.map((id) => {
          const secret = this.secretCache.get(id);
          if (secret === undefined)
            throw new Error(`webhook secret ${id} of partner ${partnerId} is missing from the vault`);
          return secret;
        });
      },
    };
  }

  /** Disables a partner's webhook after a 410 Gone, as the relay system account; stops its worker at once. */
  private async disable(partnerId: string, reason: string): Promise<void> {
    // Stopped at once and kept from restarting until the log shows the webhook disabled (see fold).
    this.gone.add(partnerId);
    const worker = this.workers.get(partnerId);
    this.workers.delete(partnerId);
    void worker?.stop();
    const now = this.clock.now().toISOString();
    const commandId = randomUUID();
    await this.options.partners.disableWebhook(partnerId, reason, {
      commandId,
      actorId: 'relay',
      role: 'system',
      jurisdictionId: null,
      now,
      correlationId: commandId,
      causationId: null,
    });
    this.options.logger.warn({ partnerId, reason }, 'webhook disabled');
  }
}
