import { StreamNames, escapeRegex } from './stream-names.js';

describe('stream names', () => {
  it('prefixes domain streams with the namespace and strips it again', () => {
    const names = new StreamNames('t1_');
    expect(names.stream('opinion-42')).toBe('t1_opinion-42');
    expect(names.streamId('t1_opinion-42')).toBe('opinion-42');
    expect(names.categoryPrefix('opinion')).toBe('t1_opinion-');
  });

  it('does not take system streams, id claims or other namespaces for domain streams', () => {
    const names = new StreamNames('t1_');
    expect(names.streamId('$ce-t1_opinion')).toBeNull();
    expect(names.streamId(names.claimStream('0f6c5e1e-0000-4000-8000-000000000000'))).toBeNull();
    expect(names.streamId('t2_opinion-42')).toBeNull();
    expect(names.streamId('t1_opinion')).toBeNull();
  });

  it('matches exactly its domain streams with the server-side regular expression', () => {
    for (const namespace of ['', 't1_']) {
      const names = new StreamNames(namespace);
      const regex = new RegExp(names.domainStreamRegex);
      expect(regex.test(names.stream('station_roster-7f3c'))).toBe(true);
      expect(regex.test(names.claimStream('0f6c5e1e-0000-4000-8000-000000000000'))).toBe(false);
      expect(regex.test('$et-OpinionReceived')).toBe(false);
      expect(regex.test('$stats-127.0.0.1:2113')).toBe(false);
    }
    expect(new RegExp(new StreamNames('t1_').domainStreamRegex).test('t2_opinion-1')).toBe(false);
  });

  it('refuses a namespace that could not prefix a category', () => {
    expect(() => new StreamNames('t-1')).toThrow(/namespace/);
    expect(() => new StreamNames('$')).toThrow(/namespace/);
  });

  it('escapes regular expression syntax in literal text', () => {
    const text = 'Opinion.Received+(v2)|[x]{1}^$*?\\';
    expect(new RegExp(`^${escapeRegex(text)}$`).test(text)).toBe(true);
    expect(new RegExp(`^${escapeRegex('a.b')}$`).test('axb')).toBe(false);
  });
});
