import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DigitalPostClient, parseMemo } from '@postbud/sdk';
import { SandboxInspector } from '../../shared/src/SandboxInspector.js';
import { startLocalStack, type LocalStack } from '../../shared/src/startLocalStack.js';
import { AUTHORITY, CITIZENS, CONTACT_POINTS } from '../../shared/src/world.js';
import { collectReplies } from '../src/collectReplies.js';
import { FasitStore } from '../src/FasitStore.js';
import { generateBatch } from '../src/generateBatch.js';
import { runBatch, type BatchSummary } from '../src/runBatch.js';

const ROWS = 150;
const BAD_EVERY = 50; // rows 50, 100, 150 carry an impossible CPR number
let dir: string;
let stack: LocalStack;
let store: FasitStore;
let client: DigitalPostClient;
let inspector: SandboxInspector;
let batchFile: string;
let first: BatchSummary;
let resumed: BatchSummary;
let crashed: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'postbud-fasit-'));
  // 'light' validation keeps 150 letters fast; the SDK validates every MeMo before sending, and the
  // DOMUS and doc2mail tests run the sandbox with full XSD validation.
  stack = await startLocalStack({ dataDir: dir, sandbox: { validation: 'light' } });
  client = new DigitalPostClient({ baseUrl: stack.sandbox.url, sender: { cvr: AUTHORITY.cvr, label: 'Solbjerg Kommune, Jobcenter' } });
  inspector = new SandboxInspector(stack.sandbox.url);
  store = FasitStore.open(path.join(dir, 'fasit.sqlite'));
  batchFile = await generateBatch(path.join(dir, 'batch'), ROWS, { badEvery: BAD_EVERY });
  // First run, stopped after 40 letters; then resumed.
  const stop = new AbortController();
  first = await runBatch({ client, store, batchFile, batchId: 'B-2025-05', concurrency: 6, signal: stop.signal, onProgress: (p) => { if (p.done >= 40) stop.abort(); } });
  // A crash between sending and bookkeeping: five letters reached Digital Post but are not marked sent.
  const db = new Database(path.join(dir, 'fasit.sqlite'));
  crashed = (db.prepare(`SELECT message_uuid FROM batch_rows WHERE state = 'sent' ORDER BY row LIMIT 5`).all() as { message_uuid: string }[]).map((r) => r.message_uuid);
  db.prepare(`UPDATE batch_rows SET state = 'pending', transmission_id = NULL WHERE state = 'sent' AND row IN (SELECT row FROM batch_rows WHERE state = 'sent' ORDER BY row LIMIT 5)`).run();
  db.close();
  resumed = await runBatch({ client, store, batchFile, batchId: 'B-2025-05', concurrency: 6 });
}, 120_000);

afterAll(async () => {
  store?.close();
  await stack?.close();
});

const valid = ROWS - ROWS / BAD_EVERY;

test('an interrupted and resumed run sends every valid letter exactly once (counted in the sandbox)', async () => {
  expect(first.aborted).toBe(true);
  expect(first.pending).toBeGreaterThan(0);
  expect(resumed.skipped).toBe(first.sentNow - 5);
  // The five re-sent letters were recognised by their UUID and answered with the original receipt
  // (the sandbox's TransmissionID is the id of the letter it stored the first time).
  expect(crashed).toHaveLength(5);
  for (const uuid of crashed) {
    const [original] = await inspector.letters({ messageUuid: uuid });
    expect(original?.id).toEqual(expect.any(String));
    expect(store.byMessageUuid(uuid)?.transmissionId).toBe(original?.id);
  }
  expect(resumed.pending).toBe(0);
  expect(resumed.failed).toBe(0);
  const inSandbox = await inspector.letters({ sender: AUTHORITY.cvr });
  expect(inSandbox).toHaveLength(valid);
  const uuids = new Set(inSandbox.map((l) => l.messageUuid));
  expect(uuids.size).toBe(valid);
  for (const row of store.rows('B-2025-05').filter((r) => r.state === 'sent')) expect(uuids.has(row.messageUUID)).toBe(true);
  // Derived UUIDs are valid v4 UUIDs.
  for (const u of uuids) expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('a third run sends nothing: every row is already sent', async () => {
  const again = await runBatch({ client, store, batchFile, batchId: 'B-2025-05' });
  expect(again).toMatchObject({ sentNow: 0, skipped: valid, pending: 0 });
  expect(await inspector.letters({ sender: AUTHORITY.cvr })).toHaveLength(valid);
});

test('letters carry reply on, the jobcenter contact point and the Fasit case id; exempt recipients went as physical post and the summary counts them', async () => {
  const exempt = new Set(CITIZENS.filter((c) => !c.digitalPost).map((c) => c.cpr));
  const letters = await inspector.letters({ sender: AUTHORITY.cvr });
  const physical = letters.filter((l) => l.channel === 'physical');
  expect(physical.length).toBeGreaterThan(0);
  expect(physical.every((l) => exempt.has(l.recipientId ?? ''))).toBe(true);
  expect(resumed.physical).toBe(physical.length);
  expect(resumed.digital).toBe(valid - physical.length);
  const digital = letters.find((l) => l.channel === 'digital')!;
  expect(digital).toMatchObject({ reply: true, contactPointId: CONTACT_POINTS.jobcenter });
  const h = parseMemo(await inspector.letterXml(digital.id)).message.MessageHeader;
  expect(h.ContentData?.CaseID).toMatchObject({ caseSystem: 'Fasit', caseID: expect.stringMatching(/^FASIT-1\d{5}$/) });
  expect(h.reply).toBe(true);
});

test('bad rows are reported with what to fix and kept; they are never sent', () => {
  expect(resumed.invalid).toBe(ROWS / BAD_EVERY);
  expect(resumed.errors.map((e) => e.row)).toEqual([50, 100, 150]);
  expect(resumed.errors[0]?.error).toMatch(/Row 50: the CPR number 321390-\*\*\*\* is not valid/);
  expect(store.rows('B-2025-05')).toHaveLength(ROWS);
});

test('replies are matched back to their case and listed for the caseworker', async () => {
  await inspector.deliver();
  const sent = store.rows('B-2025-05').filter((r) => r.state === 'sent' && r.channel === 'digital').slice(0, 3);
  for (const r of sent) await inspector.reply(r.messageUUID, `Svar på ${r.caseId}`);
  const summary = await collectReplies(client, store);
  expect(summary).toEqual({ fetched: 3, matched: 3, unmatched: 0 });
  for (const r of sent) expect(store.replies({ caseId: r.caseId! })).toEqual([expect.objectContaining({ messageUUID: r.messageUUID, title: expect.stringContaining('Sv:') })]);
  // Acknowledged and removed from the queue: a second collect finds nothing.
  expect(await collectReplies(client, store)).toEqual({ fetched: 0, matched: 0, unmatched: 0 });
});
