// Signed checkpoints: the signed text is stable, signatures verify only for the exact statement and key.
import { checkpointText, signCheckpoint, verifyCheckpointSignature } from './checkpoint.js';
import { generateSigningKey, parsePublicKey, parseSigningKey, SigningKeyError } from './signing-key.js';

const body = {
  treeSize: 42,
  rootHash: 'ab'.repeat(32),
  time: '2026-03-01T08:00:00.000Z',
};

describe('signed checkpoints', () => {
  it('signs a stable four-line text', () => {
    expect(checkpointText(body)).toBe(
      `liaison-platform audit checkpoint v1\n42\n${'ab'.repeat(32)}\n2026-03-01T08:00:00.000Z\n`,
    );
  });

  it('verifies under the signing key and fails for any change or another key', () => {
    const { seed, signer } = generateSigningKey();
    const checkpoint = signCheckpoint(body, [], signer);
    expect(checkpoint.keyId).toBe(signer.keyId);
    expect(verifyCheckpointSignature(checkpoint, signer.publicKey)).toBe(true);
    expect(verifyCheckpointSignature(checkpoint, parsePublicKey(signer.publicKeyBase64))).toBe(true);
    expect(parseSigningKey(seed).keyId).toBe(signer.keyId);
    expect(verifyCheckpointSignature({ ...checkpoint, treeSize: 43 }, signer.publicKey)).toBe(false);
    expect(verifyCheckpointSignature({ ...checkpoint, rootHash: 'cd'.repeat(32) }, signer.publicKey)).toBe(
      false,
    );
    expect(
      verifyCheckpointSignature({ ...checkpoint, time: '2026-03-01T08:00:01.000Z' }, signer.publicKey),
    ).toBe(false);
    expect(verifyCheckpointSignature({ ...checkpoint, signature: 'garbage' }, signer.publicKey)).toBe(false);
    expect(verifyCheckpointSignature(checkpoint, generateSigningKey().signer.publicKey)).toBe(false);
  });

  it('reads a PKCS#8 PEM key as well as a seed', () => {
    const { signer } = generateSigningKey();
    const pem = signer.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(parseSigningKey(pem).keyId).toBe(signer.keyId);
  });

  it('refuses malformed keys and statements with a clear error', () => {
    expect(() => parseSigningKey('c2hvcnQ=')).toThrow(SigningKeyError);
    expect(() => parseSigningKey('c2hvcnQ=')).toThrow('received 5 bytes');
    expect(() => parsePublicKey('AAAA')).toThrow('32 raw bytes');
    expect(() => checkpointText({ ...body, time: '2026-03-01' })).toThrow('ISO-8601');
    expect(() => checkpointText({ ...body, rootHash: 'xyz' })).toThrow('64 lower-case hex');
  });
});
