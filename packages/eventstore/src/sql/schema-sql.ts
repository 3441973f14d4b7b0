// The event store's tables and its append function, as one idempotent script that PGlite and PostgreSQL both run.
import { createHash } from 'node:crypto';
import { quoteIdent } from '@liaison/sql';

// Advisory locks are per database, so the key names the schema: stores in other schemas do not wait on each other.
const LOCK_CLASS = 0x6c696169; // 'liai'

/** The advisory lock key pair that serialises appends to the event store in `schema`. */
export function appendLockKey(schema: string): [number, number] {
  return [LOCK_CLASS, createHash('sha256').update(`events:${schema}`).digest().readInt32BE(0)];
}

/** The NOTIFY channel announcing appends in `schema` (PostgreSQL names are at most 63 bytes). */
export function appendChannel(schema: string): string {
  return `events_${schema}`.slice(0, 63);
}

/**
 * The script creating the events table and `append_events`. The function appends under one advisory lock, so
 * global positions are assigned and committed strictly in order and a reader can never pass an event that is
 * still to commit: the lock is released only after the commit is visible to every new snapshot.
 */
export function schemaSql(schema: string): string {
  const events = `${quoteIdent(schema)}.events`;
  const [lockClass, lockKey] = appendLockKey(schema);
  const channel = appendChannel(schema);
  return `
SELECT pg_advisory_xact_lock(${lockClass}, ${lockKey});

CREATE TABLE IF NOT EXISTS ${events} (
  global_position bigint PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  stream_id text NOT NULL,
  stream_position int NOT NULL,
  category text NOT NULL,
  type text NOT NULL,
  schema_version int NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  previous_hash text NOT NULL,
  hash text NOT NULL,
  UNIQUE (stream_id, stream_position)
);
CREATE INDEX IF NOT EXISTS events_category_position ON ${events} (category, global_position);
CREATE INDEX IF NOT EXISTS events_type_position ON ${events} (type, global_position);

-- Appends p_events (hashed by the caller on top of the head at p_base_version) to p_stream_id.
-- p_expected_version: NULL for any, 0 for no stream, else the exact version.
-- Returns {status: appended, first} | {status: duplicate, version, hash, positions: [[stream, global]…]}
--       | {status: conflict | stale, version, hash} | {status: invalid, message}.
CREATE OR REPLACE FUNCTION ${quoteIdent(schema)}.append_events(
  p_stream_id text, p_expected_version int, p_base_version int, p_events jsonb
) RETURNS jsonb LANGUAGE plpgsql AS $fn$
DECLARE
  v_count int := jsonb_array_length(p_events);
  v_ids uuid[];
  v_found int;
  v_in_stream int;
  v_other_stream text;
  v_version int;
  v_hash text;
  v_last bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(${lockClass}, ${lockKey});

  SELECT array_agg((x.e->>'id')::uuid ORDER BY x.o) INTO v_ids
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(e, o);
  SELECT count(*), count(*) FILTER (WHERE ev.stream_id = p_stream_id), min(ev.stream_id) FILTER (WHERE ev.stream_id <> p_stream_id)
    INTO v_found, v_in_stream, v_other_stream
    FROM ${events} ev WHERE ev.id = ANY (v_ids);
  SELECT ev.stream_position, ev.hash INTO v_version, v_hash
    FROM ${events} ev WHERE ev.stream_id = p_stream_id ORDER BY ev.stream_position DESC LIMIT 1;
  v_version := coalesce(v_version, 0);
  v_hash := coalesce(v_hash, '${'0'.repeat(64)}');

  IF v_found > 0 THEN
    IF v_other_stream IS NOT NULL THEN
      RETURN jsonb_build_object('status', 'invalid', 'message',
        format('expected event ids not stored in another stream, but some of this append to %s are stored in %s', p_stream_id, v_other_stream));
    END IF;
    IF v_in_stream < v_count THEN
      RETURN jsonb_build_object('status', 'invalid', 'message',
        format('expected all or none of the event ids to be stored already (a re-sent append), but %s of %s are stored in %s', v_in_stream, v_count, p_stream_id));
    END IF;
    RETURN jsonb_build_object('status', 'duplicate', 'version', v_version, 'hash', v_hash, 'positions',
      (SELECT jsonb_agg(jsonb_build_array(ev.stream_position, ev.global_position) ORDER BY x.o)
         FROM unnest(v_ids) WITH ORDINALITY AS x(id, o) JOIN ${events} ev ON ev.id = x.id));
  END IF;

  IF p_expected_version IS NOT NULL AND p_expected_version <> v_version THEN
    RETURN jsonb_build_object('status', 'conflict', 'version', v_version, 'hash', v_hash);
  END IF;
  IF p_base_version <> v_version OR p_events->0->>'previousHash' <> v_hash THEN
    RETURN jsonb_build_object('status', 'stale', 'version', v_version, 'hash', v_hash);
  END IF;

  SELECT coalesce(max(ev.global_position), 0) INTO v_last FROM ${events} ev;
  INSERT INTO ${events} (global_position, id, stream_id, stream_position, category, type, schema_version,
                         data, metadata, occurred_at, recorded_at, previous_hash, hash)
  SELECT v_last + x.o, (x.e->>'id')::uuid, p_stream_id, v_version + x.o::int, split_part(p_stream_id, '-', 1),
         x.e->>'type', (x.e->>'schemaVersion')::int, x.e->'data', x.e->'metadata',
         (x.e->>'occurredAt')::timestamptz, (x.e->>'recordedAt')::timestamptz, x.e->>'previousHash', x.e->>'hash'
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(e, o);
  PERFORM pg_notify('${channel}', (v_last + v_count)::text);
  RETURN jsonb_build_object('status', 'appended', 'first', v_last + 1);
END
$fn$;
`;
}
