// The read store on SQL (PGlite or PostgreSQL, the same SQL text): a JSONB table per physical collection.
import { StatisticsUpkeep, type SqlClient, type SqlExecutor } from '@liaison/sql';
import type {
  CheckpointWrite,
  CollectionSpec,
  DocumentWrite,
  Fence,
  Filter,
  FindQuery,
  Lease,
  Page,
  ReadDocument,
  ReadStore,
  Scalar,
  StoredDocument,
} from '../read-store.js';
import { collectionsNotFound, leaseLost, ReadStoreError } from '../errors.js';
import { pageSize } from '../page-size.js';
import { AliasResolver, guardedByAlias, type GuardColumns } from './alias-resolver.js';
import { assertCollectionSpec, canonicalJson, normalizeSpec } from './collection-spec.js';
import { commitStatement } from './commit-sql.js';
import { encodeCursor } from './cursor.js';
import { filterConditions } from './filter-sql.js';
import { indexStatements } from './index-ddl.js';
import {
  documentTable,
  documentTableDdl,
  documentTableName,
  REGISTRY_DDL,
  REGISTRY_LOCK,
} from './registry.js';
import { findStatement } from './find-sql.js';
import type { SortKey } from './sort-keys.js';
import { isUndefinedTable } from './sql-errors.js';
import { SqlParameters } from './sql-parameters.js';

/** A row of a guarded find: a document and its sort-key values k0, k1, … (all null when nothing matched). */
type FindRow = GuardColumns & { id: string | null; doc: ReadDocument | null } & {
  [key: `k${number}`]: Scalar | undefined;
};

/**
 * ReadStore over a SqlClient. The client belongs to the caller: `close` stops this store, not the client, so
 * one client can serve the event store and the read store alike.
 */
export class SqlReadStore implements ReadStore {
  private readonly aliases: AliasResolver;
  private readonly statistics: StatisticsUpkeep;
  private closed = false;

  private constructor(private readonly sql: SqlClient) {
    this.aliases = new AliasResolver(sql);
    this.statistics = new StatisticsUpkeep(sql);
  }

  /** Opens the store on `sql`'s schema, creating the registry tables when they are missing. */
  static async open(sql: SqlClient): Promise<SqlReadStore> {
    await sql.transaction(async (tx) => {
      await tx.query(REGISTRY_LOCK);
      await tx.exec(REGISTRY_DDL);
    });
    return new SqlReadStore(sql);
  }

  async createCollection(physicalName: string, spec: CollectionSpec): Promise<void> {
    this.assertOpen();
    assertCollectionSpec(physicalName, spec);
    const normalized = normalizeSpec(spec);
    const table = documentTable(physicalName);
    await this.sql.transaction(async (tx) => {
      await tx.query(REGISTRY_LOCK);
      const [existing] = await tx.query<{ spec: CollectionSpec }>(
        'SELECT spec FROM read_collections WHERE name = $1',
        [physicalName],
      );
      if (existing) {
        // Specs are immutable once created: readers cache them by collection.
        if (canonicalJson(existing.spec) === canonicalJson(normalized)) return;
        throw new Error(
          `collection ${physicalName} exists with another spec: expected ${canonicalJson(existing.spec)}, received ${canonicalJson(normalized)}`,
        );
      }
      await tx.exec(
        [
          documentTableDdl(physicalName),
          ...indexStatements(table, documentTableName(physicalName), normalized),
        ].join(';\n'),
      );
      await tx.query('INSERT INTO read_collections (name, spec) VALUES ($1, $2::jsonb)', [
        physicalName,
        JSON.stringify(normalized),
      ]);
    });
  }

  async dropCollection(physicalName: string): Promise<void> {
    this.assertOpen();
    const table = documentTable(physicalName);
    await this.sql.transaction(async (tx) => {
      await tx.query(REGISTRY_LOCK);
      await tx.exec(`DROP TABLE IF EXISTS ${table}`);
      // Aliases pointing here go with it (ON DELETE CASCADE): their logical names then point nowhere.
      await tx.query('DELETE FROM read_collections WHERE name = $1', [physicalName]);
    });
    this.aliases.forgetPhysical(physicalName);
  }

  async setAlias(logicalName: string, physicalName: string, fence?: Fence): Promise<void> {
    this.assertOpen();
    // As in a fenced commit, the lease row is locked (FOR SHARE) for the statement, so a takeover waits for it.
    const lease = fence
      ? `SELECT 1 FROM read_leases WHERE name = $3 AND holder = $4 AND token = $5::bigint AND expires_at > now()
         FOR SHARE`
      : 'SELECT 1';
    const [row] = await this.sql.query<{ found: string | number; held: string | number }>(
      `WITH lease AS (${lease}),
       target AS (SELECT name FROM read_collections WHERE name = $2),
       moved AS (
         INSERT INTO read_aliases (logical, physical)
         SELECT $1, name FROM target WHERE EXISTS (SELECT 1 FROM lease)
         ON CONFLICT (logical) DO UPDATE SET physical = EXCLUDED.physical, updated_at = now()
         RETURNING physical)
       SELECT (SELECT count(*) FROM target) AS found, (SELECT count(*) FROM lease) AS held`,
      fence
        ? [logicalName, physicalName, fence.lease, fence.holder, fence.token]
        : [logicalName, physicalName],
    );
    this.aliases.forget(logicalName);
    if (Number(row?.found ?? 0) === 0) {
      throw new ReadStoreError(
        'COLLECTION_NOT_FOUND',
        `cannot point ${logicalName} at ${physicalName}: expected a collection made by createCollection, received an unknown name`,
      );
    }
    if (fence && Number(row?.held ?? 0) === 0) throw leaseLost(fence);
  }

  async getAlias(logicalName: string): Promise<string | null> {
    this.assertOpen();
    const [row] = await this.sql.query<{ physical: string }>(
      'SELECT physical FROM read_aliases WHERE logical = $1',
      [logicalName],
    );
    return row?.physical ?? null;
  }

  async getMany<D extends ReadDocument>(
    physicalName: string,
    ids: readonly string[],
  ): Promise<Map<string, StoredDocument<D>>> {
    this.assertOpen();
    const table = documentTable(physicalName);
    let rows: Array<{ documents: Array<[string, number, D]> }>;
    try {
      // One aggregated JSON row: per-row decoding in the drivers costs more than the query itself.
      rows = await this.sql.query(
        `SELECT coalesce(json_agg(json_build_array(id, position, doc)), '[]') AS documents
         FROM ${table} WHERE id = ANY($1::text[]) AND doc IS NOT NULL`,
        [ids],
      );
    } catch (error) {
      if (isUndefinedTable(error)) throw collectionsNotFound([physicalName]);
      throw error;
    }
    return new Map(
      (rows[0]?.documents ?? []).map(([id, position, document]) => [
        id,
        { document, position: Number(position) },
      ]),
    );
  }

  async commit(
    writes: readonly DocumentWrite[],
    checkpoints: readonly CheckpointWrite[] = [],
    fence?: Fence,
  ): Promise<void> {
    this.assertOpen();
    const statement = commitStatement(writes, checkpoints, fence);
    if (!statement) return;
    try {
      const [result] = await this.sql.query<{ fenced: string | number }>(statement.text, statement.values);
      if (fence && Number(result?.fenced ?? 0) === 0) throw leaseLost(fence);
      for (const [collection, count] of statement.collections) {
        this.statistics.changed(documentTable(collection), count);
      }
    } catch (error) {
      if (!isUndefinedTable(error)) throw error;
      const missing = await this.missing(this.sql, [...statement.collections.keys()]);
      throw collectionsNotFound(missing.length > 0 ? missing : [...statement.collections.keys()]);
    }
  }

  async getCheckpoint(name: string): Promise<number> {
    this.assertOpen();
    const [row] = await this.sql.query<{ position: string | number }>(
      'SELECT position FROM read_checkpoints WHERE name = $1',
      [name],
    );
    return row ? Number(row.position) : 0;
  }

  async acquireLease(name: string, holder: string, durationMs: number): Promise<Lease | null> {
    this.assertOpen();
    // The database's clock decides expiry, so projector hosts' clocks need not agree.
    const [row] = await this.sql.query<{ token: string | number; expires_at: string | number }>(
      `INSERT INTO read_leases AS l (name, holder, token, expires_at)
       VALUES ($1, $2, 1, now() + $3::float8 * interval '1 millisecond')
       ON CONFLICT (name) DO UPDATE SET
         token = CASE WHEN l.holder = EXCLUDED.holder AND l.expires_at > now() THEN l.token ELSE l.token + 1 END,
         holder = EXCLUDED.holder,
         expires_at = EXCLUDED.expires_at
       WHERE l.holder = EXCLUDED.holder OR l.expires_at <= now()
       RETURNING token, extract(epoch FROM expires_at) * 1000 AS expires_at`,
      [name, holder, durationMs],
    );
    return row ? { name, holder, token: Number(row.token), expiresAt: Number(row.expires_at) } : null;
  }

  async releaseLease(lease: Lease): Promise<void> {
    this.assertOpen();
    await this.sql.query(
      'UPDATE read_leases SET expires_at = now() WHERE name = $1 AND holder = $2 AND token = $3 AND expires_at > now()',
      [lease.name, lease.holder, lease.token],
    );
  }

  async load<D extends ReadDocument>(logicalName: string, ids: readonly string[]): Promise<Array<D | null>> {
    this.assertOpen();
    const { rows } = await this.aliases.read<GuardColumns & { documents: D[] }>(logicalName, (target) => {
      const params = new SqlParameters();
      const logical = params.add(logicalName, 'text');
      const inner = `SELECT coalesce(json_agg(doc), '[]') AS documents FROM ${documentTable(target.physical)}
        WHERE id = ANY(${params.add(ids, 'text[]')}) AND doc IS NOT NULL`;
      return this.sql.query(guardedByAlias(logical, inner), params.values);
    });
    const byId = new Map((rows[0]?.documents ?? []).map((document) => [document.id, document]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async find<D extends ReadDocument>(logicalName: string, query: FindQuery = {}): Promise<Page<D>> {
    this.assertOpen();
    const first = pageSize(query.first);
    let keys: SortKey[] = [];
    const { rows } = await this.aliases.read<FindRow>(logicalName, (target) => {
      const statement = findStatement(logicalName, target, query, first);
      // The last statement built is the one whose rows come back.
      keys = statement.keys;
      return this.sql.query(statement.text, statement.values);
    });
    const found = rows.filter((row) => row.id !== null);
    const items = found.slice(0, first);
    const last = items.at(-1);
    const endCursor = last
      ? encodeCursor(
          keys,
          keys.map((_, i) => last[`k${i}`] ?? null),
        )
      : null;
    return { items: items.map((row) => row.doc as D), endCursor, hasNextPage: found.length > first };
  }

  async count(logicalName: string, filter?: Filter): Promise<number> {
    this.assertOpen();
    const { rows } = await this.aliases.read<GuardColumns & { n: string | number }>(logicalName, (target) => {
      const params = new SqlParameters();
      const logical = params.add(logicalName, 'text');
      const conditions = ['doc IS NOT NULL', ...filterConditions(target.spec, filter, params)];
      const inner = `SELECT count(*) AS n FROM ${documentTable(target.physical)} WHERE ${conditions.join(' AND ')}`;
      return this.sql.query(guardedByAlias(logical, inner), params.values);
    });
    return Number(rows[0]?.n ?? 0);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.statistics.settle();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('expected an open read store, received one that was closed');
  }

  /** Which of `collections` the registry does not know. */
  private async missing(sql: SqlExecutor, collections: readonly string[]): Promise<string[]> {
    const rows = await sql.query<{ name: string }>(
      'SELECT name FROM read_collections WHERE name = ANY($1::text[])',
      [collections],
    );
    const known = new Set(rows.map((row) => row.name));
    return collections.filter((name) => !known.has(name));
  }
}
