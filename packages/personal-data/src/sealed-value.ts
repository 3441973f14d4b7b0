// The JSON-safe envelope of one encrypted value: it names its subject, so whoever holds it knows whose key opens it.

/**
 * An AES-256-GCM ciphertext of a JSON value belonging to `subject`. `T` only records what it opens to; the
 * subject id is also the additional authenticated data, so a sealed value moved to another subject fails to open.
 */
export interface SealedValue<T = unknown> {
  readonly sealed: 'aes-256-gcm/v1';
  readonly subject: string;
  /** 12-byte nonce, base64. */
  readonly iv: string;
  /** 16-byte authentication tag, base64. */
  readonly tag: string;
  /** Ciphertext of the value's JSON text, base64. */
  readonly data: string;
  /** Phantom marker for the opened type; never present at run time. */
  readonly __type?: T;
}

/** True when `value` has the shape of a sealed value (used when reading untyped JSON back). */
export function isSealedValue(value: unknown): value is SealedValue {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    candidate.sealed === 'aes-256-gcm/v1' &&
    typeof candidate.subject === 'string' &&
    typeof candidate.iv === 'string' &&
    typeof candidate.tag === 'string' &&
    typeof candidate.data === 'string'
  );
}
