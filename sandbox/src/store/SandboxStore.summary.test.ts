import { expect, test } from '@jest/globals';
import { SandboxStore } from './SandboxStore.js';
import { LETTER_CONTENT_FIELDS, type LetterRecord } from './records.js';

test('letterSummary and pendingLetters give every field of a letter but its content', () => {
  const store = SandboxStore.open(null);
  try {
    const letter: LetterRecord = {
      id: 'l-1', messageUuid: '0b3f9d2e-4c1a-4f7e-9a6b-2d8c5e1f3a70', messageId: 'M-1', route: 'sf1601', kombiCode: 'Automatisk Valg', channel: 'digital',
      memoVersion: '1.2', senderId: '29999902', senderLabel: 'Solbjerg Kommune', recipientId: '0101901234', recipientLabel: 'Anna', pNumber: null,
      title: 'Afgørelse', reply: true, replyBy: '2030-01-01T00:00:00Z', contactPointId: 'cp-1', status: 'accepted', failCode: null, failText: null,
      memoXml: '<memo:Message>ø</memo:Message>', forsendelseXml: '<ForsendelseI/>', printPdfBase64: 'JVBERg==', responseStatus: 200, responseType: 'application/xml',
      responseBody: '<kombi_response/>', transactionId: 't-1', systemId: null, authorityCvr: '29999902', deliverAfter: 5, createdAt: '2026-11-22T10:00:00.000Z',
      deliveredAt: null, readAt: null,
    };
    store.insertLetter(letter);
    const content = new Set<string>(LETTER_CONTENT_FIELDS);
    const expected = Object.fromEntries(Object.entries(letter).filter(([k]) => !content.has(k)));
    expect(store.letterSummary('l-1')).toEqual(expected);
    expect(store.pendingLetters()).toEqual([expected]);
    expect(store.letter('l-1')).toEqual(letter);
    expect(store.letterSummary('nope')).toBeUndefined();
  } finally {
    store.close();
  }
});
