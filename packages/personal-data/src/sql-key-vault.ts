// The SQL key vault: one row per subject in its own table beside (never inside) the event log, PGlite and PostgreSQL.
import { randomBytes } from 'node:crypto';
import { quoteIdent, type SqlClient } from '@liaison/sql';
import { assertSubjectId, SubjectForgottenError, type KeyVault, type SubjectKey } from './key-vault.js';

const KEY_BYTES = 32;

/** A key vault in the `personal_data_keys` table of the client's schema; the client stays the caller's. */
export class SqlKeyVault implements KeyVault {
  private readonly table: string;

  private constructor(private readonly sql: SqlClient) {
    this.table = `${quoteIdent(sql.schema)}.personal_data_keys`;
  }

  /** Creates the table where missing and returns a vault over it. */
  static async open(sql: SqlClient): Promise<SqlKeyVault> {
    await sql.exec(`
CREATE SCHEMA IF NOT EXISTS ${quoteIdent(sql.schema)};
CREATE TABLE IF NOT EXISTS ${quoteIdent(sql.schema)}.personal_data_keys (
  subject_id text PRIMARY KEY,
  key bytea,
  created_at timestamptz NOT NULL DEFAULT now(),
  forgotten_at timestamptz,
  CHECK ((key IS NULL) = (forgotten_at IS NOT NULL))
);`);
    return new SqlKeyVault(sql);
  }

  async keyFor(subjectId: string): Promise<Buffer> {
    assertSubjectId(subjectId);
    // Concurrent first uses race on the primary key; the loser reads the winner's key, so both seal with the same one.
    await this.sql.query(
      `INSERT INTO ${this.table} (subject_id, key) VALUES ($1, $2) ON CONFLICT (subject_id) DO NOTHING`,
      [subjectId, randomBytes(KEY_BYTES)],
    );
    const rows = await this.sql.query(`SELECT key FROM ${this.table} WHERE subject_id = $1`, [subjectId]);
    const key = toBuffer(rows[0]?.key);
    if (!key) throw new SubjectForgottenError(subjectId);
    return key;
  }

  async find(subjectIds: readonly string[]): Promise<Map<string, SubjectKey>> {
    const ids = [...new Set(subjectIds.map(assertSubjectId))];
    const found = new Map<string, SubjectKey>(ids.map((id) => [id, { status: 'unknown' }]));
    if (ids.length === 0) return found;
    const rows = await this.sql.query(
      `SELECT subject_id, key, forgotten_at FROM ${this.table} WHERE subject_id = ANY($1::text[])`,
      [ids],
    );
    for (const row of rows) {
      const key = toBuffer(row.key);
      found.set(
        String(row.subject_id),
        key
          ? { status: 'active', key }
          : { status: 'forgotten', forgottenAt: new Date(row.forgotten_at as string) },
      );
    }
    return found;
  }

  async destroy(subjectId: string, at: Date): Promise<void> {
    assertSubjectId(subjectId);
    // A subject never sealed for is still recorded as forgotten, so no key can be created for it later.
    await this.sql.query(
      `INSERT INTO ${this.table} (subject_id, key, forgotten_at) VALUES ($1, NULL, $2)
       ON CONFLICT (subject_id) DO UPDATE SET key = NULL,
         forgotten_at = COALESCE(${this.table}.forgotten_at, EXCLUDED.forgotten_at)`,
      [subjectId, at.toISOString()],
    );
  }
}

/** bytea arrives as a Buffer from pg and as a Uint8Array from PGlite. */
function toBuffer(value: unknown): Buffer | null {
  if (value instanceof Uint8Array) return Buffer.from(value);
  return null;
}
