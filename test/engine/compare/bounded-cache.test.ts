/**
 * The cache of matching keys: a text is normalised once while it is kept, and no more than the
 * bound is ever kept (two large tables must not hold every title ever read).
 */
import { BoundedCache } from '../../../src/domain/compare/boundedCache';

describe('a bounded cache of keys', () => {
  it('computes a text’s value once while it is kept', () => {
    const cache = new BoundedCache<string>(3);
    const computed: string[] = [];
    const upper = (t: string) => {
      computed.push(t);
      return t.toUpperCase();
    };
    expect([cache.get('accueil', upper), cache.get('accueil', upper), cache.get('emploi', upper)]).toEqual(['ACCUEIL', 'ACCUEIL', 'EMPLOI']);
    expect(computed).toEqual(['accueil', 'emploi']);
  });

  it('keeps up to its bound, then forgets everything at once and starts again', () => {
    const cache = new BoundedCache<number>(3);
    const computed: string[] = [];
    const length = (t: string) => {
      computed.push(t);
      return t.length;
    };
    for (const t of ['a', 'bb', 'ccc']) cache.get(t, length);
    expect(cache.size).toBe(3);
    expect(cache.get('dddd', length)).toBe(4);
    expect(cache.size).toBe(1);
    // « a » was forgotten: computed again.
    expect(cache.get('a', length)).toBe(1);
    expect(cache.size).toBe(2);
    expect(computed).toEqual(['a', 'bb', 'ccc', 'dddd', 'a']);
  });
});
