// Deterministic event ids: the same command on the same stream always yields the same ids, so a retry is idempotent.
import { createHash } from 'node:crypto';

/** A UUID (version 8, name-based on SHA-256) for the n-th event a command appends to a stream. */
export function eventIdFor(commandId: string, streamId: string, index: number): string {
  const hex = createHash('sha256').update(`${commandId}\u0000${streamId}\u0000${index}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
