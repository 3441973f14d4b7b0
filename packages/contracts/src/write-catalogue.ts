// `pnpm catalogue`: writes schema/events/*.json and schema/asyncapi.json from the events.ts files.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCatalogue } from './event-catalogue.js';

/** The repository root (the same relative path from src/ and dist/). */
export const REPOSITORY_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

const catalogue = generateCatalogue(REPOSITORY_ROOT);
const schemaDir = join(REPOSITORY_ROOT, 'schema');
rmSync(join(schemaDir, 'events'), { recursive: true, force: true });
mkdirSync(join(schemaDir, 'events'), { recursive: true });
for (const [name, content] of catalogue.files) writeFileSync(join(schemaDir, name), content);
process.stdout.write(
  `wrote ${readdirSync(join(schemaDir, 'events')).length} event schemas and schema/asyncapi.json (${catalogue.entries.map((e) => `${e.eventType} v${e.version}`).join(', ')})\n`,
);
