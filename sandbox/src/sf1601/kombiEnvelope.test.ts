import { expect, test } from '@jest/globals';
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
