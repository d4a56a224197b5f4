/**
 * Runs the documented examples (sdk/examples/*.ts, shown verbatim in docs/sdk.md) against a
 * local msw server, and checks that the docs still show them exactly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { http, HttpResponse } from 'msw';
import { recordingServer } from '../../test/client/recordingServer.js';
import { clientOptions, tinyPdf } from '../../test/client/fixtures.js';
import { createTestPki } from '../../test/client/testCertificates.js';
// The examples import the package by name, so the test does too (one DigitalPostClient class).
import { DigitalPostClient } from '@postbud/sdk';
import { createMemoMessage } from '../memo/factories/createMemoMessage.js';
import { writeMemo } from '../memo/xml/writeMemo.js';
import { createProductionClient } from '../../examples/createProductionClient.js';
import { sendReplyEnabledLetterToPUnit } from '../../examples/sendReplyEnabledLetterToPUnit.js';
import { sendWithPrintFallback } from '../../examples/fallBackToFjernprint.js';
import { readReceiptsAndReplies } from '../../examples/readReceiptsAndReplies.js';

const BASE = 'http://127.0.0.1:4000';
const examplesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples');
let receiptsLeft = ['r-1'];
let inboundLeft = ['in-1'];

const reply = (): string =>
  writeMemo(
    createMemoMessage({
      messageUUID: 'cccccccc-0000-4000-8000-000000000001',
      title: 'Svar: Varsel om kontrolbesøg',
      sender: { id: '13585628', label: 'Fiktiv Bageri ApS' },
      recipient: { type: 'cvr', cvr: '13748136' },
      mainDocument: { files: [{ filename: 'svar.pdf', content: tinyPdf() }] },
      replyData: [{ messageUUID: 'aaaaaaaa-0000-4000-8000-000000000001', caseID: 'SAG-2026-4711' }],
    }),
  );

const rec = recordingServer(
  http.post(`${BASE}/runtime/api/rest/wstrust/v1/issue`, () => HttpResponse.json({ RequestedSecurityToken: { Assertion: btoa('<a/>') } })),
  http.post(`${BASE}/service/AccessTokenService_1/token`, () => HttpResponse.json({ access_token: 't', token_type: 'Holder-of-key', expires_in: 3600 })),
  http.post(`${BASE}/service/KombiPostAfsend_1/kombi`, () => new HttpResponse('<kombi_response><Result>true</Result><TransmissionID>tx-1</TransmissionID></kombi_response>')),
  http.get(`${BASE}/apis/v1/contacts/`, () => HttpResponse.json({ contacts: [{ mailboxSubscription: { publicRegistrationStatus: 'REGISTERED' } }] })),
  http.post(`${BASE}/apis/v1/memos/`, () => HttpResponse.json({ transmissionId: 'ngdp-1', receiptStatus: 'RECEIVED' }, { status: 201 })),
  http.get(`${BASE}/apis/v1/receipts/`, () => HttpResponse.json({ content: receiptsLeft })),
  http.get(`${BASE}/apis/v1/receipts/:id`, () => HttpResponse.json({ transmissionId: 'ngdp-1', receiptStatus: 'COMPLETED' })),
  http.delete(`${BASE}/apis/v1/receipts/:id`, ({ params }) => {
    receiptsLeft = receiptsLeft.filter((id) => id !== params['id']);
    return new HttpResponse(null, { status: 204 });
  }),
  http.get(`${BASE}/apis/v1/memos/`, () => HttpResponse.json({ content: inboundLeft })),
  http.get(`${BASE}/apis/v1/memos/:id`, () => new HttpResponse(reply())),
  http.post(`${BASE}/apis/v1/memos/:id/receipt`, () => new HttpResponse(null, { status: 200 })),
  http.delete(`${BASE}/apis/v1/memos/:id`, ({ params }) => {
    inboundLeft = inboundLeft.filter((id) => id !== params['id']);
    return new HttpResponse(null, { status: 204 });
  }),
);

beforeAll(() => rec.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => rec.server.close());

test('createProductionClient: production SF1601 with the certificate from a .p12', async () => {
  const pki = createTestPki();
  try {
    const client = await createProductionClient(pki.clientP12File, pki.p12Passphrase);
    expect(client.config.environment.sf1601.kombiUrl).toBe('https://prod.serviceplatformen.dk/service/KombiPostAfsend_1/kombi');
    expect(client.config.certificateBase64).toMatch(/^MII/);
  } finally {
    pki.cleanup();
  }
});

test('sendReplyEnabledLetterToPUnit: reply enabled, P-unit, contact point and case id in the MeMo; stable derived UUID', async () => {
  const client = new DigitalPostClient(clientOptions());
  const first = await sendReplyEnabledLetterToPUnit(client, tinyPdf());
  const second = await sendReplyEnabledLetterToPUnit(client, tinyPdf());
  expect(second.messageUUID).toBe(first.messageUUID);
  const body = rec.requests.filter((r) => r.url.endsWith('/kombi'))[0]?.body ?? '';
  for (const part of ['<memo:reply>true</memo:reply>', '<grd:productionUnitNumber>1234567890</grd:productionUnitNumber>', '<memo:contactPointID>2b5a0c3e-6f1d-4c2a-9d3b-1e2f3a4b5c6d</memo:contactPointID>', '<memo:caseID>SAG-2026-4711</memo:caseID>']) {
    expect(body).toContain(part);
  }
});

test('sendWithPrintFallback: Automatisk Valg on SF1601; lookup then digital on NgDP', async () => {
  expect((await sendWithPrintFallback(new DigitalPostClient(clientOptions()), tinyPdf())).channel).toBe('auto');
  expect((await sendWithPrintFallback(new DigitalPostClient(clientOptions({ service: 'ngdp' })), tinyPdf())).channel).toBe('digital');
});

test('readReceiptsAndReplies: drains receipts, parses a pushed status, links the reply to its case', async () => {
  const pko = '<PKO_PostStatus xmlns="http://serviceplatformen.dk/xml/print/PKO_PostStatus/1/types"><MessageUUID>aaaaaaaa-0000-4000-8000-000000000001</MessageUUID><TransaktionsStatusKode>Afleveret Digital Post</TransaktionsStatusKode></PKO_PostStatus>';
  const inbox = await readReceiptsAndReplies(new DigitalPostClient(clientOptions({ service: 'ngdp' })), pko);
  expect(inbox.receipts).toEqual([{ transmissionId: 'ngdp-1', receiptStatus: 'COMPLETED' }]);
  expect(inbox.statuses[0]).toMatchObject({ outcome: 'delivered' });
  expect(inbox.replies).toEqual([expect.objectContaining({ originalMessageUUID: 'aaaaaaaa-0000-4000-8000-000000000001', caseID: 'SAG-2026-4711' })]);
  expect(receiptsLeft).toEqual([]);
  expect(inboundLeft).toEqual([]);
});

test('docs/sdk.md shows every example exactly as it is compiled and run here', () => {
  const docs = readFileSync(path.resolve(examplesDir, '../../docs/sdk.md'), 'utf8');
  for (const file of ['createProductionClient.ts', 'sendReplyEnabledLetterToPUnit.ts', 'fallBackToFjernprint.ts', 'readReceiptsAndReplies.ts']) {
    expect(docs).toContain(readFileSync(path.join(examplesDir, file), 'utf8').trim());
  }
});
