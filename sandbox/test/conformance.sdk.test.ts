/**
 * Conformance: the SDK's DigitalPostClient drives the sandbox over real HTTP on loopback.
 * Lookup, send on every channel, duplicates, accept-then-drop recovery, retries on 503,
 * status messages, NgDP receipts and the reply round trip.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DigitalPostClient, type ClientLetterInput, type DigitalPostClientOptions } from '@postbud/sdk';
import { startSandbox, type RunningSandbox } from '../src/index.js';
import { minimalPdf, PLADSANVISNING_CP, SOLBJERG_CVR } from './support/wire.js';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0, deliveryDelayMs: 60_000 });
});
afterAll(async () => {
  await sb.close();
});

function client(over: Partial<DigitalPostClientOptions> = {}): DigitalPostClient {
  return new DigitalPostClient({
    baseUrl: sb.url,
    sender: { cvr: SOLBJERG_CVR, label: 'Solbjerg Kommune', contactPoint: { id: PLADSANVISNING_CP, label: 'Pladsanvisningen' } },
    retry: { initialDelayMs: 5, maxDelayMs: 20, maxRetries: 3 },
    ...over,
  });
}

const control = (path: string, body: unknown) => fetch(`${sb.url}/_sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

function letter(over: Partial<ClientLetterInput> = {}): ClientLetterInput {
  return {
    title: 'Tilbud om plads i børnehave',
    recipient: { type: 'cpr', cpr: '0101901234' },
    reply: { enabled: true },
    metadata: { caseId: { id: 'SAG-2025-0099', system: 'Solbjerg ESDH' } },
    mainDocument: { label: 'Tilbud', files: [{ filename: 'tilbud.pdf', content: minimalPdf('Tilbud om plads') }] },
    ...over,
  };
}

test('lookup over SF1601 and NgDP reflects the fictional world', async () => {
  const sf = client();
  expect(await sf.lookup({ cpr: '0101901234' })).toMatchObject({ digitalPost: true, nemSms: true });
  expect(await sf.lookup({ cpr: '2307703456' })).toMatchObject({ digitalPost: false, nemSms: true });
  expect(await sf.lookup({ cvr: '24256790' })).toMatchObject({ digitalPost: false });
  const ngdp = client({ service: 'ngdp' });
  const exempt = await ngdp.lookup({ cpr: '0511604567' });
  expect(exempt).toMatchObject({ digitalPost: false, registrationStatus: 'EXEMPT_LEFT_THE_COUNTRY' });
});

test('send on every channel through SF1601 is accepted and delivered', async () => {
  const c = client();
  const digital = await c.send(letter());
  const sms = await c.send({ title: 'Påmindelse', messageType: 'NEMSMS', notification: 'Husk tandlægen i morgen kl. 9', recipient: { type: 'cpr', cpr: '0101901234' } }, { channel: 'nemsms' });
  const address = { name: 'Carl Hansen', street: 'Møllevej', building: '8', postCode: '8001' };
  const physical = await c.send(letter({ recipient: { type: 'cpr', cpr: '2307703456' }, reply: undefined }), { channel: 'physical', physical: { address } });
  const auto = await c.send(letter({ recipient: { type: 'cpr', cpr: '2307703456' }, reply: undefined }), { channel: 'auto', physical: { address } });
  for (const r of [digital, sms, physical, auto]) expect(sb.store.letter(r.transmissionId!)?.status).toBe('accepted');
  await sb.deliverNow();
  expect(sb.store.letter(digital.transmissionId!)?.status).toBe('delivered');
  expect(sb.store.letter(sms.transmissionId!)?.channel).toBe('nemsms');
  expect(sb.store.letter(physical.transmissionId!)?.status).toBe('printed');
  expect(sb.store.letter(auto.transmissionId!)?.status).toBe('printed');
});

test('a resend with the same messageUUID is answered with the original receipt', async () => {
  const uuid = randomUUID();
  const c = client();
  const first = await c.send(letter({ messageUUID: uuid }));
  const second = await c.send(letter({ messageUUID: uuid }));
  expect(second.transmissionId).toBe(first.transmissionId);
  const ngdp = client({ service: 'ngdp' });
  const uuid2 = randomUUID();
  const a = await ngdp.send(letter({ messageUUID: uuid2 }));
  const b = await ngdp.send(letter({ messageUUID: uuid2 }));
  expect(b.transmissionId).toBe(a.transmissionId);
});

test('accept-then-drop: the SDK retries and gets the original TransmissionID; 503 is retried', async () => {
  const c = client();
  await c.lookup({ cpr: '0101901234' }, { fresh: true }); // tokens cached before the fault
  await control('faults/next', { kind: 'drop', pathPrefix: '/service/KombiPostAfsend_1' });
  const uuid = randomUUID();
  const result = await c.send(letter({ messageUUID: uuid }));
  const stored = sb.store.letters({ messageUuid: uuid });
  expect(stored).toHaveLength(1);
  expect(result.transmissionId).toBe(stored[0]!.id);
  await control('faults/next', { kind: '503', param: 0, pathPrefix: '/apis/v1/memos' });
  const ngdp = await client({ service: 'ngdp' }).send(letter());
  expect(ngdp.receiptStatus).toBe('RECEIVED');
});

test('status messages: the SDK pulls PKO_PostStatus and acknowledges them', async () => {
  const c = client();
  const sent = await c.send(letter());
  await sb.deliverNow();
  let found: { id: string; status: { messageUUID?: string; statusCode?: string; outcome: string } } | undefined;
  for (let round = 0; round < 20 && !found; round++) {
    const batch = await c.statuses.fetch(100);
    if (batch.length === 0) break;
    for (const m of batch) {
      if (m.status.messageUUID === sent.messageUUID && m.status.outcome === 'delivered') found = m;
      await c.statuses.acknowledge(m.id);
    }
  }
  expect(found?.status.statusCode).toBe('Afleveret Digital Post');
});

test('NgDP: receipts, then a mailbox reply is fetched with the right ReplyData and acknowledged', async () => {
  const c = client({ service: 'ngdp' });
  const sent = await c.send(letter({ messageID: 'BREV-SDK-1' }));
  await sb.deliverNow();
  const reply = await control('replies', { letterId: sent.transmissionId, text: 'Ja tak, vi tager pladsen.' });
  expect(reply.status).toBe(201);
  const { id } = (await reply.json()) as { id: string };
  const list = await c.replies.list();
  expect(list.content).toContain(id);
  const fetched = await c.replies.fetchReply(id);
  expect(fetched.correlation).toMatchObject({ originalMessageUUID: sent.messageUUID, caseID: 'SAG-2025-0099', contactPointID: PLADSANVISNING_CP });
  await c.replies.acknowledge(id, { positive: true, messageUUID: id });
  await c.replies.delete(id);
  expect((await c.replies.list()).content).not.toContain(id);
  expect(JSON.parse(sb.store.inboundList({ includeDeleted: true }).find((r) => r.id === id)!.businessReceipt!)).toMatchObject({ receiptStatus: 'COMPLETED' });
});
