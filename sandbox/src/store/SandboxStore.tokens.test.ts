import { expect, test } from '@jest/globals';
import { SandboxStore } from './SandboxStore.js';
import type { TokenRecord } from './records.js';

const token = (over: Partial<TokenRecord> = {}): TokenRecord => ({
  token: 'tok-1', kind: 'access', entityId: 'http://entityid.kombit.dk/service/kombipostafsend/1', cvr: '29999902',
  certFingerprint: null, expiresAt: Date.now() + 3_600_000, revoked: false, ...over,
});

test('token lookups are served from memory, and every change to a token is seen at once', () => {
  const store = SandboxStore.open(null);
  try {
    store.insertToken(token());
    expect(store.token('tok-1')).toMatchObject({ revoked: false, cvr: '29999902' });
    // Changed behind the store's back: the cached record is what a lookup gives (the cache works)...
    store.db.prepare("UPDATE tokens SET cvr='11111111' WHERE token='tok-1'").run();
    expect(store.token('tok-1')?.cvr).toBe('29999902');
    // ...while the store's own changes are never hidden by it.
    store.revokeToken('tok-1');
    expect(store.token('tok-1')).toMatchObject({ revoked: true, cvr: '11111111' });
    store.insertToken(token({ revoked: false, cvr: '22222222' }));
    expect(store.token('tok-1')).toMatchObject({ revoked: false, cvr: '22222222' });
    store.reset();
    expect(store.token('tok-1')).toBeUndefined();
    expect(store.token('unknown')).toBeUndefined();
  } finally {
    store.close();
  }
});
