// Verification of RFC 6962 inclusion and consistency proofs, by the algorithms of RFC 9162 sections 2.1.3.2 and 2.1.4.2.
import { nodeHash, type Digest } from './merkle-hash.js';

/** The root an inclusion proof leads to from `leaf` at `index` in a tree of `size`, or null when the proof cannot fit. */
export function rootFromInclusionProof(
  index: number,
  size: number,
  leaf: Digest,
  proof: readonly Digest[],
): Digest | null {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

/** True when `proof` shows that `leaf` is the leaf at `index` of the tree of `size` with head `root`. */
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Digest,
  proof: readonly Digest[],
  root: Digest,
): boolean {
  const computed = rootFromInclusionProof(index, size, leaf, proof);
  return computed !== null && computed.equals(root);
}

/** True when `proof` shows that the tree of `oldSize` with `oldRoot` is a prefix of the tree of `newSize` with `newRoot`. */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  oldRoot: Digest,
  newRoot: Digest,
  proof: readonly Digest[],
): boolean {
  if (!Number.isSafeInteger(oldSize) || !Number.isSafeInteger(newSize) || oldSize < 0 || oldSize > newSize) {
    return false;
  }
  if (oldSize === newSize) return proof.length === 0 && oldRoot.equals(newRoot);
  if (oldSize === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(oldRoot) && sr.equals(newRoot);
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}
