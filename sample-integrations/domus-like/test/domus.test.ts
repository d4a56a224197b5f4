import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseMemo } from '@postbud/sdk';
import { startDomus, type DomusDemo } from '../src/startDomus.js';

let demo: DomusDemo;
const SARA = 'sara.sagsbehandler@solbjerg.example';

beforeAll(async () => {
  demo = await startDomus(mkdtempSync(path.join(os.tmpdir(), 'postbud-domus-')), { gatewayWorkers: false });
});

afterAll(async () => {
  await demo?.close();
});

/** One outbox and one inbound round of the gateway. */
const tick = () => demo.stack.gateway?.tick() ?? Promise.resolve();

test('a letter on a case arrives with case id, KLE and CPR metadata, reply on by default, and its receipt is filed on the case', async () => {
  const anna = demo.cases[0]!;
  const sent = await demo.caseSystem.writeAndSend({ caseId: anna.id, ...anna.letter }, SARA);
  if (!sent.ok) console.log(sent.error);
  expect(sent.ok).toBe(true);
  if (!sent.ok) return;
  expect(sent.replyEnabled).toBe(true);
  await tick();
  const [arrived] = await demo.inspector.letters({ messageUuid: sent.letterId });
  expect(arrived).toMatchObject({ recipientId: '0101901234', reply: true, contactPointId: '32b4dc44-0652-4f7c-93b8-d00a533a30f7', senderId: '29999902' });
  const h = parseMemo(await demo.inspector.letterXml(arrived!.id)).message.MessageHeader;
  expect(h.ContentData?.CaseID).toMatchObject({ caseID: anna.id, caseSystem: 'DOMUS' });
  expect(h.ContentData?.KLEdata).toMatchObject({ subjectKey: '27.36.08', activityFacet: 'G01' });
  expect(h.ContentData?.CPRdata?.cprNumber).toBe('0101901234');
  expect(h.replyByDateTime).toBeDefined();
  await tick();
  const kinds = demo.store.thread(anna.id).map((e) => e.kind);
  expect(kinds).toEqual(expect.arrayContaining(['letter-sent', 'receipt']));
});

test('a citizen\'s reply comes back to the right case and the case shows the thread', async () => {
  const anna = demo.cases[0]!;
  const doc = demo.store.thread(anna.id).find((e) => e.kind === 'letter-sent')!;
  const letterId = demo.store.getDocument(doc.documentId!)!.letterId!;
  await demo.inspector.deliver();
  await demo.inspector.reply(letterId, 'Tak. Kan rollatoren leveres om formiddagen?');
  await tick();
  await tick();
  const thread = demo.store.thread(anna.id);
  const reply = thread.find((e) => e.kind === 'reply');
  expect(reply?.text).toContain('Kan rollatoren leveres om formiddagen?');
  expect(reply?.memoXml).toContain(letterId);
  expect(thread.map((e) => e.kind).indexOf('reply')).toBeGreaterThan(thread.map((e) => e.kind).indexOf('letter-sent'));
  // Nothing about this reply was filed on another case.
  expect(demo.store.thread(demo.cases[1]!.id).some((e) => e.kind === 'reply')).toBe(false);
});

test('turning reply off needs a reason; the decision is filed with time and caseworker, and the letter is not answerable', async () => {
  const bo = demo.cases[1]!;
  const refused = await demo.caseSystem.writeAndSend({ caseId: bo.id, title: 'Orientering', lines: ['x'], replyOff: { reason: '' } }, SARA);
  expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('hvorfor') });
  const sent = await demo.caseSystem.writeAndSend({ caseId: bo.id, ...bo.letter }, SARA);
  expect(sent).toMatchObject({ ok: true, replyEnabled: false });
  if (!sent.ok) return;
  await tick();
  const [arrived] = await demo.inspector.letters({ messageUuid: sent.letterId });
  expect(arrived?.reply).toBe(false);
  const off = demo.store.thread(bo.id).find((e) => e.kind === 'reply-off');
  expect(off).toMatchObject({ actor: SARA, text: expect.stringContaining('telefonisk') });
  expect(Date.parse(off!.at)).not.toBeNaN();
});

test('bad input is reported in plain words and filed; nothing is sent', async () => {
  const before = (await demo.inspector.letters()).length;
  const unknown = await demo.caseSystem.writeAndSend({ caseId: 'DOMUS-0000', title: 'x', lines: [] }, SARA);
  expect(unknown).toMatchObject({ ok: false, error: expect.stringContaining('findes ikke') });
  // A case with a malformed KLE key: the plugin refuses it, the gateway answers 422, the case shows why.
  demo.store.saveCase({ ...demo.cases[0]!, id: 'DOMUS-BAD-KLE', kle: { subjectKey: '27-36', label: 'Forkert' } });
  const bad = await demo.caseSystem.writeAndSend({ caseId: 'DOMUS-BAD-KLE', title: 'Brev', lines: ['x'] }, SARA);
  expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('KLE') });
  expect(demo.store.thread('DOMUS-BAD-KLE').map((e) => e.kind)).toEqual(['send-failed']);
  await tick();
  expect((await demo.inspector.letters()).length).toBe(before);
});
