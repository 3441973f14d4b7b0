// RFC 6962 tree heads and proofs against the known vectors of the Certificate Transparency Go implementation
// (transparency-dev/merkle proof/verify_test.go) and against the RFC's own definitions.
import { createHash } from 'node:crypto';
import { EMPTY_ROOT, fromHex, leafHash, nodeHash, toHex } from './merkle-hash.js';
import { rootFromInclusionProof, verifyConsistency, verifyInclusion } from './merkle-proof-verify.js';
import { consistencyProof, inclusionProof, MerkleLevels, treeRoot } from './merkle-tree.js';
import { TreeFrontier } from './tree-frontier.js';

const LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((hex) => leafHash(Buffer.from(hex, 'hex')));
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
// [leaf index (0-based), tree size, audit path]
const INCLUSION: Array<[number, number, string[]]> = [
  [0, 1, []],
  [
    0,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    5,
    8,
    [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [
    1,
    5,
    [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];
// [old size, new size, proof]
const CONSISTENCY: Array<[number, number, string[]]> = [
  [1, 1, []],
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [
    2,
    5,
    [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
  [
    6,
    7,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
];

/** MTH straight from RFC 6962 section 2.1, on raw leaf data: the reference the fast paths are checked against. */
function referenceRoot(data: Buffer[]): string {
  const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
  const mth = (d: Buffer[]): Buffer => {
    if (d.length === 0) return sha();
    if (d.length === 1) return sha(Buffer.from([0]), d[0]!);
    let k = 1;
    while (k * 2 < d.length) k *= 2;
    return sha(Buffer.from([1]), mth(d.slice(0, k)), mth(d.slice(k)));
  };
  return mth(data).toString('hex');
}

const hashes = (hexes: string[]) => hexes.map(fromHex);

describe('RFC 6962 Merkle tree', () => {
  it('hashes the empty tree as SHA-256 of nothing', () => {
    expect(toHex(treeRoot([]))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(EMPTY_ROOT.equals(TreeFrontier.empty().root())).toBe(true);
  });

  it('computes the known roots of the first 1…8 test leaves', () => {
    for (let size = 1; size <= 8; size++) expect(toHex(treeRoot(LEAVES, size))).toBe(ROOTS[size - 1]);
  });

  it('agrees with a literal reading of the RFC for every size up to 70', () => {
    const data = Array.from({ length: 70 }, (_, i) => Buffer.from(`leaf ${i}`));
    const leaves = data.map((d) => leafHash(d));
    const frontier = TreeFrontier.empty();
    for (let size = 0; size <= 70; size++) {
      const expected = referenceRoot(data.slice(0, size));
      expect(toHex(treeRoot(leaves, size))).toBe(expected);
      expect(toHex(frontier.root())).toBe(expected);
      const restored = TreeFrontier.restore(size, frontier.toJSON());
      expect(toHex(restored.root())).toBe(expected);
      if (size < 70) frontier.append(leaves[size]!);
    }
  });

  it('builds and verifies the known inclusion proofs', () => {
    for (const [index, size, proof] of INCLUSION) {
      expect(inclusionProof(LEAVES, index, size).map(toHex)).toEqual(proof);
      expect(verifyInclusion(index, size, LEAVES[index]!, hashes(proof), fromHex(ROOTS[size - 1]!))).toBe(
        true,
      );
    }
  });

  it('builds and verifies the known consistency proofs', () => {
    for (const [oldSize, newSize, proof] of CONSISTENCY) {
      expect(consistencyProof(LEAVES, oldSize, newSize).map(toHex)).toEqual(proof);
      const ok = verifyConsistency(
        oldSize,
        newSize,
        fromHex(ROOTS[oldSize - 1]!),
        fromHex(ROOTS[newSize - 1]!),
        hashes(proof),
      );
      expect(ok).toBe(true);
    }
  });

  it('verifies every generated proof in trees up to 33 leaves', () => {
    const leaves = Array.from({ length: 33 }, (_, i) => leafHash(`event ${i}`));
    for (let size = 1; size <= 33; size++) {
      const root = treeRoot(leaves, size);
      for (let index = 0; index < size; index++) {
        expect(verifyInclusion(index, size, leaves[index]!, inclusionProof(leaves, index, size), root)).toBe(
          true,
        );
      }
      for (let oldSize = 0; oldSize <= size; oldSize++) {
        const proof = consistencyProof(leaves, oldSize, size);
        expect(verifyConsistency(oldSize, size, treeRoot(leaves, oldSize), root, proof)).toBe(true);
      }
    }
  });

  it('gives the same roots and proofs from MerkleLevels as from the definitions, for every size up to 40', () => {
    const leaves = Array.from({ length: 40 }, (_, i) => leafHash(`event ${i}`));
    const levels = new MerkleLevels();
    for (const leaf of leaves) levels.append(leaf);
    for (let size = 0; size <= 40; size++) {
      expect(levels.root(size).equals(treeRoot(leaves, size))).toBe(true);
      for (let index = 0; index < size; index++) {
        expect(levels.inclusionProof(index, size).map(toHex)).toEqual(
          inclusionProof(leaves, index, size).map(toHex),
        );
      }
      for (let oldSize = 0; oldSize <= size; oldSize++) {
        expect(levels.consistencyProof(oldSize, size).map(toHex)).toEqual(
          consistencyProof(leaves, oldSize, size).map(toHex),
        );
      }
    }
  });

  it('rejects inclusion proofs with a wrong index, size, leaf, root or path', () => {
    const [index, size, proofHex] = INCLUSION[2]!;
    const proof = hashes(proofHex);
    const root = fromHex(ROOTS[size - 1]!);
    const leaf = LEAVES[index]!;
    const some = fromHex('abacaba000000000000000000000000000000000000000000060061e00123456');
    const flipped = proof.map((p, i) => (i === 1 ? Buffer.from(p.map((b, j) => (j === 0 ? b ^ 8 : b))) : p));
    const probes: Array<[number, number, Buffer, Buffer[], Buffer]> = [
      [index - 1, size, leaf, proof, root],
      [index + 1, size, leaf, proof, root],
      [index ^ 2, size, leaf, proof, root],
      [index, size * 2, leaf, proof, root],
      [index, size / 2, leaf, proof, root],
      [index, size, leafHash('WrongLeaf'), proof, root],
      [index, size, leaf, proof, EMPTY_ROOT],
      [index, size, leaf, proof, some],
      [index, size, leaf, [...proof, root], root],
      [index, size, leaf, [root, ...proof], root],
      [index, size, leaf, proof.slice(0, -1), root],
      [index, size, leaf, flipped, root],
      [size, size, leaf, proof, root],
    ];
    for (const [i, n, l, p, r] of probes) expect(verifyInclusion(i, n, l, p, r)).toBe(false);
    expect(rootFromInclusionProof(-1, 8, leaf, proof)).toBeNull();
  });

  it('rejects consistency proofs with wrong sizes, roots or paths', () => {
    const [oldSize, newSize, proofHex] = CONSISTENCY[2]!;
    const proof = hashes(proofHex);
    const root1 = fromHex(ROOTS[oldSize - 1]!);
    const root2 = fromHex(ROOTS[newSize - 1]!);
    const probes: Array<[number, number, Buffer, Buffer, Buffer[]]> = [
      [oldSize - 1, newSize, root1, root2, proof],
      [oldSize + 1, newSize, root1, root2, proof],
      [oldSize ^ 2, newSize, root1, root2, proof],
      [oldSize, newSize * 2, root1, root2, proof],
      [oldSize, newSize / 2, root1, root2, proof],
      [oldSize, newSize, leafHash('WrongRoot'), root2, proof],
      [oldSize, newSize, root1, leafHash('WrongRoot'), proof],
      [oldSize, newSize, root2, root1, proof],
      [oldSize, newSize, root1, root2, []],
      [oldSize, newSize, root1, root2, [...proof, root1]],
      [oldSize, newSize, root1, root2, [root2, ...proof]],
      [oldSize, newSize, root1, root2, proof.slice(0, -1)],
      [newSize, oldSize, root1, root2, proof],
    ];
    for (const [m, n, r1, r2, p] of probes) expect(verifyConsistency(m, n, r1, r2, p)).toBe(false);
    expect(verifyConsistency(1, 1, root1, root2, [])).toBe(false);
    expect(verifyConsistency(3, 3, root1, root1, [])).toBe(true);
    expect(verifyConsistency(0, 5, root1, root2, [])).toBe(true);
    expect(verifyConsistency(0, 5, root1, root2, [root1])).toBe(false);
  });

  it('nests subtrees as the RFC splits them', () => {
    // Three leaves: MTH = H(H(d0,d1), d2).
    const [a, b, c] = LEAVES as [Buffer, Buffer, Buffer];
    expect(treeRoot([a, b, c]).equals(nodeHash(nodeHash(a, b), c))).toBe(true);
  });

  it('refuses a frontier whose length does not fit the size', () => {
    expect(() => TreeFrontier.restore(3, [ROOTS[0]!])).toThrow('expected 2 subtree roots');
  });
});
