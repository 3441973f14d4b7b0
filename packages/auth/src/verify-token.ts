// Turns a bearer token into a principal: signature, issuer, audience, expiry, then the platform's own claims.
import { errors, jwtVerify } from 'jose';
import type { JwtConfig } from './auth-config.js';
import { AuthError } from './auth-error.js';
import { principalFromClaims, secretKey } from './claims.js';
import type { Principal } from './principal.js';

export type TokenVerifier = (token: string) => Promise<Principal>;

/** Builds a verifier for HS256 tokens signed with `config`; it throws AuthError (INVALID_TOKEN or TOKEN_EXPIRED). */
export function createTokenVerifier(config: JwtConfig): TokenVerifier {
  const key = secretKey(config.secret);
  return async (token) => {
    let claims: unknown;
    try {
      ({ payload: claims } = await jwtVerify(token, key, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: ['HS256'],
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        const exp = error.payload.exp;
        const when = typeof exp === 'number' ? ` at ${new Date(exp * 1000).toISOString()}` : '';
        throw new AuthError('TOKEN_EXPIRED', `token expired${when}; sign in again for a new one`);
      }
      if (error instanceof errors.JOSEError) {
        throw new AuthError('INVALID_TOKEN', `token rejected: ${error.message}`);
      }
      throw error;
    }
    return principalFromClaims(claims);
  };
}
