/**
 * Property-based proof that the factory and the validator agree with the official XSDs:
 * thousands of generated letters are built, pass validateMemo, are written and pass the real
 * XSD engine (libxml2); and broken messages are rejected by both.
 */
import { expect, test } from '@jest/globals';
import fc from 'fast-check';
import { sharedReference } from '../../../../test-support/sharedReference.js';
import { MemoXsdValidator } from '../../runtime/node/MemoXsdValidator.js';
import { ARBITRARY_NOW, letterInputArbitrary } from '../../testing/arbitraries/letterInputArbitrary.js';
import { getAt, setAt, thawMessage, type MutableNode } from '../../testing/mutableMessage.js';
import { xsdProblemsByCase, type XsdCase } from '../../testing/xsdBatch.js';
import { createMemoMessage } from '../factories/createMemoMessage.js';
import type { MemoMessage } from '../model.js';
import { writeMemo } from '../xml/writeMemo.js';
import type { MemoIssueCode } from './ValidationIssue.js';
import { validateMemo } from './validateMemo.js';

const memoDir = sharedReference('memo');
const withXsd = memoDir ? test : test.skip;
const LETTERS = Number(process.env.POSTBUD_PROPERTY_LETTERS ?? 2000);
const seed = Number(process.env.POSTBUD_FC_SEED ?? Date.now() % 2 ** 31);
/** Generous: the machine is shared. Not a speed assertion, only a stop for a hang. */
const HANG_LIMIT = 180_000;
const build = (input: Parameters<typeof createMemoMessage>[0]): MemoMessage => createMemoMessage(input, { now: () => ARBITRARY_NOW });

withXsd(`${LETTERS} generated letters: createMemoMessage → validateMemo [] → writeMemo → official XSD valid (seed ${seed})`, async () => {
  const validator = await MemoXsdValidator.load(memoDir!);
  const inputs = fc.sample(letterInputArbitrary(), { numRuns: LETTERS, seed });
  const cases: XsdCase[] = [];
  for (const input of inputs) {
    const message = build(input);
    const issues = validateMemo(message);
    if (issues.length > 0) throw new Error(`validateMemo rejected a generated letter: ${JSON.stringify(issues)}\n${JSON.stringify(input)}`);
    cases.push({ version: message.memoVersion, xml: writeMemo(message) });
  }
  const problems = await xsdProblemsByCase(validator, cases);
  const first = [...problems.entries()][0];
  if (first) throw new Error(`XSD rejected ${problems.size} letters; first: ${JSON.stringify(first[1])}\n${cases[first[0]]?.xml}`);
  // Coverage of the options, so that a narrowed arbitrary cannot pass silently.
  expect(cases.filter((c) => c.version === '1.1').length).toBeGreaterThan(LETTERS / 5);
  expect(cases.filter((c) => c.xml.includes('NEMSMS')).length).toBeGreaterThan(LETTERS / 20);
  for (const needle of ['memo:Reservation', 'memo:EntryPoint', 'grd:ProductionUnit', 'kle:KLEdata', 'memo:replyByDateTime', 'memo:Representative', '&amp;', '&lt;', 'æ']) {
    expect(cases.some((c) => c.xml.includes(needle))).toBe(true);
  }
}, HANG_LIMIT);

interface Mutation {
  readonly name: string;
  readonly code: MemoIssueCode;
  /** Returns false when the message has no place for this mutation. */
  readonly apply: (m: MutableNode) => boolean;
}

const H = ['MessageHeader'];
const FILE1 = ['MessageBody', 'MainDocument', 'File', 0];
const hasBody = (m: MutableNode): boolean => m.MessageBody !== undefined;
const always = (f: (m: MutableNode) => void) => (m: MutableNode): boolean => (f(m), true);
const withBody = (f: (m: MutableNode) => void) => (m: MutableNode): boolean => hasBody(m) && (f(m), true);

const MUTATIONS: readonly Mutation[] = [
  { name: 'label of 257 characters', code: 'MAX_LENGTH', apply: always((m) => setAt(m, [...H, 'label'], 'æ'.repeat(257))) },
  { name: 'label of 257 characters with emoji', code: 'MAX_LENGTH', apply: always((m) => setAt(m, [...H, 'label'], '😀'.repeat(129) + 'a'.repeat(128))) },
  { name: 'version 1 messageUUID', code: 'UUID_V4', apply: always((m) => setAt(m, [...H, 'messageUUID'], 'c232ab00-9414-11ec-b3c8-9f6bdeced846')) },
  { name: 'replyByDateTime with +02:00', code: 'DATETIME_UTC', apply: always((m) => setAt(m, [...H, 'replyByDateTime'], '2026-06-01T10:00:00+02:00')) },
  { name: 'createdDateTime in month 13', code: 'DATETIME_UTC', apply: withBody((m) => setAt(m, ['MessageBody', 'createdDateTime'], '2026-13-01T10:00:00Z')) },
  { name: 'doNotDeliverUntilDate 30 February', code: 'DATE', apply: always((m) => setAt(m, [...H, 'doNotDeliverUntilDate'], '2026-02-30')) },
  { name: 'three ContactInfo', code: 'TOO_MANY', apply: always((m) => setAt(m, [...H, 'Sender', 'ContactPoint'], { contactPointID: 'x', ContactInfo: [1, 2, 3].map((i) => ({ label: `l${i}`, value: 'v' })) })) },
  { name: 'eleven AdditionalContentData', code: 'TOO_MANY', apply: always((m) => setAt(m, [...H, 'ContentData', 'AdditionalContentData'], Array.from({ length: 11 }, (_, i) => ({ contentDataName: `n${i}`, contentDataValue: 'v' })))) },
  { name: 'five AdditionalReplyData', code: 'TOO_MANY', apply: always((m) => setAt(m, [...H, 'ReplyData'], [{ messageUUID: '8c2ea15d-61fb-4ba9-9366-42f8b194c114', AdditionalReplyData: Array.from({ length: 5 }, () => ({ label: 'l', value: 'v' })) }])) },
  { name: 'licenseNumber of 8 characters', code: 'MAX_LENGTH', apply: always((m) => setAt(m, [...H, 'ContentData', 'MotorVehicle'], { licenseNumber: 'AB123456' })) },
  { name: 'P-number of 11 digits', code: 'P_NUMBER_RANGE', apply: always((m) => setAt(m, [...H, 'Recipient', 'AttentionData', 'ProductionUnit'], { productionUnitNumber: '10000000000' })) },
  { name: 'GLN of 14 digits', code: 'GLN_RANGE', apply: always((m) => setAt(m, [...H, 'Sender', 'AttentionData', 'GlobalLocationNumber'], { globalLocationNumber: '10000000000000' })) },
  { name: 'three-letter language', code: 'LANGUAGE', apply: withBody((m) => setAt(m, [...FILE1, 'language'], 'dan')) },
  { name: 'Representative in 1.1', code: 'VERSION_MISMATCH', apply: (m) => m.memoVersion === '1.1' && (setAt(m, [...H, 'Sender', 'Representative'], { label: 'Advokat' }), true) },
  { name: 'originalRepresentative in 1.1', code: 'VERSION_MISMATCH', apply: (m) => m.memoVersion === '1.1' && (setAt(m, [...H, 'ForwardData'], { messageUUID: '8c2ea15d-61fb-4ba9-9366-42f8b194c114', originalMessageDateTime: '2026-01-01T00:00:00Z', originalSender: 's', originalRepresentative: 'r' }), true) },
  { name: 'mandatory missing in 1.1', code: 'VERSION_MISMATCH', apply: (m) => m.memoVersion === '1.1' && (setAt(m, [...H, 'mandatory'], undefined), true) },
  { name: 'broken base64 content', code: 'BASE64', apply: withBody((m) => setAt(m, [...FILE1, 'content'], { kind: 'base64', base64: 'aGVqaR==' })) },
  { name: 'Action with Reservation and EntryPoint', code: 'CHOICE', apply: withBody((m) => setAt(m, ['MessageBody', 'MainDocument', 'Action'], [{ label: 'Book', actionCode: 'AFTALE', Reservation: { description: 'd', reservationUUID: '8c2ea15d-61fb-4ba9-9366-42f8b194c114', abstract: 'a', location: 'l', startDateTime: '2026-01-01T00:00:00Z', endDateTime: '2026-01-01T01:00:00Z' }, EntryPoint: { url: 'https://x.example' } }])) },
  { name: 'notification of 161 characters', code: 'MAX_LENGTH', apply: always((m) => setAt(m, [...H, 'notification'], 'ø'.repeat(161))) },
  { name: 'messageType EMAIL', code: 'ENUMERATION', apply: always((m) => setAt(m, [...H, 'messageType'], 'EMAIL')) },
  { name: 'no File', code: 'TOO_FEW', apply: withBody((m) => setAt(m, ['MessageBody', 'MainDocument', 'File'], [])) },
  { name: 'Sender label missing', code: 'REQUIRED', apply: always((m) => setAt(m, [...H, 'Sender', 'label'], undefined)) },
  { name: 'bad % escape in url', code: 'URI', apply: withBody((m) => setAt(m, ['MessageBody', 'MainDocument', 'Action'], [{ label: 'Pay', actionCode: 'BETALING', EntryPoint: { url: 'https://x.example/%zz' } }])) },
  { name: 'url of 257 characters', code: 'MAX_LENGTH', apply: withBody((m) => setAt(m, ['MessageBody', 'MainDocument', 'Action'], [{ label: 'Pay', actionCode: 'BETALING', EntryPoint: { url: `https://x.example/${'a'.repeat(239)}` } }])) },
  { name: 'version 1 replyUUID', code: 'UUID_V4', apply: always((m) => setAt(m, [...H, 'ReplyData'], [{ messageUUID: '8c2ea15d-61fb-4ba9-9366-42f8b194c114', replyUUID: 'c232ab00-9414-11ec-b3c8-9f6bdeced846' }])) },
  { name: 'comment of 513 characters', code: 'MAX_LENGTH', apply: always((m) => setAt(m, [...H, 'ReplyData'], [{ messageUUID: '8c2ea15d-61fb-4ba9-9366-42f8b194c114', comment: 'c'.repeat(513) }])) },
  { name: 'Reservation without location', code: 'REQUIRED', apply: withBody((m) => setAt(m, ['MessageBody', 'MainDocument', 'Action'], [{ label: 'Book', actionCode: 'AFTALE', Reservation: { description: 'd', reservationUUID: '8c2ea15d-61fb-4ba9-9366-42f8b194c114', abstract: 'a', startDateTime: '2026-01-01T00:00:00Z', endDateTime: '2026-01-01T01:00:00Z' } }])) },
];

withXsd(`broken messages are rejected by validateMemo (XSD rules) AND the official XSDs (seed ${seed})`, async () => {
  const validator = await MemoXsdValidator.load(memoDir!);
  const samples = fc.sample(fc.tuple(letterInputArbitrary(), fc.nat()), { numRuns: 400, seed: seed + 1 });
  const cases: XsdCase[] = [];
  const applied: Mutation[] = [];
  for (const [input, pick] of samples) {
    const message = thawMessage(build(input));
    // Try mutations from `pick` on until one fits this message.
    const mutation = [...MUTATIONS.slice(pick % MUTATIONS.length), ...MUTATIONS].find((m) => m.apply(message))!;
    const issues = validateMemo(message as unknown as MemoMessage, { rules: 'xsd' });
    expect({ mutation: mutation.name, codes: issues.map((i) => i.code) }).toEqual({ mutation: mutation.name, codes: expect.arrayContaining([mutation.code]) });
    cases.push({ version: message.memoVersion as MemoMessage['memoVersion'], xml: writeMemo(message as unknown as MemoMessage) });
    applied.push(mutation);
  }
  const problems = await xsdProblemsByCase(validator, cases);
  const accepted = applied.flatMap((m, i) => (problems.has(i) ? [] : [m.name]));
  expect(accepted).toEqual([]);
  expect(new Set(applied.map((m) => m.name)).size).toBe(MUTATIONS.length);
}, HANG_LIMIT);

withXsd('memoSchVersion rules agree with the XSDs (XML edited, since the writer always gets it right)', async () => {
  const validator = await MemoXsdValidator.load(memoDir!);
  const [input] = fc.sample(letterInputArbitrary({ messageType: 'DIGITALPOST' }), { numRuns: 1, seed });
  const v12 = build({ ...input!, memoVersion: '1.2' });
  const v11 = build({ ...input!, memoVersion: '1.1', sender: { ...input!.sender, representative: undefined } });
  const with12 = setAt(thawMessage(v12), ['memoSchVersion'], '1.1.0');
  const without11 = setAt(thawMessage(v11), ['memoSchVersion'], undefined);
  expect(validateMemo(with12 as unknown as MemoMessage, { rules: 'xsd' }).map((i) => i.code)).toEqual(['VERSION_MISMATCH']);
  expect(validateMemo(without11 as unknown as MemoMessage, { rules: 'xsd' }).map((i) => i.code)).toEqual(['VERSION_MISMATCH']);
  const xml12 = writeMemo(v12).replace('memoVersion="1.2"', 'memoVersion="1.2" memoSchVersion="1.1.0"');
  const xml11 = writeMemo(v11).replace(' memoSchVersion="1.1.0"', '');
  expect(await validator.validate(xml12, '1.2')).not.toEqual([]);
  expect(await validator.validate(xml11, '1.1')).not.toEqual([]);
  expect(getAt(with12, ['memoSchVersion'])).toBe('1.1.0');
});
