/**
 * Fault injection over real HTTP: seeded rates are reproducible, and each kind behaves as
 * specified, in particular accept-then-drop (stored, no response; a retry gets the original).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { startSandbox, type RunningSandbox } from '../src/index.js';
import { FaultPlan } from '../src/faults/FaultPlan.js';
import { accessToken, ENTITY, kombiRequest, letterXml, serviceHeaders, stsRequest } from './support/wire.js';

let sb: RunningSandbox;
let token: string;
beforeAll(async () => {
  sb = await startSandbox({ port: 0, deliveryDelayMs: 60_000 });
  token = await accessToken(sb.url, ENTITY.kombi);
});
afterAll(async () => {
  await sb.close();
});

const control = (path: string, body: unknown, method = 'POST') =>
  fetch(`${sb.url}/_sandbox/${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const kombi = (body: string) => fetch(`${sb.url}/service/KombiPostAfsend_1/kombi`, { method: 'POST', headers: serviceHeaders(token, { 'content-type': 'application/xml' }), body });

test('the same seed gives the same fault sequence; rates and kinds are parsed strictly', () => {
  const run = (seed: number) => {
    const plan = new FaultPlan('500=0.2,503=0.2:3,drop=0.1,slow=0.3:10', seed);
    return Array.from({ length: 200 }, () => plan.decide('service', '/x').map((d) => d.kind).join('+'));
  };
  expect(run(7)).toEqual(run(7));
  expect(run(7)).not.toEqual(run(8));
  const kinds = new Set(run(7).join('+').split('+').filter(Boolean));
  expect(kinds).toEqual(new Set(['500', '503', 'drop', 'slow']));
  expect(() => new FaultPlan('500=2')).toThrow(/between 0 and 1/);
  expect(() => new FaultPlan('teapot=0.1')).toThrow(/Unknown fault kind/);
  // STS faults never hit service calls; token expiry never hits the STS.
  const sts = new FaultPlan('sts=1,expire=1');
  expect(sts.decide('service', '/x').map((d) => d.kind)).toEqual(['expire']);
  expect(sts.decide('sts', '/x').map((d) => d.kind)).toEqual(['sts']);
  expect(sts.decide('none', '/postkasse')).toEqual([]);
});

test('accept-then-drop stores the letter without answering; the retry gets the original TransmissionID', async () => {
  await control('faults/next', { kind: 'drop', pathPrefix: '/service/KombiPostAfsend_1' });
  const { xml, uuid } = letterXml();
  await expect(kombi(kombiRequest('Digital Post', xml))).rejects.toThrow();
  const stored = sb.store.letters({ messageUuid: uuid });
  expect(stored).toHaveLength(1);
  const retry = await kombi(kombiRequest('Digital Post', xml));
  expect(retry.status).toBe(200);
  expect(await retry.text()).toContain(`<TransmissionID>${stored[0]!.id}</TransmissionID>`);
});

test('503 and 429 carry Retry-After; reset kills the connection; slow delays', async () => {
  await control('faults/next', { kind: '503', param: 7 });
  const r503 = await fetch(`${sb.url}/service/PostForespoerg_1/digitalpost?cprNumber=0101901234`);
  expect(r503.status).toBe(503);
  expect(r503.headers.get('retry-after')).toBe('7');
  await control('faults/next', { kind: '429' });
  const r429 = await fetch(`${sb.url}/apis/v1/contacts/?cprNumber=0101901234`);
  expect(r429.status).toBe(429);
  expect(r429.headers.get('retry-after')).toBe('1');
  await control('faults/next', { kind: 'reset' });
  await expect(fetch(`${sb.url}/apis/v1/contacts/?cprNumber=0101901234`)).rejects.toThrow();
  await control('faults/next', { kind: '500' });
  expect((await fetch(`${sb.url}/apis/v1/contacts/?cprNumber=0101901234`)).status).toBe(500);
  await control('faults/next', { kind: 'slow', param: 300 });
  const started = Date.now();
  await fetch(`${sb.url}/apis/v1/contacts/?cprNumber=0101901234`);
  expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  // The mailbox and control API are never hit.
  await control('faults', { spec: '500=1' }, 'PUT');
  expect((await fetch(`${sb.url}/postkasse`)).status).toBe(200);
  await fetch(`${sb.url}/_sandbox/faults`, { method: 'DELETE' });
});

test('STS failures and token expiry', async () => {
  await control('faults/next', { kind: 'sts' });
  const sts = await fetch(`${sb.url}/runtime/api/rest/wstrust/v1/issue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(stsRequest(ENTITY.lookup)) });
  expect(sts.status).toBe(500);
  const t = await accessToken(sb.url, ENTITY.lookup);
  await control('faults/next', { kind: 'expire' });
  const url = `${sb.url}/service/PostForespoerg_1/digitalpost?cprNumber=0101901234`;
  const expired = await fetch(url, { headers: serviceHeaders(t) });
  expect(expired.status).toBe(401);
  expect(((await expired.json()) as { error_description: string }).error_description).toMatch(/expired/);
  expect((await fetch(url, { headers: serviceHeaders(t) })).status).toBe(401);
  expect((await fetch(url, { headers: serviceHeaders(await accessToken(sb.url, ENTITY.lookup)) })).status).toBe(200);
});

test('rates from the start-up spec apply deterministically', async () => {
  const faulty = await startSandbox({ port: 0, faults: '503=1:2', seed: 3 });
  try {
    const res = await fetch(`${faulty.url}/apis/v1/contacts/?cprNumber=0101901234`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
  } finally {
    await faulty.close();
  }
});
