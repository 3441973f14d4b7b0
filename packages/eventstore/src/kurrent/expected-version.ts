// Expected versions of the port (any / no_stream / exact, counting from 1) against KurrentDB stream revisions
// (counting from 0) and stream states.
import { NO_STREAM, type CurrentStreamState } from '@kurrent/kurrentdb-client';
import { InvalidEventError } from '../errors.js';
import type { ExpectedVersion } from '../event-store.js';

const MAX_VERSION = Number.MAX_SAFE_INTEGER;

/** 'any' → null (no check), 'no_stream' → 0, an exact version as itself; anything else is refused. */
export function expectedVersionNumber(expected: ExpectedVersion): number | null {
  if (expected === 'any') return null;
  if (expected === 'no_stream') return 0;
  if (Number.isInteger(expected) && expected >= 0 && expected <= MAX_VERSION) return expected;
  throw new InvalidEventError(
    `expected version 'any', 'no_stream' or an integer ≥ 0, received ${JSON.stringify(expected)}`,
  );
}

/** The stream state KurrentDB must find for a stream now at `version` (0: no stream yet). */
export function streamStateFor(version: number): typeof NO_STREAM | bigint {
  return version === 0 ? NO_STREAM : BigInt(version - 1);
}

/** The port version of a stream KurrentDB reports in a conflict: revision + 1, and 0 for no stream. */
export function versionOfState(state: CurrentStreamState): number {
  if (state === NO_STREAM) return 0;
  // Deleted (-5) and tombstoned (-6) streams hold no readable events.
  return state < 0n ? 0 : Number(state) + 1;
}

/** The port stream position of a KurrentDB revision. */
export function streamPositionOf(revision: bigint): number {
  return Number(revision) + 1;
}

/** The KurrentDB revision of a port stream position (≥ 1). */
export function revisionOf(streamPosition: number): bigint {
  return BigInt(streamPosition - 1);
}
