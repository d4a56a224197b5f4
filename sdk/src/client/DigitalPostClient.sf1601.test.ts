import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { http, HttpResponse } from 'msw';
import { expectGolden } from '../../test/golden/golden.js';
import { recordingServer } from '../../test/client/recordingServer.js';
import { aLetter, clientOptions, CITIZEN_CPR, COMPANY_CVR, P_NUMBER, tinyPdf } from '../../test/client/fixtures.js';
import { isPostbudError } from '../errors/PostbudError.js';
import { DigitalPostClient } from './DigitalPostClient.js';
import type { Logger } from '../logging/Logger.js';

const BASE = 'http://127.0.0.1:4000';
const SAML = Buffer.from('<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"><saml:Conditions NotOnOrAfter="2026-03-02T17:30:00Z"/></saml:Assertion>').toString('base64');
const OK_KOMBI = '<?xml version="1.0" encoding="UTF-8"?><kombi_response><Result>true</Result><TransmissionID>7d9e4c1a-2b3c-4d5e-8f90-123456789abc</TransmissionID></kombi_response>';
const PKO = '<PKO_PostStatus xmlns="http://serviceplatformen.dk/xml/print/PKO_PostStatus/1/types"><TransmissionId>t-1</TransmissionId><MessageUUID>aaaaaaaa-0000-4000-8000-000000000001</MessageUUID><KanalKode>Digital Post</KanalKode><TransaktionsStatusKode>Afleveret Digital Post</TransaktionsStatusKode><FejlDetaljer/></PKO_PostStatus>';
const STATUS_ENVELOPE = `<ns4:ModtagBeskedInput xmlns:ns2="urn:oio:besked:kuvert:1.0" xmlns:ns4="urn:oio:sts:1.0.0"><ns2:Haendelsesbesked><ns2:Beskeddata><Base64 xmlns="urn:besked:kuvert:1.0">${Buffer.from(PKO).toString('base64')}</Base64></ns2:Beskeddata></ns2:Haendelsesbesked></ns4:ModtagBeskedInput>`;
let kombiAnswers: (() => Response)[] = [];
let stsAnswers: (() => Response)[] = [];
let tokenAnswers: (() => Response)[] = [];
let digitalPostRegistered = true;
let tokenNumber = 0;

const rec = recordingServer(
  http.post(`${BASE}/runtime/api/rest/wstrust/v1/issue`, () => (stsAnswers.shift() ?? (() => HttpResponse.json({ RequestedSecurityToken: { Assertion: SAML }, Lifetime: '03/02/2026 17:30:00' })))()),
  http.post(`${BASE}/service/AccessTokenService_1/token`, () => (tokenAnswers.shift() ?? (() => HttpResponse.json({ access_token: `token-${++tokenNumber}`, token_type: 'Holder-of-key', expires_in: 3600 })))()),
  http.post(`${BASE}/service/KombiPostAfsend_1/kombi`, () => (kombiAnswers.shift() ?? (() => new HttpResponse(OK_KOMBI, { headers: { 'Content-Type': 'application/xml' } })))()),
  http.get(`${BASE}/beskedfordeler/v1/messages`, () => HttpResponse.json({ messages: [{ id: 'm-1', xml: STATUS_ENVELOPE }] })),
  http.delete(`${BASE}/beskedfordeler/v1/messages/:id`, () => new HttpResponse(null, { status: 204 })),
  http.get(`${BASE}/service/PostForespoerg_1/:kind`, ({ params }) => HttpResponse.json({ result: params['kind'] === 'digitalpost' ? digitalPostRegistered : false })),
);

beforeAll(() => rec.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  rec.requests.length = 0;
  kombiAnswers = [];
  stsAnswers = [];
  tokenAnswers = [];
  digitalPostRegistered = true;
  tokenNumber = 0;
});
afterAll(() => rec.server.close());

test('digital send: STS issue → access token → kombi with Holder-of-key and transaction headers (golden)', async () => {
  const client = new DigitalPostClient(clientOptions());
  const result = await client.send(aLetter());
  expect(result).toMatchObject({ channel: 'digital', service: 'sf1601', transmissionId: '7d9e4c1a-2b3c-4d5e-8f90-123456789abc', receiptStatus: 'Result=true', duplicate: false });
  expect(result.messageUUID).toBe('aaaaaaaa-0000-4000-8000-000000000001');
  expect(result.transactionId).toBe('aaaaaaaa-0000-4000-8000-000000000002');
  expect(rec.requests.map((r) => new URL(r.url).pathname)).toEqual(['/runtime/api/rest/wstrust/v1/issue', '/service/AccessTokenService_1/token', '/service/KombiPostAfsend_1/kombi']);
  expect(rec.requests[2]?.body).toContain('<KombiValgKode>Digital Post</KombiValgKode><memo:Message');
  expectGolden('sf1601-send-digital', rec.requests);
});

test('tokens are cached per entity id: a second send reuses the token', async () => {
  const client = new DigitalPostClient(clientOptions());
  await client.send(aLetter());
  await client.send(aLetter());
  expect(rec.count('/wstrust/')).toBe(1);
  expect(rec.count('/AccessTokenService_1/')).toBe(1);
  expect(rec.count('/kombi')).toBe(2);
});

test('a 401 from the service drops the token and retries with a fresh one each time, within the retry budget', async () => {
  // The fixture allows 3 retries: three revoked tokens in a row still end in a sent letter.
  kombiAnswers = [1, 2, 3].map(() => () => new HttpResponse('expired', { status: 401 }));
  const result = await new DigitalPostClient(clientOptions()).send(aLetter());
  expect(result.transmissionId).toBeDefined();
  const kombis = rec.requests.filter((r) => r.url.endsWith('/kombi'));
  expect(kombis.map((r) => r.headers['authorization'])).toEqual(['Holder-of-key token-1', 'Holder-of-key token-2', 'Holder-of-key token-3', 'Holder-of-key token-4']);
  expect(new Set(kombis.map((r) => r.headers['x-transaktionsid'])).size).toBe(1);
  // The SAML assertion stays cached: only the access token was refused.
  expect(rec.count('/wstrust/')).toBe(1);
});

test('401s beyond the retry budget end in AUTH_FAILED; the next send starts with a fresh token', async () => {
  kombiAnswers = [1, 2, 3, 4].map(() => () => new HttpResponse('expired', { status: 401 }));
  const client = new DigitalPostClient(clientOptions());
  const error: unknown = await client.send(aLetter()).catch((e: unknown) => e);
  expect(isPostbudError(error, 'AUTH_FAILED')).toBe(true);
  expect(rec.count('/kombi')).toBe(4);
  await client.send(aLetter());
  expect(rec.requests.filter((r) => r.url.endsWith('/kombi')).at(-1)?.headers['authorization']).toBe('Holder-of-key token-5');
});

test('concurrent sends refused with the same revoked token fetch one new token, not one each', async () => {
  const client = new DigitalPostClient(clientOptions());
  await client.send(aLetter());
  kombiAnswers = [1, 2, 3].map(() => () => new HttpResponse('revoked', { status: 401 }));
  await Promise.all([client.send(aLetter()), client.send(aLetter()), client.send(aLetter())]);
  expect(rec.count('/AccessTokenService_1/')).toBe(2);
});

test('a 401 from the AccessTokenService to a cached SAML assertion renews the assertion; a 401 from the STS is final', async () => {
  const client = new DigitalPostClient(clientOptions());
  await client.send(aLetter());
  kombiAnswers = [() => new HttpResponse('expired', { status: 401 })];
  tokenAnswers = [() => HttpResponse.json({ error: 'invalid_grant' }, { status: 401 })];
  await client.send(aLetter());
  expect(rec.count('/wstrust/')).toBe(2);

  rec.requests.length = 0;
  stsAnswers = [() => HttpResponse.json({ error: 'certificate not registered' }, { status: 401 })];
  const fresh = new DigitalPostClient(clientOptions());
  const error: unknown = await fresh.send(aLetter()).catch((e: unknown) => e);
  expect(isPostbudError(error, 'AUTH_FAILED')).toBe(true);
  expect(rec.count('/wstrust/')).toBe(1);
  expect(rec.count('/kombi')).toBe(0);
});

test('retries after 503 and a dropped connection send the same ids and the same bytes', async () => {
  kombiAnswers = [() => new HttpResponse('busy', { status: 503 }), () => HttpResponse.error()];
  const result = await new DigitalPostClient(clientOptions()).send(aLetter());
  const kombis = rec.requests.filter((r) => r.url.endsWith('/kombi'));
  expect(kombis).toHaveLength(3);
  expect(new Set(kombis.map((r) => r.headers['x-transaktionsid'])).size).toBe(1);
  expect(new Set(kombis.map((r) => r.headers['x-transaktionstid'])).size).toBe(1);
  expect(new Set(kombis.map((r) => r.body)).size).toBe(1);
  expect(kombis[0]?.headers['x-transaktionsid']).toBe(result.transactionId);
});

test('a caller-supplied transaction id is used as is', async () => {
  const transactionId = 'bbbbbbbb-1111-4222-8333-444444444444';
  const result = await new DigitalPostClient(clientOptions()).send(aLetter(), { transactionId });
  expect(result.transactionId).toBe(transactionId);
  expect(rec.requests.find((r) => r.url.endsWith('/kombi'))?.headers['x-transaktionsid']).toBe(transactionId);
});

test('Result=false is SEND_REJECTED and is not retried; a duplicate answer is success', async () => {
  kombiAnswers = [() => new HttpResponse('<kombi_response><Result>false</Result><FejlKode>memo.invalid</FejlKode><FejlTekst>bad</FejlTekst></kombi_response>')];
  const client = new DigitalPostClient(clientOptions());
  await expect(client.send(aLetter())).rejects.toMatchObject({ code: 'SEND_REJECTED', fault: 'client', details: { serverCode: 'memo.invalid' } });
  expect(rec.count('/kombi')).toBe(1);
  kombiAnswers = [() => new HttpResponse('<kombi_response><Result>false</Result><FejlKode>DUPLICATE</FejlKode><FejlTekst>already received</FejlTekst></kombi_response>')];
  await expect(client.send(aLetter())).resolves.toMatchObject({ duplicate: true });
});

test('HTTP 400 is a client fault and never retried', async () => {
  kombiAnswers = [() => new HttpResponse('<fejl><FejlKode>E400</FejlKode></fejl>', { status: 400 })];
  await expect(new DigitalPostClient(clientOptions()).send(aLetter())).rejects.toMatchObject({ code: 'HTTP_CLIENT_ERROR', retryable: false });
  expect(rec.count('/kombi')).toBe(1);
});

test('auto with an address uses Automatisk Valg with both MeMo and ForsendelseI (golden)', async () => {
  const client = new DigitalPostClient(clientOptions());
  const result = await client.send(aLetter(), { channel: 'auto', physical: { address: { name: 'Fiktiv Person', street: 'Testvej', building: '1', postCode: '8000' } } });
  expect(result.channel).toBe('auto');
  const body = rec.requests.find((r) => r.url.endsWith('/kombi'))?.body ?? '';
  expect(body).toContain('<KombiValgKode>Automatisk Valg</KombiValgKode><memo:Message');
  expect(body).toContain('<fjernprint:ForsendelseISamling');
  expect(body).toContain('<adir:CPRnummerIdentifikator>0000000000</adir:CPRnummerIdentifikator>');
  expectGolden('sf1601-send-auto', rec.requests.filter((r) => r.url.endsWith('/kombi')));
});

test('physical sends only the ForsendelseI with Fysisk Post; a non-PDF fails before anything is sent', async () => {
  const client = new DigitalPostClient(clientOptions());
  await client.send(aLetter(), { channel: 'physical', physical: { address: { name: 'Firma', lines: ['Testvej 1', '8000 Aarhus C'] } } });
  const body = rec.requests.find((r) => r.url.endsWith('/kombi'))?.body ?? '';
  expect(body).toContain('<KombiValgKode>Fysisk Post</KombiValgKode><fjernprint:ForsendelseISamling');
  expect(body).not.toContain('memo:Message');
  rec.requests.length = 0;
  const notPdf = aLetter({ mainDocument: { files: [{ filename: 'brev.txt', content: new TextEncoder().encode('hello') }] } });
  await expect(client.send(notPdf, { channel: 'physical', physical: { address: { name: 'X', lines: ['a'] } } })).rejects.toMatchObject({ code: 'PHYSICAL_LETTER_INVALID' });
  await expect(client.send(aLetter(), { channel: 'physical', physical: { address: { name: 'X', street: 'Testvej' } } })).rejects.toMatchObject({ code: 'PHYSICAL_LETTER_INVALID' });
  // The ForsendelseI is XML: a character XML cannot carry fails here, naming the field, not at the server.
  await expect(client.send(aLetter(), { channel: 'physical', physical: { address: { name: 'X', street: 'Testvej\u0000', building: '8', postCode: '8000' } } }))
    .rejects.toMatchObject({ code: 'PHYSICAL_LETTER_INVALID', message: expect.stringContaining('physical.address.street contains the character U+0000') });
  await expect(client.send(aLetter(), { channel: 'physical', physical: { address: { name: 'X', lines: ['Testvej 8', '8000 Aarhus\u001b'] } } }))
    .rejects.toMatchObject({ code: 'PHYSICAL_LETTER_INVALID', message: expect.stringContaining('physical.address.lines[1]') });
  expect(rec.requests).toHaveLength(0);
});

test('bad input fails before anything is sent, with a typed error', async () => {
  const client = new DigitalPostClient(clientOptions({ limits: { maxAttachments: 1, maxLetterBytes: 1000 } }));
  const file = { filename: 'b.pdf', content: tinyPdf() };
  await expect(client.send(aLetter({ recipient: { type: 'cpr', cpr: '3102901234' } }))).rejects.toMatchObject({ code: 'CPR_INVALID' });
  await expect(client.send(aLetter({ recipient: { type: 'cvr', cvr: '13585629' } }))).rejects.toMatchObject({ code: 'CVR_INVALID' });
  await expect(client.send(aLetter({ attachments: [{ files: [file] }, { files: [file] }] }))).rejects.toMatchObject({ code: 'TOO_MANY_ATTACHMENTS' });
  await expect(client.send(aLetter({ mainDocument: { files: [{ filename: 'big.pdf', content: new Uint8Array(2000).fill(37) }] } }))).rejects.toMatchObject({ code: 'LETTER_TOO_LARGE' });
  expect(rec.requests).toHaveLength(0);
});

test('lookup asks PostForespoerg for digitalpost and nemsms, caches the answer, and accepts CVR + P-number', async () => {
  const client = new DigitalPostClient(clientOptions());
  const first = await client.lookup(CITIZEN_CPR);
  expect(first).toMatchObject({ digitalPost: true, nemSms: false, service: 'sf1601', fromCache: false });
  expect(rec.requests.filter((r) => r.url.includes('PostForespoerg')).map((r) => new URL(r.url).pathname + new URL(r.url).search).sort()).toEqual([
    `/service/PostForespoerg_1/digitalpost?cprNumber=${CITIZEN_CPR}`,
    `/service/PostForespoerg_1/nemsms?cprNumber=${CITIZEN_CPR}`,
  ]);
  expect((await client.lookup(CITIZEN_CPR)).fromCache).toBe(true);
  expect(rec.count('PostForespoerg')).toBe(2);
  const company = await client.lookup({ cvr: COMPANY_CVR, pNumber: P_NUMBER });
  expect(company.recipient).toEqual({ type: 'cvr', cvr: COMPANY_CVR, pNumber: P_NUMBER });
  await expect(client.lookup('12345')).rejects.toMatchObject({ code: 'LETTER_INPUT_INVALID' });
});

test('lookupMany keeps input order and reports bad ids per item', async () => {
  const items = await new DigitalPostClient(clientOptions()).lookupMany([CITIZEN_CPR, 'nonsense', COMPANY_CVR], { concurrency: 2 });
  expect(items.map((i) => i.ok)).toEqual([true, false, true]);
});

test('auto without an address and an unreachable recipient: RECIPIENT_NOT_REACHABLE, nothing sent', async () => {
  digitalPostRegistered = false;
  await expect(new DigitalPostClient(clientOptions()).send(aLetter(), { channel: 'auto' })).rejects.toMatchObject({ code: 'RECIPIENT_NOT_REACHABLE' });
  expect(rec.count('/kombi')).toBe(0);
});

test('timeout and user abort are distinct errors', async () => {
  kombiAnswers = [() => new HttpResponse(null, { status: 200 })];
  rec.server.use(http.post(`${BASE}/service/KombiPostAfsend_1/kombi`, async () => {
    await new Promise((r) => setTimeout(r, 500));
    return new HttpResponse(OK_KOMBI);
  }));
  const client = new DigitalPostClient(clientOptions({ retry: { maxRetries: 0 } }));
  await expect(client.send(aLetter(), { timeoutMs: 50 })).rejects.toMatchObject({ code: 'TIMEOUT' });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  const aborted = await client.send(aLetter(), { signal: controller.signal }).catch((e: unknown) => e);
  expect(isPostbudError(aborted, 'ABORTED')).toBe(true);
  rec.server.resetHandlers();
});

test('logging is off by default; when on, CPR numbers and tokens are masked and bodies never logged', async () => {
  const lines: string[] = [];
  const logger: Logger = { debug: (m, f) => lines.push(m + JSON.stringify(f ?? {})), info: (m, f) => lines.push(m + JSON.stringify(f ?? {})), warn: (m, f) => lines.push(m + JSON.stringify(f ?? {})), error: (m) => lines.push(m) };
  kombiAnswers = [() => new HttpResponse('busy', { status: 503 })];
  await new DigitalPostClient(clientOptions({ logger, logLevel: 'debug' })).send(aLetter());
  const all = lines.join('\n');
  expect(lines.length).toBeGreaterThan(3);
  expect(all).toContain('010190-****');
  expect(all).not.toContain(CITIZEN_CPR);
  expect(all).not.toMatch(/token-\d/);
  expect(all).not.toContain('memo:Message');
  expect(all).not.toContain('Afgørelse om boligstøtte');
});

test('delivery statuses: pull from the Beskedfordeler stand-in with a bfo_modtag token, then acknowledge', async () => {
  const client = new DigitalPostClient(clientOptions());
  const fetched = await client.statuses.fetch(10);
  expect(fetched).toEqual([{ id: 'm-1', status: expect.objectContaining({ messageUUID: 'aaaaaaaa-0000-4000-8000-000000000001', outcome: 'delivered', channel: 'Digital Post' }) }]);
  await client.statuses.acknowledge('m-1');
  const sts = rec.requests.find((r) => r.url.includes('wstrust'));
  expect(JSON.parse(sts?.body ?? '{}').AppliesTo.EndpointReference.Address).toBe('http://entityid.kombit.dk/service/bfo_modtag/2');
  expect(rec.requests.filter((r) => r.url.includes('beskedfordeler')).map((r) => `${r.method} ${new URL(r.url).pathname}${new URL(r.url).search}`)).toEqual(['GET /beskedfordeler/v1/messages?max=10', 'DELETE /beskedfordeler/v1/messages/m-1']);
});
