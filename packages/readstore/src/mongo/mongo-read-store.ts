// The read store on MongoDB (and MongoDB-wire servers such as FerretDB): a MongoDB collection per physical collection.
import { randomUUID } from 'node:crypto';
import { MongoBulkWriteError, MongoServerError, type Collection, type Db } from 'mongodb';
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
  StoredDocument,
} from '../read-store.js';
import { collectionsNotFound, leaseLost, ReadStoreError } from '../errors.js';
import { latestWrites } from '../latest-writes.js';
import { pageSize } from '../page-size.js';
import { assertCollectionSpec, canonicalJson, normalizeSpec } from '../sql/collection-spec.js';
import { decodeCursor, encodeCursor } from '../sql/cursor.js';
import { sortKeys } from '../sql/sort-keys.js';
import { AliasResolver, type AliasRecord } from './alias-resolver.js';
import { ALIASES, CHECKPOINTS, COLLECTIONS, documentCollectionName, LEASES } from './collection-names.js';
import { indexDescriptions } from './index-keys.js';
import { filterConditions } from './mongo-filter.js';
import { afterCondition, sortDocument } from './mongo-sort.js';
import { queryField, type StoredRecord } from './stored-record.js';
import { planWrites, type WritePlan } from './write-plan.js';

/** A physical collection as registered: its spec (canonical JSON) and which incarnation of the name it is. */
interface CollectionRecord {
  _id: string;
  spec: string;
  incarnation: string;
}

interface CheckpointRecord {
  _id: string;
  position: number;
}

interface LeaseRecord {
  _id: string;
  holder: string;
  token: number;
  expiresAt: number;
}

/** A collection's writes that reached the server, so a failing commit can take them back. */
interface AppliedPlan {
  records: Collection<StoredRecord>;
  plan: WritePlan;
  applied: number;
}

const NAMESPACE_EXISTS = 48;
const NAMESPACE_NOT_FOUND = 26;
const DUPLICATE_KEY = 11000;
/** Stored documents are plain JSON: an undefined property is left out, as JSON.stringify and JSONB do. */
const JSON_LIKE = { ignoreUndefined: true } as const;
const LIVE = { doc: { $ne: null } } as const;

/**
 * ReadStore over a MongoDB database. The client belongs to the caller: `close` stops this store, not the client.
 *
 * MongoDB-wire servers without multi-document transactions (FerretDB on SQLite, a standalone MongoDB) cannot
 * commit documents and checkpoints atomically, so a commit is idempotent instead: every document write is
 * conditional on the position read just before it (the guard), the checkpoint is written after the documents,
 * and a commit that fails takes back the writes of its own that landed. A crash in between leaves documents
 * ahead of their checkpoint, which the runner's replay folds onto positions the guard then skips
 * (docs/design.md).
 */
export class MongoReadStore implements ReadStore {
  private readonly registry: Collection<CollectionRecord>;
  private readonly aliasRecords: Collection<AliasRecord>;
  private readonly checkpoints: Collection<CheckpointRecord>;
  private readonly leases: Collection<LeaseRecord>;
  private readonly aliases: AliasResolver;
  private closed = false;

  private constructor(private readonly db: Db) {
    this.registry = db.collection<CollectionRecord>(COLLECTIONS);
    this.aliasRecords = db.collection<AliasRecord>(ALIASES);
    this.checkpoints = db.collection<CheckpointRecord>(CHECKPOINTS);
    this.leases = db.collection<LeaseRecord>(LEASES);
    this.aliases = new AliasResolver(this.aliasRecords);
  }

  /** Opens the store on `db`, checking that the server answers. */
  static async open(db: Db): Promise<MongoReadStore> {
    await db.command({ ping: 1 });
    return new MongoReadStore(db);
  }

  async createCollection(physicalName: string, spec: CollectionSpec): Promise<void> {
    this.assertOpen();
    assertCollectionSpec(physicalName, spec);
    const normalized = normalizeSpec(spec);
    const json = canonicalJson(normalized);
    const name = documentCollectionName(physicalName);
    for (let attempt = 1; ; attempt++) {
      const existing = await this.registry.findOne({ _id: physicalName });
      if (existing) {
        // Specs are immutable once created: readers cache them by collection.
        if (existing.spec !== json) {
          throw new Error(
            `collection ${physicalName} exists with another spec: expected ${existing.spec}, received ${json}`,
          );
        }
        // Idempotent, and heals a collection whose storage a crashed drop removed before its registration.
        await this.ensureStorage(name, normalized);
        return;
      }
      await this.ensureStorage(name, normalized);
      try {
        // Registered last: a registered collection always has its storage and indexes.
        await this.registry.insertOne({ _id: physicalName, spec: json, incarnation: randomUUID() });
        return;
      } catch (error) {
        // Another process registered it first: compare specs on the next attempt.
        if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY) || attempt > 1) throw error;
      }
    }
  }

  async dropCollection(physicalName: string): Promise<void> {
    this.assertOpen();
    const name = documentCollectionName(physicalName);
    // Aliases first, so no query reaches a half-dropped collection; the registration last (see createCollection).
    await this.aliasRecords.deleteMany({ physical: physicalName });
    try {
      await this.db.collection(name).drop();
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND)) throw error;
    }
    await this.registry.deleteOne({ _id: physicalName });
    this.aliases.forgetPhysical(physicalName);
  }

  async setAlias(logicalName: string, physicalName: string, fence?: Fence): Promise<void> {
    this.assertOpen();
    const collection = await this.registry.findOne({ _id: physicalName });
    this.aliases.forget(logicalName);
    if (!collection) {
      throw new ReadStoreError(
        'COLLECTION_NOT_FOUND',
        `cannot point ${logicalName} at ${physicalName}: expected a collection made by createCollection, received an unknown name`,
      );
    }
    // Checked just before the write, as commits are: without transactions a takeover in between goes unseen.
    if (fence) await this.assertFence(fence, []);
    // One document replaced: every reader sees the old target or the new one, never a mixture.
    await this.aliasRecords.replaceOne(
      { _id: logicalName },
      { physical: physicalName, incarnation: collection.incarnation, spec: collection.spec },
      { upsert: true },
    );
  }

  async getAlias(logicalName: string): Promise<string | null> {
    this.assertOpen();
    return (await this.aliasRecords.findOne({ _id: logicalName }))?.physical ?? null;
  }

  async getMany<D extends ReadDocument>(
    physicalName: string,
    ids: readonly string[],
  ): Promise<Map<string, StoredDocument<D>>> {
    this.assertOpen();
    const [records, registered] = await Promise.all([
      this.records(physicalName)
        .find({ _id: { $in: [...ids] }, ...LIVE }, { projection: { pos: 1, doc: 1 } })
        .toArray(),
      this.registry.findOne({ _id: physicalName }, { projection: { _id: 1 } }),
    ]);
    if (!registered) throw collectionsNotFound([physicalName]);
    return new Map(
      records.map((record) => [record._id, { document: record.doc as D, position: Number(record.pos) }]),
    );
  }

  async commit(
    writes: readonly DocumentWrite[],
    checkpoints: readonly CheckpointWrite[] = [],
    fence?: Fence,
  ): Promise<void> {
    this.assertOpen();
    const byCollection = latestWrites(writes);
    const latestCheckpoints = new Map(checkpoints.map((checkpoint) => [checkpoint.name, checkpoint]));
    if (byCollection.size === 0 && latestCheckpoints.size === 0) return;
    // Without transactions the fence is checked before the documents and again before the checkpoint; a lease
    // lost in between takes the documents back (docs/design.md, leases).
    if (fence) await this.assertFence(fence, []);
    const done = byCollection.size > 0 ? await this.writeDocuments(byCollection) : [];
    if (fence) await this.assertFence(fence, done);
    if (latestCheckpoints.size > 0) {
      // After the documents: a checkpoint never gets ahead of what it vouches for, and never moves back.
      await this.checkpoints.bulkWrite(
        [...latestCheckpoints.values()].map(({ name, position }) => ({
          updateOne: { filter: { _id: name }, update: { $max: { position } }, upsert: true },
        })),
        { ordered: true },
      );
    }
  }

  async getCheckpoint(name: string): Promise<number> {
    this.assertOpen();
    const record = await this.checkpoints.findOne({ _id: name });
    return record ? Number(record.position) : 0;
  }

  async acquireLease(name: string, holder: string, durationMs: number): Promise<Lease | null> {
    this.assertOpen();
    // This process's clock decides expiry: projector hosts' clocks must agree well within a lease (NTP).
    const now = Date.now();
    const expiresAt = now + durationMs;
    const current = await this.leases.findOne({ _id: name });
    let token = 1;
    if (!current) {
      try {
        await this.leases.insertOne({ _id: name, holder, token, expiresAt });
      } catch (error) {
        if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return null;
        throw error;
      }
    } else {
      const running = current.expiresAt > now;
      if (running && current.holder !== holder) return null;
      token = running ? current.token : current.token + 1;
      // Conditional on the record as read: of two takers, the second matches nothing.
      const result = await this.leases.updateOne(
        { _id: name, holder: current.holder, token: current.token, expiresAt: current.expiresAt },
        { $set: { holder, token, expiresAt } },
      );
      if (result.matchedCount !== 1) return null;
    }
    // FerretDB evaluates an update's filter apart from its write: read back who won a race.
    const after = await this.leases.findOne({ _id: name });
    if (after?.holder !== holder || after.token !== token) return null;
    return { name, holder, token, expiresAt };
  }

  async releaseLease(lease: Lease): Promise<void> {
    this.assertOpen();
    await this.leases.updateOne(
      { _id: lease.name, holder: lease.holder, token: lease.token },
      { $set: { expiresAt: Date.now() } },
    );
  }

  async load<D extends ReadDocument>(logicalName: string, ids: readonly string[]): Promise<Array<D | null>> {
    this.assertOpen();
    const records = await this.aliases.read(logicalName, (target) =>
      this.records(target.physical)
        .find({ _id: { $in: [...ids] }, ...LIVE }, { projection: { doc: 1 } })
        .toArray(),
    );
    const byId = new Map(records.map((record) => [record._id, record.doc as D]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async find<D extends ReadDocument>(logicalName: string, query: FindQuery = {}): Promise<Page<D>> {
    this.assertOpen();
    const first = pageSize(query.first);
    const { keys, records } = await this.aliases.read(logicalName, async (target) => {
      const keys = sortKeys(target.spec, query.sort);
      const conditions = [LIVE, ...filterConditions(target.spec, query.filter)];
      if (query.after !== undefined && query.after !== null) {
        conditions.push(afterCondition(keys, decodeCursor(keys, query.after)));
      }
      const records = await this.records(target.physical)
        .find({ $and: conditions }, { projection: { doc: 1, q: 1 } })
        .sort(sortDocument(keys))
        .limit(first + 1)
        .toArray();
      return { keys, records };
    });
    const items = records.slice(0, first);
    const last = items.at(-1);
    const endCursor = last
      ? encodeCursor(
          keys,
          keys.map((key) =>
            key.path === 'id' ? last._id : (last.q[queryField(key.path).slice('q.'.length)] ?? null),
          ),
        )
      : null;
    return { items: items.map((record) => record.doc as D), endCursor, hasNextPage: records.length > first };
  }

  async count(logicalName: string, filter?: Filter): Promise<number> {
    this.assertOpen();
    return this.aliases.read(logicalName, (target) =>
      this.records(target.physical).countDocuments({
        $and: [LIVE, ...filterConditions(target.spec, filter)],
      }),
    );
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('expected an open read store, received one that was closed');
  }

  private records(physicalName: string): Collection<StoredRecord> {
    return this.db.collection<StoredRecord>(documentCollectionName(physicalName), JSON_LIKE);
  }

  /** Raises LEASE_LOST unless `fence` holds, after taking back `done` (the commit's document writes so far). */
  private async assertFence(fence: Fence, done: readonly AppliedPlan[]): Promise<void> {
    const lease = await this.leases.findOne({ _id: fence.lease });
    if (lease?.holder === fence.holder && lease.token === fence.token && lease.expiresAt > Date.now()) return;
    throw await undone(done, leaseLost(fence));
  }

  /** Creates the MongoDB collection and its indexes when missing; both steps are idempotent. */
  private async ensureStorage(name: string, spec: CollectionSpec): Promise<void> {
    try {
      await this.db.createCollection(name);
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === NAMESPACE_EXISTS)) throw error;
    }
    const indexes = indexDescriptions(spec);
    if (indexes.length > 0) await this.db.collection(name).createIndexes(indexes);
  }

  /**
   * Writes each collection's part of a commit in turn. Every collection is checked in the registry and every
   * touched record read first (all in parallel), so an unknown collection fails before anything is written. When a collection's writes fail, the ones of this commit that landed are undone, last
   * first, and the error is raised. Returns the writes that landed, so that a lost fence can take them back.
   */
  private async writeDocuments(
    byCollection: Map<string, Map<string, DocumentWrite>>,
  ): Promise<AppliedPlan[]> {
    const names = [...byCollection.keys()];
    // The registry and the touched records are read side by side: one round trip before the writes.
    const [registered, stored] = await Promise.all([
      this.registry.find({ _id: { $in: names } }).toArray(),
      Promise.all(
        names.map((name) =>
          this.records(name)
            .find({ _id: { $in: [...(byCollection.get(name)?.keys() ?? [])] } })
            .toArray(),
        ),
      ),
    ]);
    const specs = new Map(
      registered.map((record) => [record._id, JSON.parse(record.spec) as CollectionSpec]),
    );
    const missing = names.filter((name) => !specs.has(name));
    if (missing.length > 0) throw collectionsNotFound(missing);

    const planned = names.map((name, i) => ({
      records: this.records(name),
      plan: planWrites(
        specs.get(name) as CollectionSpec,
        byCollection.get(name)?.values() ?? [],
        new Map((stored[i] ?? []).map((record) => [record._id, record])),
      ),
    }));

    const done: AppliedPlan[] = [];
    for (const { records, plan } of planned) {
      if (plan.ops.length === 0) continue;
      try {
        const result = await records.bulkWrite(plan.ops, { ordered: true });
        const expected = plan.counts(plan.ops.length);
        if (result.insertedCount !== expected.inserts || result.matchedCount !== expected.replaces) {
          throw new Error(
            `expected to write ${expected.inserts} new and ${expected.replaces} stored documents of ${records.collectionName}, received ${result.insertedCount} and ${result.matchedCount}: another writer changed them meanwhile`,
          );
        }
        done.push({ records, plan, applied: plan.ops.length });
      } catch (error) {
        if (error instanceof MongoBulkWriteError) {
          const [first] = [error.writeErrors].flat();
          const applied = first?.index ?? 0;
          const expected = plan.counts(applied);
          // Only when the counts prove that every write before the failing one was this commit's own.
          if (
            error.result.insertedCount === expected.inserts &&
            error.result.matchedCount === expected.replaces
          ) {
            done.push({ records, plan, applied });
          }
        }
        throw await undone(done, error);
      }
    }
    return done;
  }
}

/** Undoes `done`, last write first; returns the error to raise, naming a failed undo too. */
async function undone(done: readonly AppliedPlan[], error: unknown): Promise<unknown> {
  try {
    for (const { records, plan, applied } of [...done].reverse()) {
      if (applied > 0) await records.bulkWrite(plan.undo.slice(0, applied).reverse(), { ordered: true });
    }
    return error;
  } catch (undoError) {
    const message = error instanceof Error ? error.message : String(error);
    return new Error(
      `${message}; undoing the commit's earlier writes failed too (they stay, ahead of the checkpoint, where the position guard makes a replay harmless): ${undoError instanceof Error ? undoError.message : String(undoError)}`,
      { cause: error },
    );
  }
}
