import { expect, test } from '@jest/globals';
import { createMemoMessage, writeMemo } from '@postbud/sdk';
import { MemoGate } from './MemoGate.js';

const memo = (over: { label?: string; filename?: string } = {}) =>
  writeMemo(createMemoMessage({
    title: 'Afgørelse om boligstøtte',
    sender: { id: '29999902', label: over.label ?? 'Solbjerg Kommune' },
    recipient: { type: 'cpr', cpr: '0101901234' },
    mainDocument: { files: [{ filename: over.filename ?? 'brev.pdf', content: new TextEncoder().encode('%PDF-1.4 fiktiv') }] },
  }));

test('light mode refuses what breaks NgDP business rules, and does not check simple values at all (not even as warnings)', async () => {
  const light = new MemoGate('light', null);
  const sdk = new MemoGate('sdk', null);
  const tooLong = memo({ label: 'x'.repeat(300) });
  expect((await sdk.check(tooLong)).issues.map((i) => i.code)).toContain('MAX_LENGTH');
  const lightResult = await light.check(tooLong);
  expect(lightResult.ok).toBe(true);
  expect(lightResult.warnings).toEqual([]);
  const badName = await light.check(memo({ filename: 'a:b.pdf' }));
  expect(badName.ok).toBe(false);
  expect(badName.issues.map((i) => i.code)).toEqual(['FILENAME_CHARACTERS']);
});
