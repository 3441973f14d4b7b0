import { generateSigningKey } from '@liaison/audit';
import { AuditConfigError, DEVELOPMENT_SIGNING_KEY, loadAuditConfig } from './audit-config.js';

describe('loadAuditConfig', () => {
  it('has development defaults', () => {
    const config = loadAuditConfig({});
    expect(config).toMatchObject({ everyEvents: 1000, intervalMs: 60_000 });
    expect(config.publicKeys).toHaveLength(1);
  });

  it('reads a key, older trusted keys and the interval', () => {
    const current = generateSigningKey();
    const old = generateSigningKey();
    const config = loadAuditConfig({
      AUDIT_SIGNING_KEY: current.seed,
      AUDIT_TRUSTED_KEYS: old.signer.publicKeyBase64,
      AUDIT_SEAL_EVERY_EVENTS: '50',
      AUDIT_SEAL_INTERVAL_SECONDS: '2.5',
      NODE_ENV: 'production',
    });
    expect(config.signer?.keyId).toBe(current.signer.keyId);
    expect(config.publicKeys).toHaveLength(2);
    expect(config).toMatchObject({ everyEvents: 50, intervalMs: 2500 });
  });

  it('lets a production process without a signing key verify with the published keys only', () => {
    const published = generateSigningKey().signer.publicKeyBase64;
    const config = loadAuditConfig({ NODE_ENV: 'production', AUDIT_TRUSTED_KEYS: published });
    expect(config.signer).toBeNull();
    expect(config.publicKeys).toHaveLength(1);
    expect(() => loadAuditConfig({ NODE_ENV: 'production' })).toThrow('expected at least one checkpoint key');
  });

  it('names every bad variable, and refuses the development key in production', () => {
    expect(() => loadAuditConfig({ AUDIT_SEAL_EVERY_EVENTS: '0' })).toThrow(AuditConfigError);
    let message = '';
    try {
      loadAuditConfig({
        NODE_ENV: 'production',
        AUDIT_SIGNING_KEY: DEVELOPMENT_SIGNING_KEY,
        AUDIT_TRUSTED_KEYS: 'AAAA',
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('AUDIT_SIGNING_KEY: expected a key of your own in production');
    expect(message).toContain('AUDIT_TRUSTED_KEYS');
  });
});
