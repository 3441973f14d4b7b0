// Positional parameters collected while SQL text is assembled, so no value ever enters the text.

/** A growing list of statement parameters; `add` returns the placeholder to write into the SQL. */
export class SqlParameters {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder with an explicit type, e.g. `$3::text`. */
  add(value: unknown, sqlType: string): string {
    this.values.push(value);
    return `$${this.values.length}::${sqlType}`;
  }
}
