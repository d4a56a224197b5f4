/**
 * Text with characters a letter cannot carry (XML 1.0: C0 controls but tab/LF/CR, U+FFFE/FFFF,
 * lone surrogates) is refused at intake with 422 naming the field, in every field: also those
 * that never reach the MeMo (physical address, body, reply-off reason).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { startLetterApiHarness } from './support/letterApiHarness.js';
import type { LetterApiHarness } from './support/letterApiHarness.js';
import { TEST_CPR } from './fixtures.js';

let h: LetterApiHarness;

beforeAll(async () => {
  h = await startLetterApiHarness();
});

afterAll(async () => {
  await h?.close();
});

test('a character XML 1.0 cannot carry, in any text field, is refused with 422 LETTER_INVALID naming the field', async () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ title: 'Brev til 0101901234 \u0000\u0007\u001b[2J' }, 'title'],
    [{ title: 'Brev \u001b[31m' }, 'title'],
    [{ notification: 'Ny post\u0008' }, 'notification'],
    [{ caseId: 'SAG\u00011' }, 'caseId'],
    [{ recipient: { type: 'cpr', cpr: TEST_CPR, name: 'Sara\u0000' } }, 'recipient.name'],
    [{ physicalAddress: { name: 'Sara', street: 'Møllevej 8\u000B', postCode: '8000', city: 'Aarhus' } }, 'physicalAddress.street'],
    [{ reply: { enabled: false, offReason: 'ingen\uFFFF' } }, 'reply.offReason'],
    [{ files: [{ filename: 'brev\u0002.pdf', contentType: 'application/pdf', base64: h.pdf }] }, 'files[0].filename'],
    [{ body: { html: '<p>Hej\u0000</p>' }, files: [] }, 'body.html'],
    [{ title: 'Halv \uD800 surrogat' }, 'title'],
  ];
  for (const [overrides, field] of cases) {
    const res = await h.post(JSON.stringify(h.letter(overrides)), 'application/json');
    expect([field, res.status, res.json.error?.code, res.json.error?.details?.['field']]).toEqual([field, 422, 'LETTER_INVALID', field]);
    expect(res.json.error?.message).toMatch(new RegExp(`^${field.replace(/[.[\]]/g, '\\$&')}: contains the character U\\+`));
  }
  expect(h.route.sendCalls).toBe(0);
  // Tab, line feed and carriage return are text: accepted.
  expect((await h.post(JSON.stringify(h.letter({ title: 'Afgørelse\tom\r\nboligstøtte' })), 'application/json')).status).toBe(202);
});
