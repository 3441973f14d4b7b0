// Configuration of sealing and verification: the checkpoint key and the sealing interval, validated once.
import { parsePublicKey, parseSigningKey, SigningKeyError, type CheckpointSigner } from '@liaison/audit';
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';

/** The development signing key (a published seed): refused when NODE_ENV is production. */
export const DEVELOPMENT_SIGNING_KEY = 'ZGV2ZWxvcG1lbnQtb25seSBjaGVja3BvaW50IGtleSE=';

export interface AuditConfig {
  /** Null only in production when no signing key is given: a process that verifies but does not seal. */
  signer: CheckpointSigner | null;
  /** Keys whose checkpoints verify: the signer's and any listed in AUDIT_TRUSTED_KEYS (older keys). */
  publicKeys: KeyObject[];
  everyEvents: number;
  intervalMs: number;
}

const schema = z.object({
  AUDIT_SIGNING_KEY: z.string().min(1).optional(),
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
  const production = values.NODE_ENV === 'production';
  if (production && values.AUDIT_SIGNING_KEY === DEVELOPMENT_SIGNING_KEY) {
    problems.push(
      'AUDIT_SIGNING_KEY: expected a key of your own in production; received the development default',
    );
  }
  // Outside production the development key signs; in production a process without a key only verifies.
  const keyText = values.AUDIT_SIGNING_KEY ?? (production ? null : DEVELOPMENT_SIGNING_KEY);
  let signer: CheckpointSigner | null = null;
  try {
    signer = keyText === null ? null : parseSigningKey(keyText);
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
  if (production && keyText === null && trusted.length === 0) {
    problems.push(
      'AUDIT_SIGNING_KEY or AUDIT_TRUSTED_KEYS: expected at least one checkpoint key in production; received none',
    );
  }
  if (problems.length > 0) throw new AuditConfigError(problems);
  return {
    signer,
    publicKeys: [...(signer ? [signer.publicKey] : []), ...trusted],
    everyEvents: values.AUDIT_SEAL_EVERY_EVENTS,
    intervalMs: Math.round(values.AUDIT_SEAL_INTERVAL_SECONDS * 1000),
  };
}
