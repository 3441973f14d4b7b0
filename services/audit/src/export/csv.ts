// CSV rendering of exported events (RFC 4180): one row per event, data and hashes included, for spreadsheets.
import type { RecordedEvent } from '@liaison/eventstore';

export const CSV_COLUMNS = [
  'globalPosition',
  'streamId',
  'streamPosition',
  'type',
  'schemaVersion',
  'occurredAt',
  'recordedAt',
  'actorId',
  'role',
  'jurisdictionId',
  'commandId',
  'correlationId',
  'causationId',
  'id',
  'data',
  'previousHash',
  'hash',
] as const;

/** The header line. */
export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

/** One event as a CSV line; `data` is its JSON text. */
export function csvRow(event: RecordedEvent): string {
  const values: Array<string | number | null> = [
    event.globalPosition,
    event.streamId,
    event.streamPosition,
    event.type,
    event.schemaVersion,
    event.occurredAt,
    event.recordedAt,
    event.metadata.actorId,
    event.metadata.role,
    event.metadata.jurisdictionId,
    event.metadata.commandId,
    event.metadata.correlationId,
    event.metadata.causationId,
    event.id,
    JSON.stringify(event.data),
    event.previousHash,
    event.hash,
  ];
  return `${values.map(csvField).join(',')}\r\n`;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quote anything a spreadsheet could misread: separators, quotes, line breaks, and formula prefixes.
  if (/[",\r\n]/.test(text) || /^[=+\-@\t]/.test(text)) return `"${text.replaceAll('"', '""')}"`;
  return text;
}
