import { expect, test } from '@jest/globals';
import { PostbudError } from '@postbud/sdk';
import type { FileContentInput } from '@postbud/sdk';
import { CliUsageError } from '../CliUsageError.js';
import { DEMO_AUTHORITY } from './demoAuthority.js';
import { letterInputFromOptions, replyByDate } from './letterInputFromOptions.js';

const opened: string[] = [];
const content = (p: string): FileContentInput => {
  opened.push(p);
  return new TextEncoder().encode(p);
};

test('a minimal letter to a CPR number gets the demo authority as sender and a PDF main document', () => {
  const input = letterInputFromOptions({ to: '010190-1234', title: 'Afgørelse', pdf: 'dir/afgoerelse.pdf' }, content);
  expect(input.recipient).toEqual({ type: 'cpr', cpr: '0101901234' });
  expect(input.sender).toEqual({ id: DEMO_AUTHORITY.cvr, label: DEMO_AUTHORITY.label });
  expect(input.memoVersion).toBe('1.2');
  expect(input.messageType).toBe('DIGITALPOST');
  expect(input.mainDocument?.files[0]?.filename).toBe('afgoerelse.pdf');
  expect(input.mainDocument?.label).toBe('afgoerelse');
  expect(opened).toContain('dir/afgoerelse.pdf');
  expect(input.reply).toBeUndefined();
  expect(input.metadata).toBeUndefined();
});

test('filenames come from the paths, made NgDP-safe', () => {
  const input = letterInputFromOptions({ to: '0101901234', title: 'T', pdf: 'dir/Afgørelse: 12?.pdf', attach: ['a|b.pdf'] }, content);
  expect(input.mainDocument?.files[0]?.filename).toBe('Afgørelse- 12-.pdf');
  expect(input.attachments?.[0]?.files[0]?.filename).toBe('a-b.pdf');
});

test('8 digits is a CVR number; --p-number addresses a production unit', () => {
  const input = letterInputFromOptions({ to: '13585628', pNumber: '1012345678', title: 'T', pdf: 'a.pdf', recipientName: 'Firma A/S' }, content);
  expect(input.recipient).toEqual({ type: 'cvr', cvr: '13585628', pNumber: '1012345678', name: 'Firma A/S' });
});

test('reply, contact point, reply-by, case id, KLE, attachments and version map to the letter input', () => {
  const input = letterInputFromOptions(
    {
      to: '0101901234', title: 'T', pdf: 'a.pdf', attach: ['b.pdf', 'c.txt'], reply: true,
      contactPoint: DEMO_AUTHORITY.contactPointId, replyBy: '2026-12-31', caseId: 'SAG-1', caseSystem: 'ESDH',
      kle: '32.18.08', kleLabel: 'Boligstøtte', kleVersion: 'Maj 2018', memoVersion: '1.1', senderCvr: '24256790', senderLabel: 'Anden Kommune',
    },
    content,
  );
  expect(input.reply).toEqual({ enabled: true, replyBy: new Date('2026-12-31T23:59:59Z') });
  expect(input.sender.contactPoint?.id).toBe(DEMO_AUTHORITY.contactPointId);
  expect(input.sender.id).toBe('24256790');
  expect(input.metadata).toEqual({ caseId: { id: 'SAG-1', system: 'ESDH' }, kle: { subjectKey: '32.18.08', version: 'Maj 2018', label: 'Boligstøtte' } });
  expect(input.attachments?.map((d) => d.files[0]?.filename)).toEqual(['b.pdf', 'c.txt']);
  expect(input.memoVersion).toBe('1.1');
});

test('a NemSMS has no documents and needs its text', () => {
  const input = letterInputFromOptions({ to: '0101901234', title: 'SMS', nemsms: true, notification: 'Husk tandlægen' }, content);
  expect(input.messageType).toBe('NEMSMS');
  expect(input.mainDocument).toBeUndefined();
  expect(() => letterInputFromOptions({ to: '0101901234', title: 'SMS', nemsms: true }, content)).toThrow(CliUsageError);
  expect(() => letterInputFromOptions({ to: '0101901234', title: 'SMS', nemsms: true, notification: 'x', pdf: 'a.pdf' }, content)).toThrow(
    /has no documents/,
  );
});

test('usage mistakes are reported in plain words', () => {
  const base = { to: '0101901234', title: 'T', pdf: 'a.pdf' };
  expect(() => letterInputFromOptions({ ...base, pdf: undefined }, content)).toThrow(/--pdf/);
  expect(() => letterInputFromOptions({ ...base, reply: true }, content)).toThrow(/--contact-point/);
  expect(() => letterInputFromOptions({ ...base, replyBy: '2026-12-31' }, content)).toThrow(/--reply-by only/);
  expect(() => letterInputFromOptions({ ...base, caseId: 'X' }, content)).toThrow(/--case-system/);
  expect(() => letterInputFromOptions({ ...base, kle: '32.18.08' }, content)).toThrow(/--kle-version/);
  expect(() => letterInputFromOptions({ ...base, kleLabel: 'x' }, content)).toThrow(/need --kle/);
  expect(() => letterInputFromOptions({ ...base, memoVersion: '1.3' }, content)).toThrow(/1.1 or 1.2/);
  expect(() => letterInputFromOptions({ ...base, pNumber: '1012345678' }, content)).toThrow(/needs a CVR/);
  expect(() => letterInputFromOptions({ ...base, to: 'hello' }, content)).toThrow(/--to must be a CPR number/);
});

test('a bad CPR number fails with CPR_INVALID and the number masked', () => {
  let error: unknown;
  try {
    letterInputFromOptions({ to: '3102901234', title: 'T', pdf: 'a.pdf' }, content);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(PostbudError);
  expect((error as PostbudError).code).toBe('CPR_INVALID');
  expect((error as PostbudError).message).toContain('310290-****');
  expect((error as PostbudError).message).not.toContain('3102901234');
});

test('a CVR number with a wrong check digit fails with CVR_INVALID', () => {
  expect(() => letterInputFromOptions({ to: '13585629', title: 'T', pdf: 'a.pdf' }, content)).toThrow(/modulus 11/);
});

test('replyByDate accepts a date or an ISO date-time and nothing else', () => {
  expect(replyByDate('2026-12-31').toISOString()).toBe('2026-12-31T23:59:59.000Z');
  expect(replyByDate('2026-12-31T10:00:00+01:00').toISOString()).toBe('2026-12-31T09:00:00.000Z');
  expect(() => replyByDate('31-12-2026')).toThrow(CliUsageError);
  expect(() => replyByDate('tomorrow')).toThrow(CliUsageError);
});
