import { expect, test } from '@jest/globals';
import { isPostbudError } from '../errors/PostbudError.js';
import { isDuplicateRejection, parseKombiResponse } from './parseKombiResponse.js';

test('reads Result, TransmissionID and Advis of an accepted letter', () => {
  const xml = '<?xml version="1.0"?><kombi_response><Result>true</Result><TransmissionID>tx-1</TransmissionID><HovedoplysningerSvarREST><SvarReaktion><Advis><AdvisId>1</AdvisId><AdvisTekst>Modtaget</AdvisTekst></Advis></SvarReaktion></HovedoplysningerSvarREST></kombi_response>';
  const parsed = parseKombiResponse(xml);
  expect(parsed).toMatchObject({ result: true, transmissionId: 'tx-1', advis: [{ id: '1', text: 'Modtaget' }] });
  expect(parsed.raw).toBe(xml);
});

test('reads FejlKode/FejlTekst of a rejection, and recognises duplicates', () => {
  const parsed = parseKombiResponse('<kombi_response><Result>false</Result><FejlKode>memo.invalid</FejlKode><FejlTekst>tag name "mandatory" is not allowed</FejlTekst></kombi_response>');
  expect(parsed).toMatchObject({ result: false, errorCode: 'memo.invalid', errorText: 'tag name "mandatory" is not allowed' });
  expect(isDuplicateRejection(parsed)).toBe(false);
  expect(isDuplicateRejection({ errorCode: 'DUPLICATE_MESSAGE' })).toBe(true);
});

test('a physical answer may come without TransmissionID', () => {
  expect(parseKombiResponse('<kombi_response><Result>true</Result></kombi_response>').transmissionId).toBeUndefined();
});

test('refuses DTDs, malformed XML and other roots with RESPONSE_INVALID', () => {
  const bomb = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><kombi_response><Result>&a;</Result></kombi_response>';
  for (const bad of [bomb, '<kombi_response><Result>', '<html>error</html>']) {
    let caught: unknown;
    try {
      parseKombiResponse(bad);
    } catch (error) {
      caught = error;
    }
    expect(isPostbudError(caught, 'RESPONSE_INVALID')).toBe(true);
  }
});
