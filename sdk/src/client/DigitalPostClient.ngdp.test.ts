import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { http, HttpResponse } from 'msw';
import { expectGolden } from '../../test/golden/golden.js';
import { recordingServer } from '../../test/client/recordingServer.js';
import { aLetter, clientOptions, CITIZEN_CPR, COMPANY_CVR } from '../../test/client/fixtures.js';
import { DigitalPostClient } from './DigitalPostClient.js';
import { createMemoMessage } from '../memo/factories/createMemoMessage.js';
import { writeMemo } from '../memo/xml/writeMemo.js';

/** A citizen's reply as NgDP would deliver it to the authority's recipient system. */
function replyXml(): string {
  return writeMemo(createMemoMessage({
    messageUUID: 'cccccccc-0000-4000-8000-000000000001',
    title: 'Svar: Afgørelse om boligstøtte',
    sender: { id: CITIZEN_CPR, idType: 'CPR', label: 'Fiktiv Borger' },
    recipient: { type: 'cvr', cvr: '13748136' },
    mainDocument: { files: [{ filename: 'svar.txt', content: new TextEncoder().encode('Tak for brevet') }] },
    replyData: [{ messageUUID: 'aaaaaaaa-0000-4000-8000-000000000001', caseID: 'SAG-2026-17' }],
  }));
}

const API = 'http://127.0.0.1:4000/apis/v1';
const BASIC = `Basic ${Buffer.from('postbud-sandbox:sandbox-api-token').toString('base64')}`;
let memoAnswers: (() => Response)[] = [];
const receipt = (uuid: string, status = 'RECEIVED') => ({ transmissionId: '11111111-2222-4333-8444-555555555555', messageUUID: uuid, receiptStatus: status, timeStamp: '2026-03-02T09:30:01Z' });

const rec = recordingServer(
  http.post(`${API}/memos/`, ({ request }) => {
    if (request.headers.get('authorization') !== BASIC) return HttpResponse.json({ code: 'UNAUTHORIZED', message: 'bad token', fieldErrors: [] }, { status: 401 });
    const uuid = new URL(request.url).searchParams.get('memo-message-uuid') ?? '';
    return (memoAnswers.shift() ?? (() => HttpResponse.json(receipt(uuid), { status: 201 })))();
  }),
  http.get(`${API}/contacts/`, ({ request }) => {
    const url = new URL(request.url);
    if (url.searchParams.get('cvrNumber') === COMPANY_CVR) {
      return HttpResponse.json({ contacts: [{ type: 'COMPANY', cvrNumber: COMPANY_CVR, mailboxSubscription: { registrationStatus: 'AUTOMATIC_REGISTRATION', publicRegistrationStatus: 'REGISTERED' } }] });
    }
    if (url.searchParams.get('cprNumber') === CITIZEN_CPR) {
      return HttpResponse.json({ contacts: [{ type: 'CITIZEN', mailboxSubscription: { registrationStatus: 'EXEMPT_OTHER_REASON', publicRegistrationStatus: 'EXEMPT' }, nemSmsSubscription: { mobileNumber: '+4512345678' } }] });
    }
    return HttpResponse.json({ contacts: [], totalElements: 0 });
  }),
  http.get(`${API}/receipts/`, () => HttpResponse.json({ content: ['r-1'], number: 0, size: 100, totalElements: 1, totalPages: 1 })),
  http.get(`${API}/receipts/:id`, ({ params, request }) => HttpResponse.json({ ...receipt('aaaaaaaa-0000-4000-8000-000000000001', 'COMPLETED'), transmissionId: params['id'], deleted: new URL(request.url).searchParams.get('delete') })),
  http.delete(`${API}/receipts/:id`, () => new HttpResponse(null, { status: 204 })),
  http.get(`${API}/memos/`, () => HttpResponse.json({ content: ['in-1'], number: 0, size: 100, totalElements: 1, totalPages: 1 })),
  http.get(`${API}/memos/:id`, () => new HttpResponse(replyXml(), { headers: { 'Content-Type': 'application/xml' } })),
  http.post(`${API}/memos/:id/receipt`, () => new HttpResponse(null, { status: 200 })),
  http.delete(`${API}/memos/:id`, () => new HttpResponse(null, { status: 204 })),
);

beforeAll(() => rec.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  rec.requests.length = 0;
  memoAnswers = [];
});
afterAll(() => rec.server.close());

const ngdp = (o = {}) => new DigitalPostClient(clientOptions({ service: 'ngdp', ...o }));

test('send: POST memos/?memo-message-uuid with Basic auth and the MeMo XML; 201 Receipt (golden)', async () => {
  const result = await ngdp().send(aLetter());
  expect(result).toMatchObject({ service: 'ngdp', channel: 'digital', receiptStatus: 'RECEIVED', transmissionId: '11111111-2222-4333-8444-555555555555', duplicate: false, messageUUID: 'aaaaaaaa-0000-4000-8000-000000000001' });
  expect(JSON.parse(result.rawReceipt)).toMatchObject({ receiptStatus: 'RECEIVED' });
  expectGolden('ngdp-send-digital', rec.requests);
});

test('409 (already received) is a success with the original receipt', async () => {
  memoAnswers = [() => HttpResponse.json(receipt('aaaaaaaa-0000-4000-8000-000000000001'), { status: 409 })];
  await expect(ngdp().send(aLetter())).resolves.toMatchObject({ duplicate: true, transmissionId: '11111111-2222-4333-8444-555555555555' });
});

test('400 ErrorMessage and INVALID receipts are SEND_REJECTED with the server\'s words; not retried', async () => {
  memoAnswers = [() => HttpResponse.json({ code: 'VALIDATION_ERROR', message: 'label too long', fieldErrors: [{ field: 'label', code: 'Size' }] }, { status: 400 })];
  const client = ngdp();
  await expect(client.send(aLetter())).rejects.toMatchObject({ code: 'SEND_REJECTED', details: { serverCode: 'VALIDATION_ERROR', fieldErrors: [{ field: 'label', code: 'Size' }] } });
  expect(rec.count('/memos/')).toBe(1);
  memoAnswers = [() => HttpResponse.json({ ...receipt('x', 'NOT_ALLOWED'), errorMessage: 'recipient exempt' }, { status: 201 })];
  await expect(client.send(aLetter())).rejects.toMatchObject({ code: 'SEND_REJECTED', details: { receiptStatus: 'NOT_ALLOWED' } });
});

test('429 with Retry-After and 503 are retried with the same message UUID', async () => {
  memoAnswers = [() => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '0' } }), () => HttpResponse.json(receipt('x'), { status: 503 })];
  const result = await ngdp().send(aLetter());
  const uuids = rec.requests.map((r) => new URL(r.url).searchParams.get('memo-message-uuid'));
  expect(uuids).toEqual([result.messageUUID, result.messageUUID, result.messageUUID]);
});

test('wrong API token is AUTH_FAILED (client fault), not retried', async () => {
  await expect(ngdp({ credentials: { ngdpApiToken: { username: 'u', token: 'wrong' } } }).send(aLetter())).rejects.toMatchObject({ code: 'AUTH_FAILED', fault: 'client' });
  expect(rec.requests).toHaveLength(1);
});

test('lookup via contacts tells why a citizen cannot receive (exempt), and unknown ids', async () => {
  const client = ngdp();
  await expect(client.lookup(CITIZEN_CPR)).resolves.toMatchObject({ digitalPost: false, nemSms: true, reason: 'exempt', publicRegistrationStatus: 'EXEMPT', service: 'ngdp' });
  await expect(client.lookup(COMPANY_CVR)).resolves.toMatchObject({ digitalPost: true, registrationStatus: 'AUTOMATIC_REGISTRATION' });
  await expect(client.lookup('24256790')).resolves.toMatchObject({ digitalPost: false, reason: 'unknown' });
});

test('NgDP has no physical channel, and auto to an exempt citizen says so before sending', async () => {
  const client = ngdp();
  await expect(client.send(aLetter(), { channel: 'physical', physical: { address: { name: 'X', lines: ['a'] } } })).rejects.toMatchObject({ code: 'CHANNEL_NOT_POSSIBLE' });
  await expect(client.send(aLetter(), { channel: 'auto' })).rejects.toMatchObject({ code: 'RECIPIENT_NOT_REACHABLE', details: { reason: 'exempt' } });
  expect(rec.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
});

test('nemsms sends a NEMSMS MeMo without body', async () => {
  const result = await ngdp().send({ title: 'Påmindelse', notification: 'Husk din tid i morgen kl. 10', recipient: { type: 'cpr', cpr: CITIZEN_CPR } }, { channel: 'nemsms' });
  expect(result.channel).toBe('nemsms');
  const body = rec.requests[0]?.body ?? '';
  expect(body).toContain('<memo:messageType>NEMSMS</memo:messageType>');
  expect(body).not.toContain('MessageBody');
});

test('receipts: list, get (with delete flag) and delete', async () => {
  const client = ngdp();
  expect((await client.receipts.list()).content).toEqual(['r-1']);
  expect(await client.receipts.get('r-1', { delete: true })).toMatchObject({ receiptStatus: 'COMPLETED', transmissionId: 'r-1' });
  await client.receipts.delete('r-1');
  expect(rec.requests.map((r) => `${r.method} ${new URL(r.url).pathname}${new URL(r.url).search}`)).toEqual(['GET /apis/v1/receipts/?page=0&size=100', 'GET /apis/v1/receipts/r-1?delete=true', 'DELETE /apis/v1/receipts/r-1']);
});

test('inbound memos: list, fetch, business receipt, delete', async () => {
  const client = ngdp();
  expect((await client.replies.list()).content).toEqual(['in-1']);
  const reply = await client.replies.fetchReply('in-1');
  expect(reply.correlation).toMatchObject({ messageUUID: 'cccccccc-0000-4000-8000-000000000001', originalMessageUUID: 'aaaaaaaa-0000-4000-8000-000000000001', caseID: 'SAG-2026-17' });
  expect(reply.issues).toEqual([]);
  await client.replies.acknowledge('in-1', { positive: true, messageUUID: 'cccccccc-0000-4000-8000-000000000001' });
  await client.replies.delete('in-1');
  expect(rec.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(['GET /apis/v1/memos/', 'GET /apis/v1/memos/in-1', 'POST /apis/v1/memos/in-1/receipt', 'DELETE /apis/v1/memos/in-1']);
  expect(JSON.parse(rec.requests[2]?.body ?? '')).toEqual({ messageUUID: 'cccccccc-0000-4000-8000-000000000001', receiptStatus: 'COMPLETED' });
});
