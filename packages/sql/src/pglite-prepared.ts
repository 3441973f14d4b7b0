// Named prepared statements on PGlite. `PGlite.query` parses, describes and plans its statement on every call,
// in six protocol exchanges with the WebAssembly backend; a prepared statement is parsed once, and each run is
// then one exchange (Bind, Describe, Execute, Sync), planned through PostgreSQL's plan cache.
import { parse, protocol, type PGlite } from '@electric-sql/pglite';
import type { SqlRow } from './sql-client.js';

/** Beyond this many distinct texts, statements run unprepared (a prepared statement holds backend memory). */
const MAX_STATEMENTS = 100;

interface Statement {
  name: string;
  /** The parameter type oids the backend inferred, to serialise values as `PGlite.query` does. */
  paramTypes: number[];
}

const concat = (parts: Uint8Array[]) => Buffer.concat(parts);

/** The prepared statements of one PGlite instance, by statement text. */
export class PglitePreparedStatements {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: PGlite) {}

  /** Runs `text` as a prepared statement (prepared on first use) and returns its rows. */
  async query<R extends SqlRow>(text: string, params: readonly unknown[]): Promise<R[]> {
    if (!this.statements.has(text) && this.statements.size >= MAX_STATEMENTS) {
      return (await this.db.query<R>(text, params as unknown[])).rows;
    }
    // The checks and mutexes of `PGlite.query`, so that no statement lands inside another caller's transaction.
    await this.db._checkReady();
    return this.db._runExclusiveTransaction(() =>
      this.db._runExclusiveQuery(async () => {
        await this.db._checkReady(); // a close() may have run while this waited
        const statement = this.statements.get(text) ?? (await this.prepare(text));
        const values = params.map((param, index) => {
          if (param === null || param === undefined) return null;
          const serialise = this.db.serializers[statement.paramTypes[index]!];
          if (serialise) return serialise(param);
          return typeof param === 'string' ? param : JSON.stringify(param);
        });
        const { messages } = await this.db.execProtocol(
          concat([
            protocol.serialize.bind({ statement: statement.name, values }),
            protocol.serialize.describe({ type: 'P' }),
            protocol.serialize.execute({}),
            protocol.serialize.sync(),
          ]),
        );
        return (parse.parseResults(messages, this.db.parsers)[0]?.rows ?? []) as R[];
      }),
    );
  }

  /** Parses `text` into a named statement; nothing is kept when the backend refuses it. */
  private async prepare(text: string): Promise<Statement> {
    const name = `liaison_prepared_${this.statements.size + 1}`;
    const { messages } = await this.db.execProtocol(
      concat([
        protocol.serialize.parse({ name, text }),
        protocol.serialize.describe({ type: 'S', name }),
        protocol.serialize.sync(),
      ]),
    );
    const statement = { name, paramTypes: parse.parseDescribeStatementResults(messages) };
    this.statements.set(text, statement);
    return statement;
  }
}
