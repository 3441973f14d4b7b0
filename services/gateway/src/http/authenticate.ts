// Reads the caller from `Authorization: Bearer <jwt>`: no header means anonymous, a bad one is refused.
import { isAuthError, type Principal } from '@liaison/auth';

export type Authentication =
  { ok: true; principal: Principal | null } | { ok: false; reason: string; message: string };

/** Verifies the Authorization header; errors other than AuthError (a broken verifier) are rethrown. */
export async function authenticate(
  header: string | undefined,
  verifyToken: (token: string) => Promise<Principal>,
): Promise<Authentication> {
  if (header === undefined || header.trim() === '') return { ok: true, principal: null };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    const scheme = header.trim().split(/\s+/)[0] ?? '';
    return {
      ok: false,
      reason: 'INVALID_TOKEN',
      message: `Authentication failed: expected "Authorization: Bearer <token>"; received a ${JSON.stringify(scheme)} credential`,
    };
  }
  try {
    return { ok: true, principal: await verifyToken(match[1]) };
  } catch (error) {
    if (isAuthError(error))
      return { ok: false, reason: error.code, message: `Authentication failed: ${error.message}` };
    throw error;
  }
}
