/**
 * NgDP direct over real HTTP on loopback with raw fetch: send with memo-message-uuid, Receipt,
 * receipts listing, duplicates, invalid MeMo, contacts lookup, contact points, and the reply
 * round trip (mailbox reply → inbound memo for the API token's system → business receipt).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { parseMemo } from '@postbud/sdk';
import { startSandbox, type RunningSandbox } from '../src/index.js';
import { letterXml, NGDP_AUTH, PLADSANVISNING_CP } from './support/wire.js';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0, deliveryDelayMs: 60_000 });
});
afterAll(async () => {
  await sb.close();
});

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${sb.url}/apis/v1/${path}`, { ...init, headers: { authorization: NGDP_AUTH, accept: 'application/json', ...(init.headers as Record<string, string> | undefined) } });
const send = (xml: string, uuid: string) => api(`memos/?memo-message-uuid=${uuid}`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: xml });

test('POST memos/ answers 201 with a Receipt; the receipt turns COMPLETED on delivery', async () => {
  const { xml, uuid } = letterXml();
  const res = await send(xml, uuid);
  expect(res.status).toBe(201);
  const receipt = (await res.json()) as { transmissionId: string; messageUUID: string; receiptStatus: string };
  expect(receipt).toMatchObject({ messageUUID: uuid, receiptStatus: 'RECEIVED' });
  await sb.deliverNow();
  const list = (await (await api('receipts/')).json()) as { content: string[]; totalElements: number };
  expect(list.content).toContain(receipt.transmissionId);
  const one = (await (await api(`receipts/${receipt.transmissionId}?delete=true`)).json()) as { receiptStatus: string };
  expect(one.receiptStatus).toBe('COMPLETED');
  expect((await api(`receipts/${receipt.transmissionId}`)).status).toBe(404);
});

test('duplicates get the original receipt; with duplicates=reject a 409', async () => {
  const { xml, uuid } = letterXml();
  const a = (await (await send(xml, uuid)).json()) as { transmissionId: string };
  const b = await send(xml, uuid);
  expect(b.status).toBe(201);
  expect(((await b.json()) as { transmissionId: string }).transmissionId).toBe(a.transmissionId);
  await fetch(`${sb.url}/_sandbox/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ duplicates: 'reject' }) });
  expect((await send(xml, uuid)).status).toBe(409);
  await fetch(`${sb.url}/_sandbox/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ duplicates: 'original' }) });
});

test('an invalid MeMo is a 400 ErrorMessage with field errors; business rules apply', async () => {
  const { xml, uuid } = letterXml({ mainDocument: { files: [{ filename: 'brev.pdf', content: new Uint8Array([37, 80, 68, 70]) }], actions: [{ label: 'Læs mere', actionCode: 'INFORMATION', url: 'https://solbjerg.example/info' }] } });
  const httpAction = xml.replace('https://solbjerg.example/info', 'http://solbjerg.example/info');
  const res = await send(httpAction, uuid);
  expect(res.status).toBe(400);
  const err = (await res.json()) as { code: string; fieldErrors: { code: string; field: string }[] };
  expect(err.code).toBe('memo.invalid');
  expect(err.fieldErrors.map((f) => f.code)).toContain('ACTION_URL_NOT_HTTPS');
  const mismatch = await send(xml, '3b0c4b8e-7a46-4f4e-9a43-0d5e3c1f2a10');
  expect(mismatch.status).toBe(400);
  expect((await send('<memo:Message', uuid)).status).toBe(400);
  expect((await api('memos/', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: xml })).status).toBe(400);
});

test('authentication: missing or wrong Basic token is a 401 ErrorMessage', async () => {
  const res = await fetch(`${sb.url}/apis/v1/contacts/?cprNumber=0101901234`);
  expect(res.status).toBe(401);
  expect(((await res.json()) as { code: string }).code).toBe('unauthorized');
  const wrong = await fetch(`${sb.url}/apis/v1/contacts/?cprNumber=0101901234`, { headers: { authorization: `Basic ${Buffer.from('x:y').toString('base64')}` } });
  expect(wrong.status).toBe(401);
});

test('contacts/ returns registration statuses from the fictional world', async () => {
  const get = async (q: string) => (await (await api(`contacts/?${q}`)).json()) as { contacts: { mailboxSubscription: { registrationStatus: string; publicRegistrationStatus: string; exemptionReason: string | null }; nemSmsSubscription: unknown }[]; totalElements: number };
  expect((await get('cprNumber=0101901234')).contacts[0]!.mailboxSubscription.publicRegistrationStatus).toBe('REGISTERED');
  const exempt = (await get('cprNumber=2307703456')).contacts[0]!;
  expect(exempt.mailboxSubscription).toMatchObject({ registrationStatus: 'EXEMPT_OTHER_REASON', publicRegistrationStatus: 'EXEMPT' });
  expect(exempt.nemSmsSubscription).not.toBeNull();
  expect((await get('cprNumber=0511604567')).contacts[0]!.mailboxSubscription.registrationStatus).toBe('EXEMPT_LEFT_THE_COUNTRY');
  expect((await get('cprNumber=1702451238')).contacts[0]!.mailboxSubscription.publicRegistrationStatus).toBe('CLOSED');
  expect((await get('cprNumber=3112991234')).totalElements).toBe(0);
  expect((await get('cvrNumber=24256790')).contacts[0]!.mailboxSubscription.publicRegistrationStatus).toBe('EXEMPT');
  expect((await api('contacts/?cvrNumber=12345678')).status).toBe(400);
});

test('contact structure: the public search hides inactive and invisible contact points', async () => {
  const search = (await (await api('contact-points/?searchTerm=')).json()) as { content: { id: string }[] };
  const ids = search.content.map((c) => c.id);
  expect(ids).toContain(PLADSANVISNING_CP);
  expect(ids).not.toContain('2c55d657-90d3-44c2-b8e2-a7927faa5925'); // inactive
  expect(ids).not.toContain('f9ed5ea6-ce0a-4621-b46a-eae65db21a7f'); // invisible
  const own = (await (await api('organisations/8c05da44-3691-467a-8ad2-fbb1f18089f1/contact-points/')).json()) as { id: string; active: boolean; visible: boolean }[];
  expect(own.filter((c) => !c.active || !c.visible)).toHaveLength(2);
});

test('a reply from the mailbox arrives as an inbound MeMo with ReplyData for the contact point\'s system', async () => {
  const { xml, uuid } = letterXml({ messageID: 'BREV-77' });
  const receipt = (await (await send(xml, uuid)).json()) as { transmissionId: string };
  await sb.deliverNow();
  const created = await fetch(`${sb.url}/_sandbox/replies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ letterId: receipt.transmissionId, text: 'Tak, vi tager imod pladsen.' }) });
  expect(created.status).toBe(201);
  const list = (await (await api('memos/')).json()) as { content: string[] };
  expect(list.content.length).toBeGreaterThan(0);
  const id = list.content[list.content.length - 1]!;
  const memo = await api(`memos/${id}`);
  expect(memo.headers.get('content-type')).toContain('application/xml');
  const reply = parseMemo(await memo.text()).message;
  const rd = reply.MessageHeader.ReplyData![0]!;
  expect(rd).toMatchObject({ messageUUID: uuid, messageID: 'BREV-77', caseID: 'SAG-2025-0042', contactPointID: PLADSANVISNING_CP, senderID: '29999902', recipientID: '0101901234' });
  expect(reply.MessageHeader.Recipient.ContactPoint?.contactPointID).toBe(PLADSANVISNING_CP);
  expect(reply.MessageHeader.Sender).toMatchObject({ senderID: '0101901234', idType: 'CPR' });
  expect(reply.MessageHeader.ContentData?.CaseID?.caseID).toBe('SAG-2025-0042');
  const ack = await api(`memos/${id}/receipt`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ receiptStatus: 'COMPLETED', messageUUID: id }) });
  expect(ack.status).toBe(204);
  expect((await api(`memos/${id}`, { method: 'DELETE' })).status).toBe(204);
  expect((await api(`memos/${id}`)).status).toBe(404);
  // Another system does not see it.
  const other = await fetch(`${sb.url}/apis/v1/memos/`, { headers: { authorization: `Basic ${Buffer.from('styrelse-sag:styrelse-api-token').toString('base64')}` } });
  expect(((await other.json()) as { content: string[] }).content).not.toContain(id);
});

test('NgDP events log carries MESSAGE_READ after the letter is opened', async () => {
  const { xml, uuid } = letterXml();
  const receipt = (await (await send(xml, uuid)).json()) as { transmissionId: string };
  await sb.deliverNow();
  await fetch(`${sb.url}/_sandbox/letters/${receipt.transmissionId}/read`, { method: 'POST' });
  const events = (await (await api('events/?eventTag=MESSAGE_READ')).json()) as { content: { messageUUID: string }[] };
  expect(events.content.map((e) => e.messageUUID)).toContain(uuid);
});
