import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/time/bounded-cache.js';

describe('BoundedCache', () => {
  it('forgets the least recently used entry once it holds more than its limit', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now more recent than b
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
  });

  it('never holds more than its limit, and keeps an entry that is used while others come and go', () => {
    const cache = new BoundedCache<number, number>(100);
    cache.set(-1, -1);
    for (let i = 0; i < 10_000; i++) {
      cache.set(i, i);
      expect(cache.get(-1)).toBe(-1);
      expect(cache.size).toBeLessThanOrEqual(100);
    }
    expect([cache.get(9_999), cache.get(9_950), cache.get(9_000)]).toEqual([9_999, 9_950, undefined]);
  });

  it('replaces the value of a key it already holds, without growing', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    expect(cache.set('a', 2)).toBe(2);
    expect([cache.get('a'), cache.size]).toEqual([2, 1]);
  });
});
