import { expect, test } from '@jest/globals';
import fc from 'fast-check';
import { sharedReference } from '../../../../test-support/sharedReference.js';
import { isPostbudError } from '../../errors/PostbudError.js';
import { MemoXsdValidator } from '../../runtime/node/MemoXsdValidator.js';
import type { MemoMessage } from '../model.js';
import { arbitraryMemoMessage } from './testing/arbitraryMemoMessage.js';
import { fullMemoMessage, nemSmsMessage } from './testing/fullMemoMessage.js';
import { writeMemo } from './writeMemo.js';
import { portableWriteForTests, writeMemoBytes } from './writeMemoBytes.js';

const memoDir = sharedReference('memo');
const withXsd = memoDir ? test : test.skip;
let validator: Promise<MemoXsdValidator> | undefined;
const xsd = () => (validator ??= MemoXsdValidator.load(memoDir!));

withXsd('a message with every element is valid against the official XSD (1.2 and 1.1)', async () => {
  for (const version of ['1.2', '1.1'] as const) {
    const xml = writeMemo(fullMemoMessage(version));
    expect(await (await xsd()).validate(xml, version)).toEqual([]);
  }
  expect(writeMemo(fullMemoMessage('1.2'))).toContain('<memo:Representative>');
  expect(writeMemo(fullMemoMessage('1.1'))).toContain('memoSchVersion="1.1.0"');
});

withXsd('a NemSMS without body is valid (1.1 and 1.2)', async () => {
  for (const version of ['1.1', '1.2'] as const) {
    const xml = writeMemo(nemSmsMessage(version));
    expect(xml).not.toContain('MessageBody');
    expect(await (await xsd()).validate(xml, version)).toEqual([]);
  }
});

withXsd('hundreds of generated messages (every optional element, special and multi-byte text) are XSD-valid', async () => {
  for (const version of ['1.1', '1.2'] as const) {
    const messages = fc.sample(arbitraryMemoMessage({ version }), { numRuns: 250, seed: version === '1.1' ? 11 : 12 });
    const docs = messages.map((m, i) => ({ name: `m${i}.xml`, xml: writeMemo(m) }));
    const problems = await (await xsd()).validateMany(docs, version);
    expect(problems.slice(0, 3)).toEqual([]);
  }
});

const encode = (s: string) => Buffer.from(s, 'utf8');

const small: MemoMessage = {
  memoVersion: '1.2',
  MessageHeader: {
    messageType: 'DIGITALPOST',
    messageUUID: '8c2ea15d-61fb-4ba9-9366-42f8b194c114',
    label: 'Svar på "ansøgning" <A&B>',
    reply: true,
    mandatory: false,
    Sender: { senderID: '13748136', idType: 'CVR', label: 'Eksempel Kommune' },
    Recipient: { recipientID: '0101901234', idType: 'CPR', label: 'Åse' },
  },
  MessageBody: {
    createdDateTime: '2026-01-10T09:15:00Z',
    MainDocument: { label: 'Brev', File: [{ encodingFormat: 'text/plain', filename: 'brev.txt', language: 'da', content: { kind: 'bytes', bytes: new TextEncoder().encode('Hej æ') } }] },
  },
};

test('golden: exact XML for a small message (declaration, prefixes, XSD order, escaping, base64)', () => {
  // Keys deliberately in non-XSD order: the writer must follow the schema, not the object.
  const shuffled = { MessageBody: small.MessageBody, MessageHeader: { ...small.MessageHeader, Recipient: small.MessageHeader.Recipient }, memoVersion: '1.2' } as MemoMessage;
  expect(writeMemo(shuffled)).toBe(
    '<?xml version="1.0" encoding="UTF-8"?>' +
      '<memo:Message xmlns:memo="https://DigitalPost.dk/MeMo-1" xmlns:grd="https://data.gov.dk/model/core/" xmlns:kle="http://kle-online.dk/" xmlns:form="http://www.form-online.dk/" xmlns:dmv="https://motorregister.skat.dk/" xmlns:gln="https://www.gs1.dk/gs1-standarder/identifikation/gln-global-location-number/" xmlns:sor="https://services.nsi.dk/en/Services/SOR" xmlns:udd="https://www.dst.dk/da/TilSalg/Forskningsservice/Dokumentation/hoejkvalitetsvariable/elevregister-2/udd#" memoVersion="1.2">' +
      '<memo:MessageHeader><memo:messageType>DIGITALPOST</memo:messageType><memo:messageUUID>8c2ea15d-61fb-4ba9-9366-42f8b194c114</memo:messageUUID>' +
      '<memo:label>Svar på "ansøgning" &lt;A&amp;B&gt;</memo:label><memo:reply>true</memo:reply><memo:mandatory>false</memo:mandatory>' +
      '<memo:Sender><memo:senderID>13748136</memo:senderID><memo:idType>CVR</memo:idType><memo:label>Eksempel Kommune</memo:label></memo:Sender>' +
      '<memo:Recipient><memo:recipientID>0101901234</memo:recipientID><memo:idType>CPR</memo:idType><memo:label>Åse</memo:label></memo:Recipient></memo:MessageHeader>' +
      '<memo:MessageBody><memo:createdDateTime>2026-01-10T09:15:00Z</memo:createdDateTime><memo:MainDocument><memo:label>Brev</memo:label>' +
      '<memo:File><memo:encodingFormat>text/plain</memo:encodingFormat><memo:filename>brev.txt</memo:filename><memo:language>da</memo:language><memo:content>SGVqIMOm</memo:content></memo:File>' +
      '</memo:MainDocument></memo:MessageBody></memo:Message>',
  );
});

test('1.1 writes memoSchVersion (default 1.1.0 or the model value); 1.2 never does; xmlDeclaration: false omits the declaration', () => {
  const v11 = writeMemo({ ...small, memoVersion: '1.1' }, { xmlDeclaration: false });
  expect(v11.startsWith('<memo:Message ')).toBe(true);
  expect(v11).toContain(' memoVersion="1.1" memoSchVersion="1.1.0">');
  expect(writeMemo({ ...small, memoVersion: '1.1', memoSchVersion: '1.1.1' })).toContain('memoSchVersion="1.1.1"');
  expect(writeMemo({ ...small, memoSchVersion: '1.1.0' })).not.toContain('memoSchVersion');
});

test('indent option pretty-prints without touching text', () => {
  const xml = writeMemo(small, { indent: '  ' });
  expect(xml).toContain('\n  <memo:MessageHeader>\n    <memo:messageType>DIGITALPOST</memo:messageType>');
  expect(xml).toContain('\n      <memo:File>\n        <memo:encodingFormat>');
  expect(xml.endsWith('\n  </memo:MessageBody>\n</memo:Message>')).toBe(true);
});

test('CR is kept as a character reference, other whitespace as is', () => {
  const xml = writeMemo({ ...small, MessageHeader: { ...small.MessageHeader, label: 'a\r\nb\tc' } });
  expect(xml).toContain('<memo:label>a&#13;\nb\tc</memo:label>');
});

test('characters XML 1.0 cannot carry are rejected with a typed error naming the element', () => {
  const bad = (label: string, filename = 'brev.txt') => ({
    ...small,
    MessageHeader: { ...small.MessageHeader, label },
    MessageBody: { ...small.MessageBody!, MainDocument: { File: [{ ...small.MessageBody!.MainDocument.File[0]!, filename }] } },
  });
  for (const label of ['a\u0001b', 'x\u000B', '\uFFFE', 'lone \uD800 surrogate', 'lone \uDC00']) {
    let caught: unknown;
    try {
      writeMemo(bad(label));
    } catch (e) {
      caught = e;
    }
    expect(isPostbudError(caught, 'MEMO_XML_CHARACTER_INVALID')).toBe(true);
    expect((caught as Error).message).toContain('/Message/MessageHeader/label contains U+');
  }
  expect(() => writeMemo(bad('ok 😀'))).not.toThrow();
  expect(() => writeMemo({ ...small, memoVersion: '1.1', memoSchVersion: '1.1\u0007' })).toThrow(/\/Message\/@memoSchVersion contains U\+0007/);
  expect(() => writeMemo(bad('ok', 'f\u0000.pdf'))).toThrow(/\/Message\/MessageBody\/MainDocument\/File\[1\]\/filename contains U\+0000/);
});

test('stream content cannot be written to a string: MEMO_CONTENT_UNAVAILABLE', () => {
  const streamed = {
    ...small,
    MessageBody: { ...small.MessageBody!, MainDocument: { File: [{ ...small.MessageBody!.MainDocument.File[0]!, content: { kind: 'stream' as const, open: async function* () {} } }] } },
  };
  expect(() => writeMemo(streamed)).toThrow(expect.objectContaining({ code: 'MEMO_CONTENT_UNAVAILABLE' }));
});

test('writeMemoBytes gives the UTF-8 bytes of writeMemo (also for non-ASCII base64 text), and refuses stream content', () => {
  for (const m of [small, fullMemoMessage('1.1'), fullMemoMessage('1.2'), nemSmsMessage('1.2')]) {
    for (const options of [{}, { xmlDeclaration: false, indent: '  ' }]) {
      expect(Buffer.from(writeMemoBytes(m, options)).equals(encode(writeMemo(m, options)))).toBe(true);
    }
  }
  const broken = { ...small, MessageBody: { ...small.MessageBody!, MainDocument: { File: [{ ...small.MessageBody!.MainDocument.File[0]!, content: { kind: 'base64' as const, base64: 'æøå😀'.repeat(50) } }] } } };
  expect(Buffer.from(writeMemoBytes(broken)).equals(encode(writeMemo(broken)))).toBe(true);
  expect(Buffer.from(portableWriteForTests(broken)).equals(encode(writeMemo(broken)))).toBe(true);
  // Base64 text that needs escaping is escaped once, as writeMemo does; a character XML cannot hold names its element.
  const withContent = (base64: string) => ({ ...small, MessageBody: { ...small.MessageBody!, MainDocument: { File: [{ ...small.MessageBody!.MainDocument.File[0]!, content: { kind: 'base64' as const, base64 } }] } } });
  const escaped = withContent('QUJD\r\nREVG&<>'.repeat(20));
  expect(Buffer.from(writeMemoBytes(escaped)).equals(encode(writeMemo(escaped)))).toBe(true);
  expect(Buffer.from(writeMemoBytes(escaped)).toString('utf8')).toContain('QUJD&#13;\nREVG&amp;&lt;&gt;');
  const forbidden = withContent('QUJD\u0001');
  expect(() => writeMemoBytes(forbidden)).toThrow(expect.objectContaining({ code: 'MEMO_XML_CHARACTER_INVALID', message: expect.stringContaining('/MainDocument/File[1]/content') }));
  expect(() => writeMemo(forbidden)).toThrow(expect.objectContaining({ code: 'MEMO_XML_CHARACTER_INVALID', message: expect.stringContaining('/MainDocument/File[1]/content') }));
  const streamed = { ...small, MessageBody: { ...small.MessageBody!, MainDocument: { File: [{ ...small.MessageBody!.MainDocument.File[0]!, content: { kind: 'stream' as const, open: async function* () {} } }] } } };
  expect(() => writeMemoBytes(streamed)).toThrow(expect.objectContaining({ code: 'MEMO_CONTENT_UNAVAILABLE' }));
});

test('writeMemoBytes: exact-size output for files spanning several base64 slices, in Node and without it', () => {
  const File = small.MessageBody!.MainDocument.File[0]!;
  for (const size of [1, 2, 3, 49_151, 49_152, 49_153, 200 * 1024 + 1]) {
    const bytes = new Uint8Array(size).map((_, i) => (i * 7919) % 251);
    const m = { ...small, MessageBody: { ...small.MessageBody!, MainDocument: { File: [{ ...File, content: { kind: 'bytes' as const, bytes } }, File] } } };
    const expected = encode(writeMemo(m));
    const out = writeMemoBytes(m);
    expect(out.byteLength).toBe(out.buffer.byteLength); // nothing unwritten behind the view
    expect(Buffer.from(out).equals(expected)).toBe(true);
    expect(Buffer.from(portableWriteForTests(m)).equals(expected)).toBe(true);
  }
});
