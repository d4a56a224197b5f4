/**
 * The API v1 additions over real HTTP (loopback) with an in-memory route: rendered mail
 * bodies, KLE as text, limits, physical post decisions, idempotency (also after a lost
 * answer), service identities, and in-process submit with a registered plugin instance.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { request } from 'node:http';
import path from 'node:path';
import { pino } from 'pino';
import type { LetterContext, PluginLetter, SenderSystemPlugin } from '@postbud/sdk';
import { startGateway } from '../src/startGateway.js';
import type { RunningGateway } from '../src/startGateway.js';
import type { RecipientDirectory } from '../src/directory/RecipientDirectory.js';
import { FakeRoute } from './FakeRoute.js';
import { startTestIssuer } from './TestIssuer.js';
import type { TestIssuer } from './TestIssuer.js';
import { aPdfBase64, aRawConfig, CONTACT_POINT, TEST_CPR, tempDir } from './fixtures.js';
import { aPng, pdfText } from './support/pdfText.js';

const EXEMPT_CPR = '2307709999'; // FakeRoute: CPR numbers ending 9999 have no Digital Post
const HOMELESS_CPR = '0511609999';
let issuer: TestIssuer;
let gw: RunningGateway;
let pdf: string;
const route = new FakeRoute();
const seenDocuments: unknown[] = [];

const directory: RecipientDirectory = {
  find: async (q) => ('cpr' in q && q.cpr === EXEMPT_CPR
    ? { name: 'Carl Hansen', reason: 'exempt', address: { name: 'Carl Hansen', street: 'Møllevej', building: '8', postCode: '8001' } }
    : 'cpr' in q ? { name: 'Anna Jensen' } : undefined),
};

const casePlugin: SenderSystemPlugin = {
  id: 'sag', label: 'Registered case system', capabilities: { reply: true, caseIds: true },
  toLetter: (doc: unknown, ctx: LetterContext): PluginLetter => {
    seenDocuments.push(doc);
    const d = doc as { recipient: { cpr: string }; title: string; files: { base64: string }[]; sagId: string };
    return { title: d.title, sender: { id: ctx.authorityCvr, label: '' }, recipient: { type: 'cpr', cpr: d.recipient.cpr }, metadata: { caseId: { id: d.sagId, system: 'sag' } }, mainDocument: { files: [{ filename: 'brev.pdf', content: { base64: d.files[0]?.base64 ?? '' } }] } };
  },
};

beforeAll(async () => {
  issuer = await startTestIssuer();
  pdf = await aPdfBase64();
  const raw = aRawConfig({ auth: { issuer: issuer.issuer, audience: issuer.audience, jwksUri: issuer.jwksUri, requiredScope: 'Postbud.Send' }, limits: { maxAttachments: 2 }, kleVersion: 'Maj 2018' });
  const systems = raw['senderSystems'] as Record<string, unknown>[];
  systems.push({ id: 'sag', plugin: 'not-loaded-because-registered', senderLabel: 'Eksempel Kommune, Familie', contactPoints: [CONTACT_POINT], reply: { policy: 'always' }, groups: ['familie'], apps: ['11111111-2222-4333-8444-555555555555'] });
  systems.push({ id: 'kun-digital', plugin: 'http', senderLabel: 'Eksempel Kommune, Skat', channel: 'digital-only', groups: ['borgerservice'] });
  gw = await startGateway({
    config: raw, baseDir: tempDir(), ledgerFile: path.join(tempDir(), 'ledger.sqlite'), port: 0, route, directory,
    plugins: { sag: casePlugin }, logger: pino({ level: 'silent' }), workers: { enabled: false },
  });
});

afterAll(async () => {
  await gw?.close();
  await issuer?.close();
});

async function call(method: string, url: string, o: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${gw.url}${url}`, {
    method, headers: { authorization: `Bearer ${o.token ?? (await issuer.mint())}`, ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers },
    ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
  });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

const aLetter = (overrides: Record<string, unknown> = {}) => ({
  senderSystem: 'outlook', recipient: { type: 'cpr', cpr: TEST_CPR }, title: 'Afgørelse om boligstøtte', caseId: 'SAG-2025-17',
  files: [{ filename: 'afgoerelse.pdf', contentType: 'application/pdf', base64: pdf }], ...overrides,
});

/** Runs the outbox and returns how the route was asked to send the letter. */
const sentAs = async (id: string) => {
  await gw.tick();
  return route.sendOptions.get(id);
};

test('body.html becomes the letter: a PDF with the letterhead (caseworker from the token), inline image, no script; files are attachments; kle as text', async () => {
  const res = await call('POST', '/v1/letters', {
    body: aLetter({
      body: { html: '<p>Kære Anna,</p><p>Du får <b>boligstøtte</b>.</p><img src="cid:logo"><script>alert("x")</script>' },
      inlineImages: [{ contentId: 'logo', filename: 'logo.png', contentType: 'image/png', base64: Buffer.from(aPng()).toString('base64') }],
      kle: '27.12.00',
    }),
  });
  expect([res.status, res.json.error]).toEqual([202, undefined]);
  await gw.tick();
  const sent = route.sent.get(res.json.id as string);
  const main = sent?.mainDocument?.files[0];
  expect(main?.filename).toBe('Afgørelse om boligstøtte.pdf');
  expect(sent?.attachments?.[0]?.files[0]?.filename).toBe('afgoerelse.pdf');
  expect(sent?.metadata?.kle).toEqual({ subjectKey: '27.12.00', label: '27.12.00', version: 'Maj 2018' });
  const bytes = main?.content instanceof Uint8Array ? main.content : Buffer.from((main?.content as { base64: string }).base64, 'base64');
  const drawn = await pdfText(bytes);
  expect(drawn.pages).toBe(1);
  expect(drawn.text).toContain('Eksempel Kommune, Borgerservice');
  expect(drawn.text).toContain('Sagsbehandler: Test Sagsbehandler');
  expect(drawn.text).toContain('Sagsnr.: SAG-2025-17');
  expect(drawn.text).toContain('Du får');
  expect(drawn.text).not.toContain('alert');
  const noFiles = await call('POST', '/v1/letters', { body: aLetter({ files: [], body: { html: '<p>Kort brev</p>' } }) });
  expect(noFiles.status).toBe(202);
});

test('/v1/me shows the limits, and intake enforces them (attachments, file type)', async () => {
  const me = await call('GET', '/v1/me');
  expect(me.json.limits).toMatchObject({ maxAttachments: 2, maxFileBytes: 25 * 1024 * 1024, maxTotalBytes: 99.5 * 1024 * 1024 });
  expect(me.json.limits.allowedExtensions).toEqual(expect.arrayContaining(['pdf', 'docx', 'msg', 'eml', 'tiff']));
  const file = { filename: 'bilag.pdf', contentType: 'application/pdf', base64: pdf };
  const many = await call('POST', '/v1/letters', { body: aLetter({ files: [file, file, file, file] }) });
  expect([many.status, many.json.error.code]).toEqual([422, 'TOO_MANY_ATTACHMENTS']);
  const exe = await call('POST', '/v1/letters', { body: aLetter({ files: [file, { filename: 'virus.exe', base64: 'TVo=' }] }) });
  expect([exe.status, exe.json.error.code]).toEqual([422, 'FILE_TYPE_NOT_ALLOWED']);
});

test('lookup says digital, physical (with name and reason) or unreachable; addresses stay inside the gateway', async () => {
  expect((await call('POST', '/v1/lookup', { body: { cpr: TEST_CPR } })).json).toMatchObject({ reachability: 'digital', name: 'Anna Jensen' });
  const carl = await call('POST', '/v1/lookup', { body: { cpr: EXEMPT_CPR } });
  expect(carl.json).toStrictEqual({ reachability: 'physical', digitalPost: false, reason: 'exempt', name: 'Carl Hansen' });
  expect((await call('POST', '/v1/lookup', { body: { cpr: HOMELESS_CPR } })).json).toMatchObject({ reachability: 'unreachable', reason: 'exempt' });
});

test('auto: an exempt recipient with a known address goes as physical post; digital-only and no address are refused with 422', async () => {
  const physical = await call('POST', '/v1/letters', { body: aLetter({ recipient: { type: 'cpr', cpr: EXEMPT_CPR } }) });
  expect(physical.status).toBe(202);
  expect(physical.json).toMatchObject({ reachability: 'physical', channel: null });
  expect((await sentAs(physical.json.id))?.physical?.address).toMatchObject({ name: 'Carl Hansen', street: 'Møllevej', building: '8', postCode: '8001' });
  expect((await call('GET', `/v1/letters/${physical.json.id}`)).json.letter).toMatchObject({ state: 'sent', channel: 'physical', reachability: 'physical' });
  const given = await call('POST', '/v1/letters', { body: aLetter({ recipient: { type: 'cpr', cpr: HOMELESS_CPR }, physicalAddress: { name: 'Dorthe Larsen', street: 'Kastanjealle 3, 2. th', postCode: '8000', city: 'Solbjerg' } }) });
  expect(given.status).toBe(202);
  expect((await sentAs(given.json.id))?.physical?.address).toEqual({ name: 'Dorthe Larsen', street: 'Kastanjealle', building: '3', floor: '2', suite: 'th', postCode: '8000' });
  const none = await call('POST', '/v1/letters', { body: aLetter({ recipient: { type: 'cpr', cpr: HOMELESS_CPR } }) });
  expect([none.status, none.json.error.code]).toEqual([422, 'RECIPIENT_UNREACHABLE']);
  const digitalOnly = await call('POST', '/v1/letters', { body: aLetter({ senderSystem: 'kun-digital', recipient: { type: 'cpr', cpr: EXEMPT_CPR } }) });
  expect([digitalOnly.status, digitalOnly.json.error.code]).toEqual([422, 'RECIPIENT_NOT_DIGITAL']);
  expect(digitalOnly.json.error.message).toMatch(/Digital Post only/);
  const docx = await call('POST', '/v1/letters', { body: aLetter({ recipient: { type: 'cpr', cpr: EXEMPT_CPR }, files: [{ filename: 'brev.docx', base64: 'UEsDBA==' }] }) });
  expect([docx.status, docx.json.error.code]).toEqual([422, 'NOT_PRINTABLE']);
});

/** Sends a request and destroys the socket right after: the caller never sees the answer. */
function postAndHangUp(url: string, token: string, body: unknown, key: string): Promise<void> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key } });
    req.on('error', () => resolve());
    req.end(JSON.stringify(body), () => setTimeout(() => { req.destroy(); resolve(); }, 5));
  });
}

test('Idempotency-Key: a retry after a lost answer gets the original letter; another caller with the same key gets a new one', async () => {
  const token = await issuer.mint({ sub: 'cw-idem' });
  await postAndHangUp(`${gw.url}/v1/letters`, token, aLetter({ title: 'Tabt svar' }), 'doc-lost-1');
  let stored: { id: string }[] = [];
  for (let i = 0; i < 100 && stored.length === 0; i += 1) {
    stored = [...(await gw.ledger.searchLetters({ caseworker: 'cw-idem' }))];
    if (stored.length === 0) await new Promise((r) => setTimeout(r, 20));
  }
  expect(stored).toHaveLength(1);
  const retry = await call('POST', '/v1/letters', { token, body: aLetter({ title: 'Tabt svar' }), headers: { 'idempotency-key': 'doc-lost-1' } });
  expect([retry.status, retry.json.id]).toEqual([200, stored[0]?.id]);
  const [a, b] = await Promise.all([0, 1].map(() => call('POST', '/v1/letters', { token, body: aLetter(), headers: { 'idempotency-key': 'doc-race' } })));
  expect(a?.json.id).toBe(b?.json.id);
  expect([a?.status, b?.status].sort()).toEqual([200, 202]);
  const other = await call('POST', '/v1/letters', { token: await issuer.mint({ sub: 'cw-other' }), body: aLetter({ title: 'Tabt svar' }), headers: { 'idempotency-key': 'doc-lost-1' } });
  expect(other.status).toBe(202);
  expect(other.json.id).not.toBe(stored[0]?.id);
});

test('service identities: an app token with the role Postbud.Send.<system> or a listed app id may send; others get 403', async () => {
  const app = (claims: Record<string, unknown>) => issuer.mint({ scp: undefined, groups: undefined, name: undefined, idtyp: 'app', ...claims });
  const doc2mail = await app({ sub: 'sp-doc2mail', azp: 'aaaaaaaa-0000-4000-8000-000000000001', roles: ['Postbud.Send.outlook'] });
  const me = await call('GET', '/v1/me', { token: doc2mail });
  expect(me.status).toBe(200);
  expect(me.json.caller).toMatchObject({ kind: 'app', appId: 'aaaaaaaa-0000-4000-8000-000000000001' });
  expect(me.json.senderSystems.map((s: { id: string }) => s.id)).toEqual(['outlook']);
  expect((await call('POST', '/v1/letters', { token: doc2mail, body: aLetter() })).status).toBe(202);
  expect((await call('POST', '/v1/letters', { token: doc2mail, body: aLetter({ senderSystem: 'opkraevning' }) })).status).toBe(403);
  const listed = await app({ sub: 'sp-sag', azp: '11111111-2222-4333-8444-555555555555' });
  expect((await call('GET', '/v1/me', { token: listed })).json.senderSystems.map((s: { id: string }) => s.id)).toEqual(['sag']);
  const stranger = await app({ sub: 'sp-x', azp: '99999999-0000-4000-8000-000000000009', roles: ['Other.Role'] });
  const refused = await call('GET', '/v1/me', { token: stranger });
  expect([refused.status, refused.json.error.code]).toEqual([403, 'FORBIDDEN']);
});

test('submit: in-process intake through the same policy path, with a registered plugin instance that gets extra fields', async () => {
  const caller = { id: 'familie-batch', kind: 'app' as const, groups: [], appId: '11111111-2222-4333-8444-555555555555' };
  const doc = { recipient: { type: 'cpr', cpr: TEST_CPR }, title: 'Indkaldelse', files: [{ filename: 'i.pdf', base64: pdf }], sagId: 'FAM-1', egetFelt: { job: 7 } };
  const first = await gw.submit('sag', doc, { caller, clientKey: 'job-7' });
  const again = await gw.submit('sag', doc, { caller, clientKey: 'job-7' });
  expect(first.created).toBe(true);
  expect(again).toMatchObject({ created: false, letter: { id: first.letter.id } });
  expect(first.letter).toMatchObject({ senderSystem: 'sag', replyEnabled: true, contactPointId: CONTACT_POINT, caseId: 'FAM-1', reachability: 'digital' });
  expect(seenDocuments.at(-1)).toMatchObject({ egetFelt: { job: 7 } });
  await expect(gw.submit('opkraevning', doc, { caller })).rejects.toMatchObject({ status: 403 });
  const viaHttp = await call('POST', '/v1/letters', { token: await issuer.mint({ groups: ['familie'] }), body: { senderSystem: 'sag', ...doc, ekstra: 'med' } });
  expect([viaHttp.status, viaHttp.json.error]).toEqual([202, undefined]);
  expect(seenDocuments.at(-1)).toMatchObject({ ekstra: 'med', egetFelt: { job: 7 } });
});
