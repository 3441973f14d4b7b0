import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to the embedded store and every service on port 4000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 4000,
      DATA_DIR: '.data/pglite',
      SERVICES: ['gateway', 'projector', 'sealer'],
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('parses numbers and service lists', () => {
    const config = loadConfig({ PORT: '8080', SERVICES: 'projector', DATABASE_URL: 'postgres://u@h/db' });
    expect(config).toMatchObject({ PORT: 8080, SERVICES: ['projector'], DATABASE_URL: 'postgres://u@h/db' });
  });

  it('keeps events in KurrentDB when EVENTSTORE_URL is a KurrentDB or EventStoreDB connection string', () => {
    for (const url of [
      'kurrentdb://admin:changeit@kurrentdb-1:2113,kurrentdb-2:2113?tls=false',
      'kurrentdb+discover://kurrentdb.internal:2113',
      'esdb://127.0.0.1:2113?tls=false',
    ]) {
      expect(loadConfig({ EVENTSTORE_URL: url }).EVENTSTORE_URL).toBe(url);
    }
    expect(loadConfig({}).EVENTSTORE_URL).toBeUndefined();
    expect(() => loadConfig({ EVENTSTORE_URL: 'http://127.0.0.1:2113' })).toThrow(/EVENTSTORE_URL/);
    expect(() => loadConfig({ EVENTSTORE_URL: 'kurrentdb://' })).toThrow(/EVENTSTORE_URL/);
  });

  it('takes MONGODB_URL for read models and refuses anything but a mongodb URL', () => {
    expect(loadConfig({}).MONGODB_URL).toBeUndefined();
    expect(loadConfig({ MONGODB_URL: 'mongodb://h:27017/reads' }).MONGODB_URL).toBe(
      'mongodb://h:27017/reads',
    );
    expect(loadConfig({ MONGODB_URL: 'mongodb+srv://cluster.example.org' }).MONGODB_URL).toBe(
      'mongodb+srv://cluster.example.org',
    );
    expect(() => loadConfig({ MONGODB_URL: 'postgres://h/db' })).toThrow(/MONGODB_URL/);
    expect(() => loadConfig({ MONGODB_URL: 'mongodb://' })).toThrow(/MONGODB_URL/);
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

  it('configures the duty scheduler and its reminder provider', () => {
    expect(loadConfig({ SERVICES: 'gateway,projector,scheduler' })).toMatchObject({
      SERVICES: ['gateway', 'projector', 'scheduler'],
      REMINDER_PROVIDER: 'outbox',
      REMINDER_SEND_FROM: '09:00',
      SCHEDULER_INTERVAL_MS: 60_000,
    });
    expect(
      loadConfig({ REMINDER_PROVIDER: 'http', REMINDER_HTTP_URL: 'https://sms.example.gov.cn/send' }),
    ).toMatchObject({ REMINDER_PROVIDER: 'http', REMINDER_HTTP_URL: 'https://sms.example.gov.cn/send' });
    expect(() => loadConfig({ REMINDER_PROVIDER: 'http' })).toThrow(/REMINDER_HTTP_URL/);
    expect(() => loadConfig({ REMINDER_SEND_FROM: '9am', REMINDER_HTTP_URL: 'ftp://x' })).toThrow(
      /REMINDER_SEND_FROM[\s\S]*REMINDER_HTTP_URL|REMINDER_HTTP_URL[\s\S]*REMINDER_SEND_FROM/,
    );
  });
});
