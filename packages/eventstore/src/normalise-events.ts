// Checks an append request and reduces each event to exactly the form that is hashed and stored.
import type { EventMetadata, NewEvent } from './envelope.js';
import { InvalidEventError } from './errors.js';

/** An event as it will be stored: lower-case id, JSON-normalised data and metadata, UTC millisecond time. */
export interface NormalisedEvent {
  id: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: EventMetadata;
  occurredAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what the id part may not hold
const STREAM_ID = /^[A-Za-z0-9_]+-[^\u0000-\u001f\u007f]+$/;
// eslint-disable-next-line no-control-regex -- as above, for event types
const CONTROL = /[\u0000-\u001f\u007f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// In JSON.stringify output, NUL and unpaired surrogates are the only \u0000 and \udXXX escapes; an even run of
// backslashes before them means the backslashes are literal text instead.
const JSONB_REFUSED_ESCAPE = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/i;
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const MAX_INT32 = 2_147_483_647;

/** Throws InvalidEventError unless `streamId` has the form `<category>-<id>` with a category of [A-Za-z0-9_]. */
export function assertStreamId(streamId: string): void {
  if (typeof streamId !== 'string' || !STREAM_ID.test(streamId) || LONE_SURROGATE.test(streamId)) {
    throw new InvalidEventError(
      `expected a stream id "<category>-<id>" with a category of letters, digits and underscores, received ${JSON.stringify(streamId)}`,
    );
  }
}

/** Validates an append request and returns its events normalised; throws InvalidEventError, writing nothing. */
export function normaliseEvents(streamId: string, events: readonly NewEvent[]): NormalisedEvent[] {
  assertStreamId(streamId);
  if (events.length === 0) {
    throw new InvalidEventError(`expected at least one event to append to ${streamId}, received none`);
  }
  const seen = new Set<string>();
  return events.map((event, index) => {
    const normalised = normaliseEvent(event, `event ${index} of the append to ${streamId}`);
    if (seen.has(normalised.id)) {
      throw new InvalidEventError(
        `expected distinct event ids in one append to ${streamId}, received ${normalised.id} twice`,
      );
    }
    seen.add(normalised.id);
    return normalised;
  });
}

function normaliseEvent(event: NewEvent, where: string): NormalisedEvent {
  if (typeof event.id !== 'string' || !UUID.test(event.id)) {
    throw new InvalidEventError(
      `expected a UUID as the id of ${where}, received ${JSON.stringify(event.id)}`,
    );
  }
  if (
    typeof event.type !== 'string' ||
    event.type.length === 0 ||
    CONTROL.test(event.type) ||
    LONE_SURROGATE.test(event.type)
  ) {
    throw new InvalidEventError(
      `expected a non-empty type without control characters for ${where}, received ${JSON.stringify(event.type)}`,
    );
  }
  const schemaVersion = event.schemaVersion ?? 1;
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > MAX_INT32) {
    throw new InvalidEventError(
      `expected a schemaVersion that is an integer ≥ 1 for ${where}, received ${String(schemaVersion)}`,
    );
  }
  const metadata = jsonValue(event.metadata, `metadata of ${where}`);
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw new InvalidEventError(
      `expected an object as the metadata of ${where}, received ${JSON.stringify(metadata)}`,
    );
  }
  return {
    id: event.id.toLowerCase(),
    type: event.type,
    schemaVersion,
    data: jsonValue(event.data, `data of ${where}`),
    metadata: metadata as EventMetadata,
    occurredAt: utcTime(event.occurredAt, `occurredAt of ${where}`),
  };
}

/** The value after a JSON round trip, so that what is hashed is exactly what jsonb stores and returns. */
function jsonValue(value: unknown, what: string): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new InvalidEventError(
      `expected JSON-serialisable ${what}, but serialising failed: ${(error as Error).message}`,
    );
  }
  if (text === undefined)
    throw new InvalidEventError(`expected a JSON value as the ${what}, received ${typeof value}`);
  if (JSONB_REFUSED_ESCAPE.test(text)) {
    throw new InvalidEventError(
      `expected ${what} without "\\u0000" or unpaired surrogates (jsonb refuses them), received some`,
    );
  }
  return JSON.parse(text) as unknown;
}

/** An ISO-8601 time with offset, as UTC with milliseconds. */
function utcTime(value: unknown, what: string): string {
  const match = typeof value === 'string' ? ISO_TIME.exec(value) : null;
  const time = match ? new Date(value as string) : null;
  if (!match || !time || Number.isNaN(time.getTime()) || !isCalendarDate(match)) {
    throw new InvalidEventError(
      `expected an ISO-8601 time with offset as the ${what}, received ${JSON.stringify(value)}`,
    );
  }
  const iso = time.toISOString();
  if (!/^\d{4}-/.test(iso) || iso.startsWith('0000')) {
    throw new InvalidEventError(
      `expected the ${what} between years 1 and 9999, received ${JSON.stringify(value)}`,
    );
  }
  return iso;
}

/** Date parsing rolls 2024-02-30 over into March; the stored time must be the one written. */
function isCalendarDate(match: RegExpExecArray): boolean {
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(Date.UTC(2000, month - 1, day));
  probe.setUTCFullYear(year);
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}
