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

async function log(tx: SqlExecutor, attempt: DeliveryAttempt): Promise<void> {
  await tx.query(
    `INSERT INTO relay_deliveries (partner_id, event_id, position, attempt, kind, outcome, status, error, duration_ms, attempted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
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
    ],
  );
}

/**
 * Every change is one transaction and guarded by the cursor position the caller read, so a replay or a
 * second relay that moved the cursor meanwhile makes the change a no-op (the caller re-reads) instead of
 * losing an event.
 */
export class DeliveryStore {
  constructor(private readonly sql: SqlClient) {}

  /** The partner's cursor, created at `startPosition` the first time. */
  async cursor(partnerId: string, startPosition: number, now: Date): Promise<WebhookCursor> {
    const [row] = await this.sql.query(
      `INSERT INTO relay_webhook_cursors (partner_id, position, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (partner_id) DO UPDATE SET partner_id = EXCLUDED.partner_id
       RETURNING *`,
      [partnerId, startPosition, now.toISOString()],
    );
    return cursorOf(row!);
  }

  /** The cursor if the partner has one. */
  async findCursor(partnerId: string): Promise<WebhookCursor | null> {
    const [row] = await this.sql.query('SELECT * FROM relay_webhook_cursors WHERE partner_id = $1', [
      partnerId,
    ]);
    return row ? cursorOf(row) : null;
  }

  /**
   * Moves the cursor past events that were delivered or not selected, logging the delivery in the same
   * statement (one round trip on the hot path); false when the cursor moved meanwhile.
   */
  async advance(
    partnerId: string,
    from: number,
    to: number,
    now: Date,
    delivered?: DeliveryAttempt,
  ): Promise<boolean> {
    const moved = `UPDATE relay_webhook_cursors SET position = $3, attempts = 0, event_id = NULL, first_failed_at = NULL,
        next_attempt_at = NULL, last_error = NULL, updated_at = $4
      WHERE partner_id = $1 AND position = $2 RETURNING partner_id`;
    if (!delivered) return (await this.sql.query(moved, [partnerId, from, to, now.toISOString()])).length > 0;
    const rows = await this.sql.query(
      `WITH moved AS (${moved})
       INSERT INTO relay_deliveries (partner_id, event_id, position, attempt, kind, outcome, status, error, duration_ms, attempted_at)
       SELECT partner_id, $5::text, $6::bigint, $7::integer, $8::text, $9::text, $10::integer, $11::text, $12::integer,
         $13::timestamptz FROM moved RETURNING seq`,
      [
        partnerId,
        from,
        to,
        now.toISOString(),
        delivered.eventId,
        delivered.position,
        delivered.attempt,
        delivered.kind,
        delivered.outcome,
        delivered.status,
        delivered.error,
        Math.round(delivered.durationMs),
        delivered.attemptedAt.toISOString(),
      ],
    );
    return rows.length > 0;
  }

  /** Records a failed attempt and when to try again; false when the cursor moved meanwhile. */
  async failed(
    cursor: WebhookCursor,
    attempt: DeliveryAttempt,
    firstFailedAt: Date,
    nextAttemptAt: Date,
  ): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      const moved = await tx.query(
        `UPDATE relay_webhook_cursors SET attempts = $3, event_id = $4, first_failed_at = $5, next_attempt_at = $6,
           last_error = $7, updated_at = $8
         WHERE partner_id = $1 AND position = $2 RETURNING partner_id`,
        [
          cursor.partnerId,
          cursor.position,
          attempt.attempt,
          attempt.eventId,
          firstFailedAt.toISOString(),
          nextAttemptAt.toISOString(),
          attempt.error,
          attempt.attemptedAt.toISOString(),
        ],
      );
      if (moved.length === 0) return false;
      await log(tx, attempt);
      return true;
    });
  }

  /** Puts the event in the dead letters and moves the cursor past it; false when the cursor moved meanwhile. */
  async deadLetter(cursor: WebhookCursor, attempt: DeliveryAttempt): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      const moved = await tx.query(
        `UPDATE relay_webhook_cursors SET position = $3, attempts = 0, event_id = NULL, first_failed_at = NULL,
           next_attempt_at = NULL, last_error = NULL, updated_at = $4
         WHERE partner_id = $1 AND position = $2 RETURNING partner_id`,
        [cursor.partnerId, cursor.position, attempt.position, attempt.attemptedAt.toISOString()],
      );
      if (moved.length === 0) return false;
      await tx.query(
        `INSERT INTO relay_dead_letters (partner_id, event_id, position, attempts, last_error, dead_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (partner_id, event_id) DO UPDATE SET attempts = EXCLUDED.attempts,
           last_error = EXCLUDED.last_error, dead_at = EXCLUDED.dead_at, requeued_at = NULL`,
        [
          attempt.partnerId,
          attempt.eventId,
          attempt.position,
          attempt.attempt,
          attempt.error ?? 'failed',
          attempt.attemptedAt.toISOString(),
        ],
      );
      await log(tx, { ...attempt, outcome: 'dead-lettered' });
      return true;
    });
  }

  /** Logs an attempt that changes no cursor (a 410 Gone, or a redelivery). */
  async record(attempt: DeliveryAttempt): Promise<void> {
    await log(this.sql, attempt);
  }

  /** Sets the cursor so delivery resumes after `position` (a replay), clearing any retry in progress. */
  async replay(partnerId: string, position: number, now: Date): Promise<void> {
    await this.sql.query(
      `INSERT INTO relay_webhook_cursors (partner_id, position, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (partner_id) DO UPDATE SET position = $2, attempts = 0, event_id = NULL, first_failed_at = NULL,
         next_attempt_at = NULL, last_error = NULL, updated_at = $3`,
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
      await log(tx, attempt);
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
