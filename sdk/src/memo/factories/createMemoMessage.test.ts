import { expect, test } from '@jest/globals';
import { PostbudError } from '../../errors/PostbudError.js';
import { FICTIONAL_CONTACT_POINT_ID } from '../../testing/fictionalIdentifiers.js';
import { aDocument, aLetterInput, aNemSmsInput, aReplyEnabledLetterInput, aTinyPdf } from '../../testing/letterInputs.js';
import type { LetterInput } from '../letterInput.js';
import { validateMemo } from '../validation/validateMemo.js';
import { createMemoMessage } from './createMemoMessage.js';
import { encodingFormatFor } from './encodingFormatFor.js';

const now = new Date('2026-01-15T12:00:00.000Z');
const build = (input: LetterInput, extra: Parameters<typeof createMemoMessage>[1] = {}) => createMemoMessage(input, { now: () => now, ...extra });

function errorOf(f: () => unknown): PostbudError {
  try {
    f();
  } catch (e) {
    if (e instanceof PostbudError) return e;
    throw e;
  }
  throw new Error('expected a PostbudError');
}

test('fills the defaults: MeMo 1.2, DIGITALPOST, v4 UUID, createdDateTime in UTC, language and MIME type', () => {
  const m = build(aLetterInput());
  expect(m.memoVersion).toBe('1.2');
  expect(m.memoSchVersion).toBeUndefined();
  expect(m.MessageHeader.messageType).toBe('DIGITALPOST');
  expect(m.MessageHeader.messageUUID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(m.MessageHeader.mandatory).toBeUndefined();
  expect(m.MessageBody?.createdDateTime).toBe('2026-01-15T12:00:00Z');
  expect(m.MessageBody?.MainDocument.File[0]).toEqual({ encodingFormat: 'application/pdf', filename: 'afgørelse.pdf', language: 'da', content: { kind: 'bytes', bytes: aTinyPdf() } });
  expect(build(aLetterInput()).MessageHeader.messageUUID).not.toBe(m.MessageHeader.messageUUID);
});

test('MeMo 1.1 gets memoSchVersion 1.1.0 and explicit mandatory/legalNotification', () => {
  const m = build(aLetterInput({ memoVersion: '1.1', mandatory: true }));
  expect(m.memoSchVersion).toBe('1.1.0');
  expect(m.MessageHeader.mandatory).toBe(true);
  expect(m.MessageHeader.legalNotification).toBe(false);
  expect(validateMemo(m)).toEqual([]);
});

test('recipients: CPR normalised, CVR with P-number and attention person', () => {
  const cpr = build(aLetterInput({ recipient: { type: 'cpr', cpr: '010190-1234', name: 'Jens' } })).MessageHeader.Recipient;
  expect(cpr).toEqual({ recipientID: '0101901234', idType: 'CPR', label: 'Jens' });
  const cvr = build(aLetterInput({ recipient: { type: 'cvr', cvr: 'DK 1374 8136', name: 'Firma A/S', pNumber: '1012345678', productionUnitName: 'Lager', attentionPerson: 'Bogholderiet' } })).MessageHeader.Recipient;
  expect(cvr).toEqual({
    recipientID: '13748136', idType: 'CVR', label: 'Firma A/S',
    AttentionData: { AttentionPerson: { label: 'Bogholderiet' }, ProductionUnit: { productionUnitNumber: '1012345678', productionUnitName: 'Lager' } },
  });
  expect(errorOf(() => build(aLetterInput({ recipient: { type: 'cpr', cpr: '3102901234' } }))).code).toBe('CPR_INVALID');
  expect(errorOf(() => build(aLetterInput({ recipient: { type: 'cvr', cvr: '13748137' } }))).code).toBe('CVR_INVALID');
  expect(errorOf(() => build(aLetterInput({ recipient: { type: 'cvr', cvr: '13748136', pNumber: '12' } }))).code).toBe('P_NUMBER_INVALID');
});

test('sender: CVR checked, Representative only in 1.2', () => {
  expect(errorOf(() => build(aLetterInput({ sender: { id: '12345678', label: 'X' } }))).code).toBe('CVR_INVALID');
  const rep = { id: '0101901234', idType: 'CPR', label: 'Advokat Hansen' };
  expect(build(aLetterInput({ sender: { id: '13748136', label: 'K', representative: rep } })).MessageHeader.Sender.Representative).toEqual({ representativeID: '0101901234', idType: 'CPR', label: 'Advokat Hansen' });
  const e = errorOf(() => build(aLetterInput({ memoVersion: '1.1', sender: { id: '13748136', label: 'K', representative: rep } })));
  expect(e.code).toBe('LETTER_INPUT_INVALID');
  expect(e.message).toContain('MeMo 1.2');
});

test('reply: flag, reply-by in UTC, contact point from the reply or the sender', () => {
  const m = build(aReplyEnabledLetterInput({ reply: { enabled: true, replyBy: '2026-02-01T12:00:00+01:00', contactPoint: { id: FICTIONAL_CONTACT_POINT_ID, info: [{ label: 'Sag', value: '42' }] } } }));
  expect(m.MessageHeader.reply).toBe(true);
  expect(m.MessageHeader.replyByDateTime).toBe('2026-02-01T11:00:00Z');
  expect(m.MessageHeader.Sender.ContactPoint).toEqual({ contactPointID: FICTIONAL_CONTACT_POINT_ID, ContactInfo: [{ label: 'Sag', value: '42' }] });
  const viaSender = build(aLetterInput({ sender: { id: '13748136', label: 'K', contactPoint: { id: FICTIONAL_CONTACT_POINT_ID } }, reply: { enabled: true } }));
  expect(viaSender.MessageHeader.Sender.ContactPoint?.contactPointID).toBe(FICTIONAL_CONTACT_POINT_ID);
});

test('a reply-enabled letter without a contact point is refused unless explicitly allowed', () => {
  const input = aLetterInput({ reply: { enabled: true } });
  const e = errorOf(() => build(input));
  expect(e.code).toBe('LETTER_INPUT_INVALID');
  expect(e.message).toContain('a reply-enabled letter needs the contact point that receives the answer');
  expect(build(input, { allowReplyWithoutContactPoint: true }).MessageHeader.reply).toBe(true);
});

test('reply-by in the past, or without a timezone, is refused', () => {
  expect(errorOf(() => build(aReplyEnabledLetterInput({ reply: { enabled: true, replyBy: new Date('2026-01-01T00:00:00Z'), contactPoint: { id: 'x' } } }))).message).toContain('past');
  expect(errorOf(() => build(aReplyEnabledLetterInput({ reply: { enabled: true, replyBy: '2026-03-01T10:00:00', contactPoint: { id: 'x' } } }))).message).toContain('no timezone');
});

test('metadata becomes ContentData in XSD order with normalised identifiers', () => {
  const m = build(aLetterInput({
    metadata: {
      caseId: { id: 'SAG-1', system: 'Sagssystem' },
      kle: { subjectKey: '00.00.00', version: 'Maj 2018', label: 'Kommunens styrelse' },
      form: { taskKey: '00.00.00.00', version: 'Opgavenøglen v2.12', label: 'Opgave' },
      cpr: { cprNumber: '010190-1234' },
      cvr: { cvrNumber: '13748136', companyName: 'Firma' },
      productionUnit: { pNumber: '1012345678' },
      motorVehicle: { licenseNumber: 'AB12345' },
      propertyNumber: '123456',
      education: { educationCode: '5001' },
      unstructuredAddress: 'Rådhuspladsen 2, 8000 Aarhus C',
      additional: [{ name: 'Afdeling', value: 'Børn & Unge' }],
    },
  }));
  const c = m.MessageHeader.ContentData!;
  expect(Object.keys(c)).toEqual(['CPRdata', 'CVRdata', 'MotorVehicle', 'PropertyNumber', 'CaseID', 'KLEdata', 'FORMdata', 'ProductionUnit', 'Education', 'UnstructuredAddress', 'AdditionalContentData']);
  expect(c.CPRdata).toEqual({ cprNumber: '0101901234' });
  expect(c.CaseID).toEqual({ caseID: 'SAG-1', caseSystem: 'Sagssystem' });
  expect(c.AdditionalContentData).toEqual([{ contentDataName: 'Afdeling', contentDataValue: 'Børn & Unge' }]);
  expect(validateMemo(m)).toEqual([]);
  expect(errorOf(() => build(aLetterInput({ metadata: { kle: { subjectKey: '00.00.00', label: 'x' } } }))).message).toContain('Maj 2018');
  expect(errorOf(() => build(aLetterInput({ metadata: { address: { city: 'Aarhus' }, unstructuredAddress: 'x' } }))).code).toBe('LETTER_INPUT_INVALID');
});

test('documents: attachments, technical documents, content kinds, actions', () => {
  const open = async function* () { yield aTinyPdf(); };
  const m = build(aLetterInput({
    mainDocument: aDocument({ id: 'DOC-1', actions: [
      { label: 'Book tid', actionCode: 'AFTALE', reservation: { description: 'Møde', abstract: 'Samtale', location: 'Rådhuset', startDateTime: new Date('2026-02-01T09:00:00Z'), endDateTime: '2026-02-01T10:00:00Z' } },
      { label: 'Betal', actionCode: 'BETALING', url: 'https://betal.example.dk' },
    ] }),
    attachments: [{ files: [{ filename: 'bilag.txt', content: { base64: 'aGVq' } }] }, { files: [{ filename: 'stor.pdf', content: { byteLength: 20, open } }] }],
    technicalDocuments: [{ files: [{ filename: 'data.xml', content: new TextEncoder().encode('<a/>') }] }],
  }), { uuid: () => 'c9bf9e57-1685-4c89-bafb-ff5af830be8a' });
  const body = m.MessageBody!;
  expect(body.MainDocument.mainDocumentID).toBe('DOC-1');
  expect(body.MainDocument.Action?.[0]?.Reservation).toMatchObject({ reservationUUID: 'c9bf9e57-1685-4c89-bafb-ff5af830be8a', startDateTime: '2026-02-01T09:00:00Z' });
  expect(body.MainDocument.Action?.[1]?.EntryPoint).toEqual({ url: 'https://betal.example.dk' });
  expect(body.AdditionalDocument?.[0]?.File[0]).toEqual({ encodingFormat: 'text/plain', filename: 'bilag.txt', language: 'da', content: { kind: 'base64', base64: 'aGVq' } });
  expect(body.AdditionalDocument?.[1]?.File[0]?.content).toEqual({ kind: 'stream', byteLength: 20, open });
  expect(body.TechnicalDocument?.[0]?.File[0]?.encodingFormat).toBe('text/xml');
  expect(errorOf(() => build(aLetterInput({ mainDocument: { files: [{ filename: 'tom.pdf', content: new Uint8Array(0) }] } }))).message).toContain('empty');
  expect(errorOf(() => build(aLetterInput({ mainDocument: aDocument({ actions: [{ label: 'x', actionCode: 'AFTALE' }] }) }))).code).toBe('LETTER_INPUT_INVALID');
  expect(errorOf(() => build(aLetterInput({ mainDocument: undefined }))).message).toContain('DIGITALPOST');
});

test('NemSMS: no documents, notification required and at most 150 characters', () => {
  const m = build(aNemSmsInput());
  expect(m.MessageBody).toBeUndefined();
  expect(validateMemo(m)).toEqual([]);
  expect(errorOf(() => build(aNemSmsInput({ notification: 'x'.repeat(151) }))).message).toContain('150');
  expect(build(aNemSmsInput({ notification: '😀'.repeat(150) })).MessageHeader.notification).toHaveLength(300);
  expect(errorOf(() => build(aNemSmsInput({ notification: undefined }))).code).toBe('LETTER_INPUT_INVALID');
  expect(errorOf(() => build(aNemSmsInput({ mainDocument: aDocument() }))).code).toBe('LETTER_INPUT_INVALID');
});

test('dates: Date → UTC Z and YYYY-MM-DD; impossible dates refused', () => {
  const m = build(aLetterInput({ doNotDeliverUntil: new Date('2026-03-01T23:30:00-02:00'), createdDateTime: new Date('2026-01-15T12:00:00.250Z') }));
  expect(m.MessageHeader.doNotDeliverUntilDate).toBe('2026-03-02');
  expect(m.MessageBody?.createdDateTime).toBe('2026-01-15T12:00:00.250Z');
  expect(errorOf(() => build(aLetterInput({ doNotDeliverUntil: '2026-02-30' }))).code).toBe('LETTER_INPUT_INVALID');
  expect(errorOf(() => build(aLetterInput({ createdDateTime: '2026-13-01T00:00:00Z' }))).code).toBe('LETTER_INPUT_INVALID');
  expect(errorOf(() => build(aLetterInput({ messageUUID: 'c232ab00-9414-11ec-b3c8-9f6bdeced846' }))).message).toContain('version 4');
});

test('the result is deep-frozen, file bytes excepted, and does not freeze the caller\'s objects', () => {
  const info = [{ label: 'Sag', value: '1' }];
  const m = build(aReplyEnabledLetterInput({ reply: { enabled: true, contactPoint: { id: 'x', info } } }));
  expect(Object.isFrozen(m)).toBe(true);
  expect(Object.isFrozen(m.MessageHeader.Sender.ContactPoint?.ContactInfo?.[0])).toBe(true);
  expect(Object.isFrozen(m.MessageBody?.MainDocument.File[0])).toBe(true);
  expect(Object.isFrozen(info[0])).toBe(false);
  const content = m.MessageBody!.MainDocument.File[0]!.content;
  expect(content.kind === 'bytes' && Object.isFrozen(content.bytes)).toBe(false);
});

test('encodingFormatFor knows the common formats and falls back to octet-stream', () => {
  expect(encodingFormatFor('a.PDF')).toBe('application/pdf');
  expect(encodingFormatFor('a.docx')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  expect(encodingFormatFor('a.htm')).toBe('text/html');
  expect(encodingFormatFor('noext')).toBe('application/octet-stream');
  expect(encodingFormatFor('a.toString')).toBe('application/octet-stream');
});
