// The projector: runs every projection live, rebuilds changed ones beside the live ones and swaps them in.
import { randomBytes } from 'node:crypto';
import type { EventStore } from '@liaison/eventstore';
import type { Logger } from '@liaison/observability';
import type { ReadStore } from '@liaison/readstore';
import { physicalName, versionOf, type Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';

export interface ProjectorOptions {
  batchSize?: number;
  logger?: Logger;
  /** How often a rebuild checks whether it has caught up with the log. */
  catchUpPollMs?: number;
}

interface Slot {
  projection: Projection;
  /** Serves queries; null while the first build of a changed projection is still catching up. */
  live: ProjectionRunner | null;
  rebuilding: ProjectionRunner | null;
}

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

  constructor(
    private readonly events: EventStore,
    private readonly reads: ReadStore,
    projections: readonly Projection[],
    private readonly options: ProjectorOptions = {},
  ) {
    for (const projection of projections) {
      if (this.slots.has(projection.name))
        throw new Error(`two projections named ${projection.name}; expected unique names`);
      this.slots.set(projection.name, { projection, live: null, rebuilding: null });
    }
  }

  /** Starts every projection: new ones build in place, changed ones rebuild beside the old collection. */
  async start(): Promise<void> {
    for (const slot of this.slots.values()) {
      const alias = await this.reads.getAlias(slot.projection.name);
      if (alias === null) {
        const collection = await this.createGeneration(slot.projection);
        await this.reads.setAlias(slot.projection.name, collection);
        slot.live = this.startRunner(slot.projection, collection);
      } else if (versionOf(alias) === slot.projection.version) {
        slot.live = this.startRunner(slot.projection, alias);
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
    const collection = await this.createGeneration(slot.projection);
    const runner = this.startRunner(slot.projection, collection);
    slot.rebuilding = runner;
    let swapped = false;
    try {
      const head = await this.events.headPosition();
      while (runner.position < head) {
        if (this.stopped) throw new Error(`projector stopped while ${name} was rebuilding`);
        await new Promise((resolve) => setTimeout(resolve, this.options.catchUpPollMs ?? 50));
      }
      const previous = slot.live;
      const previousCollection = previous?.collection ?? (await this.reads.getAlias(name));
      await this.reads.setAlias(name, collection);
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

  private startRunner(projection: Projection, collection: string): ProjectionRunner {
    const runner = new ProjectionRunner(this.events, this.reads, projection, collection, {
      ...(this.options.batchSize ? { batchSize: this.options.batchSize } : {}),
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
