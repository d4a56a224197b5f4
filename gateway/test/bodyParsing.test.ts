/**
 * Letter request bodies that cannot be read or have the wrong JSON types: a typed 4xx
 * ErrorBody, never a 500 and never a coerced 202.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { startLetterApiHarness } from './support/letterApiHarness.js';
import type { LetterApiHarness } from './support/letterApiHarness.js';

let h: LetterApiHarness;

beforeAll(async () => {
  h = await startLetterApiHarness();
});

afterAll(async () => {
  await h?.close();
});

test('JSON types are checked as sent, not coerced: a number or boolean where text is expected is a 400', async () => {
  for (const overrides of [{ title: 42 }, { caseId: 7 }, { notification: true }, { reply: { enabled: 'true' } }, { files: [{ filename: 12, base64: h.pdf }] }]) {
    const res = await h.post(JSON.stringify(h.letter(overrides)), 'application/json');
    expect([JSON.stringify(overrides).slice(0, 40), res.status, res.json.error?.code]).toEqual([JSON.stringify(overrides).slice(0, 40), 400, 'REQUEST_INVALID']);
  }
});

test('multipart bodies that cannot be parsed are a 400 ErrorBody, never a 500', async () => {
  const noBoundary = await h.post('garbage', 'multipart/form-data');
  expect([noBoundary.status, noBoundary.json.error?.code]).toEqual([400, 'REQUEST_INVALID']);
  expect(noBoundary.json.error?.message).toContain('boundary');
  const truncated = await h.post('--xyz\r\nContent-Disposition: form-data; name="letter"\r\n\r\n{"title":', 'multipart/form-data; boundary=xyz');
  expect(truncated.status).toBeGreaterThanOrEqual(400);
  expect(truncated.status).toBeLessThan(500);
  const wrongBoundary = await h.post('--abc\r\nContent-Disposition: form-data; name="letter"\r\n\r\n{}\r\n--abc--\r\n', 'multipart/form-data; boundary=xyz');
  expect([wrongBoundary.status, wrongBoundary.json.error?.code]).toEqual([400, 'REQUEST_INVALID']);
  expect(h.logLines.filter((l) => l.includes('unexpected error'))).toEqual([]);
});

test('JSON bodies: Danish text and a BOM read as sent, invalid UTF-8 and __proto__ keys a 400 (never replaced or merged)', async () => {
  const title = 'Afgørelse om børnepasning – 5 € pr. måned';
  const danish = await h.post(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(h.letter({ title })), 'utf8')]), 'application/json');
  expect(danish.status).toBe(202);
  expect(JSON.stringify(danish.json)).toContain(title);
  const bytes = Buffer.from(JSON.stringify(h.letter({ title: 'Afgørelse' })), 'utf8');
  bytes[bytes.indexOf(0xc3)] = 0xff; // the ø's first byte: no longer UTF-8
  const broken = await h.post(bytes, 'application/json');
  expect([broken.status, broken.json.error?.code, broken.json.error?.message]).toEqual([400, 'REQUEST_INVALID', 'The body is not UTF-8 encoded JSON.']);
  const poisoned = await h.post(JSON.stringify({ ...h.letter(), ['__proto__']: { admin: true } }).replace('"senderSystem"', '"__proto__":{"admin":true},"senderSystem"'), 'application/json');
  expect(poisoned.status).toBe(400);
  expect(h.logLines.filter((l) => l.includes('unexpected error'))).toEqual([]);
});
