// The relay's own SQL tables: webhook secrets (kept outside the event log), webhook delivery state, bridge checkpoints.
import type { SqlClient } from '@liaison/sql';

const DDL = `
CREATE TABLE IF NOT EXISTS relay_webhook_secrets (
  secret_id  text PRIMARY KEY,
  partner_id text NOT NULL,
  secret     text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS relay_webhook_cursors (
  partner_id      text PRIMARY KEY,
  position        bigint NOT NULL,
  attempts        integer NOT NULL DEFAULT 0,
  event_id        text,
  first_failed_at timestamptz,
  next_attempt_at timestamptz,
  last_error      text,
  updated_at      timestamptz NOT NULL
);
-- version: bumped by every change, so a writer holding an older one (a replay, another relay) changes nothing;
-- done_above: events past position already delivered or dead-lettered (streams are delivered in parallel).
ALTER TABLE relay_webhook_cursors ADD COLUMN IF NOT EXISTS version bigint NOT NULL DEFAULT 0;
ALTER TABLE relay_webhook_cursors ADD COLUMN IF NOT EXISTS done_above bigint[] NOT NULL DEFAULT '{}';
-- lease_owner, lease_until: the relay process delivering this partner's webhooks, and until when.
ALTER TABLE relay_webhook_cursors ADD COLUMN IF NOT EXISTS lease_owner text;
ALTER TABLE relay_webhook_cursors ADD COLUMN IF NOT EXISTS lease_until timestamptz;
CREATE TABLE IF NOT EXISTS relay_deliveries (
  seq          bigserial PRIMARY KEY,
  partner_id   text NOT NULL,
  event_id     text NOT NULL,
  position     bigint NOT NULL,
  attempt      integer NOT NULL,
  kind         text NOT NULL,
  outcome      text NOT NULL,
  status       integer,
  error        text,
  duration_ms  integer NOT NULL,
  attempted_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS relay_deliveries_partner ON relay_deliveries (partner_id, seq);
CREATE TABLE IF NOT EXISTS relay_dead_letters (
  partner_id  text NOT NULL,
  event_id    text NOT NULL,
  position    bigint NOT NULL,
  attempts    integer NOT NULL,
  last_error  text NOT NULL,
  dead_at     timestamptz NOT NULL,
  requeued_at timestamptz,
  PRIMARY KEY (partner_id, event_id)
);
CREATE INDEX IF NOT EXISTS relay_dead_letters_position ON relay_dead_letters (partner_id, position);
CREATE TABLE IF NOT EXISTS relay_bridge_checkpoints (
  name     text PRIMARY KEY,
  position bigint NOT NULL
);
`;

/** Creates the relay's tables if missing; serialised so concurrent start-ups do not race on the catalogue. */
export async function ensureRelayTables(sql: SqlClient): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('liaison.relay.ddl'))`);
    await tx.exec(DDL);
  });
}
