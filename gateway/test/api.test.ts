import { afterAll, beforeAll, expect, test } from '@jest/globals';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startGateway } from '../src/startGateway.js';
import type { RunningGateway } from '../src/startGateway.js';
import { createLogger } from '../src/logging/createLogger.js';
import { FakeRoute } from './FakeRoute.js';
import { startTestIssuer } from './TestIssuer.js';
import type { TestIssuer } from './TestIssuer.js';
import { aPdfBase64, aRawConfig, CONTACT_POINT, TEST_CPR, tempDir } from './fixtures.js';

let issuer: TestIssuer;
let gw: RunningGateway;
let pdf: string;
const route = new FakeRoute();
const logLines: string[] = [];

beforeAll(async () => {
  issuer = await startTestIssuer();
  pdf = await aPdfBase64();
  const logger = createLogger({ level: 'debug', destination: new Writable({ write(chunk, _enc, cb) { logLines.push(String(chunk)); cb(); } }) });
  gw = await startGateway({
    config: aRawConfig({ auth: { issuer: issuer.issuer, audience: issuer.audience, jwksUri: issuer.jwksUri, requiredScope: 'Postbud.Send' }, server: { corsOrigins: ['https://addin.example.dk'] } }),
    baseDir: tempDir(), ledgerFile: path.join(tempDir(), 'ledger.sqlite'), port: 0, route, logger, workers: { enabled: false },
  });
});

afterAll(async () => {
  await gw?.close();
  await issuer?.close();
});

async function call(method: string, url: string, options: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {}) {
  const token = options.token === undefined ? await issuer.mint() : options.token;
  const res = await fetch(`${gw.url}${url}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  let json: unknown;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, headers: res.headers, text, json: json as Record<string, any> };
}

const aLetter = (overrides: Record<string, unknown> = {}) => ({
  senderSystem: 'outlook', recipient: { type: 'cpr', cpr: TEST_CPR }, title: 'Afgørelse om boligstøtte', caseId: 'SAG-2025-17',
  files: [{ filename: 'afgoerelse.pdf', contentType: 'application/pdf', base64: pdf }], ...overrides,
});

test('health and the OpenAPI document need no token; /v1 calls without one get 401 with WWW-Authenticate', async () => {
  expect((await call('GET', '/health', { token: null })).json).toEqual({ status: 'ok' });
  expect((await call('GET', '/ready', { token: null })).status).toBe(200);
  const me = await call('GET', '/v1/me', { token: null });
  expect(me.status).toBe(401);
  expect(me.headers.get('www-authenticate')).toBe('Bearer');
  expect(me.json.error.code).toBe('UNAUTHENTICATED');
});

test('tokens that are expired, signed by a stranger, for another audience, alg none, or without the scope are refused', async () => {
  const expired = await issuer.mint({}, { expiresIn: '-5m' });
  const stranger = await issuer.mint({}, { foreignKey: true });
  const otherAudience = await issuer.mint({}, { audience: 'api://other' });
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: issuer.issuer, aud: issuer.audience, sub: 'x', exp: Math.floor(Date.now() / 1000) + 600, scp: 'Postbud.Send', groups: ['borgerservice'] })}.`;
  for (const token of [expired, stranger, otherAudience, none]) {
    expect((await call('GET', '/v1/me', { token })).status).toBe(401);
  }
  const noScope = await call('GET', '/v1/me', { token: await issuer.mint({ scp: 'User.Read' }) });
  expect(noScope.status).toBe(403);
});

test('GET /v1/me lists only the sender systems of the caller\'s groups, with contact points and reply policy', async () => {
  const me = await call('GET', '/v1/me');
  expect(me.status).toBe(200);
  expect(me.json.senderSystems.map((s: { id: string }) => s.id)).toEqual(['outlook']);
  expect(me.json.senderSystems[0]).toMatchObject({
    senderLabel: 'Eksempel Kommune, Borgerservice', reply: { policy: 'caseworker-choice', defaultOn: true, replyByDays: 14 },
    contactPoints: [{ id: CONTACT_POINT, label: 'Borgerservice' }], capabilities: { reply: true, caseIds: true },
  });
});

test('sending through a sender system the caller\'s groups do not allow is forbidden (403)', async () => {
  const res = await call('POST', '/v1/letters', { body: aLetter({ senderSystem: 'opkraevning' }) });
  expect(res.status).toBe(403);
  expect(res.json.error.code).toBe('SENDER_SYSTEM_FORBIDDEN');
});

test('a letter is accepted at once (202), sent by the outbox with the policy applied, and its history shows each state', async () => {
  const res = await call('POST', '/v1/letters', { body: aLetter() });
  expect(res.status).toBe(202);
  const id = res.json.id as string;
  expect(res.json).toMatchObject({ state: 'accepted', replyEnabled: true, recipient: 'cpr:010190-****', contactPointId: CONTACT_POINT, caseId: 'SAG-2025-17' });
  expect(res.headers.get('location')).toBe(`/v1/letters/${id}`);
  await gw.tick();
  const sent = route.sent.get(id);
  expect(sent?.sender).toMatchObject({ id: '13748136', label: 'Eksempel Kommune, Borgerservice', contactPoint: { id: CONTACT_POINT } });
  expect(sent?.reply).toMatchObject({ enabled: true, contactPoint: { id: CONTACT_POINT } });
  expect(Date.parse(String(sent?.reply?.replyBy)) - Date.now()).toBeGreaterThan(13 * 86_400_000);
  const got = await call('GET', `/v1/letters/${id}`);
  expect(got.json.letter).toMatchObject({ id, state: 'sent', transmissionId: `tx-${id}` });
  expect(got.json.history.map((e: { state?: string }) => e.state)).toEqual(['accepted', 'sent']);
  expect(logLines.join('')).not.toContain(TEST_CPR);
  const audit = await gw.ledger.listAudit({ letterId: id });
  expect(audit.map((a) => a.action)).toEqual(['letter.accepted', 'letter.sent']);
  expect(audit[0]).toMatchObject({ actor: 'cw-1', senderSystem: 'outlook', detail: { recipient: 'cpr:010190-****', replyEnabled: true } });
});

test('the caseworker may switch replies off under caseworker-choice; a never-policy system refuses a reply request (422)', async () => {
  const off = await call('POST', '/v1/letters', { body: aLetter({ reply: { enabled: false, offReason: 'Fortrolig afgørelse: svar via telefon' } }) });
  expect(off.json).toMatchObject({ replyEnabled: false, replyOffReason: 'Fortrolig afgørelse: svar via telefon' });
  const audit = await gw.ledger.listAudit({ letterId: off.json.id });
  expect(audit[0]?.detail).toMatchObject({ replyTurnedOff: true, replyOffReason: 'Fortrolig afgørelse: svar via telefon' });
  await gw.tick();
  const token = await issuer.mint({ groups: ['opkraevning'] });
  const refused = await call('POST', '/v1/letters', { token, body: aLetter({ senderSystem: 'opkraevning', reply: { enabled: true } }) });
  expect(refused.status).toBe(422);
  expect(refused.json.error.code).toBe('REPLY_POLICY');
  const noCase = await call('POST', '/v1/letters', { token, body: aLetter({ senderSystem: 'opkraevning', caseId: undefined }) });
  expect(noCase.json.error.code).toBe('METADATA_REQUIRED');
});

test('bad requests: invalid CPR, missing files, and an Idempotency-Key replay returning the first letter', async () => {
  expect((await call('POST', '/v1/letters', { body: aLetter({ files: [] }) })).status).toBe(400);
  const badCpr = await call('POST', '/v1/letters', { body: aLetter({ recipient: { type: 'cpr', cpr: '3213901234' } }) });
  expect(badCpr.status).toBe(422);
  expect(badCpr.text).not.toContain('3213901234');
  const first = await call('POST', '/v1/letters', { body: aLetter(), headers: { 'idempotency-key': 'doc-77' } });
  const again = await call('POST', '/v1/letters', { body: aLetter(), headers: { 'idempotency-key': 'doc-77' } });
  expect([first.status, again.status]).toEqual([202, 200]);
  expect(again.json.id).toBe(first.json.id);
});

test('multipart: a letter field plus a PDF part', async () => {
  const form = new FormData();
  const { files: _files, ...meta } = aLetter();
  form.append('letter', JSON.stringify(meta));
  form.append('file', new Blob([Buffer.from(pdf, 'base64')], { type: 'application/pdf' }), 'brev.pdf');
  const res = await fetch(`${gw.url}/v1/letters`, { method: 'POST', headers: { authorization: `Bearer ${await issuer.mint()}` }, body: form });
  expect(res.status).toBe(202);
  const id = ((await res.json()) as { id: string }).id;
  await gw.tick();
  expect(route.sent.get(id)?.mainDocument?.files[0]?.filename).toBe('brev.pdf');
});

test('replies and status events are stored, acknowledged, correlated and listed', async () => {
  const sent = await call('POST', '/v1/letters', { body: aLetter() });
  const id = sent.json.id as string;
  await gw.tick();
  route.replies.push({ id: 'in-1', memoXml: '<memo:Message/>', messageUUID: '5b1f6a2e-8c3d-4e7f-9a0b-1c2d3e4f5a6b', title: 'Svar: Afgørelse', inReplyTo: id });
  route.statuses.push({ id: 'st-1', event: { eventId: 'bf:st-1', messageUUID: id, status: 'delivered', routeStatus: 'Afleveret Digital Post', occurredAt: new Date().toISOString() } });
  await gw.tick();
  expect(route.acked).toEqual(expect.arrayContaining(['in-1', 'st-1']));
  const replies = await call('GET', `/v1/letters/${id}/replies`);
  expect(replies.json.replies).toEqual([expect.objectContaining({ replyId: 'in-1', letterId: id, correlatedBy: 'messageUUID', senderSystem: 'outlook' })]);
  expect((await call('GET', '/v1/replies')).json.replies.map((r: { replyId: string }) => r.replyId)).toContain('in-1');
  const letter = await call('GET', `/v1/letters/${id}`);
  expect(letter.json.letter.state).toBe('delivered');
  expect(letter.json.history.map((e: { kind: string }) => e.kind)).toEqual(['state', 'receipt', 'reply', 'status']);
  const other = await call('GET', `/v1/letters/${id}`, { token: await issuer.mint({ groups: ['opkraevning'] }) });
  expect(other.status).toBe(404);
});

test('the replyability report as JSON, CSV and an accessible HTML chart', async () => {
  const json = await call('GET', '/v1/reports/replyability');
  const row = json.json.rows.find((r: { senderSystem: string }) => r.senderSystem === 'outlook');
  expect(row.lettersSent).toBeGreaterThanOrEqual(3);
  expect(row.repliesReceived).toBe(1);
  expect(row.replyEnabledShare).toBeGreaterThan(0);
  const csv = await call('GET', '/v1/reports/replyability?format=csv');
  expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
  expect(csv.text.split('\r\n')[0]).toBe('senderSystem,lettersSent,replyEnabled,replyEnabledShare,repliesReceived,medianHoursToReply,replyTurnedOff,replyOffReasons,physical');
  expect(row).toMatchObject({ replyTurnedOff: 1, replyOffReasons: [{ reason: 'Fortrolig afgørelse: svar via telefon', count: 1 }] });
  expect(csv.text).toContain('Fortrolig afgørelse: svar via telefon (1)');
  const html = await call('GET', '/v1/reports/replyability', { headers: { accept: 'text/html' } });
  expect(html.text).toMatch(/<svg role="img" aria-labelledby="chart-title chart-desc"/);
  expect(html.text).toMatch(/<th scope="row">outlook<\/th>/);
});

test('lookup and the company directory', async () => {
  expect((await call('POST', '/v1/lookup', { body: { cpr: TEST_CPR } })).json).toEqual({ reachability: 'digital', digitalPost: true, nemSms: false });
  expect((await call('POST', '/v1/lookup', { body: { cpr: '0101909999' } })).json).toMatchObject({ reachability: 'unreachable', digitalPost: false, reason: 'exempt' });
  expect((await call('POST', '/v1/lookup', { body: {} })).status).toBe(400);
  const found = await call('GET', '/v1/companies?q=byg');
  expect(found.json.companies[0].productionUnits[0].pNumber).toBe('1234567890');
  expect((await call('GET', '/v1/companies/24256790')).json.name).toBe('Eksempel Byg ApS');
  expect((await call('GET', '/v1/companies/13585628')).status).toBe(404);
});

test('CORS answers only the add-in origin', async () => {
  const preflight = (origin: string) => fetch(`${gw.url}/v1/me`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
  expect((await preflight('https://addin.example.dk')).headers.get('access-control-allow-origin')).toBe('https://addin.example.dk');
  expect((await preflight('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
});
