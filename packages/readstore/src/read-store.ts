// The read store port: documents shaped for queries, written by projections, read by the gateway.

/** A read model document: a JSON object with a string id. Dates are ISO-8601 strings. */
export type ReadDocument = { id: string } & Record<string, unknown>;

/** The kinds a queryable field can hold; declared per collection so every adapter compares alike. */
export type FieldKind = 'string' | 'number' | 'boolean';

/** A queryable field: a top-level or dotted path into the document and its kind. */
export interface FieldSpec {
  kind: FieldKind;
}

export interface IndexSpec {
  /** Field names from the collection's `fields`; order matters as in any compound index. */
  fields: readonly string[];
  unique?: boolean;
}

/** A collection's declaration: which fields can be filtered and sorted on, and which indexes exist. */
export interface CollectionSpec {
  /** The logical name queries use, e.g. 'stations'. */
  name: string;
  /** Queryable fields by path ('name', 'address.county'); `id` is always queryable as a string. */
  fields: Readonly<Record<string, FieldSpec>>;
  indexes?: readonly IndexSpec[];
}

export type Scalar = string | number | boolean | null;

/**
 * One field's condition. A bare value means equality; `null` matches a missing or null field.
 * Ranges combine (`{ gte: 'a', lt: 'b' }`). `prefix` matches the start of a string field. `contains` matches a
 * string field holding the text anywhere (a substring, so it works for Chinese, which has no spaces between
 * words): ASCII letters match either case, every other character exactly; wildcards mean themselves.
 */
export type Condition =
  | Scalar
  | { eq: Scalar }
  | { ne: Scalar }
  | { in: readonly Scalar[] }
  | { gt?: Scalar; gte?: Scalar; lt?: Scalar; lte?: Scalar }
  | { prefix: string }
  | { contains: string };

/** Every listed field must match (AND). Keys are declared field paths or 'id'. */
export type Filter = Readonly<Record<string, Condition>>;

export type SortDirection = 'asc' | 'desc';

export interface FindQuery {
  filter?: Filter;
  /** Sort keys in order; 'id' ascending is always added last as the tie-breaker. */
  sort?: ReadonlyArray<readonly [field: string, direction: SortDirection]>;
  /** Page size; adapters cap it at 1,000. */
  first?: number;
  /** An opaque cursor from a previous page's `endCursor`; valid only with the same filter and sort. */
  after?: string | null;
}

export interface Page<D> {
  items: D[];
  /** Cursor of the last item, or null when the page is empty. */
  endCursor: string | null;
  hasNextPage: boolean;
}

/** A document with the global position of the last event folded into it. */
export interface StoredDocument<D extends ReadDocument = ReadDocument> {
  document: D;
  position: number;
}

/**
 * One document change. Applied only when `position` is greater than the stored document's position,
 * so replaying a batch that already landed changes nothing. `document: null` deletes (a tombstone
 * keeps the position, so an old upsert cannot resurrect it).
 */
export interface DocumentWrite {
  /** Physical collection (see ReadStore.createCollection). */
  collection: string;
  id: string;
  position: number;
  document: ReadDocument | null;
}

export interface CheckpointWrite {
  name: string;
  position: number;
}

/** Who runs a projection until when: at most one holder at a time, taken over once it expires. */
export interface Lease {
  name: string;
  holder: string;
  /** The fencing token: grows whenever the lease starts afresh (another holder, or after it expired). */
  token: number;
  /** When the lease runs out unless renewed, in milliseconds since the epoch (the store's clock). */
  expiresAt: number;
}

/** A commit's fence: it lands only while `holder` holds lease `lease` with `token`, unexpired. */
export interface Fence {
  lease: string;
  holder: string;
  token: number;
}

/**
 * The read store. Physical collections are written by projections; logical names (aliases) are what
 * queries use, so a rebuilt collection can replace the live one in one atomic step.
 */
export interface ReadStore {
  /** Creates a physical collection and its indexes (idempotent). */
  createCollection(physicalName: string, spec: CollectionSpec): Promise<void>;
  /** Drops a physical collection (idempotent). */
  dropCollection(physicalName: string): Promise<void>;
  /**
   * Points the logical name at a physical collection, atomically for every reader. With a `fence`, the alias
   * moves only while the fence's lease is held (ReadStoreError LEASE_LOST otherwise, the alias unchanged).
   */
  setAlias(logicalName: string, physicalName: string, fence?: Fence): Promise<void>;
  /** The physical collection a logical name points at, or null. */
  getAlias(logicalName: string): Promise<string | null>;

  /** Loads many documents of a physical collection by id in one round trip (tombstones are absent). */
  getMany<D extends ReadDocument>(
    physicalName: string,
    ids: readonly string[],
  ): Promise<Map<string, StoredDocument<D>>>;
  /**
   * Applies all writes and checkpoints together: atomically where the store has transactions. A checkpoint
   * never moves backwards (a lower position leaves it as it is). With a `fence`, nothing is written unless the
   * fence's lease is still held with its token (ReadStoreError LEASE_LOST otherwise).
   */
  commit(
    writes: readonly DocumentWrite[],
    checkpoints?: readonly CheckpointWrite[],
    fence?: Fence,
  ): Promise<void>;
  /** The stored checkpoint position, or 0 when none. */
  getCheckpoint(name: string): Promise<number>;

  /**
   * Takes lease `name` for `holder` for `durationMs` when it is free, expired or already `holder`'s (a renewal,
   * which keeps the token); null while another holder's lease runs.
   */
  acquireLease(name: string, holder: string, durationMs: number): Promise<Lease | null>;
  /** Ends `lease` now, if it is still held with its token, so that another holder may take it at once. */
  releaseLease(lease: Lease): Promise<void>;

  /** Query side: documents by id through the alias, in the order of `ids`, null where missing. */
  load<D extends ReadDocument>(logicalName: string, ids: readonly string[]): Promise<Array<D | null>>;
  /** Query side: filter, sort and paginate through the alias. */
  find<D extends ReadDocument>(logicalName: string, query?: FindQuery): Promise<Page<D>>;
  /** Query side: how many documents match. */
  count(logicalName: string, filter?: Filter): Promise<number>;

  close(): Promise<void>;
}
