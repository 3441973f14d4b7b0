// The hashes of an RFC 6962 Merkle tree: leaves and interior nodes are hashed with distinct one-byte prefixes.
import { createHash, hash } from 'node:crypto';

/** A SHA-256 digest (32 bytes). */
export type Digest = Buffer;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** MTH({d}) = SHA-256(0x00 || d): the hash of one leaf (a string is taken as its UTF-8 bytes). */
export function leafHash(leaf: Uint8Array | string): Digest {
  // One-shot hashing of a string is the cheaper path; U+0000 is the single byte 0x00 in UTF-8.
  if (typeof leaf === 'string') return hash('sha256', `\u0000${leaf}`, 'buffer');
  return createHash('sha256').update(LEAF_PREFIX).update(leaf).digest();
}

/** 0x01 || left || right, reused: hashing reads it synchronously, so one buffer serves every node. */
const nodeInput = Buffer.alloc(65, 0x01);

/** SHA-256(0x01 || left || right): the hash of an interior node. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Digest {
  if (left.byteLength !== 32 || right.byteLength !== 32)
    return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
  nodeInput.set(left, 1);
  nodeInput.set(right, 33);
  return hash('sha256', nodeInput, 'buffer');
}

/** MTH({}) = SHA-256 of the empty string: the root of an empty tree. */
export const EMPTY_ROOT: Digest = createHash('sha256').digest();

/** Lower-case hex of a digest. */
export function toHex(digest: Uint8Array): string {
  return Buffer.from(digest.buffer, digest.byteOffset, digest.byteLength).toString('hex');
}

/** A digest from 64 hex characters; throws with what was received otherwise. */
export function fromHex(hex: string): Digest {
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    throw new TypeError(
      `expected a SHA-256 digest as 64 lower-case hex characters, received ${JSON.stringify(hex)}`,
    );
  }
  return Buffer.from(hex, 'hex');
}

/** The largest power of two strictly less than n (n ≥ 2): RFC 6962's split point k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
