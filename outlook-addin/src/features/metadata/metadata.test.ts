import { expect, test } from '@jest/globals';
import { defaultReplyBy, isValidReplyBy, replyOption } from '../sender/replyOption.js';
import { checkMetadata } from './checkMetadata.js';
import { isGenericTitle, titleFromSubject } from './title.js';

test('the title comes from the subject without reply/forward prefixes', () => {
  expect(titleFromSubject('SV: VS: Afgørelse om  boligstøtte')).toBe('Afgørelse om boligstøtte');
  expect(titleFromSubject('RE[2]: Fwd: Partshøring')).toBe('Partshøring');
  expect(titleFromSubject('x'.repeat(150))).toHaveLength(100);
});

test('generic titles are recognised', () => {
  for (const t of ['', 'Brev', 'vedr.', 'Henvendelse', 'Til orientering', 'Info', '(intet emne)', 'abc']) expect(isGenericTitle(t)).toBe(true);
  for (const t of ['Afgørelse om boligstøtte', 'Partshøring i sag om parkering']) expect(isGenericTitle(t)).toBe(false);
});

test('the policy decides which fields are required; KLE must look like a KLE number', () => {
  expect(checkMetadata({ title: 'Afgørelse', caseId: '', kle: '' }, ['caseId', 'kle'])).toEqual([
    { field: 'caseId', kind: 'required' }, { field: 'kle', kind: 'required' },
  ]);
  expect(checkMetadata({ title: '', caseId: '1', kle: '27.24' }, [])).toEqual([{ field: 'title', kind: 'required' }]);
  expect(checkMetadata({ title: 'T', caseId: '', kle: '27.24.00 G01' }, [])).toEqual([]);
  expect(checkMetadata({ title: 'T', caseId: '', kle: 'boligstøtte' }, [])).toEqual([{ field: 'kle', kind: 'kleFormat' }]);
});

test('the reply toggle follows the policy', () => {
  expect(replyOption({ policy: 'always', defaultOn: false }, false)).toEqual({ editable: false, on: true, reason: 'forcedOn' });
  expect(replyOption({ policy: 'never', defaultOn: true }, true)).toEqual({ editable: false, on: false, reason: 'forcedOff' });
  expect(replyOption({ policy: 'caseworker-choice', defaultOn: true })).toEqual({ editable: true, on: true, reason: 'choice' });
  expect(replyOption({ policy: 'caseworker-choice', defaultOn: true }, false)).toMatchObject({ on: false });
});

test('reply-by dates default from the policy and must lie after today', () => {
  const now = new Date(2026, 5, 1);
  expect(defaultReplyBy({ policy: 'caseworker-choice', defaultOn: true, replyByDays: 14 }, now)).toBe('2026-06-15');
  expect(defaultReplyBy({ policy: 'caseworker-choice', defaultOn: true }, now)).toBeUndefined();
  expect(isValidReplyBy('2026-06-02', now)).toBe(true);
  expect(isValidReplyBy('2026-06-01', now)).toBe(false);
  expect(isValidReplyBy('2026-02-30', now)).toBe(false);
});
