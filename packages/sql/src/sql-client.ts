// The one SQL surface both store adapters use: the same SQL text runs on PGlite and on PostgreSQL.

/** A row as the driver returns it; adapters map it to typed values at once. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SqlRow = Record<string, any>;

/** What runs statements: a whole client or one transaction. */
export interface SqlExecutor {
  /** Runs one statement with positional parameters ($1, $2, …) and returns its rows. */
  query<R extends SqlRow = SqlRow>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters. */
  exec(text: string): Promise<void>;
}

/** A connection to one database schema, through either driver. */
export interface SqlClient extends SqlExecutor {
  readonly driver: 'pglite' | 'postgres';
  /** The schema every unqualified table name resolves to. */
  readonly schema: string;
  /**
   * Runs one statement like `query`, as a named prepared statement: parsed once per connection, then only
   * bound and run. For the few statements a hot path repeats with the same text (not for generated ones).
   */
  queryPrepared<R extends SqlRow = SqlRow>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs `work` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * True when this process is the database's only user (embedded PGlite): `notifyLocally` then reaches every
   * listener there is, and a NOTIFY through the database is not needed.
   */
  readonly exclusive: boolean;
  /** Delivers `payload` at once to this client's own listeners on `channel`, without the database. */
  notifyLocally(channel: string, payload: string): void;
  /** Calls `onNotify` for each NOTIFY on `channel` (and each `notifyLocally`) until the returned function is called. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** Releases the connection(s); the client cannot be used afterwards. */
  close(): Promise<void>;
}

/** Quotes an identifier for SQL text (schema and table names built from configuration). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A schema name is used inside identifiers and channel names, so only plain names are accepted. */
export function assertSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(
      `expected a schema name of lower-case letters, digits and underscores, received "${schema}"`,
    );
  }
  return schema;
}
