// Webhook signing secrets, kept in their own table and never in the event log (which auditors export).
import type { SqlClient } from '@liaison/sql';

/** Stores and reads secrets by id; the partner's events name the id only. */
export class SecretVault {
  constructor(private readonly sql: SqlClient) {}

  /** Stores a secret under a new id (before the event naming it is appended; an orphan is harmless). */
  async put(secretId: string, partnerId: string, secret: string): Promise<void> {
    await this.sql.query(
      `INSERT INTO relay_webhook_secrets (secret_id, partner_id, secret) VALUES ($1, $2, $3)
       ON CONFLICT (secret_id) DO NOTHING`,
      [secretId, partnerId, secret],
    );
  }

  /** The secrets by id; missing ids are absent. */
  async get(secretIds: readonly string[]): Promise<Map<string, string>> {
    if (secretIds.length === 0) return new Map();
    const rows = await this.sql.query<{ secret_id: string; secret: string }>(
      'SELECT secret_id, secret FROM relay_webhook_secrets WHERE secret_id = ANY($1::text[])',
      [secretIds],
    );
    return new Map(rows.map((row) => [row.secret_id, row.secret]));
  }
}
