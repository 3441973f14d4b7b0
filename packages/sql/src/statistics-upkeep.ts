// Keeps the planner's statistics fresh for tables that grow fast. PGlite runs no autovacuum at all, and
// PostgreSQL's analyses only on its own schedule, while a bulk import or a rebuild changes a table's shape
// within seconds; stale statistics make the planner sort whole tables where an index scan stops early.
import type { SqlClient } from './sql-client.js';

export interface StatisticsUpkeepOptions {
  /** Changes before the first ANALYZE; default 1000. */
  minChanges?: number;
  /** After that, the fraction of the rows analysed last time that must change again; default 0.1. */
  fraction?: number;
  /** Analyse only these columns (the ones queries select on); default every column. */
  columns?: readonly string[];
}

/** Runs `ANALYZE` on a table after enough changed rows, one at a time, in the background. */
export class StatisticsUpkeep {
  private readonly pending = new Map<string, number>();
  private readonly analysed = new Map<string, number>();
  private running: Promise<void> = Promise.resolve();
  private busy = new Set<string>();

  constructor(
    private readonly sql: SqlClient,
    private readonly options: StatisticsUpkeepOptions = {},
  ) {}

  /** Records `count` changed rows in `table` (a quoted, possibly qualified name). */
  changed(table: string, count: number): void {
    const pending = (this.pending.get(table) ?? 0) + count;
    this.pending.set(table, pending);
    const threshold = Math.max(
      this.options.minChanges ?? 1000,
      (this.analysed.get(table) ?? 0) * (this.options.fraction ?? 0.1),
    );
    if (pending < threshold || this.busy.has(table)) return;
    const columns = this.options.columns ? ` (${this.options.columns.join(', ')})` : '';
    this.busy.add(table);
    this.pending.set(table, 0);
    this.running = this.running.then(async () => {
      try {
        await this.sql.exec(`ANALYZE ${table}${columns}`);
        this.analysed.set(table, (this.analysed.get(table) ?? 0) + pending);
      } catch {
        // A dropped table or a closing client: statistics are an optimisation, the next change retries.
        this.pending.set(table, (this.pending.get(table) ?? 0) + pending);
      } finally {
        this.busy.delete(table);
      }
    });
  }

  /** Waits for the ANALYZE in hand, if any (before closing the client). */
  settle(): Promise<void> {
    return this.running;
  }
}
