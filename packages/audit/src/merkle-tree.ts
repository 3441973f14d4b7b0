// Merkle tree heads and proofs, exactly as RFC 6962 section 2.1 defines them, over a list of leaf hashes or
// over MerkleLevels (every complete subtree kept, so a proof costs O(log² n) instead of O(n)).
import { EMPTY_ROOT, nodeHash, splitPoint, type Digest } from './merkle-hash.js';

/** MTH(D[start:end]) for a non-empty range. */
type SubtreeRoot = (start: number, end: number) => Digest;

function naiveRoot(leaves: readonly Digest[]): SubtreeRoot {
  const root: SubtreeRoot = (start, end) => {
    if (end - start === 1) return leaves[start]!;
    const k = splitPoint(end - start);
    return nodeHash(root(start, start + k), root(start + k, end));
  };
  return root;
}

/** MTH(D[n]): the root of the tree over `leaves` (leaf hashes, in order). */
export function treeRoot(leaves: readonly Digest[], size = leaves.length): Digest {
  assertSize(size, leaves.length);
  return size === 0 ? EMPTY_ROOT : naiveRoot(leaves)(0, size);
}

/** PATH(m, D[n]): the audit path proving that leaf `index` (0-based) is in the tree of the first `size` leaves. */
export function inclusionProof(leaves: readonly Digest[], index: number, size = leaves.length): Digest[] {
  assertSize(size, leaves.length);
  return pathOf(naiveRoot(leaves), index, size);
}

/** PROOF(m, D[n]): proves that the tree of the first `oldSize` leaves is a prefix of the tree of `newSize`. */
export function consistencyProof(
  leaves: readonly Digest[],
  oldSize: number,
  newSize = leaves.length,
): Digest[] {
  assertSize(newSize, leaves.length);
  return proofOf(naiveRoot(leaves), oldSize, newSize);
}

/** Every complete subtree of a growing tree, level by level: appends in amortised O(1), proofs in O(log² n). */
export class MerkleLevels {
  /** levels[h][j] = MTH of leaves [j·2^h, (j+1)·2^h). */
  private readonly levels: Digest[][] = [[]];

  get size(): number {
    return this.levels[0]!.length;
  }

  append(leaf: Digest): void {
    this.levels[0]!.push(leaf);
    for (let h = 0; this.levels[h]!.length % 2 === 0; h++) {
      const level = this.levels[h]!;
      const parent = nodeHash(level[level.length - 2]!, level[level.length - 1]!);
      (this.levels[h + 1] ??= []).push(parent);
    }
  }

  /** The leaf hash at `index`. */
  leaf(index: number): Digest | undefined {
    return this.levels[0]![index];
  }

  root(size = this.size): Digest {
    assertSize(size, this.size);
    return size === 0 ? EMPTY_ROOT : this.subtree(0, size);
  }

  inclusionProof(index: number, size = this.size): Digest[] {
    assertSize(size, this.size);
    return pathOf(this.subtree, index, size);
  }

  consistencyProof(oldSize: number, newSize = this.size): Digest[] {
    assertSize(newSize, this.size);
    return proofOf(this.subtree, oldSize, newSize);
  }

  // The RFC's split keeps every left subtree aligned to its own size, so each is one stored node.
  private readonly subtree: SubtreeRoot = (start, end) => {
    const n = end - start;
    if ((n & (n - 1)) === 0 && start % n === 0) return this.levels[Math.log2(n)]![start / n]!;
    const k = splitPoint(n);
    return nodeHash(this.subtree(start, start + k), this.subtree(start + k, end));
  };
}

function pathOf(root: SubtreeRoot, index: number, size: number): Digest[] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new RangeError(`expected a leaf index in [0, ${size}), received ${index}`);
  }
  const path = (m: number, start: number, end: number): Digest[] => {
    const n = end - start;
    if (n === 1) return [];
    const k = splitPoint(n);
    return m < k
      ? [...path(m, start, start + k), root(start + k, end)]
      : [...path(m - k, start + k, end), root(start, start + k)];
  };
  return path(index, 0, size);
}

function proofOf(root: SubtreeRoot, oldSize: number, newSize: number): Digest[] {
  if (!Number.isSafeInteger(oldSize) || oldSize < 0 || oldSize > newSize) {
    throw new RangeError(`expected an old tree size in [0, ${newSize}], received ${oldSize}`);
  }
  if (oldSize === 0 || oldSize === newSize) return [];
  // SUBPROOF(m, D[start:end], b)
  const subproof = (m: number, start: number, end: number, b: boolean): Digest[] => {
    const n = end - start;
    if (m === n) return b ? [] : [root(start, end)];
    const k = splitPoint(n);
    return m <= k
      ? [...subproof(m, start, start + k, b), root(start + k, end)]
      : [...subproof(m - k, start + k, end, false), root(start, start + k)];
  };
  return subproof(oldSize, 0, newSize, true);
}

function assertSize(size: number, available: number): void {
  if (!Number.isSafeInteger(size) || size < 0 || size > available) {
    throw new RangeError(`expected a tree size in [0, ${available}], received ${size}`);
  }
}
