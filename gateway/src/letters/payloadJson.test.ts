import { expect, test } from '@jest/globals';
import type { LetterInput } from '@postbud/sdk';
import type { OutboxPayload } from './OutboxPayload.js';
import { payloadJson } from './payloadJson.js';

const big = Buffer.alloc(50_000, 7).toString('base64');
const file = (filename: string, base64: string) => ({ filename, content: { base64 } });

function payload(over: Partial<LetterInput> = {}): OutboxPayload {
  return {
    channel: 'digital-only',
    letter: {
      title: 'Afgørelse om boligstøtte', sender: { id: '29999902', label: 'Solbjerg Kommune' }, recipient: { type: 'cpr', cpr: '0101901234' },
      mainDocument: { files: [file('brev.pdf', big)] },
      attachments: [{ label: 'Bilag', files: [file('bilag.pdf', Buffer.alloc(30_000, 9).toString('base64')), file('lille.txt', 'aGVq')] }],
      ...over,
    } as LetterInput,
  };
}

test('gives the same JSON as JSON.stringify, with every attachment in place', () => {
  const p = payload();
  expect(payloadJson(p)).toBe(JSON.stringify(p));
});

test('base64 that needs escaping in JSON (line breaks) and marker-like text of the letter itself go through JSON.stringify', () => {
  const wrapped = big.replace(/(.{76})/g, '$1\r\n');
  const p = payload({
    title: '"base64":"\\u00000" \u0000 "base64":"\u00000"',
    technicalDocuments: [{ files: [file('data.xml', wrapped)] }],
  });
  const json = payloadJson(p);
  expect(json).toBe(JSON.stringify(p));
  expect(JSON.parse(json)).toEqual(p);
});

test('a letter without documents, and one with only small files', () => {
  const none: OutboxPayload = { channel: 'auto', letter: { title: 'x', recipient: { type: 'cvr', cvr: '29999902' } } as LetterInput };
  expect(payloadJson(none)).toBe(JSON.stringify(none));
  const small = payload({ mainDocument: { files: [file('a.pdf', 'aGVq')] }, attachments: [] });
  expect(payloadJson(small)).toBe(JSON.stringify(small));
});
