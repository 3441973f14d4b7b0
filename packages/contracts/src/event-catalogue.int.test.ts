// The committed catalogue (schema/events, schema/asyncapi.json) matches the event types in the code, and every
// event type has its entry in docs/events.md. Regenerate with `pnpm catalogue`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCatalogue, type EventCatalogue } from './event-catalogue.js';
import { categoryIn } from './event-sources.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('event catalogue', () => {
  let catalogue: EventCatalogue;
  beforeAll(() => {
    catalogue = generateCatalogue(ROOT);
  }, 120_000);

  it('finds the event types of every slice, with their stream categories', () => {
    const found = catalogue.entries.map((e) => `${e.category}/${e.eventType}@${e.version}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'audit/CheckpointSealed@1',
        'jurisdiction/JurisdictionRegistered@1',
        'station/StationRegistered@1',
      ]),
    );
    const registered = catalogue.entries.find((e) => e.eventType === 'StationRegistered')!;
    expect(registered.source).toBe('services/liaison/src/stations/events.ts');
    const data = (registered.schema.properties as Record<string, { $ref?: string }>).data;
    expect(data?.$ref).toBe('#/definitions/StationRegisteredData');
    expect(Object.keys(registered.schema.definitions as object)).toEqual([
      'StationKind',
      'StationRegisteredData',
    ]);
  });

  it('is committed as generated (run `pnpm catalogue` after changing an events.ts)', () => {
    for (const [name, content] of catalogue.files) {
      const path = join(ROOT, 'schema', name);
      expect({ name, exists: existsSync(path) }).toEqual({ name, exists: true });
      expect({ name, content: readFileSync(path, 'utf8') }).toEqual({ name, content });
    }
    const committed = readdirSync(join(ROOT, 'schema/events')).map((file) => `events/${file}`);
    expect(committed.sort()).toEqual(
      [...catalogue.files.keys()].filter((n) => n.startsWith('events/')).sort(),
    );
  });

  it('has a plain-words entry in docs/events.md for every event type and version', () => {
    const docs = readFileSync(join(ROOT, 'docs/events.md'), 'utf8');
    const missing = catalogue.entries
      .map((e) => `### ${e.eventType} (v${e.version})`)
      .filter((heading) => !docs.includes(heading));
    expect(missing).toEqual([]);
  });

  it('describes the channels in AsyncAPI 3, one per category', () => {
    const doc = catalogue.asyncApi as { asyncapi: string; channels: Record<string, { address: string }> };
    expect(doc.asyncapi).toBe('3.0.0');
    expect(doc.channels.station?.address).toBe('liaison.station.{eventType}');
  });

  it('reads a stream category from how a slice names its streams, or says it cannot', () => {
    expect(categoryIn('a', 'return `opinion-${id}`;')).toBe('opinion');
    expect(categoryIn('a', "export const CHECKPOINT_STREAM = 'audit-checkpoints';")).toBe('audit');
    expect(categoryIn('a', "export const STREAM_CATEGORY = 'case';\n`x-${y}`")).toBe('case');
    expect(() => categoryIn('x/events.ts', 'no streams here')).toThrow(
      'x/events.ts: expected one stream category',
    );
  });
});
