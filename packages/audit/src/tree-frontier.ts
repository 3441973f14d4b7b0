// The right edge of a growing Merkle tree: the roots of its perfect subtrees, enough to append and to compute the head.
import { EMPTY_ROOT, fromHex, nodeHash, toHex, type Digest } from './merkle-hash.js';

/**
 * The incremental state of an RFC 6962 tree of `size` leaves: one perfect-subtree root per set bit of `size`,
 * largest (leftmost) first. Appending a leaf costs O(log n) hashes amortised O(1); the head costs O(log n).
 */
export class TreeFrontier {
  private constructor(
    private currentSize: number,
    private readonly roots: Digest[],
  ) {}

  /** An empty tree. */
  static empty(): TreeFrontier {
    return new TreeFrontier(0, []);
  }

  /** Restores the frontier of a tree of `size` leaves from its subtree roots (hex, largest first). */
  static restore(size: number, roots: readonly string[]): TreeFrontier {
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new RangeError(`expected a tree size ≥ 0, received ${size}`);
    }
    const expected = popCount(size);
    if (roots.length !== expected) {
      throw new RangeError(
        `expected ${expected} subtree roots for a tree of ${size} leaves, received ${roots.length}`,
      );
    }
    return new TreeFrontier(size, roots.map(fromHex));
  }

  get size(): number {
    return this.currentSize;
  }

  /** Adds one leaf hash at the right. */
  append(leaf: Digest): void {
    this.roots.push(leaf);
    // Each trailing 1-bit of the old size is a subtree of the same height as the new one: merge them.
    for (let bits = this.currentSize; bits % 2 === 1; bits = Math.floor(bits / 2)) {
      const right = this.roots.pop()!;
      const left = this.roots.pop()!;
      this.roots.push(nodeHash(left, right));
    }
    this.currentSize += 1;
  }

  /** MTH of the tree so far: the subtree roots folded from the right, as RFC 6962's split rule nests them. */
  root(): Digest {
    if (this.roots.length === 0) return EMPTY_ROOT;
    let acc = this.roots[this.roots.length - 1]!;
    for (let i = this.roots.length - 2; i >= 0; i--) acc = nodeHash(this.roots[i]!, acc);
    return acc;
  }

  /** The subtree roots (hex, largest first), for storing with a checkpoint. */
  toJSON(): string[] {
    return this.roots.map(toHex);
  }

  /** The leaf ranges [start, end) the subtree roots cover, largest first. */
  ranges(): Array<[number, number]> {
    const ranges: Array<[number, number]> = [];
    let start = 0;
    for (let bit = 2 ** Math.floor(Math.log2(Math.max(this.currentSize, 1))); bit >= 1; bit /= 2) {
      if (Math.floor(this.currentSize / bit) % 2 === 1) {
        ranges.push([start, start + bit]);
        start += bit;
      }
    }
    return ranges;
  }

  /** An independent copy. */
  clone(): TreeFrontier {
    return new TreeFrontier(this.currentSize, [...this.roots]);
  }
}

function popCount(n: number): number {
  let count = 0;
  for (let bits = n; bits > 0; bits = Math.floor(bits / 2)) count += bits % 2;
  return count;
}
