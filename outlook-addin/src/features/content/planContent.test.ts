import { expect, test } from '@jest/globals';
import type { AttachmentInfo } from '../../office/MailboxAdapter.js';
import { DEFAULT_LIMITS, resolveLimits } from './letterLimits.js';
import { planContent } from './planContent.js';

const file = (name: string, size = 1000, extra: Partial<AttachmentInfo> = {}): AttachmentInfo =>
  ({ id: name, name, size, contentType: '', kind: 'file', isInline: false, ...extra });

test('files and attached mails become documents; inline images stay with the body', () => {
  const plan = planContent([
    file('brev.pdf'), file('Ansøgning', 500, { kind: 'item' }), file('billede.png', 200, { isInline: true, contentId: 'img1' }),
  ], DEFAULT_LIMITS);
  expect(plan.documents.map((d) => [d.filename, d.contentType, d.kind])).toEqual([
    ['brev.pdf', 'application/pdf', 'file'], ['Ansøgning.eml', 'message/rfc822', 'item'],
  ]);
  expect(plan.inlineImages).toEqual([{ attachmentId: 'billede.png', filename: 'billede.png', kind: 'file', size: 200, contentType: 'image/png', contentId: 'img1' }]);
  expect(plan.refused).toEqual([]);
  expect(plan.totalBytes).toBe(1700);
  expect(plan.tooLarge).toBe(false);
});

test('cloud links, forbidden types and oversize files are refused with a reason', () => {
  const plan = planContent([
    file('Budget.xlsx', 10, { kind: 'cloud' }), file('setup.exe'), file('script.js'), file('noext'), file('stor.pdf', 26 * 1024 * 1024),
  ], DEFAULT_LIMITS);
  expect(plan.refused).toEqual([
    { name: 'Budget.xlsx', reason: 'cloud' }, { name: 'setup.exe', reason: 'type' }, { name: 'script.js', reason: 'type' },
    { name: 'noext', reason: 'type' }, { name: 'stor.pdf', reason: 'size' },
  ]);
  expect(plan.documents).toEqual([]);
});

test('attachments beyond the limit are refused, and the total size is checked', () => {
  const limits = resolveLimits({ maxAttachments: 2, maxTotalBytes: 2500 });
  const plan = planContent([file('a.pdf'), file('b.pdf'), file('c.pdf'), file('d.png', 2000, { isInline: true })], limits);
  expect(plan.documents.map((d) => d.filename)).toEqual(['a.pdf', 'b.pdf']);
  expect(plan.refused).toEqual([{ name: 'c.pdf', reason: 'count' }]);
  expect(plan.tooLarge).toBe(true);
});

test('the gateway may narrow the allowed types', () => {
  const plan = planContent([file('a.docx'), file('b.pdf')], resolveLimits({ allowedExtensions: ['pdf'] }));
  expect(plan.refused).toEqual([{ name: 'a.docx', reason: 'type' }]);
});
