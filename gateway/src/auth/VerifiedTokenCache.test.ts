import { expect, test } from '@jest/globals';
import { VerifiedTokenCache } from './VerifiedTokenCache.js';

const caller = (id: string) => ({ id, groups: [] });

test('an entry lives until the token expires and at most maxAge after verification', () => {
  const cache = new VerifiedTokenCache(10, 1_000);
  cache.set('a', caller('a'), 0, 500);
  cache.set('b', caller('b'), 0, 10_000);
  expect(cache.get('a', 499)?.id).toBe('a');
  expect(cache.get('a', 500)).toBeUndefined();
  expect(cache.get('b', 999)?.id).toBe('b');
  expect(cache.get('b', 1_000)).toBeUndefined();
});

test('it holds at most maxEntries, dropping the oldest', () => {
  const cache = new VerifiedTokenCache(2, 60_000);
  for (const t of ['a', 'b', 'c']) cache.set(t, caller(t), 0, 60_000);
  expect([cache.get('a', 1), cache.get('b', 1)?.id, cache.get('c', 1)?.id]).toEqual([undefined, 'b', 'c']);
});
