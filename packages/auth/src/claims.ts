// The claims a platform token carries, and how they turn back into a principal.
import { z } from 'zod';
import { AuthError } from './auth-error.js';
import type { Principal } from './principal.js';
import { ROLES } from './roles.js';

/** The signing key jose expects for HS256. */
export function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

const claimsSchema = z.object({
  sub: z.string().min(1, 'expected a non-empty user id'),
  roles: z.array(z.enum(ROLES)),
  // Absent means no jurisdiction, as for platform-wide roles.
  jurisdiction: z.string().min(1).nullable().optional(),
});

/** Validates verified claims into a principal; throws AuthError('INVALID_TOKEN') naming every bad claim. */
export function principalFromClaims(claims: unknown): Principal {
  const result = claimsSchema.safeParse(claims);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || 'claims'}: ${issue.message}`,
    );
    throw new AuthError('INVALID_TOKEN', `token claims are invalid: ${problems.join('; ')}`);
  }
  const { sub, roles, jurisdiction } = result.data;
  return { userId: sub, roles: [...new Set(roles)], jurisdictionId: jurisdiction ?? null };
}
