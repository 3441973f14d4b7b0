import { DocumentCache } from './document-cache.js';

const doc = (id: string, position: number) => ({ document: { id }, position });

describe('DocumentCache', () => {
  it('knows present and absent documents and reports only unknown ids as missing', () => {
    const cache = new DocumentCache(10);
    cache.set('a', doc('a', 3));
    cache.set('b', null);
    expect(cache.missing(['a', 'b', 'c'])).toEqual(['c']);
    expect(cache.present(['a', 'b', 'c'])).toEqual(new Map([['a', doc('a', 3)]]));
  });

  it('evicts the least recently used entry beyond its limit', () => {
    const cache = new DocumentCache(2);
    cache.set('a', doc('a', 1));
    cache.set('b', doc('b', 2));
    cache.present(['a']);
    cache.set('c', doc('c', 3));
    expect(cache.missing(['a', 'b', 'c'])).toEqual(['b']);
    expect(cache.size).toBe(2);
  });

  it('forgets everything on clear', () => {
    const cache = new DocumentCache(2);
    cache.set('a', doc('a', 1));
    cache.clear();
    expect(cache.missing(['a'])).toEqual(['a']);
  });
});
