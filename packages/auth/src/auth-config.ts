// Token signing configuration, read once from the environment and validated, with development defaults.
import { z } from 'zod';

/** How tokens are signed and checked: HS256 with a shared secret, a fixed issuer and audience. */
export interface JwtConfig {
  secret: string;
  issuer: string;
  audience: string;
}

/** The development secret; refused when NODE_ENV is production. */
export const DEVELOPMENT_JWT_SECRET = 'dev-secret-change-me-at-least-32-bytes-long!!';

const schema = z.object({
  AUTH_JWT_SECRET: z.string().min(32, 'expected at least 32 characters').default(DEVELOPMENT_JWT_SECRET),
  AUTH_ISSUER: z.string().min(1).default('liaison-platform'),
  AUTH_AUDIENCE: z.string().min(1).default('liaison-gateway'),
  NODE_ENV: z.string().default('development'),
});

/** Thrown when the environment does not describe a usable token configuration; names every bad variable. */
export class AuthConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthConfigError';
  }
}

/** Reads AUTH_JWT_SECRET, AUTH_ISSUER and AUTH_AUDIENCE; empty values count as unset. */
export function loadJwtConfig(env: Record<string, string | undefined> = process.env): JwtConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new AuthConfigError(`invalid token configuration:\n  ${problems.join('\n  ')}`);
  }
  const { AUTH_JWT_SECRET, AUTH_ISSUER, AUTH_AUDIENCE, NODE_ENV } = result.data;
  if (NODE_ENV === 'production' && AUTH_JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    throw new AuthConfigError(
      'invalid token configuration:\n  AUTH_JWT_SECRET: expected a secret of your own in production; received the development default',
    );
  }
  return { secret: AUTH_JWT_SECRET, issuer: AUTH_ISSUER, audience: AUTH_AUDIENCE };
}
