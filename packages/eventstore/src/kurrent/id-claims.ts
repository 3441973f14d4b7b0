// Event ids are unique across the whole store on SQL (a primary key); KurrentDB checks ids only within one
// stream, and only near the expected version. So before appending, each event id is claimed by writing one
// event to a stream named for the id, expected not to exist yet. A claim that already exists tells which
// stream owns the id.
import { randomUUID } from 'node:crypto';
import { jsonEvent, NO_STREAM, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import { InvalidEventError } from '../errors.js';
import { isWrongExpectedVersion } from './kurrent-errors.js';
import type { StreamNames } from './stream-names.js';

/** The claim event's type and data. */
export const CLAIM_EVENT_TYPE = 'EventIdClaimed';
interface ClaimData {
  streamId: string;
}

/**
 * Claims every id for `streamId`. Resolves true when some id had been claimed for this stream before (so the
 * event may be stored already: a re-send, or a retry after a crash between claim and append), false when every
 * claim is new (none of the events can be stored). Throws InvalidEventError, appending nothing, when an id
 * belongs to another stream. Claims are never removed: a claimed id stays reserved for its stream.
 */
export async function claimEventIds(
  client: KurrentDBClient,
  names: StreamNames,
  streamId: string,
  ids: readonly string[],
): Promise<boolean> {
  const existing = await Promise.all(ids.map((id) => claim(client, names, streamId, id)));
  const foreign = existing.find((owner) => owner !== null && owner !== streamId);
  if (foreign !== undefined) {
    const id = ids[existing.indexOf(foreign)]!;
    throw new InvalidEventError(
      `expected event ids not stored in another stream, but ${id} belongs to ${String(foreign)}; nothing was appended to ${streamId}`,
    );
  }
  return existing.some((owner) => owner !== null);
}

/** Writes the claim; returns null when it is new, else the stream that claimed the id first. */
async function claim(
  client: KurrentDBClient,
  names: StreamNames,
  streamId: string,
  id: string,
): Promise<string | null> {
  const stream = names.claimStream(id);
  try {
    // A fresh claim id each time: KurrentDB would otherwise answer a repeated claim as an idempotent success.
    const data: ClaimData = { streamId };
    await client.appendToStream(
      stream,
      jsonEvent({ id: randomUUID(), type: CLAIM_EVENT_TYPE, data: { ...data } }),
      {
        streamState: NO_STREAM,
      },
    );
    return null;
  } catch (error) {
    if (!isWrongExpectedVersion(error)) throw error;
  }
  for await (const resolved of client.readStream(stream, { maxCount: 1 })) {
    const owner = (resolved.event?.data as Partial<ClaimData> | undefined)?.streamId;
    if (typeof owner === 'string') return owner;
  }
  throw new Error(
    `expected the claim stream ${stream} to name the stream owning event ${id}, but it does not`,
  );
}
