import { readFileSync } from 'node:fs';
import { platformSchemaSdl, SCHEMA_FILE } from './platform-schema.js';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run `pnpm schema` after changing the API)', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed).toBe(await platformSchemaSdl());
  });
});
