import { expect, test } from '@jest/globals';
import { aLetterInput } from '../../testing/letterInputs.js';
import { setAt, thawMessage } from '../../testing/mutableMessage.js';
import { createMemoMessage } from '../factories/createMemoMessage.js';
import type { MemoMessage } from '../model.js';
import { writeMemo } from '../xml/writeMemo.js';
import { validateMemoXml } from './validateMemoXml.js';

const now = new Date('2026-01-15T12:00:00Z');
const H = '/Message/MessageHeader';
const xmlOf = (mutate: (m: Record<string, unknown>) => void = () => {}): string => {
  const m = thawMessage(createMemoMessage(aLetterInput(), { now: () => now }));
  mutate(m);
  return writeMemo(m as unknown as MemoMessage);
};

test('valid XML has no issues (string and bytes)', () => {
  expect(validateMemoXml(xmlOf())).toEqual([]);
  expect(validateMemoXml(new TextEncoder().encode(xmlOf()))).toEqual([]);
});

test('parse issues and model issues come together, each problem once', () => {
  const xml = xmlOf((m) => {
    setAt(m, ['MessageHeader', 'Sender', 'ContactPoint'], { contactPointID: 'x', ContactInfo: [1, 2, 3].map(() => ({ label: 'l', value: 'v' })) });
    setAt(m, ['MessageHeader', 'replyByDateTime'], '2026-06-01T10:00:00+02:00');
  })
    // Break the element order, which only the parser can see.
    .replace(/(<memo:label>[^<]*<\/memo:label>)(<memo:replyByDateTime>[^<]*<\/memo:replyByDateTime>)/, '$2$1')
    .replace(/<memo:label>Aarhus Kommune, Borgerservice<\/memo:label>/, '');
  const issues = validateMemoXml(xml).map(({ path, code }) => ({ path, code }));
  expect(issues).toEqual(expect.arrayContaining([
    { path: `${H}/label`, code: 'ELEMENT_ORDER' },
    { path: `${H}/replyByDateTime`, code: 'DATETIME_UTC' },
    { path: `${H}/Sender/label`, code: 'REQUIRED' },
  ]));
  expect(issues.filter((i) => i.code === 'TOO_MANY')).toHaveLength(1);
  expect(issues.filter((i) => i.path.startsWith(`${H}/Sender/label`))).toHaveLength(1);
  const keys = issues.map((i) => `${i.code} ${i.path}`);
  expect(new Set(keys).size).toBe(keys.length);
});

test('business rules apply unless rules is "xsd"', () => {
  const xml = xmlOf((m) => setAt(m, ['MessageBody', 'MainDocument', 'File', 0, 'filename'], 'a:b.pdf'));
  expect(validateMemoXml(xml).map((i) => i.code)).toEqual(['FILENAME_CHARACTERS']);
  expect(validateMemoXml(xml, { rules: 'xsd' })).toEqual([]);
});

test('malformed XML throws like parseMemo', () => {
  expect(() => validateMemoXml('<memo:Message')).toThrow(expect.objectContaining({ code: 'MEMO_XML_MALFORMED' }));
});
