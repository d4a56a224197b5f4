import { expect, test } from '@jest/globals';
import { sharedReference } from '../../../../test-support/sharedReference.js';
import { MemoXsdValidator } from './MemoXsdValidator.js';

const memoDir = sharedReference('memo');
const withXsd = memoDir ? test : test.skip;

const minimal12 = (extraHeader = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>
<memo:Message xmlns:memo="https://DigitalPost.dk/MeMo-1" memoVersion="1.2"><memo:MessageHeader><memo:messageType>DIGITALPOST</memo:messageType><memo:messageUUID>8c2ea15d-61fb-4ba9-9366-42f8b194c114</memo:messageUUID><memo:label>Hej</memo:label>${extraHeader}<memo:Sender><memo:senderID>12345678</memo:senderID><memo:idType>CVR</memo:idType><memo:label>Kommune</memo:label></memo:Sender><memo:Recipient><memo:recipientID>0101901234</memo:recipientID><memo:idType>CPR</memo:idType></memo:Recipient></memo:MessageHeader></memo:Message>`;

withXsd('accepts a minimal MeMo 1.2 message and rejects it as 1.1 (memoSchVersion missing)', async () => {
  const validator = await MemoXsdValidator.load(memoDir!);
  expect(await validator.validate(minimal12(), '1.2')).toEqual([]);
  const problems = await validator.validate(minimal12(), '1.1');
  expect(problems.some((p) => p.message.includes('memoSchVersion'))).toBe(true);
});

withXsd('reports a datetime without Z and names the element', async () => {
  const validator = await MemoXsdValidator.load(memoDir!);
  const problems = await validator.validate(minimal12('<memo:replyByDateTime>2026-01-01T10:00:00+02:00</memo:replyByDateTime>'), '1.2');
  expect(problems).toHaveLength(1);
  expect(problems[0]!.message).toContain('replyByDateTime');
});

withXsd('validates many documents in one run and says which one failed', async () => {
  const validator = await MemoXsdValidator.load(memoDir!);
  const docs = [
    { name: 'a.xml', xml: minimal12() },
    { name: 'b.xml', xml: minimal12().replace('8c2ea15d-61fb-4ba9', '8c2ea15d-61fb-1ba9') },
    { name: 'c.xml', xml: minimal12() },
  ];
  const problems = await validator.validateMany(docs, '1.2');
  expect(problems.map((p) => p.document)).toEqual(['b.xml']);
});
