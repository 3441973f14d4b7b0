// Configuration of sealing and verification: the checkpoint key and the sealing interval, validated once.
import { parsePublicKey, parseSigningKey, SigningKeyError, type CheckpointSigner } from '@liaison/audit';
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';

/** The development signing key (a published seed): refused when NODE_ENV is production. */
export const DEVELOPMENT_SIGNING_KEY = 'ZGV2ZWxvcG1lbnQtb25seSBjaGVja3BvaW50IGtleSE=';

export interface AuditConfig {
  signer: CheckpointSigner;
  /** Keys whose checkpoints verify: the signer's and any listed in AUDIT_TRUSTED_KEYS (older keys). */
  publicKeys: KeyObject[];
  everyEvents: number;
  intervalMs: number;
}

const schema = z.object({
  AUDIT_SIGNING_KEY: z.string().min(1).default(DEVELOPMENT_SIGNING_KEY),
  AUDIT_TRUSTED_KEYS: z.string().default(''),
  AUDIT_SEAL_EVERY_EVENTS: z.coerce.number().int().min(1).default(1000),
  AUDIT_SEAL_INTERVAL_SECONDS: z.coerce.number().min(0.001).default(60),
  NODE_ENV: z.string().default('development'),
});

/** Thrown when the environment does not describe a usable audit configuration; names every bad variable. */
export class AuditConfigError extends Error {
  constructor(problems: string[]) {
    super(`invalid audit configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'AuditConfigError';
  }
}

/** Reads AUDIT_SIGNING_KEY, AUDIT_TRUSTED_KEYS, AUDIT_SEAL_EVERY_EVENTS and AUDIT_SEAL_INTERVAL_SECONDS. */
export function loadAuditConfig(env: Record<string, string | undefined> = process.env): AuditConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new AuditConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const values = result.data;
  const problems: string[] = [];
  if (values.NODE_ENV === 'production' && values.AUDIT_SIGNING_KEY === DEVELOPMENT_SIGNING_KEY) {
    problems.push(
      'AUDIT_SIGNING_KEY: expected a key of your own in production; received the development default',
    );
  }
  let signer: CheckpointSigner | null = null;
  try {
    signer = parseSigningKey(values.AUDIT_SIGNING_KEY);
  } catch (error) {
    if (!(error instanceof SigningKeyError)) throw error;
    problems.push(`AUDIT_SIGNING_KEY: ${error.message}`);
  }
  const trusted: KeyObject[] = [];
  for (const text of values.AUDIT_TRUSTED_KEYS.split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    try {
      trusted.push(parsePublicKey(text));
    } catch (error) {
      if (!(error instanceof SigningKeyError)) throw error;
      problems.push(`AUDIT_TRUSTED_KEYS: ${error.message}`);
    }
  }
  if (problems.length > 0 || !signer) throw new AuditConfigError(problems);
  return {
    signer,
    publicKeys: [signer.publicKey, ...trusted],
    everyEvents: values.AUDIT_SEAL_EVERY_EVENTS,
    intervalMs: Math.round(values.AUDIT_SEAL_INTERVAL_SECONDS * 1000),
  };
}
