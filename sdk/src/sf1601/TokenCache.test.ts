import { expect, test } from '@jest/globals';
import { TokenCache } from './TokenCache.js';

test('shares one fetch among concurrent callers and renews early (capped at half the lifetime)', async () => {
  let now = 0;
  let fetches = 0;
  const cache = new TokenCache<string>(() => now, 60_000);
  const fetch = async () => ({ value: `t${++fetches}`, expiresAt: now + 3_600_000 });
  expect(await Promise.all([cache.get('k', fetch), cache.get('k', fetch), cache.get('k', fetch)])).toEqual(['t1', 't1', 't1']);
  now = 3_600_000 - 60_001;
  expect(await cache.get('k', fetch)).toBe('t1');
  now = 3_600_000 - 60_000;
  expect(await cache.get('k', fetch)).toBe('t2');
  cache.invalidate('k');
  expect(await cache.get('k', fetch)).toBe('t3');
});

test('a failed fetch is not cached', async () => {
  const cache = new TokenCache<string>(() => 0, 1000);
  await expect(cache.get('k', async () => Promise.reject(new Error('sts down')))).rejects.toThrow('sts down');
  await expect(cache.get('k', async () => ({ value: 'ok', expiresAt: 10_000 }))).resolves.toBe('ok');
});

test('invalidating with a value drops the token only while it is still the cached one', async () => {
  let fetches = 0;
  const cache = new TokenCache<string>(() => 0, 1000);
  const fetch = async () => ({ value: `t${++fetches}`, expiresAt: 3_600_000 });
  expect(await cache.get('k', fetch)).toBe('t1');
  cache.invalidate('k', 't1');
  expect(await cache.get('k', fetch)).toBe('t2');
  cache.invalidate('k', 't1'); // a late 401 for the old token: t2 stays
  expect(await cache.get('k', fetch)).toBe('t2');
});
