// The ed25519 key that signs checkpoints: parsed from configuration, with a short id naming it in every checkpoint.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';

/** A signing key and what verifiers need to know about it. */
export interface CheckpointSigner {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The raw 32-byte public key, base64. */
  publicKeyBase64: string;
  /** First 8 bytes of SHA-256 over the raw public key, hex: names the key in checkpoints. */
  keyId: string;
}

/** Thrown when a configured key cannot be used; the message says what was expected. */
export class SigningKeyError extends Error {
  readonly code = 'INVALID_SIGNING_KEY';
  constructor(message: string) {
    super(message);
    this.name = 'SigningKeyError';
  }
}

// DER header of a PKCS#8 Ed25519 private key, followed by the 32-byte seed (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
// DER header of an SPKI Ed25519 public key, followed by the 32 raw bytes.
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * Parses a private key as configured: a PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----") or the 32-byte seed in
 * base64 (what `pnpm audit:keygen` prints).
 */
export function parseSigningKey(text: string): CheckpointSigner {
  const trimmed = text.trim();
  let privateKey: KeyObject;
  try {
    if (trimmed.startsWith('-----BEGIN')) {
      privateKey = createPrivateKey(trimmed);
    } else {
      const seed = Buffer.from(trimmed, 'base64');
      if (seed.length !== 32) throw new Error(`a 32-byte seed, received ${seed.length} bytes`);
      privateKey = createPrivateKey({
        key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
        format: 'der',
        type: 'pkcs8',
      });
    }
  } catch (error) {
    throw new SigningKeyError(
      `expected an Ed25519 private key as PKCS#8 PEM or a base64 32-byte seed: ${(error as Error).message}`,
    );
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError(
      `expected an Ed25519 private key, received a ${privateKey.asymmetricKeyType ?? 'symmetric'} key`,
    );
  }
  return signerOf(privateKey);
}

/** A fresh key pair; `seed` is the base64 form `parseSigningKey` reads. */
export function generateSigningKey(): { seed: string; signer: CheckpointSigner } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  return { seed: der.subarray(PKCS8_ED25519_PREFIX.length).toString('base64'), signer: signerOf(privateKey) };
}

/** A verification key from the base64 raw public key or an SPKI PEM. */
export function parsePublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  try {
    if (trimmed.startsWith('-----BEGIN')) return createPublicKey(trimmed);
    const raw = Buffer.from(trimmed, 'base64');
    if (raw.length !== 32) throw new Error(`32 raw bytes, received ${raw.length}`);
    return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
  } catch (error) {
    throw new SigningKeyError(
      `expected an Ed25519 public key as base64 of its 32 bytes or SPKI PEM: ${(error as Error).message}`,
    );
  }
}

/** The key id of a public key (see CheckpointSigner.keyId). */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(publicKey)).digest('hex').slice(0, 16);
}

function signerOf(privateKey: KeyObject): CheckpointSigner {
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyBase64: rawPublicKey(publicKey).toString('base64'),
    keyId: keyIdOf(publicKey),
  };
}

function rawPublicKey(publicKey: KeyObject): Buffer {
  return publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519_PREFIX.length);
}
