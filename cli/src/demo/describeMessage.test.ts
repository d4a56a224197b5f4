import { expect, test } from '@jest/globals';
import { createMemoMessage } from '@postbud/sdk';
import { describeMessage } from './describeMessage.js';

const pdf = new Uint8Array([37, 80, 68, 70, 45]);

test('a letter to a production unit: company, P-number, attachments; no reply line', () => {
  const lines = describeMessage(
    createMemoMessage({
      title: 'Varsel',
      sender: { id: '13748136', label: 'Postbud Demo Kommune' },
      recipient: { type: 'cvr', cvr: '13585628', name: 'Demo A/S', pNumber: '1012345678' },
      mainDocument: { files: [{ filename: 'varsel.pdf', content: pdf }] },
      attachments: [{ files: [{ filename: 'bilag.txt', content: { base64: 'QmlsYWc=' } }] }],
    }),
  );
  expect(lines).toContain('  To:         CVR 13585628 (Demo A/S), production unit 1012345678');
  expect(lines).toContain('  Letter:     varsel.pdf (application/pdf, 5 bytes)');
  expect(lines).toContain('  Attachment: bilag.txt (text/plain, 5 bytes)');
  expect(lines.some((l) => l.includes('Reply:'))).toBe(false);
});

test('CPR recipients are masked and a NemSMS has no document lines', () => {
  const lines = describeMessage(
    createMemoMessage({
      messageType: 'NEMSMS',
      title: 'Påmindelse',
      notification: 'Husk tandlægen.',
      sender: { id: '13748136', label: 'Postbud Demo Kommune' },
      recipient: { type: 'cpr', cpr: '0101901234' },
    }),
  );
  expect(lines[0]).toMatch(/^MeMo 1\.2 NEMSMS {2}[0-9a-f-]{36}$/);
  expect(lines).toContain('  To:         CPR 010190-****');
  expect(lines.join('\n')).not.toContain('0101901234');
  expect(lines.some((l) => l.includes('Letter:'))).toBe(false);
});
