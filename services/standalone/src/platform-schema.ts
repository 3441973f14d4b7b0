// The platform's GraphQL schema as SDL, built from the same module list the gateway serves.
import { SqlEventStore } from '@liaison/eventstore';
import { buildGatewaySchema, printSchemaSdl } from '@liaison/gateway';
import { PersonalData, SqlKeyVault } from '@liaison/personal-data';
import { SqlReadStore } from '@liaison/readstore';
import { openPglite } from '@liaison/sql';
import { loadConfig } from './config.js';
import { wireModules } from './platform.js';

/** Where the committed SDL lives (the same relative path from src/ and dist/). */
export const SCHEMA_FILE = new URL('../../../schema/schema.graphql', import.meta.url);

/** Builds every module against throw-away in-memory stores and prints the schema. */
export async function platformSchemaSdl(): Promise<string> {
  const sql = await openPglite();
  try {
    const eventStore = await SqlEventStore.open(sql);
    const readStore = await SqlReadStore.open(sql);
    const { modules } = wireModules(
      eventStore,
      readStore,
      () => Promise.resolve(true),
      loadConfig({}),
      () => new Date(),
      new PersonalData(await SqlKeyVault.open(sql)),
      sql,
    );
    return printSchemaSdl(await buildGatewaySchema(modules));
  } finally {
    await sql.close();
  }
}
