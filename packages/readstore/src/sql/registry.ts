// The registry tables (collections with their specs, aliases, checkpoints, leases) and how names map to tables.
import { quoteIdent } from '@liaison/sql';

/** Every physical collection lives in a table named with this prefix. */
const DOCUMENT_TABLE_PREFIX = 'read_doc_';
const MAX_IDENTIFIER_BYTES = 63;

/**
 * Created idempotently at open. `incarnation` tells apart two collections created under one name
 * (dropped and created again), so a cached spec is never applied to a different table.
 */
export const REGISTRY_DDL = `
CREATE TABLE IF NOT EXISTS read_collections (
  name text PRIMARY KEY,
  incarnation bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  spec jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS read_aliases (
  logical text PRIMARY KEY,
  physical text NOT NULL REFERENCES read_collections (name) ON DELETE CASCADE,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS read_checkpoints (
  name text PRIMARY KEY,
  position bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS read_leases (
  name text PRIMARY KEY,
  holder text NOT NULL,
  token bigint NOT NULL,
  expires_at timestamptz NOT NULL
);
`;

/** Serialises registry DDL across processes sharing a schema (concurrent CREATE … IF NOT EXISTS can collide). */
export const REGISTRY_LOCK = `SELECT 1 FROM pg_advisory_xact_lock(hashtext(current_schema() || '.read_registry'))`;

/** The table name of a physical collection; names too long for a PostgreSQL identifier are refused. */
export function documentTableName(physicalName: string): string {
  const table = DOCUMENT_TABLE_PREFIX + physicalName;
  const bytes = Buffer.byteLength(table, 'utf8');
  if (physicalName.length === 0 || bytes > MAX_IDENTIFIER_BYTES || physicalName.includes('\0')) {
    throw new Error(
      `expected a collection name of 1 to ${MAX_IDENTIFIER_BYTES - DOCUMENT_TABLE_PREFIX.length} bytes, received "${physicalName}" (${Buffer.byteLength(physicalName, 'utf8')} bytes)`,
    );
  }
  return table;
}

/** The quoted table name of a physical collection, for SQL text. */
export function documentTable(physicalName: string): string {
  return quoteIdent(documentTableName(physicalName));
}

/** The table of a physical collection: text ids in byte order (as find sorts them), null doc = tombstone. */
export function documentTableDdl(physicalName: string): string {
  return `CREATE TABLE IF NOT EXISTS ${documentTable(physicalName)} (
  id text COLLATE "C" PRIMARY KEY,
  position bigint NOT NULL,
  doc jsonb
)`;
}
