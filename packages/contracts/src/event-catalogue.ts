// The event catalogue: a JSON Schema per event type and version, generated from the slices' TypeScript unions,
// and an AsyncAPI 3 document of the channels (one per stream category).
import { createGenerator } from 'ts-json-schema-generator';
import { join } from 'node:path';
import { findEventSources, type EventSource } from './event-sources.js';

/** A JSON Schema (draft-07) object, as the generator and this module build them. */
export type JsonSchema = { [key: string]: unknown };

export interface CatalogueEntry {
  eventType: string;
  version: number;
  category: string;
  /** Where the event is defined. */
  source: string;
  description: string | null;
  /** The envelope with this event's data: the stored/delivered shape. */
  schema: JsonSchema;
}

export interface EventCatalogue {
  entries: CatalogueEntry[];
  asyncApi: JsonSchema;
  /** File name (under schema/) → content, exactly as committed. */
  files: Map<string, string>;
}

const HEX64 = { type: 'string', pattern: '^[0-9a-f]{64}$' };

/** Generates the catalogue from every services/*\/src/**\/events.ts under `root`. */
export function generateCatalogue(root: string): EventCatalogue {
  const sources = findEventSources(root);
  const generator = createGenerator({
    path: join(root, 'services/*/src/**/events.ts'),
    tsconfig: join(root, 'tsconfig.json'),
    type: '*',
    expose: 'export',
    jsDoc: 'extended',
    skipTypeCheck: true,
    sortProps: true,
  });
  const definitions = (generator.createSchema('*').definitions ?? {}) as Record<string, JsonSchema>;
  const entries: CatalogueEntry[] = [];
  for (const definition of Object.values(definitions)) {
    for (const member of (definition.anyOf as JsonSchema[] | undefined) ?? [definition]) {
      const properties = member.properties as Record<string, JsonSchema> | undefined;
      const eventType = properties?.type?.const;
      if (member.type !== 'object' || typeof eventType !== 'string' || !properties?.data) continue;
      if (entries.some((entry) => entry.eventType === eventType)) continue;
      const version =
        typeof properties.schemaVersion?.const === 'number' ? properties.schemaVersion.const : 1;
      const source = sourceOf(sources, eventType);
      const data = properties.data;
      const description = describe(member) ?? describe(data) ?? describe(resolve(data, definitions));
      entries.push({
        eventType,
        version,
        category: source.category,
        source: source.path,
        description,
        schema: envelopeSchema(eventType, version, source.category, description, data, definitions),
      });
    }
  }
  entries.sort((a, b) =>
    a.category === b.category ? (a.eventType < b.eventType ? -1 : 1) : a.category < b.category ? -1 : 1,
  );
  const asyncApi = asyncApiDocument(entries);
  const files = new Map<string, string>();
  for (const entry of entries) {
    files.set(
      `events/${entry.eventType}.v${entry.version}.json`,
      `${JSON.stringify(entry.schema, null, 2)}\n`,
    );
  }
  files.set('asyncapi.json', `${JSON.stringify(asyncApi, null, 2)}\n`);
  return { entries, asyncApi, files };
}

function sourceOf(sources: readonly EventSource[], eventType: string): EventSource {
  const pattern = new RegExp(`type:\\s*['"\`]${eventType}['"\`]`);
  const found = sources.filter((source) => pattern.test(source.text));
  if (found.length !== 1) {
    throw new Error(
      `expected event type ${eventType} to be defined in exactly one events.ts, found ${found.map((s) => s.path).join(', ') || 'none'}`,
    );
  }
  return found[0]!;
}

function describe(schema: JsonSchema | undefined): string | null {
  return typeof schema?.description === 'string' ? schema.description : null;
}

function resolve(schema: JsonSchema, definitions: Record<string, JsonSchema>): JsonSchema | undefined {
  const ref = schema.$ref;
  return typeof ref === 'string' ? definitions[ref.replace('#/definitions/', '')] : undefined;
}

/** Every definition `schema` refers to, directly or through others. */
function referenced(
  schema: unknown,
  definitions: Record<string, JsonSchema>,
  into = new Map<string, JsonSchema>(),
) {
  if (Array.isArray(schema)) {
    for (const item of schema) referenced(item, definitions, into);
  } else if (schema !== null && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string') {
        const name = value.replace('#/definitions/', '');
        const definition = definitions[name];
        if (definition && !into.has(name)) {
          into.set(name, definition);
          referenced(definition, definitions, into);
        }
      } else {
        referenced(value, definitions, into);
      }
    }
  }
  return into;
}

/** The stored/delivered envelope of one event type, with its data schema. */
function envelopeSchema(
  eventType: string,
  version: number,
  category: string,
  description: string | null,
  data: JsonSchema,
  definitions: Record<string, JsonSchema>,
): JsonSchema {
  const used = referenced(data, definitions);
  const nullableString = { type: ['string', 'null'] };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://liaison-platform.example/schema/events/${eventType}.v${version}.json`,
    title: `${eventType} (v${version})`,
    ...(description ? { description } : {}),
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid', description: 'The event id: the idempotency key.' },
      type: { const: eventType },
      schemaVersion: { const: version },
      streamId: { type: 'string', pattern: `^${category}-`, description: `\`${category}-<id>\`` },
      category: { const: category },
      streamPosition: { type: 'integer', minimum: 1 },
      globalPosition: { type: 'integer', minimum: 1 },
      occurredAt: { type: 'string', format: 'date-time', description: 'Business time.' },
      recordedAt: { type: 'string', format: 'date-time', description: 'When the store accepted the event.' },
      data,
      metadata: {
        type: 'object',
        properties: {
          actorId: { type: 'string' },
          role: { type: 'string' },
          jurisdictionId: nullableString,
          commandId: { type: 'string' },
          correlationId: { type: 'string' },
          causationId: nullableString,
        },
        required: ['actorId', 'role', 'jurisdictionId', 'commandId', 'correlationId', 'causationId'],
      },
      previousHash: {
        ...HEX64,
        description: "SHA-256 of the stream's previous event; 64 zeros for the first.",
      },
      hash: {
        ...HEX64,
        description: 'SHA-256 over the canonical JSON of the event as stored, previousHash included.',
      },
    },
    required: ['id', 'type', 'schemaVersion', 'streamId', 'occurredAt', 'data', 'metadata'],
    ...(used.size > 0
      ? { definitions: Object.fromEntries([...used].sort(([a], [b]) => (a < b ? -1 : 1))) }
      : {}),
  };
}

/** AsyncAPI 3.0: one channel per category, one message per event type and version, payloads by reference. */
function asyncApiDocument(entries: readonly CatalogueEntry[]): JsonSchema {
  const categories = [...new Set(entries.map((entry) => entry.category))];
  const messageName = (entry: CatalogueEntry) => `${entry.eventType}.v${entry.version}`;
  const channels: JsonSchema = {};
  const operations: JsonSchema = {};
  const messages: JsonSchema = {};
  for (const entry of entries) {
    messages[messageName(entry)] = {
      name: entry.eventType,
      title: `${entry.eventType} (v${entry.version})`,
      ...(entry.description ? { summary: entry.description } : {}),
      contentType: 'application/json',
      payload: { $ref: `./events/${entry.eventType}.v${entry.version}.json` },
      externalDocs: { url: `../docs/events.md#${entry.eventType.toLowerCase()}-v${entry.version}` },
    };
  }
  for (const category of categories) {
    const own = entries.filter((entry) => entry.category === category);
    channels[category] = {
      address: `liaison.${category}.{eventType}`,
      title: `Events of stream category ${category}`,
      description: `Every event of the streams \`${category}-<id>\`, in order per stream. As CloudEvents the type is \`liaison.${category}.<EventType>\`; on NATS the subject is the same.`,
      parameters: { eventType: { enum: own.map((entry) => entry.eventType) } },
      messages: Object.fromEntries(
        own.map((entry) => [messageName(entry), { $ref: `#/components/messages/${messageName(entry)}` }]),
      ),
    };
    operations[`receive-${category}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${category}` },
      summary: `A partner receives ${category} events (webhook, GraphQL subscription, pull API or NATS).`,
      messages: own.map((entry) => ({ $ref: `#/channels/${category}/messages/${messageName(entry)}` })),
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Liaison platform events',
      version: '1.0.0',
      description:
        'Every event the platform records, as delivered to integration partners. Generated from the TypeScript definitions (pnpm catalogue); see docs/events.md for each event in plain words.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}
