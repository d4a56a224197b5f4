import { expect, test } from '@jest/globals';
import { FakeMailbox } from '../../testing/FakeMailbox.js';
import { EMPTY_DRAFT } from './DraftState.js';
import { DRAFT_KEY, DraftStore } from './DraftStore.js';

test('the draft state survives closing and reopening the pane (session data)', async () => {
  const mailbox = new FakeMailbox();
  const state = { ...EMPTY_DRAFT, mode: 'cvr-p' as const, cvr: '13748136', pNumber: '1012345678', companyName: 'Fiktiv Byg ApS', caseId: '2026-7', kle: '27.24.00', replyChosen: false, idempotencyKey: 'k1' };
  await new DraftStore(mailbox).save(state);
  expect(await new DraftStore(mailbox).load()).toEqual(state);
});

test('missing or damaged session data gives an empty draft', async () => {
  const mailbox = new FakeMailbox();
  expect(await new DraftStore(mailbox).load()).toEqual(EMPTY_DRAFT);
  mailbox.session.set(DRAFT_KEY, '{not json');
  expect(await new DraftStore(mailbox).load()).toEqual(EMPTY_DRAFT);
  mailbox.session.set(DRAFT_KEY, JSON.stringify({ mode: 'evil', cpr: 5, title: 'ok' }));
  expect(await new DraftStore(mailbox).load()).toEqual({ ...EMPTY_DRAFT, title: 'ok' });
});
