// A one-line progress bar for long exports and verifications, drawn on a TTY only.

export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** Draws `[####....]  45%  12,345 / 27,000 events  3,210/s` in place; does nothing when the sink is not a TTY. */
export class ProgressBar {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly sink: ProgressSink,
    private readonly label = 'events',
  ) {}

  /** Redraws at most ten times a second, and always when done. */
  update(done: number, total: number): void {
    if (!this.sink.isTTY) return;
    const now = Date.now();
    if (now - this.lastDraw < 100 && done < total) return;
    this.lastDraw = now;
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const width = Math.max(10, Math.min(40, (this.sink.columns ?? 80) - 50));
    const filled = Math.round(fraction * width);
    const rate = Math.round(done / Math.max(0.001, (now - this.started) / 1000));
    const format = (n: number) => n.toLocaleString('en-US');
    this.sink.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}%  ${format(done)} / ${format(total)} ${this.label}  ${format(rate)}/s`,
    );
    this.drawn = true;
  }

  /** Ends the line, if one was drawn. */
  finish(): void {
    if (this.drawn) this.sink.write('\n');
    this.drawn = false;
  }
}
