import { SignJWT } from 'jose';
import { AuthError } from './auth-error.js';
import type { JwtConfig } from './auth-config.js';
import { mintToken } from './mint.js';
import type { Principal } from './principal.js';
import { createTokenVerifier } from './verify-token.js';

const config: JwtConfig = {
  secret: 'test-secret-that-is-long-enough-for-hs256!',
  issuer: 'test-issuer',
  audience: 'test-gateway',
};
const staff: Principal = { userId: 'u1', roles: ['station-staff', 'deputy'], jurisdictionId: 'j-42' };

async function rejection(promise: Promise<unknown>): Promise<AuthError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error('expected the token to be rejected');
}

describe('platform tokens', () => {
  const verify = createTokenVerifier(config);

  it('round-trips a principal through mint and verify', async () => {
    await expect(verify(await mintToken(config, staff))).resolves.toEqual(staff);
  });

  it('keeps a null jurisdiction for platform-wide roles', async () => {
    const auditor: Principal = { userId: 'a1', roles: ['auditor'], jurisdictionId: null };
    await expect(verify(await mintToken(config, auditor))).resolves.toEqual(auditor);
  });

  it('reports an expired token as TOKEN_EXPIRED with the moment it expired', async () => {
    const error = await rejection(verify(await mintToken(config, staff, { expiresIn: '-1m' })));
    expect(error.code).toBe('TOKEN_EXPIRED');
    expect(error.message).toMatch(/^token expired at \d{4}-\d\d-\d\dT/);
  });

  it('rejects a token signed with another secret', async () => {
    const forged = await mintToken({ ...config, secret: 'another-secret-that-is-also-long-enough!!' }, staff);
    const error = await rejection(verify(forged));
    expect(error.code).toBe('INVALID_TOKEN');
    expect(error.message).toMatch(/signature/);
  });

  it('rejects a token for another audience or issuer', async () => {
    expect((await rejection(verify(await mintToken({ ...config, audience: 'other' }, staff)))).code).toBe(
      'INVALID_TOKEN',
    );
    expect((await rejection(verify(await mintToken({ ...config, issuer: 'other' }, staff)))).code).toBe(
      'INVALID_TOKEN',
    );
  });

  it('rejects garbage', async () => {
    const error = await rejection(verify('not-a-jwt'));
    expect(error.code).toBe('INVALID_TOKEN');
  });

  it('rejects roles the platform does not know, naming the claim', async () => {
    const token = await new SignJWT({ roles: ['station-staff', 'mayor'], jurisdiction: null })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setIssuer(config.issuer)
      .setAudience(config.audience)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(config.secret));
    const error = await rejection(verify(token));
    expect(error.code).toBe('INVALID_TOKEN');
    expect(error.message).toMatch(/roles\.1/);
  });

  it('rejects a token without an expiry', async () => {
    const token = await new SignJWT({ roles: ['deputy'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setIssuer(config.issuer)
      .setAudience(config.audience)
      .sign(new TextEncoder().encode(config.secret));
    const error = await rejection(verify(token));
    expect(error.code).toBe('INVALID_TOKEN');
    expect(error.message).toMatch(/exp/);
  });
});
