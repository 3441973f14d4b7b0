// Resolves logical names to physical collections with a cache that every read re-checks concurrently.
import type { Collection } from 'mongodb';
import type { CollectionSpec } from '../read-store.js';
import { ReadStoreError } from '../errors.js';

/** An alias as stored: where the logical name points, which incarnation of that collection, and its spec. */
export interface AliasRecord {
  _id: string;
  physical: string;
  incarnation: string;
  /** The collection's spec as canonical JSON (spec field paths contain dots, which BSON keys should not). */
  spec: string;
}

/** Where a logical name points, with the spec parsed. */
export interface AliasTarget {
  physical: string;
  incarnation: string;
  spec: CollectionSpec;
}

const MAX_ATTEMPTS = 5;

/**
 * The cache maps logical name → target. It is never trusted blindly: each read runs on the cached target while
 * the alias is read again beside it (two requests in flight, one round trip of latency). When another process
 * moved the alias, the result is discarded and the read runs again on the new target, so queries follow a swap
 * at once. A failure of the stale read (say INVALID_QUERY against the old spec) is only raised once the target
 * it ran against is confirmed current.
 */
export class AliasResolver {
  private readonly targets = new Map<string, AliasTarget>();

  constructor(private readonly aliases: Collection<AliasRecord>) {}

  /** Drops what this process knew about a logical name (it was just re-pointed here). */
  forget(logical: string): void {
    this.targets.delete(logical);
  }

  /** Drops every cached name pointing at a physical collection (it was just dropped here). */
  forgetPhysical(physical: string): void {
    for (const [logical, target] of this.targets)
      if (target.physical === physical) this.targets.delete(logical);
  }

  /** Runs `run` against the collection `logical` points at, re-running while the alias moves under it. */
  async read<R>(logical: string, run: (target: AliasTarget) => Promise<R>): Promise<R> {
    let target = this.targets.get(logical) ?? (await this.resolve(logical));
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const [outcome, current] = await Promise.all([
        run(target).then(
          (value) => ({ ok: true as const, value }),
          (error: unknown) => ({ ok: false as const, error }),
        ),
        this.aliases.findOne({ _id: logical }),
      ]);
      if (!current) throw this.notFound(logical);
      if (current.physical === target.physical && current.incarnation === target.incarnation) {
        if (!outcome.ok) throw outcome.error;
        return outcome.value;
      }
      target = this.remember(current);
    }
    throw new Error(`the alias ${logical} moved during each of ${MAX_ATTEMPTS} reads; expected it to settle`);
  }

  private async resolve(logical: string): Promise<AliasTarget> {
    const record = await this.aliases.findOne({ _id: logical });
    if (!record) throw this.notFound(logical);
    return this.remember(record);
  }

  private remember(record: AliasRecord): AliasTarget {
    const target: AliasTarget = {
      physical: record.physical,
      incarnation: record.incarnation,
      spec: JSON.parse(record.spec) as CollectionSpec,
    };
    this.targets.set(record._id, target);
    return target;
  }

  private notFound(logical: string): ReadStoreError {
    this.targets.delete(logical);
    return new ReadStoreError(
      'COLLECTION_NOT_FOUND',
      `expected a logical collection name set with setAlias, received "${logical}", which points nowhere`,
    );
  }
}
