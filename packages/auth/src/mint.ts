// Signs a principal into a platform token: for tests, scripts and the development CLI.
import { SignJWT } from 'jose';
import type { JwtConfig } from './auth-config.js';
import { secretKey } from './claims.js';
import type { Principal } from './principal.js';

export interface MintOptions {
  /** A jose time span ('8h', '30m', '7 days'); defaults to 8 hours. Negative spans ('-1m') mint expired tokens. */
  expiresIn?: string;
}

/** Signs `principal` as an HS256 token that `createTokenVerifier(config)` accepts. */
export async function mintToken(
  config: JwtConfig,
  principal: Principal,
  options: MintOptions = {},
): Promise<string> {
  return new SignJWT({ roles: principal.roles, jurisdiction: principal.jurisdictionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(principal.userId)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(secretKey(config.secret));
}
