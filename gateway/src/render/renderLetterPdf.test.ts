import { expect, test } from '@jest/globals';
import { PDFDocument } from 'pdf-lib';
import { renderLetterPdf } from './renderLetterPdf.js';
import { danishDate } from './layoutLetter.js';
import { sanitizeHtml } from './sanitizeHtml.js';
import { aPng, pdfText } from '../../test/support/pdfText.js';

const head = {
  authorityName: 'Solbjerg Kommune', senderLabel: 'Solbjerg Kommune, Borgerservice', date: new Date('2025-06-12T10:00:00Z'),
  caseId: 'SAG-2025-17', caseworkerName: 'Sara Sagsbehandler', title: 'Afgørelse om boligstøtte',
};

test('the sanitiser keeps the allow-listed structure and drops scripts, styles, handlers and unsafe links', () => {
  const blocks = sanitizeHtml(`<html><head><style>p{color:red}</style><script>alert("x")</script></head><body>
    <h1>Overskrift</h1><p onclick="steal()">Kære <b>Anna</b> &amp; <i>Bo</i>, se <a href="https://solbjerg.example/sag">sagen</a>
    og <a href="javascript:evil()">dette</a>.</p><ul><li>Første</li><li>Anden</li></ul><ol><li>Et</li></ol>
    <table><tr><th>Ydelse</th><td>1.200&nbsp;kr.</td></tr></table><img src="cid:logo@outlook" onerror="x()"><img src="https://tracker.example/p.gif">
    <iframe src="https://evil.example">skjult</iframe></body></html>`);
  const text = JSON.stringify(blocks);
  expect(text).not.toMatch(/alert|steal|color:red|evil|skjult|tracker/);
  expect(blocks[0]).toMatchObject({ kind: 'paragraph', style: 'h1', runs: [{ text: 'Overskrift' }] });
  expect(blocks[1]).toMatchObject({ kind: 'paragraph', style: 'p' });
  const runs = (blocks[1] as unknown as { runs: { text: string; bold?: boolean }[] }).runs;
  expect(runs.map((r) => r.text).join('')).toBe('Kære Anna & Bo, se sagen (https://solbjerg.example/sag) og dette.');
  expect(runs.find((r) => r.text === 'Anna')?.bold).toBe(true);
  expect(blocks.filter((b) => b.kind === 'paragraph' && b.bullet !== undefined).map((b) => (b as { bullet: string }).bullet)).toEqual(['•', '•', '1.']);
  expect(blocks.find((b) => b.kind === 'table')).toEqual({ kind: 'table', rows: [[[{ text: 'Ydelse', bold: true }], [{ text: '1.200 kr.' }]]] });
  expect(blocks.filter((b) => b.kind === 'image')).toEqual([{ kind: 'image', contentId: 'logo@outlook' }]);
});

test('a short body renders as a one-page PDF with the letterhead, Danish characters and an inline image', async () => {
  const html = '<p>Kære Ærø Østergård,</p><p>Vi har behandlet din ansøgning om boligstøtte.</p><p><img src="cid:logo"></p>';
  const { pdf, layout } = await renderLetterPdf(head, html, [{ contentId: 'logo', bytes: aPng() }]);
  const doc = await PDFDocument.load(pdf);
  expect(doc.getPageCount()).toBe(1);
  expect(doc.getTitle()).toBe('Afgørelse om boligstøtte');
  const lines = layout.text[0] ?? [];
  expect(lines[0]).toBe('Solbjerg Kommune Dato: 12. juni 2025');
  expect(lines).toEqual(expect.arrayContaining(['Solbjerg Kommune, Borgerservice Sagsnr.: SAG-2025-17', 'Sagsbehandler: Sara Sagsbehandler', 'Afgørelse om boligstøtte', 'Kære Ærø Østergård,', 'Solbjerg Kommune Side 1 af 1']));
  expect(layout.pages[0]?.some((op) => op.kind === 'image' && op.contentId === 'logo')).toBe(true);
  const drawn = await pdfText(pdf);
  expect(drawn.text).toContain('Solbjerg Kommune, Borgerservice');
  expect(drawn.text).toContain('Kære Ærø Østergård,');
  expect(drawn.text).toContain('Dato: 12. juni 2025');
});

test('a long body wraps and breaks onto as many pages as it needs; a script never reaches the PDF', async () => {
  const para = '<p>Denne sætning gentages for at fylde siden, så teksten må ombrydes på flere linjer og fortsætte på næste side. </p>';
  const { pdf, layout } = await renderLetterPdf(head, `<script>document.write("HEMMELIGT")</script>${para.repeat(60)}<p>Med venlig hilsen</p>`);
  const pages = (await PDFDocument.load(pdf)).getPageCount();
  expect(pages).toBe(layout.pages.length);
  expect(pages).toBeGreaterThanOrEqual(3);
  expect(pages).toBeLessThanOrEqual(5);
  expect(layout.text[pages - 1]).toEqual(expect.arrayContaining(['Med venlig hilsen', `Solbjerg Kommune Side ${pages} af ${pages}`]));
  expect(layout.text[1]?.[0]).toBe('Solbjerg Kommune · Afgørelse om boligstøtte');
  const drawn = await pdfText(pdf);
  expect(drawn.text).not.toContain('HEMMELIGT');
  expect(drawn.text).not.toContain('document.write');
  expect(drawn.text).toContain('Med venlig hilsen');
});

test('characters outside the font become "?" instead of failing, and very long words are cut to fit', async () => {
  const { pdf, layout } = await renderLetterPdf(head, `<p>Smil 😀 og ${'x'.repeat(300)}</p>`);
  expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
  expect((await pdfText(pdf)).text).toContain('Smil ? og');
  expect(layout.text[0]?.filter((l) => /^x+$/.test(l)).length).toBeGreaterThanOrEqual(2);
});

test('dates are written the Danish way in Danish time', () => {
  expect(danishDate(new Date('2025-12-31T23:30:00Z'))).toBe('1. januar 2026');
  expect(danishDate(new Date('2025-03-05T08:00:00Z'))).toBe('5. marts 2025');
});
