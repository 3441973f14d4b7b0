// Partner credentials: API keys (only their hash is kept) and Standard Webhooks signing secrets (whsec_…).
import { createHash, randomBytes } from 'node:crypto';

const API_KEY_PREFIX = 'lpk_';
const SECRET_PREFIX = 'whsec_';

/** True when a bearer credential looks like a partner API key rather than a JWT. */
export function isApiKey(credential: string): boolean {
  return credential.startsWith(API_KEY_PREFIX);
}

/** A new API key: `lpk_` and 32 random bytes, base64url. */
export function generateApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 (hex) of an API key: what is stored and looked up; a 256-bit random key needs no slow hash. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new webhook signing secret: `whsec_` and 32 random bytes, base64 (Standard Webhooks). */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/** The key bytes of a `whsec_` secret, or an explanation of what is wrong with it. */
export function webhookSecretBytes(secret: string): Buffer | string {
  if (!secret.startsWith(SECRET_PREFIX)) return `expected a secret starting with ${SECRET_PREFIX}`;
  const body = secret.slice(SECRET_PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return 'expected base64 after whsec_';
  const bytes = Buffer.from(body, 'base64');
  if (bytes.length < 24 || bytes.length > 64) {
    return `expected 24 to 64 bytes of key after whsec_; received ${bytes.length}`;
  }
  return bytes;
}
