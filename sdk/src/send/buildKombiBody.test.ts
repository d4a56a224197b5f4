/**
 * The kombi_request goes on the wire as bytes written around writeMemoBytes: they must be
 * exactly the UTF-8 of the request as text (writeKombiRequest around writeMemo), on every
 * channel and for every kind of file content.
 */
import { expect, test } from '@jest/globals';
import { aLetter, clientOptions } from '../../test/client/fixtures.js';
import { resolveClientConfig } from '../client/ClientOptions.js';
import { writeKombiRequest } from '../sf1601/writeKombiRequest.js';
import { writeForsendelseI } from '../sf1601/writeForsendelseI.js';
import { prepareLetter } from './prepareLetter.js';
import { physicalPdf } from './preparePhysical.js';
import { serializeMemo } from './serializeMemo.js';
import { buildKombiBody } from './sendViaSf1601.js';

const config = resolveClientConfig(clientOptions());
const physical = { address: { name: 'Fiktiv Person', lines: ['Testvej 1', '8000 Aarhus C'] } };
const big = Uint8Array.from({ length: 60_000 }, (_, i) => (i * 31) & 0xff);

test.each([
  ['digital, a small PDF', 'digital' as const, aLetter()],
  ['digital, Danish text and a 60 KB file plus a base64 attachment', 'digital' as const, aLetter({
    title: 'Afgørelse om tilskud – 5 € pr. måned',
    mainDocument: { label: 'Brev til Ærø', files: [{ filename: 'brev.pdf', content: big }] },
    attachments: [{ label: 'Bilag', files: [{ filename: 'bilag.pdf', content: { base64: Buffer.from(big.subarray(0, 9000)).toString('base64') } }] }],
  })],
  ['automatic choice with a ForsendelseI', 'auto' as const, aLetter({ title: 'Påbud' })],
])('%s: the bytes are the UTF-8 of the request as text', async (_name, channel, letter) => {
  const prepared = prepareLetter(letter, channel, undefined, config);
  const body = await buildKombiBody(prepared, channel, channel === 'auto' ? physical : undefined);
  expect(body).toBeInstanceOf(Uint8Array);
  const forsendelseIXml = channel === 'auto'
    ? writeForsendelseI({ shipmentId: prepared.messageUUID, recipient: { type: 'cpr' }, title: prepared.message.MessageHeader.label, pdf: await physicalPdf(prepared.message, physical), options: physical })
    : undefined;
  const text = writeKombiRequest({ code: channel === 'auto' ? 'Automatisk Valg' : 'Digital Post', memoXml: await serializeMemo(prepared.message, false), ...(forsendelseIXml ? { forsendelseIXml } : {}) });
  expect(Buffer.from(body as Uint8Array).equals(Buffer.from(text, 'utf8'))).toBe(true);
});
