import { expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PostbudError } from '../../errors/PostbudError.js';
import type { PostbudErrorCode } from '../../errors/codes.js';
import { parseMemo } from './parseMemo.js';
import type { ParseMemoOptions } from './parseMemo.js';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../../../test/fixtures/memo/${name}`, import.meta.url)), 'utf8');
const NS = 'xmlns:memo="https://DigitalPost.dk/MeMo-1"';
const minimal = (header = '<memo:label>Hej</memo:label>') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<memo:Message ${NS} memoVersion="1.2"><memo:MessageHeader>${header}</memo:MessageHeader></memo:Message>`;

function failure(xml: string | Uint8Array, options?: ParseMemoOptions): PostbudError {
  try {
    parseMemo(xml, options);
  } catch (e) {
    if (e instanceof PostbudError) return e;
    throw new Error(`expected a PostbudError, got ${String(e)}`);
  }
  throw new Error('expected parseMemo to throw');
}
const codeOf = (xml: string | Uint8Array, options?: ParseMemoOptions): PostbudErrorCode => failure(xml, options).code;

test('DTDs and entity declarations are refused: billion laughs, external entity, internal subset', () => {
  const started = Date.now();
  expect(codeOf(fixture('hostile/billion-laughs.xml'))).toBe('MEMO_XML_FORBIDDEN');
  expect(codeOf(fixture('hostile/external-entity.xml'))).toBe('MEMO_XML_FORBIDDEN');
  expect(codeOf(`<!DOCTYPE memo:Message SYSTEM "http://127.0.0.1:9/memo.dtd">${minimal().split('\n')[1]}`)).toBe('MEMO_XML_FORBIDDEN');
  expect(codeOf(minimal('<!ENTITY x "y">'))).toBe('MEMO_XML_FORBIDDEN');
  expect(failure(fixture('hostile/billion-laughs.xml')).message).toMatch(/DOCTYPE.*\(line 2, column 1\)/);
  expect(Date.now() - started).toBeLessThan(2000);
});

test('only the five predefined entities and character references are expanded', () => {
  expect(codeOf(fixture('hostile/undeclared-entity.xml'))).toBe('MEMO_XML_FORBIDDEN');
  const { message } = parseMemo(minimal('<memo:label>&lt;&gt;&amp;&quot;&apos;&#65;&#x1F600;</memo:label>'));
  expect(message.MessageHeader.label).toBe(`<>&"'A😀`);
  expect(codeOf(minimal('<memo:label>a & b</memo:label>'))).toBe('MEMO_XML_MALFORMED');
  expect(codeOf(minimal('<memo:label>&#0;</memo:label>'))).toBe('MEMO_XML_MALFORMED');
  expect(codeOf(minimal('<memo:label>&#xD800;</memo:label>'))).toBe('MEMO_XML_MALFORMED');
});

test('limits: size, depth, attributes, name length (typed errors, no hang)', () => {
  expect(codeOf(minimal(), { maxBytes: 100 })).toBe('MEMO_XML_LIMIT_EXCEEDED');
  expect(codeOf(Buffer.from(minimal()), { maxBytes: 100 })).toBe('MEMO_XML_LIMIT_EXCEEDED');
  // Multi-byte characters count as UTF-8 bytes.
  const danish = minimal(`<memo:label>${'æ'.repeat(200)}</memo:label>`);
  expect(codeOf(danish, { maxBytes: danish.length + 100 })).toBe('MEMO_XML_LIMIT_EXCEEDED');
  const deep = `<memo:Message ${NS} memoVersion="1.2">${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</memo:Message>`;
  const started = Date.now();
  expect(failure(deep).message).toContain('deeper than 32');
  expect(Date.now() - started).toBeLessThan(2000);
  expect(codeOf(minimal('<memo:label>x</memo:label>').replace('<memo:label>', '<memo:label a="1" b="2" c="3">'), { maxAttributes: 2 })).toBe('MEMO_XML_LIMIT_EXCEEDED');
  expect(codeOf(minimal(`<memo:${'x'.repeat(300)}/>`))).toBe('MEMO_XML_LIMIT_EXCEEDED');
  expect(parseMemo(minimal(), { maxDepth: 3 }).message.MessageHeader.label).toBe('Hej');
  // An explicit undefined means "default", never "no limit".
  expect(failure(deep, { maxDepth: undefined }).code).toBe('MEMO_XML_LIMIT_EXCEEDED');
});

test('malformed XML is reported with line and column', () => {
  const truncated = failure(minimal().slice(0, -20));
  expect(truncated.code).toBe('MEMO_XML_MALFORMED');
  expect(truncated.message).toMatch(/ends inside a tag \(truncated\?\) \(line 2/);
  expect(failure(minimal().slice(0, -15)).message).toMatch(/ends before <memo:Message> is closed \(truncated\?\)/);
  const mismatch = failure(`<memo:Message ${NS} memoVersion="1.2">\n  <memo:MessageHeader>\n    <memo:label>x</memo:labl>\n</memo:MessageHeader></memo:Message>`);
  expect(mismatch.message).toContain('</memo:labl> does not match <memo:label> (line 3, column 18)');
  expect(mismatch.details).toEqual({ line: 3, column: 18 });
  for (const bad of [
    '',
    '   ',
    'hello',
    `<memo:Message ${NS} memoVersion="1.2"><memo:MessageHeader/></memo:Message><second/>`,
    `<memo:Message ${NS} memoVersion=1.2></memo:Message>`,
    `<memo:Message ${NS} memoVersion="1.2" memoVersion="1.2"></memo:Message>`,
    `<memo:Message ${NS} memoVersion="1.2"><x:y/></memo:Message>`,
    `<memo:Message ${NS} memoVersion="1.2"><memo:a></memo:Message>`,
    `<memo:Message ${NS} memoVersion="1.2"><!-- a -- b --></memo:Message>`,
    `<memo:Message ${NS} memoVersion="1.2"><![CDATA[x</memo:Message>`,
    ` <?xml version="1.0"?><memo:Message ${NS} memoVersion="1.2"/>`,
    `<memo:Message ${NS} memoVersion="1.2">\u0001</memo:Message>`,
    `<memo:Message ${NS} memoVersion="1.2"><1a/></memo:Message>`,
    `<memo:Message ${NS} memoVersion="1.2">\uD800</memo:Message>`,
    `<memo:Message ${NS} memoVersion="1.2">\uDC00\uD83D</memo:Message>`,
  ]) {
    expect({ bad, code: codeOf(bad) }).toEqual({ bad, code: 'MEMO_XML_MALFORMED' });
  }
});

test('binary garbage, UTF-16 and other declared encodings are refused plainly', () => {
  for (let seed = 0; seed < 20; seed++) {
    const code = codeOf(randomBytes(4096));
    expect(['MEMO_XML_MALFORMED', 'MEMO_NOT_MEMO']).toContain(code);
  }
  expect(failure(Buffer.from(`\ufeff${minimal()}`, 'utf16le')).message).toContain('UTF-16');
  const latin1 = Buffer.from(minimal().replace('UTF-8', 'ISO-8859-1'), 'latin1');
  expect(failure(latin1).message).toContain('declares encoding "ISO-8859-1"');
  expect(failure(Buffer.from([0x3c, 0x61, 0xff, 0x3e])).message).toContain('not valid UTF-8');
});

test('a root that is not {https://DigitalPost.dk/MeMo-1}Message: MEMO_NOT_MEMO', () => {
  expect(codeOf('<Message memoVersion="1.2"/>')).toBe('MEMO_NOT_MEMO');
  expect(codeOf('<memo:MessageHeader xmlns:memo="https://DigitalPost.dk/MeMo-1"/>')).toBe('MEMO_NOT_MEMO');
  expect(codeOf('<m:Message xmlns:m="https://DigitalPost.dk/MeMo-2" memoVersion="1.2"/>')).toBe('MEMO_NOT_MEMO');
  expect(codeOf('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body/></soap:Envelope>')).toBe('MEMO_NOT_MEMO');
});

test('many distinct names (beyond the shared name table) are still read correctly afterwards', () => {
  const junk = Array.from({ length: 3000 }, (_, i) => `<memo:x${i}/>`).join('');
  const { issues } = parseMemo(minimal(`<memo:label>a</memo:label>${junk}`));
  expect(issues.filter((i) => i.code === 'UNEXPECTED_ELEMENT')).toHaveLength(3000);
  const { message } = parseMemo(minimal('<memo:label>b</memo:label><memo:labelX>c</memo:labelX>'));
  expect(message.MessageHeader.label).toBe('b');
});
