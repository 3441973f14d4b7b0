// The event store's tables and its append function, as one idempotent script that PGlite and PostgreSQL both run.
import { createHash } from 'node:crypto';
import { quoteIdent } from '@liaison/sql';

// Advisory locks are per database, so the key names the schema: stores in other schemas do not wait on each other.
const LOCK_CLASS = 0x6c696169; // 'liai'

/** The advisory lock key pair that serialises appends to the event store in `schema`. */
export function appendLockKey(schema: string): [number, number] {
  return [LOCK_CLASS, createHash('sha256').update(`events:${schema}`).digest().readInt32BE(0)];
}

/** The SQLSTATE `append_events` raises when only some of a re-sent append's ids are stored (nothing is written). */
export const PARTIAL_RESEND = 'LI400';

/** The NOTIFY channel announcing appends in `schema` (PostgreSQL names are at most 63 bytes). */
export function appendChannel(schema: string): string {
  return `events_${schema}`.slice(0, 63);
}

/**
 * The script creating the events table, `append_events` and its one-event fast path `append_event`. Both
 * append under one advisory lock, so global positions are assigned and committed strictly in order and a
 * reader can never pass an event that is still to commit: the lock is released only after the commit is
 * visible to every new snapshot.
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
-- p_expected_version: NULL for any, 0 for no stream, else the exact version. p_ids: the events' ids in order.
-- p_notify: NOTIFY listeners in other processes (an embedded database has none; its client signals in process).
-- Returns {status: appended, first} | {status: duplicate, version, hash, positions: [[stream, global]…]}
--       | {status: conflict | stale, version, hash} | {status: invalid, message}.
DROP FUNCTION IF EXISTS ${quoteIdent(schema)}.append_events(text, int, int, jsonb);
CREATE OR REPLACE FUNCTION ${quoteIdent(schema)}.append_events(
  p_stream_id text, p_expected_version int, p_base_version int, p_events jsonb, p_ids uuid[], p_notify boolean
) RETURNS jsonb LANGUAGE plpgsql AS $fn$
DECLARE
  v_count int := jsonb_array_length(p_events);
  v_ids uuid[] := p_ids;
  v_found int;
  v_in_stream int;
  v_other_stream text;
  v_version int;
  v_hash text;
  v_last bigint;
  v_inserted int;
BEGIN
  PERFORM pg_advisory_xact_lock(${lockClass}, ${lockKey});

  IF coalesce(array_length(v_ids, 1), 0) <> v_count THEN
    RETURN jsonb_build_object('status', 'invalid', 'message',
      format('expected one id per event, received %s ids for %s events', coalesce(array_length(v_ids, 1), 0), v_count));
  END IF;
  SELECT ev.stream_position, ev.hash INTO v_version, v_hash
    FROM ${events} ev WHERE ev.stream_id = p_stream_id ORDER BY ev.stream_position DESC LIMIT 1;
  v_version := coalesce(v_version, 0);
  v_hash := coalesce(v_hash, '${'0'.repeat(64)}');

  -- The common case first: the expected head, new ids. The id index is consulted by the insert itself.
  IF coalesce(p_expected_version, v_version) = v_version AND p_base_version = v_version
     AND p_events->0->>'previousHash' = v_hash THEN
    SELECT coalesce(max(ev.global_position), 0) INTO v_last FROM ${events} ev;
    INSERT INTO ${events} (global_position, id, stream_id, stream_position, category, type, schema_version,
                           data, metadata, occurred_at, recorded_at, previous_hash, hash)
    SELECT v_last + x.o, (x.e->>'id')::uuid, p_stream_id, v_version + x.o::int, split_part(p_stream_id, '-', 1),
           x.e->>'type', (x.e->>'schemaVersion')::int, x.e->'data', x.e->'metadata',
           (x.e->>'occurredAt')::timestamptz, (x.e->>'recordedAt')::timestamptz, x.e->>'previousHash', x.e->>'hash'
      FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(e, o)
    ON CONFLICT (id) DO NOTHING;
    GET DIAGNOSTICS v_inserted = ROW_COUNT;
    IF v_inserted = v_count THEN
      IF p_notify THEN
        PERFORM pg_notify('${channel}', (v_last + v_count)::text);
      END IF;
      RETURN jsonb_build_object('status', 'appended', 'first', v_last + 1);
    END IF;
    IF v_inserted > 0 THEN
      -- Some ids were stored already: undo the whole statement rather than leave a gap.
      RAISE EXCEPTION USING ERRCODE = '${PARTIAL_RESEND}', MESSAGE = format(
        'expected all or none of the event ids to be stored already (a re-sent append), but %s of %s are stored', v_count - v_inserted, v_count);
    END IF;
  END IF;

  SELECT count(*), count(*) FILTER (WHERE ev.stream_id = p_stream_id), min(ev.stream_id) FILTER (WHERE ev.stream_id <> p_stream_id)
    INTO v_found, v_in_stream, v_other_stream
    FROM ${events} ev WHERE ev.id = ANY (v_ids);
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
  RETURN jsonb_build_object('status', 'stale', 'version', v_version, 'hash', v_hash);
END
$fn$;

-- The common case of append_events for one event, with its columns as parameters (no JSON array to decode):
-- appends it when the stream's head is where the caller hashed it (version p_stream_position - 1, hash
-- p_previous_hash) and p_expected_version allows that head, and returns its global position. Otherwise it
-- writes nothing and returns NULL, and the caller asks append_events, which classifies the case.
DROP FUNCTION IF EXISTS ${quoteIdent(schema)}.append_event(text, int, int, uuid, text, int, jsonb, jsonb, timestamptz, timestamptz, text, text, boolean);
CREATE OR REPLACE FUNCTION ${quoteIdent(schema)}.append_event(
  p_expected_version int, p_notify boolean, p_id uuid, p_stream_id text, p_stream_position int, p_category text,
  p_type text, p_schema_version int, p_data jsonb, p_metadata jsonb, p_occurred_at timestamptz,
  p_recorded_at timestamptz, p_previous_hash text, p_hash text
) RETURNS bigint LANGUAGE plpgsql AS $fn$
DECLARE
  v_version int;
  v_hash text;
  v_position bigint;
BEGIN
  IF coalesce(p_expected_version, p_stream_position - 1) IS DISTINCT FROM p_stream_position - 1 THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(${lockClass}, ${lockKey});
  SELECT ev.stream_position, ev.hash INTO v_version, v_hash
    FROM ${events} ev WHERE ev.stream_id = p_stream_id ORDER BY ev.stream_position DESC LIMIT 1;
  IF coalesce(v_version, 0) IS DISTINCT FROM p_stream_position - 1
     OR coalesce(v_hash, '${'0'.repeat(64)}') IS DISTINCT FROM p_previous_hash THEN
    RETURN NULL;
  END IF;
  SELECT coalesce(max(ev.global_position), 0) + 1 INTO v_position FROM ${events} ev;
  INSERT INTO ${events} (global_position, id, stream_id, stream_position, category, type, schema_version,
                         data, metadata, occurred_at, recorded_at, previous_hash, hash)
  VALUES (v_position, p_id, p_stream_id, p_stream_position, p_category, p_type, p_schema_version, p_data,
          p_metadata, p_occurred_at, p_recorded_at, p_previous_hash, p_hash)
  ON CONFLICT (id) DO NOTHING;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  IF p_notify THEN
    PERFORM pg_notify('${channel}', v_position::text);
  END IF;
  RETURN v_position;
END
$fn$;
`;
}
