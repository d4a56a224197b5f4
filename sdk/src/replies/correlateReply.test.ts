import { expect, test } from '@jest/globals';
import { createMemoMessage } from '../memo/factories/createMemoMessage.js';
import { correlateReply } from './correlateReply.js';

const ORIGINAL = 'aaaaaaaa-0000-4000-8000-000000000001';
const REPLY = 'bbbbbbbb-0000-4000-8000-000000000001';

function aReply(replyData: Parameters<typeof createMemoMessage>[0]['replyData'], caseId?: { id: string; system: string }) {
  return createMemoMessage({
    messageUUID: REPLY,
    title: 'Svar: Afgørelse',
    sender: { id: '0101901234', idType: 'CPR', label: 'Fiktiv Borger' },
    recipient: { type: 'cvr', cvr: '13748136' },
    mainDocument: { files: [{ filename: 'svar.txt', content: new TextEncoder().encode('Tak') }] },
    ...(replyData ? { replyData } : {}),
    ...(caseId ? { metadata: { caseId } } : {}),
  });
}

test('ReplyData pointing at the original gives its message UUID and case id', () => {
  const c = correlateReply(aReply([{ messageUUID: ORIGINAL, caseID: 'SAG-2026-17', contactPointID: '2b5a0c3e-6f1d-4c2a-9d3b-1e2f3a4b5c6d' }]));
  expect(c).toMatchObject({ messageUUID: REPLY, originalMessageUUID: ORIGINAL, caseID: 'SAG-2026-17', contactPointID: '2b5a0c3e-6f1d-4c2a-9d3b-1e2f3a4b5c6d', senderID: '0101901234' });
});

test('a thread entry for the reply itself links through replyUUID', () => {
  const c = correlateReply(aReply([{ messageUUID: ORIGINAL }, { messageUUID: REPLY, replyUUID: ORIGINAL }]));
  expect(c.originalMessageUUID).toBe(ORIGINAL);
  expect(c.threadMessageUUIDs).toEqual([ORIGINAL]);
});

test('without ReplyData the case id comes from ContentData; no original is invented', () => {
  const c = correlateReply(aReply(undefined, { id: 'SAG-1', system: 'SBSYS' }));
  expect(c.originalMessageUUID).toBeUndefined();
  expect(c).toMatchObject({ caseID: 'SAG-1', caseSystem: 'SBSYS' });
});
