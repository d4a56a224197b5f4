import { expect, test } from '@jest/globals';
import { createMinimalPdf } from './createMinimalPdf.js';

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

test('is a PDF: header, one page, trailer and end marker', () => {
  const pdf = latin1(createMinimalPdf(['Hello']));
  expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
  expect(pdf).toContain('/Type /Page ');
  expect(pdf).toContain('/Count 1');
  expect(pdf.endsWith('%%EOF\n')).toBe(true);
});

test('every cross-reference offset points at its object, and startxref at the table', () => {
  const pdf = latin1(createMinimalPdf(['Line one', 'Line two']));
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)?.[1]);
  expect(pdf.slice(startxref, startxref + 5)).toBe('xref\n');
  const entries = [...pdf.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
  expect(entries).toHaveLength(5);
  entries.forEach((offset, i) => expect(pdf.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
  expect(pdf).toContain('/Size 6 ');
});

test('the content stream length is exact and the text is escaped', () => {
  const pdf = latin1(createMinimalPdf(['Brev (udkast) \\ ære']));
  const m = /<< \/Length (\d+) >>\nstream\n([\s\S]*?)endstream/.exec(pdf);
  expect(m).not.toBeNull();
  expect(Buffer.byteLength(m![2]!, 'latin1')).toBe(Number(m![1]));
  expect(m![2]).toContain('(Brev \\(udkast\\) \\\\ \xe6re) Tj');
});

test('characters outside Latin-1 become ? instead of corrupting the file', () => {
  const pdf = latin1(createMinimalPdf(['Emoji 📮']));
  expect(pdf).toContain('(Emoji ??) Tj');
});
