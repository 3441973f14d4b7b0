// Merkle tree heads and proofs computed from a list of leaf hashes, exactly as RFC 6962 section 2.1 defines them.
import { EMPTY_ROOT, nodeHash, splitPoint, type Digest } from './merkle-hash.js';

/** MTH(D[n]): the root of the tree over `leaves` (leaf hashes, in order). */
export function treeRoot(leaves: readonly Digest[], size = leaves.length): Digest {
  assertSize(size, leaves.length);
  return size === 0 ? EMPTY_ROOT : subtreeRoot(leaves, 0, size);
}

/** MTH(D[start:end]) for a non-empty range. */
function subtreeRoot(leaves: readonly Digest[], start: number, end: number): Digest {
  const n = end - start;
  if (n === 1) return leaves[start]!;
  const k = splitPoint(n);
  return nodeHash(subtreeRoot(leaves, start, start + k), subtreeRoot(leaves, start + k, end));
}

/** PATH(m, D[n]): the audit path proving that leaf `index` (0-based) is in the tree of the first `size` leaves. */
export function inclusionProof(leaves: readonly Digest[], index: number, size = leaves.length): Digest[] {
  assertSize(size, leaves.length);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new RangeError(`expected a leaf index in [0, ${size}), received ${index}`);
  }
  return path(leaves, index, 0, size);
}

function path(leaves: readonly Digest[], m: number, start: number, end: number): Digest[] {
  const n = end - start;
  if (n === 1) return [];
  const k = splitPoint(n);
  return m < k
    ? [...path(leaves, m, start, start + k), subtreeRoot(leaves, start + k, end)]
    : [...path(leaves, m - k, start + k, end), subtreeRoot(leaves, start, start + k)];
}

/** PROOF(m, D[n]): proves that the tree of the first `oldSize` leaves is a prefix of the tree of `newSize`. */
export function consistencyProof(
  leaves: readonly Digest[],
  oldSize: number,
  newSize = leaves.length,
): Digest[] {
  assertSize(newSize, leaves.length);
  if (!Number.isSafeInteger(oldSize) || oldSize < 0 || oldSize > newSize) {
    throw new RangeError(`expected an old tree size in [0, ${newSize}], received ${oldSize}`);
  }
  if (oldSize === 0 || oldSize === newSize) return [];
  return subproof(leaves, oldSize, 0, newSize, true);
}

/** SUBPROOF(m, D[start:end], b). */
function subproof(leaves: readonly Digest[], m: number, start: number, end: number, b: boolean): Digest[] {
  const n = end - start;
  if (m === n) return b ? [] : [subtreeRoot(leaves, start, end)];
  const k = splitPoint(n);
  return m <= k
    ? [...subproof(leaves, m, start, start + k, b), subtreeRoot(leaves, start + k, end)]
    : [...subproof(leaves, m - k, start + k, end, false), subtreeRoot(leaves, start, start + k)];
}

function assertSize(size: number, available: number): void {
  if (!Number.isSafeInteger(size) || size < 0 || size > available) {
    throw new RangeError(`expected a tree size in [0, ${available}], received ${size}`);
  }
}
