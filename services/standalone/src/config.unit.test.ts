import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to the embedded store and every service on port 4000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 4000,
      DATA_DIR: '.data/pglite',
      SERVICES: ['gateway', 'projector', 'relay'],
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('parses numbers and service lists', () => {
    const config = loadConfig({ PORT: '8080', SERVICES: 'projector', DATABASE_URL: 'postgres://u@h/db' });
    expect(config).toMatchObject({ PORT: 8080, SERVICES: ['projector'], DATABASE_URL: 'postgres://u@h/db' });
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SERVICES: 'gateway,mailer' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('SERVICES');
  });
});
