// Writes the GraphQL SDL to schema/schema.graphql (run with `pnpm schema`).
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { platformSchemaSdl, SCHEMA_FILE } from './platform-schema.js';

mkdirSync(new URL('.', SCHEMA_FILE), { recursive: true });
writeFileSync(SCHEMA_FILE, await platformSchemaSdl());
process.stdout.write(`wrote ${fileURLToPath(SCHEMA_FILE)}\n`);
