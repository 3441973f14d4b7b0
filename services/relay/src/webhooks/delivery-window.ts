// Which events of a page of a partner's feed are done, and how far the partner's cursor may move because of it.

/**
 * A page of selected events after the cursor, delivered out of log order (each stream in order, streams in
 * parallel). The cursor is the low-water mark: it moves past an event only once every selected event before it
 * is done (delivered or dead-lettered); events done beyond it are kept as a list so a restart skips them.
 */
export class DeliveryWindow {
  private readonly done: Set<number>;
  private next = 0;
  private mark: number;

  /**
   * @param from the cursor: every selected event up to here is done.
   * @param positions the page's selected events after `from`, in log order.
   * @param end how far the page examined the log (past events it did not select).
   * @param doneAbove events after `from` already done (from the cursor as committed).
   */
  constructor(
    from: number,
    private readonly positions: readonly number[],
    private readonly end: number,
    doneAbove: Iterable<number>,
  ) {
    this.mark = from;
    this.done = new Set([...doneAbove].filter((position) => position > from));
    this.settle();
  }

  /** True when the event at `position` is already done (delivered before a restart). */
  isDone(position: number): boolean {
    return position <= this.mark || this.done.has(position);
  }

  markDone(position: number): void {
    if (position > this.mark) this.done.add(position);
    this.settle();
  }

  /** The cursor: every selected event up to here is done. */
  get position(): number {
    return this.mark;
  }

  /** Events done past the cursor, ascending. */
  get doneAbove(): number[] {
    return [...this.done].sort((a, b) => a - b);
  }

  private settle(): void {
    while (this.next < this.positions.length) {
      const position = this.positions[this.next]!;
      if (position > this.mark && !this.done.has(position)) return;
      this.done.delete(position);
      if (position > this.mark) this.mark = position;
      this.next++;
    }
    // Every selected event of the page is done: the cursor passes over what the page did not select too.
    if (this.end > this.mark) this.mark = this.end;
    for (const position of this.done) if (position <= this.mark) this.done.delete(position);
  }
}
