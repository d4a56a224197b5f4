import { expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sharedReference } from '../../../../test-support/sharedReference.js';
import { MemoXsdValidator } from '../../runtime/node/MemoXsdValidator.js';
import type { MemoMessage } from '../model.js';
import { parseMemo } from './parseMemo.js';
import { arbitraryMemoMessage } from './testing/arbitraryMemoMessage.js';
import { fullMemoMessage, nemSmsMessage } from './testing/fullMemoMessage.js';
import { writeMemo } from './writeMemo.js';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../../../test/fixtures/memo/${name}`, import.meta.url)), 'utf8');
const memoDir = sharedReference('memo');
const withXsd = memoDir ? test : test.skip;

/** Content as base64 text, so a written model (bytes) and a parsed one (base64) compare equal. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.kind === 'bytes') return { kind: 'base64', base64: Buffer.from(o.bytes as Uint8Array).toString('base64') };
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, normalize(v)]));
  }
  return value;
}

test('default namespace, odd prefixes (local redeclarations, CDATA, char refs) give the same model', () => {
  const a = parseMemo(fixture('MeMo_1.2_default_namespace.xml'));
  const b = parseMemo(fixture('MeMo_1.2_odd_prefixes.xml'));
  expect(a.issues).toEqual([]);
  expect(b.issues).toEqual([]);
  expect(b.message).toEqual(a.message);
  const m = a.message;
  expect(m.memoVersion).toBe('1.2');
  expect(m.MessageHeader.label).toBe('Afgørelse om "boligstøtte" <2026>');
  expect(m.MessageHeader.reply).toBe(true);
  expect(m.MessageHeader.Sender.Representative).toEqual({ representativeID: '24256790', idType: 'CVR', label: 'Advokatfirma & Co' });
  expect(m.MessageHeader.ContentData?.KLEdata).toEqual({ subjectKey: '02.34.02', version: 'Maj 2018', label: 'Boligstøtte' });
  expect(m.MessageBody?.MainDocument.File[0]?.content).toEqual({ kind: 'base64', base64: '\n          QWZnw7hyZWxzZQo=\n        ' });
  // memo: prefix writing of the same model
  expect(parseMemo(writeMemo(m)).message).toEqual(m);
});

test('the official-like full 1.1 example reads completely, without issues, and survives a write/parse round trip', () => {
  const xml = fixture('MeMo_Full_Example_1.1.xml');
  const { message, issues } = parseMemo(xml);
  expect(issues).toEqual([]);
  expect(message.memoVersion).toBe('1.1');
  expect(message.memoSchVersion).toBe('1.1.0');
  const h = message.MessageHeader;
  expect(h.messageUUID).toBe('8C2EA15D-61FB-4BA9-9366-42F8B194C114');
  expect([h.reply, h.mandatory, h.legalNotification]).toEqual([true, false, false]);
  expect(h.Sender.AttentionData?.GlobalLocationNumber?.globalLocationNumber).toBe('5798000012345');
  expect(h.Sender.AttentionData?.SORdata?.sorIdentifier).toBe('468031000016004');
  expect(h.Sender.AttentionData?.Address?.AddressPoint?.geographicHeightMeasure).toBe('12.0');
  expect(h.Sender.ContactPoint?.ContactInfo).toHaveLength(2);
  expect(h.Recipient.AttentionData?.UnstructuredAddress?.unstructured).toBe('Skolevej 1, 8000 Aarhus C');
  expect(h.ContentData?.MotorVehicle?.licenseNumber).toBe('AB12345');
  expect(h.ContentData?.Education?.educationCode).toBe('5166');
  expect(h.ContentData?.AdditionalContentData?.map((d) => d.contentDataName)).toEqual(['Skolenavn', 'Klasse']);
  expect(h.ReplyData?.map((r) => r.replyUUID)).toEqual([undefined, '8c2ea15d-61fb-4ba9-9366-42f8b194c114']);
  const main = message.MessageBody!.MainDocument;
  expect(main.label).toBe('Tilbud om plads <skole & SFO>');
  expect(main.Action?.[0]?.Reservation?.location).toBe('Rådhuset, lokale 2');
  expect(main.Action?.[1]?.EntryPoint?.url).toBe('https://selvbetjening.kommune.example.dk/plads?id=1&svar=ja');
  const content = main.File[0]!.content;
  expect(content.kind === 'base64' && Buffer.from(content.base64, 'base64').toString('latin1').startsWith('%PDF-1.4')).toBe(true);
  expect(message.MessageBody!.TechnicalDocument?.[0]?.File[0]?.encodingFormat).toBe('text/xml');
  const rewritten = writeMemo(message);
  expect(parseMemo(rewritten).message).toEqual(message);
});

withXsd('the hand-made fixtures are XSD-valid, before and after a parse/write round trip', async () => {
  const validator = await MemoXsdValidator.load(memoDir!);
  const byVersion = { '1.1': ['MeMo_Full_Example_1.1.xml', 'MeMo_NemSMS_1.1.xml'], '1.2': ['MeMo_1.2_default_namespace.xml', 'MeMo_1.2_odd_prefixes.xml'] } as const;
  for (const version of ['1.1', '1.2'] as const) {
    const docs = byVersion[version].flatMap((name) => [
      { name, xml: fixture(name) },
      { name: `rewritten-${name}`, xml: writeMemo(parseMemo(fixture(name)).message) },
    ]);
    expect(await validator.validateMany(docs, version)).toEqual([]);
  }
});

test('property: write → parse keeps every element and value; write(parse(write(m))) is identical', () => {
  fc.assert(
    fc.property(arbitraryMemoMessage(), (m: MemoMessage) => {
      const xml = writeMemo(m);
      const parsed = parseMemo(xml);
      expect(parsed.issues).toEqual([]);
      expect(normalize(parsed.message)).toEqual(normalize(m));
      expect(writeMemo(parsed.message)).toBe(xml);
      // The same through bytes and pretty-printing (indentation is whitespace between elements only).
      expect(normalize(parseMemo(Buffer.from(writeMemo(m, { indent: '  ' }), 'utf8')).message)).toEqual(normalize(m));
    }),
    { numRuns: 150 },
  );
});

test('NemSMS without body, and Uint8Array input with a UTF-8 BOM', () => {
  const xml = fixture('MeMo_NemSMS_1.1.xml');
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')]);
  const { message, issues } = parseMemo(bytes);
  expect(issues).toEqual([]);
  expect(message.MessageBody).toBeUndefined();
  const expected = nemSmsMessage('1.1');
  expect(message).toEqual({ ...expected, MessageHeader: { ...expected.MessageHeader, notification: 'Husk din tid hos tandlægen i morgen kl. 10' } });
});

test('the full message model with every element round-trips for both versions', () => {
  for (const version of ['1.1', '1.2'] as const) {
    const m = fullMemoMessage(version);
    const parsed = parseMemo(writeMemo(m));
    expect(parsed.issues).toEqual([]);
    expect(normalize(parsed.message)).toEqual(normalize(m));
  }
});
