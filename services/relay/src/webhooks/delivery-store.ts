// Webhook delivery state in SQL: each partner's cursor and attempts, the delivery log, and the dead letters.
import type { SqlClient, SqlExecutor } from '@liaison/sql';

/** Where a partner's webhook deliveries stand. */
export interface WebhookCursor {
  partnerId: string;
  /** Every selected event up to here was delivered or dead-lettered. */
  position: number;
  /** Failed attempts at the next event (0 when none failed). */
  attempts: number;
  /** The event being retried, when one is. */
  eventId: string | null;
  firstFailedAt: Date | null;
  nextAttemptAt: Date | null;
  lastError: string | null;
  /** Events past `position` already delivered or dead-lettered, ascending. */
  doneAbove: number[];
  /** Bumped by every change; writes guarded by it are no-ops for a writer that read an older one. */
  version: number;
  /** The relay process delivering this partner's webhooks, and until when (null: none). */
  leaseOwner: string | null;
  leaseUntil: Date | null;
}

/** A batch of a delivery round's progress, committed together. */
export interface CursorProgress {
  partnerId: string;
  /** The cursor version the round read (plus its own commits). */
  version: number;
  position: number;
  doneAbove: readonly number[];
  /** True when the event the retry state is about is done. */
  clearRetry: boolean;
  /** Attempts to log (deliveries and dead-lettering). */
  attempts: readonly DeliveryAttempt[];
  /** Attempts whose events go to the dead letters. */
  deadLetters: readonly DeliveryAttempt[];
  now: Date;
}

export type DeliveryKind = 'delivery' | 'redelivery';
export type DeliveryOutcome = 'delivered' | 'failed' | 'dead-lettered' | 'gone';

/** One attempt to deliver one event, as the delivery log keeps it. */
export interface DeliveryAttempt {
  partnerId: string;
  eventId: string;
  position: number;
  attempt: number;
  kind: DeliveryKind;
  outcome: DeliveryOutcome;
  status: number | null;
  error: string | null;
  durationMs: number;
  attemptedAt: Date;
}

export interface DeliveryLogEntry extends DeliveryAttempt {
  seq: number;
}

export interface DeadLetter {
  partnerId: string;
  eventId: string;
  position: number;
  attempts: number;
  lastError: string;
  deadAt: Date;
  requeuedAt: Date | null;
}

const date = (value: unknown): Date | null => (value == null ? null : new Date(value as string));

function cursorOf(row: Record<string, unknown>): WebhookCursor {
  return {
    partnerId: row.partner_id as string,
    position: Number(row.position),
    attempts: Number(row.attempts),
    eventId: (row.event_id as string | null) ?? null,
    firstFailedAt: date(row.first_failed_at),
    nextAttemptAt: date(row.next_attempt_at),
    lastError: (row.last_error as string | null) ?? null,
    doneAbove: ((row.done_above as Array<string | number> | null) ?? []).map(Number),
    version: Number(row.version),
    leaseOwner: (row.lease_owner as string | null) ?? null,
    leaseUntil: date(row.lease_until),
  };
}

function deadLetterOf(row: Record<string, unknown>): DeadLetter {
  return {
    partnerId: row.partner_id as string,
    eventId: row.event_id as string,
    position: Number(row.position),
    attempts: Number(row.attempts),
    lastError: row.last_error as string,
    deadAt: new Date(row.dead_at as string),
    requeuedAt: date(row.requeued_at),
  };
}

const LOG_COLUMNS = `partner_id, event_id, position, attempt, kind, outcome, status, error, duration_ms, attempted_at`;
const LOG_TYPES = [
  'text',
  'text',
  'bigint',
  'integer',
  'text',
  'text',
  'integer',
  'text',
  'integer',
  'timestamptz',
];

/** `VALUES` rows of delivery log entries with their parameters numbered from `first`. */
function logValues(attempts: readonly DeliveryAttempt[], first: number): { rows: string; params: unknown[] } {
  const rows = attempts.map(
    (_, row) =>
      `(${LOG_TYPES.map((type, column) => `$${first + row * LOG_TYPES.length + column}::${type}`).join(', ')})`,
  );
  const params = attempts.flatMap((attempt) => [
    attempt.partnerId,
    attempt.eventId,
    attempt.position,
    attempt.attempt,
    attempt.kind,
    attempt.outcome,
    attempt.status,
    attempt.error,
    Math.round(attempt.durationMs),
    attempt.attemptedAt.toISOString(),
  ]);
  return { rows: rows.join(', '), params };
}

/** Appends attempts to the delivery log in one statement. */
async function log(tx: SqlExecutor, attempts: readonly DeliveryAttempt[]): Promise<void> {
  if (attempts.length === 0) return;
  const { rows, params } = logValues(attempts, 1);
  await tx.query(`INSERT INTO relay_deliveries (${LOG_COLUMNS}) VALUES ${rows}`, params);
}

/**
 * Every change of a cursor is one transaction and guarded by the cursor version the caller read, so a replay or
 * a second relay that changed the cursor meanwhile makes the change a no-op (the caller re-reads) instead of
 * losing an event.
 */
export class DeliveryStore {
  constructor(private readonly sql: SqlClient) {}

  /**
   * The partner's cursor, created at `startPosition` the first time, and whether any of its dead letters wait
   * for redelivery (one read on the hot path; the insert only the first time).
   */
  async cursor(
    partnerId: string,
    startPosition: number,
    now: Date,
  ): Promise<WebhookCursor & { requeued: boolean }> {
    for (;;) {
      const [row] = await this.sql.query(
        `SELECT c.*, EXISTS (SELECT 1 FROM relay_dead_letters d
           WHERE d.partner_id = c.partner_id AND d.requeued_at IS NOT NULL) AS requeued
         FROM relay_webhook_cursors c WHERE c.partner_id = $1`,
        [partnerId],
      );
      if (row) return { ...cursorOf(row), requeued: row.requeued === true };
      await this.sql.query(
        `INSERT INTO relay_webhook_cursors (partner_id, position, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (partner_id) DO NOTHING`,
        [partnerId, startPosition, now.toISOString()],
      );
    }
  }

  /**
   * Takes or renews the lease on a partner's deliveries for `owner` until `until`: true when it holds it now
   * (nobody held it, it was its own, or the holder's ran out). Another relay then leaves the partner alone.
   */
  async lease(partnerId: string, owner: string, now: Date, until: Date): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE relay_webhook_cursors SET lease_owner = $2, lease_until = $4
       WHERE partner_id = $1 AND (lease_owner IS NULL OR lease_owner = $2 OR lease_until <= $3)
       RETURNING partner_id`,
      [partnerId, owner, now.toISOString(), until.toISOString()],
    );
    return rows.length > 0;
  }

  /** Gives the lease up (a relay stopping), so another relay takes the partner over at once. */
  async release(partnerId: string, owner: string): Promise<void> {
    await this.sql.query(
      `UPDATE relay_webhook_cursors SET lease_owner = NULL, lease_until = NULL
       WHERE partner_id = $1 AND lease_owner = $2`,
      [partnerId, owner],
    );
  }

  /** The cursor if the partner has one. */
  async findCursor(partnerId: string): Promise<WebhookCursor | null> {
    const [row] = await this.sql.query('SELECT * FROM relay_webhook_cursors WHERE partner_id = $1', [
      partnerId,
    ]);
    return row ? cursorOf(row) : null;
  }

  /**
   * Commits a batch of a round's progress in one transaction: the cursor's new position and the events done past
   * it, the attempts made and any dead letters; false when the cursor changed since `progress.version`.
   */
  async commit(progress: CursorProgress): Promise<boolean> {
    const retry = progress.clearRetry
      ? ', attempts = 0, event_id = NULL, first_failed_at = NULL, next_attempt_at = NULL, last_error = NULL'
      : '';
    const moved = `UPDATE relay_webhook_cursors SET position = $3, done_above = $4::bigint[], version = version + 1,
        updated_at = $5${retry}
      WHERE partner_id = $1 AND version = $2 RETURNING partner_id`;
    const params = [
      progress.partnerId,
      progress.version,
      progress.position,
      progress.doneAbove,
      progress.now.toISOString(),
    ];
    if (progress.attempts.length === 0) return (await this.sql.query(moved, params)).length > 0;
    if (progress.deadLetters.length === 0) {
      // The hot path: the cursor and the delivery log in one statement (one round trip).
      const values = logValues(progress.attempts, params.length + 1);
      const rows = await this.sql.query(
        `WITH moved AS (${moved})
         INSERT INTO relay_deliveries (${LOG_COLUMNS})
         SELECT entry.* FROM moved CROSS JOIN (VALUES ${values.rows}) AS entry (${LOG_COLUMNS}) RETURNING seq`,
        [...params, ...values.params],
      );
      return rows.length > 0;
    }
    return this.sql.transaction(async (tx) => {
      if ((await tx.query(moved, params)).length === 0) return false;
      for (const letter of progress.deadLetters) {
        await tx.query(
          `INSERT INTO relay_dead_letters (partner_id, event_id, position, attempts, last_error, dead_at)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (partner_id, event_id) DO UPDATE SET attempts = EXCLUDED.attempts,
             last_error = EXCLUDED.last_error, dead_at = EXCLUDED.dead_at, requeued_at = NULL`,
          [
            letter.partnerId,
            letter.eventId,
            letter.position,
            letter.attempt,
            letter.error ?? 'failed',
            letter.attemptedAt.toISOString(),
          ],
        );
      }
      await log(tx, progress.attempts);
      return true;
    });
  }

  /**
   * Records failed attempts and when to try the first of them again (the partner's retry state); false when
   * the cursor changed since `version`.
   */
  async failed(
    partnerId: string,
    version: number,
    retried: DeliveryAttempt,
    firstFailedAt: Date,
    nextAttemptAt: Date,
    attempts: readonly DeliveryAttempt[],
  ): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      const moved = await tx.query(
        `UPDATE relay_webhook_cursors SET attempts = $3, event_id = $4, first_failed_at = $5, next_attempt_at = $6,
           last_error = $7, updated_at = $8, version = version + 1
         WHERE partner_id = $1 AND version = $2 RETURNING partner_id`,
        [
          partnerId,
          version,
          retried.attempt,
          retried.eventId,
          firstFailedAt.toISOString(),
          nextAttemptAt.toISOString(),
          retried.error,
          retried.attemptedAt.toISOString(),
        ],
      );
      if (moved.length === 0) return false;
      await log(tx, attempts);
      return true;
    });
  }

  /** Logs an attempt that changes no cursor (a 410 Gone, or a redelivery). */
  async record(attempt: DeliveryAttempt): Promise<void> {
    await log(this.sql, [attempt]);
  }

  /** Sets the cursor so delivery resumes after `position` (a replay), clearing any retry in progress. */
  async replay(partnerId: string, position: number, now: Date): Promise<void> {
    await this.sql.query(
      `INSERT INTO relay_webhook_cursors (partner_id, position, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (partner_id) DO UPDATE SET position = $2, done_above = '{}', version = relay_webhook_cursors.version + 1,
         attempts = 0, event_id = NULL, first_failed_at = NULL, next_attempt_at = NULL, last_error = NULL,
         updated_at = $3`,
      [partnerId, position, now.toISOString()],
    );
  }

  /** Marks dead letters for redelivery: the given events, or all of the partner's when `eventIds` is null. */
  async requeue(partnerId: string, eventIds: readonly string[] | null, now: Date): Promise<number> {
    const rows = await this.sql.query(
      `UPDATE relay_dead_letters SET requeued_at = $2
       WHERE partner_id = $1 AND ($3::text[] IS NULL OR event_id = ANY($3::text[])) RETURNING event_id`,
      [partnerId, now.toISOString(), eventIds],
    );
    return rows.length;
  }

  /** Dead letters waiting for redelivery, oldest position first. */
  async requeued(partnerId: string, limit: number): Promise<DeadLetter[]> {
    const rows = await this.sql.query(
      `SELECT * FROM relay_dead_letters WHERE partner_id = $1 AND requeued_at IS NOT NULL ORDER BY position LIMIT $2`,
      [partnerId, limit],
    );
    return rows.map(deadLetterOf);
  }

  /** Ends a redelivery: removes the dead letter when delivered, otherwise keeps it with the new error. */
  async redelivered(letter: DeadLetter, attempt: DeliveryAttempt): Promise<void> {
    await this.sql.transaction(async (tx) => {
      if (attempt.outcome === 'delivered') {
        await tx.query('DELETE FROM relay_dead_letters WHERE partner_id = $1 AND event_id = $2', [
          letter.partnerId,
          letter.eventId,
        ]);
      } else {
        await tx.query(
          `UPDATE relay_dead_letters SET requeued_at = NULL, attempts = attempts + 1, last_error = $3
           WHERE partner_id = $1 AND event_id = $2`,
          [letter.partnerId, letter.eventId, attempt.error ?? 'failed'],
        );
      }
      await log(tx, [attempt]);
    });
  }

  /** A page of the partner's dead letters by position, after `afterPosition`. */
  async deadLetters(partnerId: string, afterPosition: number, limit: number): Promise<DeadLetter[]> {
    const rows = await this.sql.query(
      `SELECT * FROM relay_dead_letters WHERE partner_id = $1 AND position > $2 ORDER BY position LIMIT $3`,
      [partnerId, afterPosition, limit],
    );
    return rows.map(deadLetterOf);
  }

  /** A page of the partner's delivery log, newest first, before sequence number `beforeSeq` (null: the newest). */
  async deliveries(partnerId: string, beforeSeq: number | null, limit: number): Promise<DeliveryLogEntry[]> {
    const rows = await this.sql.query(
      `SELECT * FROM relay_deliveries WHERE partner_id = $1 AND ($2::bigint IS NULL OR seq < $2)
       ORDER BY seq DESC LIMIT $3`,
      [partnerId, beforeSeq, limit],
    );
    return rows.map((row) => ({
      seq: Number(row.seq),
      partnerId: row.partner_id as string,
      eventId: row.event_id as string,
      position: Number(row.position),
      attempt: Number(row.attempt),
      kind: row.kind as DeliveryKind,
      outcome: row.outcome as DeliveryOutcome,
      status: row.status == null ? null : Number(row.status),
      error: (row.error as string | null) ?? null,
      durationMs: Number(row.duration_ms),
      attemptedAt: new Date(row.attempted_at as string),
    }));
  }
}
