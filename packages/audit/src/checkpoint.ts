// Signed checkpoints: a tree size, its root hash and a time, in a stable text form signed with ed25519.
import { sign, verify, type KeyObject } from 'node:crypto';
import { fromHex } from './merkle-hash.js';
import type { CheckpointSigner } from './signing-key.js';

/** The statement a checkpoint signs: "the log's first `treeSize` events have this Merkle root". */
export interface CheckpointBody {
  treeSize: number;
  /** MTH of the first treeSize leaves, hex. */
  rootHash: string;
  /** When it was sealed, ISO-8601 UTC with milliseconds. */
  time: string;
}

/** A checkpoint as stored in the checkpoint stream. */
export interface SignedCheckpoint extends CheckpointBody {
  /** Names the signing key (see keyIdOf). */
  keyId: string;
  /** ed25519 over checkpointText(body), base64. */
  signature: string;
  /** The tree's right edge at treeSize (subtree roots, hex, largest first), so a sealer resumes in O(log n). */
  frontier: string[];
}

/** First line of the signed text: names the format and its version. */
export const CHECKPOINT_FORMAT = 'liaison-platform audit checkpoint v1';

/**
 * The exact bytes that are signed: four lines, each ending in a newline —
 * the format line, the tree size in decimal, the root hash in lower-case hex, the time in ISO-8601 UTC.
 */
export function checkpointText(body: CheckpointBody): string {
  if (!Number.isSafeInteger(body.treeSize) || body.treeSize < 0) {
    throw new RangeError(`expected a tree size ≥ 0, received ${body.treeSize}`);
  }
  fromHex(body.rootHash);
  const time = new Date(body.time);
  if (Number.isNaN(time.getTime()) || time.toISOString() !== body.time) {
    throw new RangeError(
      `expected an ISO-8601 UTC time with milliseconds, received ${JSON.stringify(body.time)}`,
    );
  }
  return `${CHECKPOINT_FORMAT}\n${body.treeSize}\n${body.rootHash}\n${body.time}\n`;
}

/** Signs a checkpoint body. */
export function signCheckpoint(
  body: CheckpointBody,
  frontier: string[],
  signer: CheckpointSigner,
): SignedCheckpoint {
  const signature = sign(null, Buffer.from(checkpointText(body), 'utf8'), signer.privateKey);
  return { ...body, keyId: signer.keyId, signature: signature.toString('base64'), frontier };
}

/** True when the checkpoint's signature verifies under `publicKey` (false for any malformed field). */
export function verifyCheckpointSignature(checkpoint: SignedCheckpoint, publicKey: KeyObject): boolean {
  try {
    return verify(
      null,
      Buffer.from(checkpointText(checkpoint), 'utf8'),
      publicKey,
      Buffer.from(checkpoint.signature, 'base64'),
    );
  } catch {
    return false;
  }
}
