import { describe, expect, test } from '@jest/globals';
import { parseMemo, type PostbudError } from '@postbud/sdk';
import { letterXml } from '../../test/support/wire.js';
import { KombiEnvelopeError, readKombiEnvelope } from './kombiEnvelope.js';

const MEMO = 'https://DigitalPost.dk/MeMo-1';

test('cuts the memo:Message out verbatim and adds the namespace declarations it inherits from kombi_request', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><kombi_request xmlns:memo="${MEMO}" xmlns:x="urn:a&amp;b"><KombiValgKode> Digital Post </KombiValgKode><memo:Message memoVersion="1.2"><memo:MessageHeader><x:y>1</x:y></memo:MessageHeader></memo:Message></kombi_request>`;
  const env = readKombiEnvelope(xml);
  expect(env.kombiValgKode).toBe('Digital Post');
  expect(env.memoXml).toBe(`<memo:Message xmlns:memo="${MEMO}" xmlns:x="urn:a&amp;b" memoVersion="1.2"><memo:MessageHeader><x:y>1</x:y></memo:MessageHeader></memo:Message>`);
  expect(env.forsendelse).toBeNull();
});

test('a Message that declares its own namespace is taken as written', () => {
  const message = `<Message xmlns="${MEMO}" memoVersion="1.2"><MessageHeader/></Message>`;
  expect(readKombiEnvelope(`<kombi_request><KombiValgKode>Digital Post</KombiValgKode>${message}</kombi_request>`).memoXml).toBe(message);
});

test('finds a ForsendelseI inside ForsendelseISamling', () => {
  const print = '<f:ForsendelseI xmlns:f="urn:oio:fjernprint:1.0.0"><f:AfsendelseIdentifikator>abc</f:AfsendelseIdentifikator></f:ForsendelseI>';
  const env = readKombiEnvelope(`<kombi_request><KombiValgKode>Fysisk Post</KombiValgKode><ForsendelseISamling>${print}</ForsendelseISamling></kombi_request>`);
  expect(env.forsendelseXml).toBe(print);
  expect(env.forsendelse).not.toBeNull();
});

test.each([
  ['a DTD', '<!DOCTYPE kombi_request [<!ENTITY x "y">]><kombi_request/>', /DTDs/],
  ['a foreign root', '<other/>', /root element must be kombi_request/],
  ['two messages', `<kombi_request><m:Message xmlns:m="${MEMO}"/><m:Message xmlns:m="${MEMO}"/></kombi_request>`, /only one Message/],
  ['broken XML', '<kombi_request><KombiValgKode>Digital Post</kombi_request>', /not well-formed/],
  ['no element', '   ', /not well-formed/],
])('refuses %s with a KombiEnvelopeError', (_name, xml, message) => {
  expect(() => readKombiEnvelope(xml)).toThrow(KombiEnvelopeError);
  expect(() => readKombiEnvelope(xml)).toThrow(message);
});

describe('the MeMo read in the same pass', () => {
  const { xml: letter } = letterXml({ title: 'Afgørelse om tilskud' });
  const memo = letter.replace(/^<\?xml[^>]*\?>\s*/, '');
  const ns = /xmlns:memo="([^"]+)"/.exec(memo)![1]!;
  const envelope = (m: string, rootAttrs = '') => `<kombi_request${rootAttrs}><KombiValgKode>Digital Post</KombiValgKode>${m}</kombi_request>`;

  test.each([
    ['a whole letter', envelope(memo)],
    ['a letter whose prefix is declared on kombi_request', envelope(memo.replace(` xmlns:memo="${ns}"`, ''), ` xmlns:memo="${ns}"`)],
    ['structural problems (unknown element, text in a complex element)', envelope(memo.replace('<memo:MessageHeader>', '<memo:MessageHeader><memo:Bogus>x</memo:Bogus>stray text'))],
    ['an empty Message', envelope(`<memo:Message xmlns:memo="${ns}" memoVersion="1.2"/>`)],
  ])('%s: the same model and issues as parseMemo of the cut-out MeMo', (_name, body) => {
    const env = readKombiEnvelope(body);
    expect(env.memo).not.toBeInstanceOf(Error);
    const expected = parseMemo(env.memoXml!);
    expect(env.memo).toEqual(expected);
  });

  test('a MeMo nested deeper than parseMemo allows gives the error parseMemo gives, and the envelope is still read', () => {
    const deep = `<memo:Message xmlns:memo="${ns}" memoVersion="1.2">${'<x>'.repeat(40)}${'</x>'.repeat(40)}</memo:Message>`;
    const env = readKombiEnvelope(envelope(deep));
    expect(env.kombiValgKode).toBe('Digital Post');
    expect(env.memo).toBeInstanceOf(Error);
    expect(() => parseMemo(env.memoXml!)).toThrow(expect.objectContaining({ code: 'MEMO_XML_LIMIT_EXCEEDED' }));
    expect((env.memo as PostbudError).code).toBe('MEMO_XML_LIMIT_EXCEEDED');
  });

  test('no Message, no MeMo', () => {
    expect(readKombiEnvelope('<kombi_request><KombiValgKode>Fysisk Post</KombiValgKode></kombi_request>').memo).toBeNull();
  });
});
