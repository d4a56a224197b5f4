import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseMemo } from '@postbud/sdk';
import { appTokenSource, sandboxTokenEndpoint } from '../../shared/src/appToken.js';
import { GatewayClient } from '../../shared/src/GatewayClient.js';
import { letterPdf } from '../../shared/src/letterPdf.js';
import { DOC2MAIL_APP } from '../../shared/src/world.js';
import type { Receipt } from '../src/JobFolders.js';
import type { JobOutcome } from '../src/OutputManager.js';
import { findMarkedRecipient } from '../src/pdfText.js';
import { dropSampleJobs } from '../src/sampleJobs.js';
import { startDoc2mail, type Doc2mailDemo } from '../src/startDoc2mail.js';

let demo: Doc2mailDemo;
let outcomes: JobOutcome[];

beforeAll(async () => {
  demo = await startDoc2mail(mkdtempSync(path.join(os.tmpdir(), 'postbud-doc2mail-')), { gatewayWorkers: false, manager: { settleMs: 0, orphanAfterMs: 60_000 } });
  await dropSampleJobs(demo.manager.folders.inbox);
  outcomes = await demo.manager.scan();
  await demo.stack.gateway?.tick();
  await demo.stack.gateway?.tick();
}, 60_000);

afterAll(async () => {
  await demo?.close();
});

/** The doc2mail app's service principal in the sandbox world (the `oid` of its tokens). */
const DOC2MAIL_SERVICE_PRINCIPAL = '7c3e9a51-2d4b-4f86-a0c1-5e8b3d2f9a64';
const gatewayAsApp = () => new GatewayClient(demo.stack.gateway!.url, appTokenSource(sandboxTokenEndpoint(demo.stack.sandbox.url), DOC2MAIL_APP));
const receipt = (job: string) => JSON.parse(readFileSync(path.join(demo.manager.folders.done, `${job}.receipt.json`), 'utf8')) as Receipt;
const outcome = (job: string) => outcomes.find((o) => o.job === job);

test('the marked recipient line is read from a compressed PDF content stream', async () => {
  expect(findMarkedRecipient(await letterPdf({ title: 'x', lines: ['##DP-MODTAGER: 120485-2345##'] }))).toBe('1204852345');
  expect(findMarkedRecipient(await letterPdf({ title: 'x', lines: ['Ingen markering'] }))).toBeUndefined();
});

test('every job ends in done/ or failed/; the malformed one did not block the others', () => {
  expect(outcomes.map((o) => [o.job, o.ok])).toEqual([
    ['afgoerelse-anna', true], ['bageriet-tilsyn', true], ['indkaldelse-bo', true], ['mangelfuld', false], ['rykker-carl', true],
  ]);
  expect(readdirSync(demo.manager.folders.inbox)).toEqual([]);
  expect(readdirSync(demo.manager.folders.processing)).toEqual([]);
  expect(readdirSync(demo.manager.folders.failed).sort()).toEqual(['mangelfuld.error.txt', 'mangelfuld.job', 'mangelfuld.pdf']);
});

test('the error file says in Danish and English what to fix, without a whole CPR number', () => {
  const text = readFileSync(path.join(demo.manager.folders.failed, 'mangelfuld.error.txt'), 'utf8');
  expect(text).toContain('Angiv brevets titel');
  expect(text).toContain('Give the letter\'s title');
  expect(text).not.toMatch(/\d{6}-?\d{4}/);
});

test('digital jobs arrive through the gateway with case id (tagged with the printing system) and reply on; the receipt is filed in done/', async () => {
  expect(outcome('afgoerelse-anna')).toMatchObject({ ok: true, channel: 'digital' });
  const r = receipt('afgoerelse-anna');
  const [letter] = await demo.inspector.letters({ messageUuid: r.letterId! });
  expect(letter).toMatchObject({ recipientId: '0101901234', channel: 'digital', reply: true, contactPointId: '32b4dc44-0652-4f7c-93b8-d00a533a30f7' });
  const h = parseMemo(await demo.inspector.letterXml(letter!.id)).message.MessageHeader;
  expect(h.ContentData?.CaseID).toMatchObject({ caseID: 'YD-2025-0031', caseSystem: 'OPUS Ydelse' });
  expect(r.transmissionId).toEqual(expect.any(String));
  expect(r.events.map((e) => e.kind)).toContain('receipt');
});

test('the recipient read from the PDF and a company production unit are honoured', async () => {
  const bo = await demo.inspector.letters({ messageUuid: receipt('indkaldelse-bo').letterId! });
  expect(bo[0]?.recipientId).toBe('1204852345');
  const bageriet = await demo.inspector.letters({ messageUuid: receipt('bageriet-tilsyn').letterId! });
  expect(bageriet[0]).toMatchObject({ recipientId: '13748136', pNumber: '1000000029' });
});

test('an exempt recipient goes through the gateway as physical post (fjernprint); the gateway ledger and the sandbox tray say physical', async () => {
  expect(outcome('rykker-carl')).toMatchObject({ ok: true, channel: 'physical' });
  const r = receipt('rykker-carl');
  expect(r).toMatchObject({ channel: 'physical', letterId: expect.any(String) });
  const inGateway = await gatewayAsApp().getLetter(r.letterId!);
  expect(inGateway).toMatchObject({ senderSystem: 'doc2mail', channel: 'physical', reachability: 'physical' });
  const [letter] = await demo.inspector.letters({ messageUuid: r.letterId! });
  expect(letter).toMatchObject({ recipientId: '2307703456', channel: 'physical' });
  // The printed letter carries the postal address (the ticket's, which here equals the register's).
  const tray = await (await fetch(`${demo.stack.sandbox.url}/_sandbox/letters/${letter!.id}`)).json() as Record<string, unknown>;
  expect(JSON.stringify(tray)).toContain('Møllevej');
  // The gateway's outbox filed the route's receipt on the job.
  expect(r.events.map((e) => e.kind)).toContain('receipt');
});

test('a recipient with neither Digital Post nor a known address fails the job with advice to add the address', async () => {
  writeFileSync(path.join(demo.manager.folders.inbox, 'ukendt.pdf'), await letterPdf({ title: 'Brev', lines: ['Til en ukendt modtager'] }));
  writeFileSync(path.join(demo.manager.folders.inbox, 'ukendt.job'), 'recipient: 311299-1234\ntitle: Brev til ukendt\nsenderSystem: OPUS Debitor\n');
  const [result] = await demo.manager.scan();
  expect(result).toMatchObject({ job: 'ukendt', ok: false });
  const text = readFileSync(path.join(demo.manager.folders.failed, 'ukendt.error.txt'), 'utf8');
  expect(text).toContain('Add "address: Street 12, 8000 Town" to the ticket');
  expect(text).not.toContain('3112991234');
});

test('the output manager signs in as a service identity: the gateway records the doc2mail app, not a caseworker, as the actor', async () => {
  const inGateway = await gatewayAsApp().getLetter(receipt('afgoerelse-anna').letterId!);
  expect((inGateway as unknown as { caseworker: string }).caseworker).toBe(DOC2MAIL_SERVICE_PRINCIPAL);
});

test('a reply comes back to the job: saved in replies/ and noted on the receipt', async () => {
  const r = receipt('afgoerelse-anna');
  await demo.inspector.deliver();
  await demo.inspector.reply(r.letterId!, 'Tak, jeg har et spørgsmål til beregningen.');
  await demo.stack.gateway?.tick();
  await demo.stack.gateway?.tick();
  const saved = readdirSync(demo.manager.folders.replies).filter((f) => f.startsWith('afgoerelse-anna.'));
  expect(saved).toHaveLength(1);
  expect(readFileSync(path.join(demo.manager.folders.replies, saved[0]!), 'utf8')).toContain(r.letterId!);
  expect(receipt('afgoerelse-anna').events.map((e) => e.kind)).toContain('reply');
});

test('the watcher picks up a job dropped later; an unfinished pair waits, and a lone PDF goes to failed/ after the orphan time', async () => {
  const late = await startDoc2mail(mkdtempSync(path.join(os.tmpdir(), 'postbud-doc2mail-w-')), { gatewayWorkers: false, manager: { settleMs: 50, orphanAfterMs: 4000, scanIntervalMs: 200 } });
  try {
    late.manager.start();
    const inbox = late.manager.folders.inbox;
    writeFileSync(path.join(inbox, 'alene.pdf'), await letterPdf({ title: 'x', lines: ['x'] }));
    await dropSampleJobs(inbox, ['afgoerelse-anna']);
    const until = async (file: string) => {
      for (let i = 0; i < 300 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
      return existsSync(file);
    };
    expect(await until(path.join(late.manager.folders.done, 'afgoerelse-anna.receipt.json'))).toBe(true);
    expect(existsSync(path.join(inbox, 'alene.pdf'))).toBe(true);
    expect(await until(path.join(late.manager.folders.failed, 'alene.error.txt'))).toBe(true);
    expect(readFileSync(path.join(late.manager.folders.failed, 'alene.error.txt'), 'utf8')).toContain('without a job ticket');
  } finally {
    await late.close();
  }
}, 30_000);
