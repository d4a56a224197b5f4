import { expect, test } from '@jest/globals';
import { PostbudError } from '@postbud/sdk';
import type { Letter, LetterRequest, LetterState, LetterWithHistory } from '../../gateway/types.js';
import { FakeMailbox } from '../../testing/FakeMailbox.js';
import { aSenderSystem } from '../../testing/fixtures.js';
import { DEFAULT_LIMITS } from '../content/letterLimits.js';
import { planContent } from '../content/planContent.js';
import { EMPTY_DRAFT } from '../draft/DraftState.js';
import { DraftStore } from '../draft/DraftStore.js';
import { asksOffReason } from '../sender/replyOption.js';
import { buildLetterRequest } from './buildLetterRequest.js';
import { finishDraft } from './finishDraft.js';
import { sendLetter } from './sendLetter.js';
import type { LetterSender, SendProgress } from './sendLetter.js';

class RecordingSender implements LetterSender {
  readonly sent: { letter: LetterRequest; key: string }[] = [];
  readonly failures: PostbudError[] = [];
  statuses: LetterState[] = ['delivered'];
  async sendLetter(letter: LetterRequest, key: string): Promise<Letter> {
    this.sent.push({ letter, key });
    const failure = this.failures.shift();
    if (failure) throw failure;
    return { id: `ltr-${key}`, state: 'accepted', channel: null };
  }
  async letterStatus(id: string): Promise<LetterWithHistory> {
    return { letter: { id, state: this.statuses.shift() ?? 'delivered', channel: 'digital' }, history: [] };
  }
}

function aMailbox(version = '1.14'): FakeMailbox {
  return new FakeMailbox({
    mailboxVersion: version,
    subject: 'Afgørelse om boligstøtte',
    bodyHtml: '<p>Kære Anna</p><img src="cid:logo1">',
    attachments: [
      { id: 'a1', name: 'afgoerelse.pdf', size: 1200, contentType: 'application/pdf', kind: 'file', isInline: false, content: { format: 'base64', content: 'JVBERi0xLjQ=' } },
      { id: 'a2', name: 'Tidligere mail', size: 800, contentType: '', kind: 'item', isInline: false, content: { format: 'eml', content: 'Subject: Æble\r\n\r\nhej' } },
      { id: 'a3', name: 'logo.png', size: 300, contentType: 'image/png', kind: 'file', isInline: true, contentId: 'logo1', content: { format: 'base64', content: 'iVBORw0=' } },
    ],
  });
}

const draft = { ...EMPTY_DRAFT, title: 'Afgørelse om boligstøtte', caseId: '2026-001', senderSystemId: 'borgerservice', contactPointId: '7f4c1c7e-1111-4a7e-9a2b-000000000002', replyBy: '2026-07-01' };

async function run(mailbox: FakeMailbox, gateway: RecordingSender, keys: string[] = ['key-1', 'key-2']) {
  const drafts = new DraftStore(mailbox);
  const d = await drafts.load();
  const progress: SendProgress[] = [];
  const result = await sendLetter(
    { gateway, mailbox, drafts, newKey: () => keys.shift()!, sleep: async () => {}, maxPolls: 5 },
    { draft: { ...draft, ...pick(d) }, recipient: { type: 'cpr', cpr: '0101901234' }, sender: aSenderSystem(), plan: planContent(await mailbox.listAttachments(), DEFAULT_LIMITS) },
    (p) => progress.push(p),
  );
  return { result, progress, saved: await drafts.load() };
}

function pick(d: typeof EMPTY_DRAFT) {
  return { ...(d.idempotencyKey ? { idempotencyKey: d.idempotencyKey } : {}), ...(d.sentLetterId ? { sentLetterId: d.sentLetterId } : {}) };
}

test('sends body, attachments (mail as .eml) and inline images, reads attachments one at a time, and follows the status', async () => {
  const mailbox = aMailbox();
  const gateway = new RecordingSender();
  gateway.statuses = ['accepted', 'sending', 'delivered'];
  const { result, progress, saved } = await run(mailbox, gateway);
  expect(result).toEqual({ id: 'ltr-key-1', state: 'delivered', channel: 'digital' });
  expect(mailbox.maxParallelReads).toBe(1);
  const { letter, key } = gateway.sent[0]!;
  expect(key).toBe('key-1');
  expect(letter.body.html).toContain('cid:logo1');
  expect(letter.files.map((a) => [a.filename, a.contentType])).toEqual([['afgoerelse.pdf', 'application/pdf'], ['Tidligere mail.eml', 'message/rfc822']]);
  expect(atob(letter.files[1]!.base64)).toBe(String.fromCharCode(...new TextEncoder().encode('Subject: Æble\r\n\r\nhej')));
  expect(letter.inlineImages).toEqual([{ contentId: 'logo1', filename: 'logo.png', contentType: 'image/png', base64: 'iVBORw0=' }]);
  expect(letter).toMatchObject({ senderSystem: 'borgerservice', contactPointId: '7f4c1c7e-1111-4a7e-9a2b-000000000002', caseId: '2026-001', reply: { enabled: true, replyBy: new Date(2026, 6, 1, 23, 59, 59).toISOString() } });
  expect(letter.reply).not.toHaveProperty('offReason');
  expect(progress.map((p) => p.step)).toEqual(['reading', 'reading', 'reading', 'reading', 'sending', 'waiting', 'waiting', 'waiting']);
  expect(saved.sentLetterId).toBe('ltr-key-1');
});

test('a retry after a lost answer reuses the idempotency key, even after the pane was reopened', async () => {
  const mailbox = aMailbox();
  const gateway = new RecordingSender();
  gateway.failures.push(new PostbudError('NETWORK_ERROR', 'lost', { retryable: true, fault: 'unknown' }));
  await expect(run(mailbox, gateway)).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  expect((await new DraftStore(mailbox).load()).idempotencyKey).toBe('key-1');
  await run(mailbox, gateway); // a fresh run reads the key from session data, like a reopened pane
  expect(gateway.sent.map((s) => s.key)).toEqual(['key-1', 'key-1']);
});

test('a definite refusal drops the key, so the corrected letter is a new letter', async () => {
  const mailbox = aMailbox();
  const gateway = new RecordingSender();
  gateway.failures.push(new PostbudError('SEND_REJECTED', 'no', { details: { status: 422 } }));
  const keys = ['key-1', 'key-2'];
  await expect(run(mailbox, gateway, keys)).rejects.toMatchObject({ code: 'SEND_REJECTED' });
  expect((await new DraftStore(mailbox).load()).idempotencyKey).toBeUndefined();
  await run(mailbox, gateway, keys);
  expect(gateway.sent.map((s) => s.key)).toEqual(['key-1', 'key-2']);
});

test('a draft that was already accepted is never sent again', async () => {
  const mailbox = aMailbox();
  const gateway = new RecordingSender();
  await run(mailbox, gateway);
  const second = await run(mailbox, gateway);
  expect(gateway.sent).toHaveLength(1);
  expect(second.result.id).toBe('ltr-key-1');
});

test('an empty attachment content from Outlook stops the send before anything leaves', async () => {
  const mailbox = aMailbox();
  mailbox.attachments[0] = { ...mailbox.attachments[0]!, content: { format: 'base64', content: '' } };
  const gateway = new RecordingSender();
  await expect(run(mailbox, gateway)).rejects.toMatchObject({ code: 'FILE_UNREADABLE', retryable: true });
  expect(gateway.sent).toHaveLength(0);
});

test('finishDraft closes and discards on Mailbox 1.14 and reports manual handling before', async () => {
  const modern = aMailbox('1.14');
  expect(await finishDraft(modern)).toBe('closed');
  expect(modern.closed).toBe(true);
  const old = aMailbox('1.9');
  expect(await finishDraft(old)).toBe('manual');
  expect(old.calls).not.toContain('closeAndDiscard');
  const failing = aMailbox('1.14');
  failing.failNext.add('closeAndDiscard');
  expect(await finishDraft(failing)).toBe('manual');
});

test('reply turned off under caseworker-choice with default on: the reason goes along; elsewhere it does not', async () => {
  const read = [{ filename: 'a.pdf', contentType: 'application/pdf', base64: 'JVBE' }];
  const parts = { recipient: { type: 'cvr', cvr: '13748136', pNumber: '1012345678' } as const, bodyHtml: '<p>x</p>', attachments: read, inlineImages: [] };
  const off = { ...draft, replyChosen: false, replyOffReason: '  Brevet er kun til orientering ' };
  expect(buildLetterRequest({ ...parts, sender: aSenderSystem(), draft: off }).reply).toEqual({ enabled: false, offReason: 'Brevet er kun til orientering' });
  // Default off: turning it off is not a deviation, so nothing is asked or sent.
  const defaultOff = aSenderSystem({ reply: { policy: 'caseworker-choice', defaultOn: false } });
  expect(buildLetterRequest({ ...parts, sender: defaultOff, draft: off }).reply).toEqual({ enabled: false });
  expect(buildLetterRequest({ ...parts, sender: aSenderSystem({ reply: { policy: 'never', defaultOn: false } }), draft: off }).reply).toEqual({ enabled: false });
  const on = buildLetterRequest({ ...parts, sender: aSenderSystem(), draft: { ...off, replyChosen: true } });
  expect(on.reply).toEqual({ enabled: true, replyBy: new Date(2026, 6, 1, 23, 59, 59).toISOString() });
  expect(on).toMatchObject({ recipient: { type: 'cvr', cvr: '13748136', pNumber: '1012345678' }, files: read, inlineImages: [], body: { html: '<p>x</p>' } });
  expect(asksOffReason(aSenderSystem().reply, false)).toBe(true);
  expect(asksOffReason(aSenderSystem().reply, true)).toBe(false);
});

test('a letter the gateway accepts but then cannot send is reported as refused, and the draft may be sent anew', async () => {
  const mailbox = aMailbox();
  const gateway = new RecordingSender();
  gateway.statuses = ['rejected'];
  const keys = ['key-1', 'key-2'];
  await expect(run(mailbox, gateway, keys)).rejects.toMatchObject({ code: 'SEND_REJECTED', details: { letterId: 'ltr-key-1', state: 'rejected' } });
  const saved = await new DraftStore(mailbox).load();
  expect([saved.sentLetterId, saved.idempotencyKey]).toEqual([undefined, undefined]);
  gateway.statuses = ['delivered'];
  await run(mailbox, gateway, keys);
  expect(gateway.sent.map((s) => s.key)).toEqual(['key-1', 'key-2']);
});
