import { expect, test } from '@jest/globals';
import { aLetterInput, aNemSmsInput } from '../../testing/letterInputs.js';
import { setAt, thawMessage, type MutableNode } from '../../testing/mutableMessage.js';
import { createMemoMessage } from '../factories/createMemoMessage.js';
import { sanitizeFilename } from '../factories/sanitizeFilename.js';
import type { LetterInput } from '../letterInput.js';
import type { MemoMessage } from '../model.js';
import { validateMemo } from './validateMemo.js';

const now = new Date('2026-01-15T12:00:00Z');
const H = '/Message/MessageHeader';
const ACTION = '/Message/MessageBody/MainDocument/Action[1]';

function broken(mutate: (m: MutableNode) => void, input: LetterInput = aLetterInput()): MemoMessage {
  const m = thawMessage(createMemoMessage(input, { now: () => now }));
  mutate(m);
  return m as unknown as MemoMessage;
}
const issuesOf = (message: MemoMessage, rules: 'xsd' | 'all' = 'all') => validateMemo(message, { rules }).map(({ path, code }) => ({ path, code }));
const withAction = (action: object) => (m: MutableNode) => setAt(m, ['MessageBody', 'MainDocument', 'Action'], [action]);
const reservation = { description: 'd', reservationUUID: '8c2ea15d-61fb-4ba9-9366-42f8b194c114', abstract: 'a', location: 'l', startDateTime: '2026-02-01T09:00:00Z', endDateTime: '2026-02-01T10:00:00Z' };

test.each([
  ...['<', '>', ':', '"', '/', '\\', '|', '?', '*', '\r', '\n', '\u00A0', '\u2000', '\u2005', '\u200A', '\u2028', '\u205F', '\u2060', '\u3000'].map(
    (ch) => [`filename with U+${ch.charCodeAt(0).toString(16)}`, (m: MutableNode) => setAt(m, ['MessageBody', 'MainDocument', 'File', 0, 'filename'], `a${ch}b.pdf`), '/Message/MessageBody/MainDocument/File[1]/filename', 'FILENAME_CHARACTERS'] as const,
  ),
  ...['CON.pdf', 'nul.pdf', 'com1.pdf', 'LPT9.txt', 'aux', '\u202Efdp.exe', 'brev\u2066.pdf', 'brev\t.pdf', 'brev\u0085.pdf', '.pdf', '...pdf', ' .pdf', 'brev.pdf.', 'brev.pdf '].map(
    (name) => [`unsafe filename ${JSON.stringify(name)}`, (m: MutableNode) => setAt(m, ['MessageBody', 'MainDocument', 'File', 0, 'filename'], name), '/Message/MessageBody/MainDocument/File[1]/filename', 'FILENAME_UNSAFE'] as const,
  ),
  ['http action URL', withAction({ label: 'Betal', actionCode: 'BETALING', EntryPoint: { url: 'http://betal.example.dk' } }), `${ACTION}/EntryPoint/url`, 'ACTION_URL_NOT_HTTPS'],
  ['relative action URL', withAction({ label: 'Betal', actionCode: 'BETALING', EntryPoint: { url: '/betal' } }), `${ACTION}/EntryPoint/url`, 'ACTION_URL_NOT_HTTPS'],
  ['unknown action code', withAction({ label: 'Betal', actionCode: 'PAY', EntryPoint: { url: 'https://betal.example.dk' } }), `${ACTION}/actionCode`, 'ACTION_CODE_UNKNOWN'],
  ['AFTALE without Reservation', withAction({ label: 'Book', actionCode: 'AFTALE' }), `${ACTION}/Reservation`, 'RESERVATION_REQUIRED'],
  ['Address and UnstructuredAddress in ContentData', (m: MutableNode) => setAt(m, ['MessageHeader', 'ContentData'], { Address: { city: 'Aarhus' }, UnstructuredAddress: { unstructured: 'x' } }), `${H}/ContentData/UnstructuredAddress`, 'ADDRESS_XOR_UNSTRUCTURED'],
  ['Address and UnstructuredAddress in AttentionData', (m: MutableNode) => setAt(m, ['MessageHeader', 'Recipient', 'AttentionData'], { Address: { city: 'Aarhus' }, UnstructuredAddress: { unstructured: 'x' } }), `${H}/Recipient/AttentionData/UnstructuredAddress`, 'ADDRESS_XOR_UNSTRUCTURED'],
  ['CPR with a dash', (m: MutableNode) => setAt(m, ['MessageHeader', 'Recipient', 'recipientID'], '010190-1234'), `${H}/Recipient/recipientID`, 'ID_NOT_DIGITS'],
  ['CPR of 9 digits', (m: MutableNode) => setAt(m, ['MessageHeader', 'Recipient', 'recipientID'], '010190123'), `${H}/Recipient/recipientID`, 'ID_NOT_DIGITS'],
  ['CPR with an impossible date', (m: MutableNode) => setAt(m, ['MessageHeader', 'Recipient', 'recipientID'], '3102901234'), `${H}/Recipient/recipientID`, 'CPR_INVALID'],
  ['CVR sender of 9 digits', (m: MutableNode) => setAt(m, ['MessageHeader', 'Sender', 'senderID'], '137481361'), `${H}/Sender/senderID`, 'ID_NOT_DIGITS'],
  ['CVR sender failing modulus 11', (m: MutableNode) => setAt(m, ['MessageHeader', 'Sender', 'senderID'], '13748137'), `${H}/Sender/senderID`, 'CVR_INVALID'],
  ['CPRdata with a dash', (m: MutableNode) => setAt(m, ['MessageHeader', 'ContentData', 'CPRdata'], { cprNumber: '010190-1234' }), `${H}/ContentData/CPRdata/cprNumber`, 'ID_NOT_DIGITS'],
  ['CVRdata with DK prefix', (m: MutableNode) => setAt(m, ['MessageHeader', 'ContentData', 'CVRdata'], { cvrNumber: 'DK13748136' }), `${H}/ContentData/CVRdata/cvrNumber`, 'ID_NOT_DIGITS'],
  ['P-number with a sign', (m: MutableNode) => setAt(m, ['MessageHeader', 'ContentData', 'ProductionUnit'], { productionUnitNumber: '+1012345678' }), `${H}/ContentData/ProductionUnit/productionUnitNumber`, 'ID_NOT_DIGITS'],
  ['one-letter language', (m: MutableNode) => setAt(m, ['MessageBody', 'MainDocument', 'File', 0, 'language'], 'd'), '/Message/MessageBody/MainDocument/File[1]/language', 'LANGUAGE'],
  ['DIGITALPOST without body', (m: MutableNode) => setAt(m, ['MessageBody'], undefined), '/Message/MessageBody', 'BODY_REQUIRED'],
] as const)('business rule: %s (valid for the XSD, rejected by NgDP)', (_name, mutate, path, code) => {
  const message = broken(mutate);
  expect(issuesOf(message)).toContainEqual({ path, code });
  expect(issuesOf(message, 'xsd')).not.toContainEqual({ path, code });
});

test('NemSMS: a body and a missing notification are reported', () => {
  const withBody = broken((m) => setAt(m, ['messageType'], undefined), aLetterInput());
  setAt(withBody as unknown as MutableNode, ['MessageHeader', 'messageType'], 'NEMSMS');
  expect(issuesOf(withBody)).toEqual([
    { path: '/Message/MessageBody', code: 'NEMSMS_HAS_BODY' },
    { path: `${H}/notification`, code: 'REQUIRED' },
  ]);
  expect(issuesOf(broken((m) => setAt(m, ['MessageHeader', 'notification'], 'x'.repeat(151)), aNemSmsInput()))).toEqual([{ path: `${H}/notification`, code: 'MAX_LENGTH' }]);
});

test('valid business cases pass: AFTALE with Reservation, https actions, Address alone, emoji filenames', () => {
  const m = broken((x) => {
    setAt(x, ['MessageBody', 'MainDocument', 'Action'], [
      { label: 'Book', actionCode: 'AFTALE', Reservation: reservation },
      { label: 'Betal', actionCode: 'BETALING', EntryPoint: { url: 'https://betal.example.dk/x?y=1' } },
    ]);
    setAt(x, ['MessageHeader', 'ContentData'], { Address: { city: 'Aarhus' } });
    setAt(x, ['MessageBody', 'MainDocument', 'File', 0, 'filename'], 'Afgørelse 📬 (kopi).pdf');
  });
  expect(validateMemo(m)).toEqual([]);
});

test('CPR numbers are masked in every message', () => {
  const m = broken((x) => {
    setAt(x, ['MessageHeader', 'Recipient', 'recipientID'], '3102901234');
    setAt(x, ['MessageHeader', 'ContentData', 'CPRdata'], { cprNumber: '0101304234' });
    setAt(x, ['MessageHeader', 'label'], `Sag 0101901234 ${'x'.repeat(300)}`);
  });
  const issues = validateMemo(m);
  expect(issues.map((i) => i.code)).toEqual(['MAX_LENGTH', 'CPR_INVALID', 'CPR_INVALID']);
  const text = JSON.stringify(issues);
  expect(text).toContain('310290-****');
  expect(text).not.toMatch(/3102901234|0101304234|0101901234/);
});

test('unsafe filenames: the message says why and points to sanitizeFilename, which fixes them', () => {
  const named = (name: string) => broken((x) => setAt(x, ['MessageBody', 'MainDocument', 'File', 0, 'filename'], name));
  expect(validateMemo(named('\u202Efdp.exe'))[0]?.message).toMatch(/U\+202E.*sanitizeFilename\(\)/);
  expect(validateMemo(named('CON.pdf'))[0]?.message).toContain('Windows device name');
  expect(validateMemo(named('.pdf'))[0]?.message).toContain('no name before the extension');
  for (const name of ['CON.pdf', '\u202Efdp.exe', '.pdf', 'brev\t.pdf', 'brev.pdf.']) expect(validateMemo(named(sanitizeFilename(name)))).toEqual([]);
  // Names that only look like device names are fine.
  for (const name of ['console.pdf', 'com10.pdf', 'nulstilling.pdf', 'aux-bilag.pdf']) expect(validateMemo(named(name))).toEqual([]);
});

test('the filename message points to sanitizeFilename, which fixes it', () => {
  const m = broken((x) => setAt(x, ['MessageBody', 'MainDocument', 'File', 0, 'filename'], 'Afgørelse: 12/3 <kopi>.pdf'));
  const [issue] = validateMemo(m);
  expect(issue?.message).toContain('sanitizeFilename()');
  expect(issue?.message).toContain('":"');
  expect(sanitizeFilename('Afgørelse: 12/3 <kopi>.pdf')).toBe('Afgørelse- 12-3 -kopi-.pdf');
  expect(sanitizeFilename('a\r\n\u00A0b\u3000c📬.pdf')).toBe('a-b-c📬.pdf');
  const fixed = broken((x) => setAt(x, ['MessageBody', 'MainDocument', 'File', 0, 'filename'], sanitizeFilename('Afgørelse: 12/3 <kopi>.pdf')));
  expect(validateMemo(fixed)).toEqual([]);
});

test("rules 'business': NgDP's rules and the structure, not each simple value (the sandbox's light mode)", () => {
  const message = broken((m) => {
    setAt(m, ['MessageHeader', 'label'], 'x'.repeat(300)); // too long for the XSD
    setAt(m, ['MessageBody', 'MainDocument', 'File', 0, 'filename'], 'a:b.pdf'); // NgDP business rule
    setAt(m, ['MessageHeader', 'Sender'], null); // required element missing
  });
  const all = issuesOf(message, 'all').map((i) => i.code);
  const business = validateMemo(message, { rules: 'business' }).map((i) => i.code);
  expect(all).toEqual(expect.arrayContaining(['MAX_LENGTH', 'FILENAME_CHARACTERS', 'REQUIRED']));
  expect(business).toEqual(expect.arrayContaining(['FILENAME_CHARACTERS', 'REQUIRED']));
  expect(business).not.toContain('MAX_LENGTH');
  expect(validateMemo(createMemoMessage(aLetterInput(), { now: () => now }), { rules: 'business' })).toEqual([]);
});
