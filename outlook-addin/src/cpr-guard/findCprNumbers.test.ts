import { expect, test } from '@jest/globals';
import { containsCprNumber, findCprNumbers } from './findCprNumbers.js';
import { decideOnSend, TASKPANE_COMMAND_ID } from './decideOnSend.js';

const NOW = new Date('2026-06-01T12:00:00Z');

// Fictional, date-valid CPR-like numbers in realistic sentences: each must trigger.
const POSITIVE: readonly string[] = [
  'Borgerens CPR-nummer er 010190-1234.',
  'CPR: 010190-1234',
  'cpr 0101901234',
  '010190-1234',
  'Vedr. 231285-4321 og hans ansøgning',
  'Personnummer (311299-1111) er oplyst',
  'Hej, mit cpr-nr. er 150575-2468, mvh',
  'cpr.nr.: 290296-3579', // 29 Feb 1996 was a real date
  'Sagen om 010100-4000 (født 2000)',
  '<p>CPR 121212-1212</p>',
  'CPR\t050505-0505\tnoteret',
  '"010190-1234"',
  'Liste:\n- 010190-1234\n- intet andet',
  'Ny borger: 0101200123 (uden bindestreg)',
  'Barnets cpr er 170620-4123.',
  'Se (010190-1234).',
  'cpr=010190-1234;',
  'Person 010190-1234, født i Aarhus',
  'CPR-nummer 310101-6001 uden modulus 11-kontrol',
  'Ægtefælle: 220367-2222',
];

// Must NOT trigger: phone numbers, dates, invoice and order numbers, IBANs, other 10-digit numbers.
const NEGATIVE: readonly string[] = [
  'Ring på +45 12 34 56 78',
  'Telefon 12345678',
  'Tlf. +4512345678',
  'Mobil: +45 1234 5678',
  'Mødet er den 01-01-2020 kl. 10',
  'Dato: 2020-01-01',
  'Frist 31.12.2024',
  'Faktura nr. 2020123456',
  'Fakturanummer INV0101901234',
  'Ordre 1234567890 er afsendt',
  'Ordrenr. 9988776655',
  'IBAN DK50 0040 0440 1162 43',
  'IBAN: DK5000400440116243',
  'Konto 1234-0101901234',
  'Reg.nr. 1234 kontonr. 0012345678',
  'EAN 5790000123456',
  'Sagsnummer 2024-0101901234',
  'Nummer 320190-1234 (dag 32)',
  'Nummer 011390-1234 (måned 13)',
  'Nummer 300290-1234 (30. februar)',
  'Nummer 290297-1234 (1997 var ikke skudår)',
  'Fremtidig 010130-4123 (2030)',
  'CVR 13748136',
  'P-nummer 1003388394',
  'Beløb 1.010.190,12 kr.',
  'Version 0101901234.5',
  'Tracking 010190-1234-56',
  'Kode ABC-010190-1234',
  'Journalnr. 010190/1234',
  'Bestilling 0101901234567',
  'Pris 101.190-1234',
  'Intet nummer her',
  '',
];

test.each(POSITIVE)('finds a CPR-like number in %j', (text) => {
  expect(containsCprNumber(text, NOW)).toBe(true);
});

test.each(NEGATIVE)('does not trigger on %j', (text) => {
  expect(findCprNumbers(text, NOW)).toEqual([]);
});

test('has at least 40 cases in total', () => {
  expect(POSITIVE.length + NEGATIVE.length).toBeGreaterThanOrEqual(40);
});

test('returns masked numbers only, each once, in order of appearance', () => {
  const found = findCprNumbers('010190-1234, 0101901234 og 231285-4321', NOW);
  expect(found).toEqual(['010190-****', '231285-****']);
  expect(found.join(' ')).not.toContain('1234');
});

test('does not require modulus 11', () => {
  // 010190-1235 fails modulus 11 (as does -1234); both are valid CPR numbers since 2007.
  expect(containsCprNumber('010190-1235', NOW)).toBe(true);
});

test('decideOnSend allows ordinary mail and blocks mail with a CPR number, with the task pane button on 1.14', () => {
  expect(decideOnSend('Mødeindkaldelse', 'Ring på 12345678 den 01-01-2020.', { supports114: true, now: NOW })).toEqual({ allowEvent: true });
  const blocked = decideOnSend('Sag', 'CPR 010190-1234', { supports114: true, displayLanguage: 'da-DK', now: NOW });
  expect(blocked).toMatchObject({ allowEvent: false, commandId: TASKPANE_COMMAND_ID, cancelLabel: 'Til Digital Post' });
  if (blocked.allowEvent) throw new Error('unreachable');
  expect(blocked.errorMessage).toContain('010190-****');
  expect(blocked.errorMessage).not.toContain('010190-1234');
  expect(blocked.errorMessage).toContain('følsomme personoplysninger');
  expect(blocked.errorMessage.length).toBeLessThanOrEqual(500);
  expect(blocked.cancelLabel!.length).toBeLessThanOrEqual(20);
});

test('decideOnSend checks the subject, speaks English, and leaves out 1.14 options on older clients', () => {
  const blocked = decideOnSend('Re: 010190-1234', '', { supports114: false, displayLanguage: 'en-GB', now: NOW });
  expect(blocked.allowEvent).toBe(false);
  expect(blocked).not.toHaveProperty('commandId');
  expect(blocked).not.toHaveProperty('cancelLabel');
  if (blocked.allowEvent) throw new Error('unreachable');
  expect(blocked.errorMessage).toContain('sensitive personal data');
  const en = decideOnSend('', '010190-1234', { supports114: true, displayLanguage: 'en-US', now: NOW });
  expect(en).toMatchObject({ cancelLabel: 'Use Digital Post' });
});
