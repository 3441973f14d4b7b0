// Resolves logical names to physical collections with a cache that every read re-validates in its own statement.
import type { SqlExecutor } from '@liaison/sql';
import type { CollectionSpec } from '../read-store.js';
import { ReadStoreError } from '../errors.js';
import { isUndefinedTable } from './sql-errors.js';

/** Where a logical name points: the physical collection, which incarnation of it, and its spec. */
export interface AliasTarget {
  physical: string;
  incarnation: string;
  spec: CollectionSpec;
}

/** What a guarded read returns on every row: where the alias pointed in the read's own snapshot. */
export interface GuardColumns {
  alias_physical: string;
  alias_incarnation: string | number;
}

const MAX_ATTEMPTS = 5;

/**
 * Wraps `inner`, a read of the cached physical table, so the same statement (one snapshot) also returns where
 * the alias points now. There is always at least one row while the alias exists (the read's columns are null
 * when it matched nothing) and none once the alias is gone.
 */
export function guardedByAlias(logicalPlaceholder: string, inner: string, outerOrder?: string): string {
  return `SELECT a.physical AS alias_physical, c.incarnation AS alias_incarnation, t.*
FROM read_aliases a
JOIN read_collections c ON c.name = a.physical
LEFT JOIN LATERAL (${inner}) t ON true
WHERE a.logical = ${logicalPlaceholder}${outerOrder ? `\nORDER BY ${outerOrder}` : ''}`;
}

/**
 * The cache maps logical name → physical collection, incarnation and spec. It is never trusted blindly: each
 * read runs on the cached table and reports the alias in the same snapshot, so when another process swapped
 * the alias (or dropped and recreated the collection) the rows are discarded and the read runs again on a fresh
 * resolution. A read therefore costs one round trip while the alias stays put, and never applies one
 * collection's field kinds to another's table.
 */
export class AliasResolver {
  private readonly targets = new Map<string, AliasTarget>();

  constructor(private readonly sql: SqlExecutor) {}

  /** Drops what this process knew about a logical name (it was just re-pointed here). */
  forget(logical: string): void {
    this.targets.delete(logical);
  }

  /** Drops every cached name pointing at a physical collection (it was just dropped here). */
  forgetPhysical(physical: string): void {
    for (const [logical, target] of this.targets)
      if (target.physical === physical) this.targets.delete(logical);
  }

  /** Runs a guarded read against the collection `logical` points at, re-resolving while the alias moves under it. */
  async read<R extends GuardColumns>(
    logical: string,
    run: (target: AliasTarget) => Promise<R[]>,
  ): Promise<{ rows: R[]; target: AliasTarget }> {
    let target = this.targets.get(logical);
    let fresh = false;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (!target) {
        target = await this.resolve(logical);
        fresh = true;
      }
      let rows: R[];
      try {
        rows = await run(target);
      } catch (error) {
        // A stale target can name a dropped table or lack a field the current collection declares.
        const stale = isUndefinedTable(error) || (!fresh && error instanceof ReadStoreError);
        if (!stale) throw error;
        target = undefined;
        continue;
      }
      const [first] = rows;
      if (
        first &&
        first.alias_physical === target.physical &&
        String(first.alias_incarnation) === target.incarnation
      ) {
        return { rows, target };
      }
      target = undefined;
    }
    throw new Error(`the alias ${logical} moved during each of ${MAX_ATTEMPTS} reads; expected it to settle`);
  }

  private async resolve(logical: string): Promise<AliasTarget> {
    const [row] = await this.sql.query<{
      physical: string;
      incarnation: string | number;
      spec: CollectionSpec;
    }>(
      `SELECT a.physical, c.incarnation, c.spec
       FROM read_aliases a JOIN read_collections c ON c.name = a.physical
       WHERE a.logical = $1`,
      [logical],
    );
    if (!row) {
      this.targets.delete(logical);
      throw new ReadStoreError(
        'COLLECTION_NOT_FOUND',
        `expected a logical collection name set with setAlias, received "${logical}", which points nowhere`,
      );
    }
    const target: AliasTarget = {
      physical: row.physical,
      incarnation: String(row.incarnation),
      spec: row.spec,
    };
    this.targets.set(logical, target);
    return target;
  }
}
