// SqlClient over node-postgres: a connection pool to a PostgreSQL server, plus one connection for LISTEN.
import pg from 'pg';
import { assertSchemaName, quoteIdent, type SqlClient, type SqlExecutor, type SqlRow } from './sql-client.js';
import { LocalChannels } from './local-channels.js';

export interface PostgresOptions {
  connectionString: string;
  schema?: string;
  /** Pool size; the default suits a small server. */
  maxConnections?: number;
}

/** Beyond this many distinct texts, statements run unprepared (a prepared statement holds server memory). */
const MAX_PREPARED_STATEMENTS = 100;

/** Opens a pool whose connections all use `schema` as their search path. */
export async function openPostgres(options: PostgresOptions): Promise<SqlClient> {
  const schema = assertSchemaName(options.schema ?? 'public');
  const searchPath = `-c search_path=${schema},public`;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    options: searchPath,
  });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);

  // Statement names by text; node-postgres prepares a named statement once per pooled connection.
  const statementNames = new Map<string, string>();
  const listeners: pg.Client[] = [];
  const local = new LocalChannels();
  const executor = (target: pg.Pool | pg.PoolClient): SqlExecutor => ({
    async query<R extends SqlRow>(text: string, params: readonly unknown[] = []) {
      const result = await target.query<R>(text, params as unknown[]);
      return result.rows;
    },
    async exec(text: string) {
      await target.query(text);
    },
  });

  return {
    driver: 'postgres',
    // Other processes may write: they reach this one only through NOTIFY.
    exclusive: false,
    notifyLocally: (channel, payload) => local.notify(channel, payload),
    schema,
    ...executor(pool),
    async queryPrepared<R extends SqlRow>(text: string, params: readonly unknown[] = []) {
      let name = statementNames.get(text);
      if (!name && statementNames.size < MAX_PREPARED_STATEMENTS) {
        name = `liaison_prepared_${statementNames.size + 1}`;
        statementNames.set(text, name);
      }
      const result = await pool.query<R>({ name, text, values: params as unknown[] });
      return result.rows;
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotify) {
      const client = new pg.Client({ connectionString: options.connectionString, options: searchPath });
      client.on('error', () => undefined);
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      });
      await client.query(`LISTEN ${quoteIdent(channel)}`);
      listeners.push(client);
      const removeLocal = local.add(channel, onNotify);
      return async () => {
        removeLocal();
        listeners.splice(listeners.indexOf(client), 1);
        await client.end().catch(() => undefined);
      };
    },
    async close() {
      await Promise.all(listeners.splice(0).map((client) => client.end().catch(() => undefined)));
      await pool.end();
    },
  };
}
