import { AuthConfigError, DEVELOPMENT_JWT_SECRET, loadJwtConfig } from './auth-config.js';

describe('loadJwtConfig', () => {
  it('falls back to development defaults', () => {
    expect(loadJwtConfig({})).toEqual({
      secret: DEVELOPMENT_JWT_SECRET,
      issuer: 'liaison-platform',
      audience: 'liaison-gateway',
    });
  });

  it('reads the environment, treating empty values as unset', () => {
    const secret = 's'.repeat(40);
    expect(loadJwtConfig({ AUTH_JWT_SECRET: secret, AUTH_ISSUER: 'me', AUTH_AUDIENCE: '' })).toEqual({
      secret,
      issuer: 'me',
      audience: 'liaison-gateway',
    });
  });

  it('refuses a short secret, naming the variable', () => {
    expect(() => loadJwtConfig({ AUTH_JWT_SECRET: 'short' })).toThrow(
      /AUTH_JWT_SECRET: expected at least 32 characters/,
    );
  });

  it('refuses the development secret in production', () => {
    expect(() => loadJwtConfig({ NODE_ENV: 'production' })).toThrow(AuthConfigError);
    expect(() => loadJwtConfig({ NODE_ENV: 'production' })).toThrow(/development default/);
    expect(loadJwtConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'p'.repeat(32) }).secret).toBe(
      'p'.repeat(32),
    );
  });
});
