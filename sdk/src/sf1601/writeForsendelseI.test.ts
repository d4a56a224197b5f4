import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@jest/globals';
import { sharedReference } from '../../../test-support/sharedReference.js';
import { readXmlLeaves } from './readXmlLeaves.js';
import { writeForsendelseI } from './writeForsendelseI.js';
import { writeKombiRequest } from './writeKombiRequest.js';
import { SaxesParser } from 'saxes';

const pdf = new TextEncoder().encode('%PDF-1.4 test');

function childrenOf(xml: string, parentLocal: string): string[] {
  const parser = new SaxesParser({ xmlns: true });
  const stack: string[] = [];
  const out: string[] = [];
  parser.on('opentag', (tag) => {
    if (stack[stack.length - 1] === parentLocal) out.push(`${tag.uri}|${tag.local}`);
    stack.push(tag.local);
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return out;
}

const full = writeForsendelseI({
  shipmentId: 'aaaaaaaa-0000-4000-8000-000000000001',
  recipient: { type: 'cpr' },
  title: 'Afgørelse & svar',
  pdf,
  options: { address: { name: 'Fiktiv Person', street: 'Testvej', building: '12B', floor: 'st', postCode: '8000' }, shipmentTypeId: 265, print: { sides: 'Duplex', envelope: 'C5' }, postCategory: 'Prioritaire' },
});

test('citizens are sent as CPR 0000000000, with name, address and the PDF in base64', () => {
  const leaves = readXmlLeaves(full);
  const text = (name: string) => leaves.find((l) => l.name === name)?.text;
  expect(text('CPRnummerIdentifikator')).toBe('0000000000');
  expect(text('PersonName')).toBe('Fiktiv Person');
  expect(text('StreetBuildingIdentifier')).toBe('12B');
  expect(text('FilformatNavn')).toBe('PDF');
  expect(text('MeddelelseIndholdData')).toBe(Buffer.from(pdf).toString('base64'));
  expect(text('TitelTekst')).toBe('Afgørelse & svar');
  expect(leaves.find((l) => l.name === 'CPRnummerIdentifikator')?.namespace).toBe('urn:oio:adir:dagpenge:2009.07.01');
});

test('companies keep their CVR', () => {
  const xml = writeForsendelseI({ shipmentId: 'x', recipient: { type: 'cvr', cvr: '13585628' }, title: 't', pdf, options: { address: { name: 'Firma ApS', lines: ['Testvej 1', '8000 Aarhus C'] } } });
  expect(readXmlLeaves(xml).find((l) => l.name === 'CVRnummerIdentifikator')?.text).toBe('13585628');
});

const xsdDir = sharedReference('memo/fjernprint-sf1600-oio');
(xsdDir === null ? test.skip : test)('ForsendelseI children follow the XSD sequence (ForsendelseI.xsd)', () => {
  const xsd = readFileSync(path.join(xsdDir ?? '', 'ForsendelseI.xsd'), 'utf8');
  const sequence = [...xsd.matchAll(/<element ref="(\w+):(\w+)"/g)].map((m) => `${m[1] === 'dkal' ? 'urn:oio:dkal:1.0.0' : 'urn:oio:fjernprint:1.0.0'}|${m[2]}`);
  const written = childrenOf(full, 'ForsendelseI');
  expect(written.length).toBeGreaterThanOrEqual(7);
  const positions = written.map((child) => sequence.indexOf(child));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
});

test('kombi_request puts KombiValgKode first, then the MeMo, then ForsendelseISamling', () => {
  const xml = writeKombiRequest({ code: 'Automatisk Valg', memoXml: '<?xml version="1.0" encoding="UTF-8"?>\n<memo:Message xmlns:memo="https://DigitalPost.dk/MeMo-1"/>', forsendelseIXml: full });
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(childrenOf(xml, 'kombi_request')).toEqual(['|KombiValgKode', 'https://DigitalPost.dk/MeMo-1|Message', 'urn:oio:fjernprint:1.0.0|ForsendelseISamling']);
});
