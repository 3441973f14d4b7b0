import { fromGlobalId, toGlobalId } from './global-id.js';

describe('global ids', () => {
  it('round-trip a type name and id, including ids with colons and non-ASCII text', () => {
    for (const [typename, id] of [
      ['Station', 'st-1'],
      ['Jurisdiction', 'urn:cn:110105:朝阳'],
      ['_Private', 'a:b:c'],
    ] as const) {
      const globalId = toGlobalId(typename, id);
      expect(globalId).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(fromGlobalId(globalId)).toEqual({ typename, id });
    }
  });

  it('is base64url of `typename:id`', () => {
    expect(toGlobalId('Station', '1')).toBe(Buffer.from('Station:1').toString('base64url'));
  });

  it('decodes anything else to null', () => {
    const encode = (text: string) => Buffer.from(text).toString('base64url');
    for (const bad of [
      '',
      'not base64!',
      encode('no-separator'),
      encode(':missing-type'),
      encode('Station:'),
      encode('1Bad:x'),
      encode('Sta tion:x'),
    ]) {
      expect(fromGlobalId(bad)).toBeNull();
    }
  });

  it('accepts only the canonical encoding', () => {
    const canonical = toGlobalId('Station', 'ab');
    expect(fromGlobalId(`${canonical}=`)).toBeNull();
  });

  it('refuses to encode an invalid type name or an empty id', () => {
    expect(() => toGlobalId('no spaces', '1')).toThrow(/expected a GraphQL type name/);
    expect(() => toGlobalId('Station', '')).toThrow(/non-empty id/);
  });
});
