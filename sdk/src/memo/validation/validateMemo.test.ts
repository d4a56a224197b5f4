import { expect, test } from '@jest/globals';
import { PostbudError } from '../../errors/PostbudError.js';
import { aLetterInput, aNemSmsInput, aReplyEnabledLetterInput } from '../../testing/letterInputs.js';
import { setAt, thawMessage, type MutableNode } from '../../testing/mutableMessage.js';
import { createMemoMessage } from '../factories/createMemoMessage.js';
import type { LetterInput } from '../letterInput.js';
import type { MemoMessage } from '../model.js';
import { assertValidMemo, validateMemo } from './validateMemo.js';

const now = new Date('2026-01-15T12:00:00Z');
const H = '/Message/MessageHeader';
const FILE = '/Message/MessageBody/MainDocument/File[1]';

function broken(mutate: (m: MutableNode) => void, input: LetterInput = aLetterInput()): MemoMessage {
  const m = thawMessage(createMemoMessage(input, { now: () => now }));
  mutate(m);
  return m as unknown as MemoMessage;
}
const issuesOf = (message: MemoMessage, rules: 'xsd' | 'all' = 'all') => validateMemo(message, { rules }).map(({ path, code }) => ({ path, code }));

test('a letter built by the factory is valid, in both versions and as NemSMS', () => {
  expect(validateMemo(createMemoMessage(aLetterInput(), { now: () => now }))).toEqual([]);
  expect(validateMemo(createMemoMessage(aLetterInput({ memoVersion: '1.1' }), { now: () => now }))).toEqual([]);
  expect(validateMemo(createMemoMessage(aReplyEnabledLetterInput(), { now: () => now }))).toEqual([]);
  expect(validateMemo(createMemoMessage(aNemSmsInput(), { now: () => now }))).toEqual([]);
});

test.each([
  ['required element missing', (m: MutableNode) => setAt(m, ['MessageHeader', 'Sender', 'label'], undefined), `${H}/Sender/label`, 'REQUIRED'],
  ['required complex element missing', (m: MutableNode) => setAt(m, ['MessageHeader', 'Recipient'], undefined), `${H}/Recipient`, 'REQUIRED'],
  ['no File', (m: MutableNode) => setAt(m, ['MessageBody', 'MainDocument', 'File'], []), '/Message/MessageBody/MainDocument/File', 'TOO_FEW'],
  ['three ContactInfo', (m: MutableNode) => setAt(m, ['MessageHeader', 'Sender', 'ContactPoint'], { contactPointID: 'x', ContactInfo: [{ label: 'a', value: 'b' }, { label: 'a', value: 'b' }, { label: 'a', value: 'b' }] }), `${H}/Sender/ContactPoint/ContactInfo`, 'TOO_MANY'],
  ['eleven AdditionalContentData', (m: MutableNode) => setAt(m, ['MessageHeader', 'ContentData', 'AdditionalContentData'], Array.from({ length: 11 }, () => ({ contentDataName: 'n', contentDataValue: 'v' }))), `${H}/ContentData/AdditionalContentData`, 'TOO_MANY'],
  ['five AdditionalReplyData', (m: MutableNode) => setAt(m, ['MessageHeader', 'ReplyData'], [{ messageUUID: '8c2ea15d-61fb-4ba9-9366-42f8b194c114', AdditionalReplyData: Array.from({ length: 5 }, () => ({ label: 'l', value: 'v' })) }]), `${H}/ReplyData[1]/AdditionalReplyData`, 'TOO_MANY'],
  ['label of 257 characters', (m: MutableNode) => setAt(m, ['MessageHeader', 'label'], 'x'.repeat(257)), `${H}/label`, 'MAX_LENGTH'],
  ['comment of 513 characters', (m: MutableNode) => setAt(m, ['MessageHeader', 'ReplyData'], [{ messageUUID: '8c2ea15d-61fb-4ba9-9366-42f8b194c114', comment: 'c'.repeat(513) }]), `${H}/ReplyData[1]/comment`, 'MAX_LENGTH'],
  ['notification of 151 characters', (m: MutableNode) => setAt(m, ['MessageHeader', 'notification'], 'n'.repeat(151)), `${H}/notification`, 'MAX_LENGTH'],
  ['licenseNumber of 8 characters', (m: MutableNode) => setAt(m, ['MessageHeader', 'ContentData', 'MotorVehicle'], { licenseNumber: 'AB123456' }), `${H}/ContentData/MotorVehicle/licenseNumber`, 'MAX_LENGTH'],
  ['version 1 messageUUID', (m: MutableNode) => setAt(m, ['MessageHeader', 'messageUUID'], 'c232ab00-9414-11ec-b3c8-9f6bdeced846'), `${H}/messageUUID`, 'UUID_V4'],
  ['version 1 reservationUUID', (m: MutableNode) => setAt(m, ['MessageBody', 'MainDocument', 'Action'], [{ label: 'l', actionCode: 'AFTALE', Reservation: { description: 'd', reservationUUID: 'c232ab00-9414-11ec-b3c8-9f6bdeced846', abstract: 'a', location: 'l', startDateTime: '2026-01-01T00:00:00Z', endDateTime: '2026-01-01T01:00:00Z' } }]), '/Message/MessageBody/MainDocument/Action[1]/Reservation/reservationUUID', 'UUID_V4'],
  ['ForwardData messageUUID not a UUID', (m: MutableNode) => setAt(m, ['MessageHeader', 'ForwardData'], { messageUUID: 'abc', originalMessageDateTime: '2026-01-01T00:00:00Z', originalSender: 's' }), `${H}/ForwardData/messageUUID`, 'UUID_V4'],
  ['datetime with +02:00', (m: MutableNode) => setAt(m, ['MessageHeader', 'replyByDateTime'], '2026-06-01T10:00:00+02:00'), `${H}/replyByDateTime`, 'DATETIME_UTC'],
  ['datetime in month 13', (m: MutableNode) => setAt(m, ['MessageBody', 'createdDateTime'], '2026-13-01T10:00:00Z'), '/Message/MessageBody/createdDateTime', 'DATETIME_UTC'],
  ['date 30 February', (m: MutableNode) => setAt(m, ['MessageHeader', 'doNotDeliverUntilDate'], '2026-02-30'), `${H}/doNotDeliverUntilDate`, 'DATE'],
  ['boolean as text', (m: MutableNode) => setAt(m, ['MessageHeader', 'reply'], 'true'), `${H}/reply`, 'BOOLEAN'],
  ['unknown message type', (m: MutableNode) => setAt(m, ['MessageHeader', 'messageType'], 'EMAIL'), `${H}/messageType`, 'ENUMERATION'],
  ['P-number of 11 digits', (m: MutableNode) => setAt(m, ['MessageHeader', 'ContentData', 'ProductionUnit'], { productionUnitNumber: '10000000000' }), `${H}/ContentData/ProductionUnit/productionUnitNumber`, 'P_NUMBER_RANGE'],
  ['P-number not a number', (m: MutableNode) => setAt(m, ['MessageHeader', 'ContentData', 'ProductionUnit'], { productionUnitNumber: '12ab' }), `${H}/ContentData/ProductionUnit/productionUnitNumber`, 'LONG'],
  ['GLN of 14 digits', (m: MutableNode) => setAt(m, ['MessageHeader', 'Sender', 'AttentionData'], { GlobalLocationNumber: { globalLocationNumber: '10000000000000' } }), `${H}/Sender/AttentionData/GlobalLocationNumber/globalLocationNumber`, 'GLN_RANGE'],
  ['three-letter language', (m: MutableNode) => setAt(m, ['MessageBody', 'MainDocument', 'File', 0, 'language'], 'dan'), `${FILE}/language`, 'LANGUAGE'],
  ['bad base64', (m: MutableNode) => setAt(m, ['MessageBody', 'MainDocument', 'File', 0, 'content'], { kind: 'base64', base64: 'aGV' }), `${FILE}/content`, 'BASE64'],
  ['bad URI', (m: MutableNode) => setAt(m, ['MessageBody', 'MainDocument', 'Action'], [{ label: 'l', actionCode: 'BETALING', EntryPoint: { url: 'https://x.example/%zz' } }]), '/Message/MessageBody/MainDocument/Action[1]/EntryPoint/url', 'URI'],
  ['Reservation and EntryPoint', (m: MutableNode) => setAt(m, ['MessageBody', 'MainDocument', 'Action'], [{ label: 'l', actionCode: 'BETALING', EntryPoint: { url: 'https://x.example' }, Reservation: { description: 'd', reservationUUID: '8c2ea15d-61fb-4ba9-9366-42f8b194c114', abstract: 'a', location: 'l', startDateTime: '2026-01-01T00:00:00Z', endDateTime: '2026-01-01T01:00:00Z' } }]), '/Message/MessageBody/MainDocument/Action[1]', 'CHOICE'],
  ['memoSchVersion in 1.2', (m: MutableNode) => setAt(m, ['memoSchVersion'], '1.1.0'), '/Message/@memoSchVersion', 'VERSION_MISMATCH'],
  ['Representative in 1.1', (m: MutableNode) => { setAt(m, ['memoVersion'], '1.1'); setAt(m, ['memoSchVersion'], '1.1.0'); setAt(m, ['MessageHeader', 'mandatory'], false); setAt(m, ['MessageHeader', 'legalNotification'], false); setAt(m, ['MessageHeader', 'Sender', 'Representative'], { label: 'r' }); }, `${H}/Sender/Representative`, 'VERSION_MISMATCH'],
  ['unsupported memoVersion', (m: MutableNode) => setAt(m, ['memoVersion'], '2.0'), '/Message/@memoVersion', 'VERSION_MISMATCH'],
  ['text of the wrong type', (m: MutableNode) => setAt(m, ['MessageHeader', 'label'], 42), `${H}/label`, 'WRONG_TYPE'],
  ['a control character', (m: MutableNode) => setAt(m, ['MessageHeader', 'label'], 'Hej\u0001'), `${H}/label`, 'XML_CHARACTER'],
] as const)('XSD rule: %s', (_name, mutate, path, code) => {
  const message = broken(mutate);
  expect(issuesOf(message, 'xsd')).toContainEqual({ path, code });
  expect(issuesOf(createMemoMessage(aLetterInput(), { now: () => now }), 'xsd')).toEqual([]);
});

test('lengths count characters, not UTF-16 units: 256 emoji are fine, 257 are not', () => {
  expect(issuesOf(broken((m) => setAt(m, ['MessageHeader', 'label'], '😀'.repeat(256))))).toEqual([]);
  expect(issuesOf(broken((m) => setAt(m, ['MessageHeader', 'label'], '😀'.repeat(257))))).toEqual([{ path: `${H}/label`, code: 'MAX_LENGTH' }]);
});

test('MeMo 1.1 requires memoSchVersion, mandatory and legalNotification (VERSION_MISMATCH)', () => {
  const m = broken((x) => {
    setAt(x, ['memoSchVersion'], undefined);
    setAt(x, ['MessageHeader', 'mandatory'], undefined);
    setAt(x, ['MessageHeader', 'legalNotification'], undefined);
  }, aLetterInput({ memoVersion: '1.1' }));
  expect(issuesOf(m)).toEqual([
    { path: '/Message/@memoSchVersion', code: 'VERSION_MISMATCH' },
    { path: `${H}/mandatory`, code: 'VERSION_MISMATCH' },
    { path: `${H}/legalNotification`, code: 'VERSION_MISMATCH' },
  ]);
});

test('every problem is returned at once, in document order', () => {
  const m = broken((x) => {
    setAt(x, ['MessageHeader', 'messageUUID'], 'nope');
    setAt(x, ['MessageHeader', 'label'], 'x'.repeat(300));
    setAt(x, ['MessageHeader', 'Recipient', 'recipientID'], '010190-1234');
    setAt(x, ['MessageBody', 'MainDocument', 'File', 0, 'filename'], 'a:b.pdf');
    setAt(x, ['MessageBody', 'createdDateTime'], '2026-01-01T10:00:00');
  });
  expect(issuesOf(m).map((i) => i.code)).toEqual(['UUID_V4', 'MAX_LENGTH', 'ID_NOT_DIGITS', 'DATETIME_UTC', 'FILENAME_CHARACTERS']);
});

test('a 100 MB base64 content is checked without a catastrophic regex (compact, line-wrapped, broken)', () => {
  const withContent = (base64: string) => broken((x) => setAt(x, ['MessageBody', 'MainDocument', 'File', 0, 'content'], { kind: 'base64', base64 }));
  const big = 'QUJD'.repeat(25_000_000);
  expect(validateMemo(withContent(big))).toEqual([]);
  expect(issuesOf(withContent(`${big.slice(0, 10_000_000)}!`))).toEqual([{ path: `${FILE}/content`, code: 'BASE64' }]);
  const wrapped = `${'QUJD'.repeat(19)}\r\n`.repeat(100_000);
  expect(validateMemo(withContent(`${wrapped}aGVqaQ==`))).toEqual([]);
  expect(issuesOf(withContent(`${wrapped}aGVqaR==`))).toEqual([{ path: `${FILE}/content`, code: 'BASE64' }]);
});

test('validateMemo never throws, even for garbage', () => {
  expect(validateMemo(null as unknown as MemoMessage)).toEqual([{ path: '/Message', code: 'REQUIRED', message: expect.any(String) }]);
  const codes = validateMemo({ memoVersion: '1.2', MessageHeader: 'x' } as unknown as MemoMessage).map((i) => i.code);
  expect(codes).toEqual(['WRONG_TYPE']);
});

test('assertValidMemo throws MEMO_INVALID listing the first problems, with all issues in details', () => {
  const m = broken((x) => {
    for (const key of ['label', 'messageUUID', 'messageType']) setAt(x, ['MessageHeader', key], 7);
    setAt(x, ['MessageHeader', 'notification'], 'n'.repeat(200));
    setAt(x, ['MessageHeader', 'Sender', 'label'], undefined);
    setAt(x, ['MessageHeader', 'Recipient', 'recipientID'], '3102901234');
  });
  let error: unknown;
  try {
    assertValidMemo(m);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(PostbudError);
  const pe = error as PostbudError;
  expect(pe.code).toBe('MEMO_INVALID');
  expect((pe.details?.issues as unknown[]).length).toBe(6);
  expect(pe.message).toContain('6 problems');
  expect(pe.message).toContain('and 1 more');
  expect(JSON.stringify(pe.details)).toContain('310290-****');
  expect(JSON.stringify(pe.details)).not.toContain('3102901234');
  expect(pe.message).not.toContain('3102901234');
  expect(() => assertValidMemo(createMemoMessage(aLetterInput(), { now: () => now }))).not.toThrow();
});
