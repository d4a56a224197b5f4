import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { startTestIssuer } from '../../test/TestIssuer.js';
import type { TestIssuer } from '../../test/TestIssuer.js';
import { createTokenVerifier } from './createTokenVerifier.js';

let issuer: TestIssuer;
beforeAll(async () => {
  issuer = await startTestIssuer();
});
afterAll(() => issuer.close());

const config = () => ({ issuer: issuer.issuer, audience: issuer.audience, jwksUri: issuer.jwksUri, requiredScope: 'Postbud.Send', groupsClaim: 'groups' });

test('a verified token is remembered: the same caller again, without a new verification', async () => {
  const verify = createTokenVerifier(config());
  const token = await issuer.mint({ sub: 'cw-cache' });
  const first = await verify(`Bearer ${token}`);
  expect(first).toMatchObject({ id: 'cw-cache', kind: 'user', groups: ['borgerservice'] });
  expect(await verify(`Bearer ${token}`)).toBe(first);
  expect(Object.isFrozen(first) && Object.isFrozen(first.groups)).toBe(true);
});

test('a remembered token is refused once it has expired (past the clock tolerance)', async () => {
  let clock = Date.now();
  const verify = createTokenVerifier(config(), new Set(), { now: () => clock });
  const token = await issuer.mint({ sub: 'cw-expiring' }, { expiresIn: '2m' });
  await verify(`Bearer ${token}`);
  clock += 2 * 60_000 + 20_000; // expired, but within the 30 s tolerance
  expect((await verify(`Bearer ${token}`)).id).toBe('cw-expiring');
  clock += 15_000;
  await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ status: 401, message: expect.stringContaining('ERR_JWT_EXPIRED') });
});

test('refusals are not remembered, and a changed token is verified afresh', async () => {
  const verify = createTokenVerifier(config());
  const token = await issuer.mint({ sub: 'cw-x' });
  const forged = await issuer.mint({ sub: 'cw-x' }, { foreignKey: true });
  await verify(`Bearer ${token}`);
  await expect(verify(`Bearer ${forged}`)).rejects.toMatchObject({ status: 401 });
  const noScope = await issuer.mint({ sub: 'cw-y', scp: 'Other' });
  await expect(verify(`Bearer ${noScope}`)).rejects.toMatchObject({ status: 403 });
  await expect(verify(`Bearer ${noScope}`)).rejects.toMatchObject({ status: 403 });
  const [h, p, sig] = token.split('.') as [string, string, string];
  await expect(verify(`Bearer ${h}.${p}.${sig.slice(0, -2)}AA`)).rejects.toMatchObject({ status: 401 });
});
