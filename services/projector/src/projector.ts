// The projector: runs every projection live, rebuilds changed ones beside the live ones and swaps them in.
import { randomBytes } from 'node:crypto';
import type { EventStore } from '@liaison/eventstore';
import type { Logger } from '@liaison/observability';
import type { Fence, ReadStore } from '@liaison/readstore';
import { waitForCheckpoints } from './checkpoint-watermark.js';
import { LeaseKeeper, type LeaseSettings } from './lease-keeper.js';
import { physicalName, versionOf, type Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';

export interface ProjectorOptions {
  batchSize?: number;
  logger?: Logger;
  /** How often a rebuild checks whether it has caught up with the log. */
  catchUpPollMs?: number;
  /**
   * Shares the projections among projector processes: each runs only the projections whose lease it holds
   * (one lease per projection, fenced commits), and takes over the others' when their leases expire. Without
   * it this process runs every projection.
   */
  lease?: LeaseSettings;
}

interface Slot {
  projection: Projection;
  /** Serves queries; null while the first build of a changed projection is still catching up. */
  live: ProjectionRunner | null;
  rebuilding: ProjectionRunner | null;
  /** With leases: the fence of the lease this process holds, else null (another process runs it). */
  fence: Fence | null;
}

/** The lease of a projection, shared by every generation of its collection. */
const leaseName = (projection: string) => `projection:${projection}`;

export interface ProjectionStatus {
  name: string;
  collection: string | null;
  position: number;
  rebuildingInto: string | null;
  rebuildPosition: number | null;
}

/** Runs a set of projections in this process and tells when read models have passed a log position. */
export class Projector {
  private readonly slots = new Map<string, Slot>();
  private readonly waiters = new Set<() => void>();
  private stopped = false;
  private readonly leases: LeaseKeeper | null = null;

  constructor(
    private readonly events: EventStore,
    private readonly reads: ReadStore,
    projections: readonly Projection[],
    private readonly options: ProjectorOptions = {},
  ) {
    for (const projection of projections) {
      if (this.slots.has(projection.name))
        throw new Error(`two projections named ${projection.name}; expected unique names`);
      this.slots.set(projection.name, { projection, live: null, rebuilding: null, fence: null });
    }
    if (options.lease) {
      const byLease = new Map(
        [...this.slots.values()].map((slot) => [leaseName(slot.projection.name), slot]),
      );
      this.leases = new LeaseKeeper(reads, [...byLease.keys()], options.lease, {
        gained: async (name, fence) => {
          const slot = byLease.get(name)!;
          slot.fence = fence;
          options.logger?.info(
            { projection: slot.projection.name, token: fence.token },
            'projection lease taken',
          );
          await this.startSlot(slot);
        },
        lost: async (name) => {
          const slot = byLease.get(name)!;
          options.logger?.info({ projection: slot.projection.name }, 'projection lease given up');
          await this.stopSlot(slot);
        },
        onError: (error, name) => options.logger?.error({ err: error, lease: name }, 'projection lease'),
      });
    }
  }

  /**
   * Starts every projection (with leases: every one whose lease this process gets now, and the others as
   * their leases come free): new ones build in place, changed ones rebuild beside the old collection.
   */
  async start(): Promise<void> {
    if (!this.leases) {
      for (const slot of this.slots.values()) await this.startSlot(slot);
      return;
    }
    await this.leases.round();
    this.leases.start();
  }

  /** Starts one projection: a new one builds in place, a changed one rebuilds beside the old collection. */
  private async startSlot(slot: Slot): Promise<void> {
    const alias = await this.reads.getAlias(slot.projection.name);
    if (alias === null) {
      const collection = await this.createGeneration(slot.projection);
      await this.reads.setAlias(slot.projection.name, collection);
      slot.live = this.startRunner(slot, collection);
    } else if (versionOf(alias) === slot.projection.version) {
      slot.live = this.startRunner(slot, alias);
    } else {
      this.options.logger?.info(
        { projection: slot.projection.name, from: alias, version: slot.projection.version },
        'projection changed: rebuilding while the old collection keeps serving queries',
      );
      void this.rebuild(slot.projection.name).catch((error: unknown) =>
        this.options.logger?.error({ err: error, projection: slot.projection.name }, 'rebuild failed'),
      );
    }
  }

  /**
   * Replays the whole history into a fresh collection while queries keep reading the current one, then
   * swaps the alias to it in one step and drops the old collection. Resolves after the swap.
   */
  async rebuild(name: string): Promise<void> {
    const slot = this.slots.get(name);
    if (!slot)
      throw new Error(`no projection named ${name}; expected one of ${[...this.slots.keys()].join(', ')}`);
    if (slot.rebuilding)
      throw new Error(`projection ${name} is already rebuilding into ${slot.rebuilding.collection}`);
    if (this.leases && !slot.fence)
      throw new Error(`projection ${name} is run by another projector process; rebuild it there`);
    const collection = await this.createGeneration(slot.projection);
    const runner = this.startRunner(slot, collection);
    slot.rebuilding = runner;
    let swapped = false;
    try {
      const head = await this.events.headPosition();
      while (runner.position < head) {
        if (this.stopped) throw new Error(`projector stopped while ${name} was rebuilding`);
        if (slot.rebuilding !== runner) throw new Error(`lease of ${name} lost while it was rebuilding`);
        await new Promise((resolve) => setTimeout(resolve, this.options.catchUpPollMs ?? 50));
      }
      if (slot.rebuilding !== runner) throw new Error(`lease of ${name} lost while it was rebuilding`);
      const previous = slot.live;
      const previousCollection = previous?.collection ?? (await this.reads.getAlias(name));
      // Fenced like the runner's commits: a process that lost the lease cannot swap its generation in.
      await this.reads.setAlias(name, collection, slot.fence ?? undefined);
      slot.live = runner;
      swapped = true;
      // Swapped in: the rebuild is over for callers (another may start) while the old generation is retired.
      slot.rebuilding = null;
      this.notify();
      await previous?.stop();
      if (previousCollection && previousCollection !== collection)
        await this.reads.dropCollection(previousCollection);
      this.options.logger?.info(
        { projection: name, collection, position: runner.position },
        'rebuild swapped in',
      );
    } catch (error) {
      // Before the swap the new generation is abandoned; after it, it is live and only the clean-up failed.
      if (!swapped) {
        await runner.stop();
        await this.reads.dropCollection(collection).catch(() => undefined);
      }
      throw error;
    } finally {
      if (slot.rebuilding === runner) slot.rebuilding = null;
    }
  }

  /** Resolves true once every live read model has folded the log up to `position`, false after `timeoutMs`. */
  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    // Projections run by other processes are followed through their checkpoints in the store.
    if ([...this.slots.values()].some((slot) => this.leases && !slot.fence)) {
      return waitForCheckpoints(this.reads, [...this.slots.keys()], position, timeoutMs);
    }
    if (this.reached(position)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = () => {
        if (!this.reached(position)) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        resolve(false);
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  /** Where each projection stands. */
  status(): ProjectionStatus[] {
    return [...this.slots.values()].map((slot) => ({
      name: slot.projection.name,
      collection: slot.live?.collection ?? null,
      position: slot.live?.position ?? 0,
      rebuildingInto: slot.rebuilding?.collection ?? null,
      rebuildPosition: slot.rebuilding?.position ?? null,
    }));
  }

  /** Stops every runner after its batch in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.leases?.stop();
    const runners = [...this.slots.values()].flatMap((slot) => [slot.live, slot.rebuilding]);
    await Promise.all(runners.map(async (runner) => runner?.stop()));
  }

  private reached(position: number): boolean {
    for (const slot of this.slots.values()) {
      if (slot.live && slot.live.position < position) return false;
    }
    return true;
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private async createGeneration(projection: Projection): Promise<string> {
    const generation = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
    const collection = physicalName(projection, generation);
    await this.reads.createCollection(collection, {
      name: projection.name,
      fields: projection.fields,
      ...(projection.indexes ? { indexes: projection.indexes } : {}),
    });
    return collection;
  }

  /** Stops a projection's runners (its lease was lost): another process runs it now. */
  private async stopSlot(slot: Slot): Promise<void> {
    const runners = [slot.live, slot.rebuilding];
    slot.fence = null;
    slot.live = null;
    slot.rebuilding = null;
    await Promise.all(runners.map(async (runner) => runner?.stop()));
    this.notify();
  }

  private startRunner(slot: Slot, collection: string): ProjectionRunner {
    const { projection, fence } = slot;
    const runner = new ProjectionRunner(this.events, this.reads, projection, collection, {
      ...(this.options.batchSize ? { batchSize: this.options.batchSize } : {}),
      ...(fence ? { fence, onLeaseLost: () => void this.leases?.lose(fence.lease) } : {}),
      onProgress: () => this.notify(),
      onError: (error, attempt) =>
        this.options.logger?.error(
          { err: error, projection: projection.name, collection, attempt },
          'projection pass failed; resuming',
        ),
    });
    runner.start().catch((error: unknown) => {
      this.options.logger?.error(
        { err: error, projection: projection.name, collection },
        'projection runner failed',
      );
    });
    return runner;
  }
}
