/**
 * The layout of a letter rendered from a mail body: a letterhead on the first page
 * (authority, sender label, date in Danish, case number, caseworker, title), the body's
 * blocks, a short header on continuation pages and "Side n af m" in every footer.
 * @module
 */
import { CONTENT_WIDTH, PAGE, PageWriter } from './PageWriter.js';
import type { DrawOp, FontMetrics } from './PageWriter.js';
import type { BodyBlock, TextRun } from './sanitizeHtml.js';

export interface Letterhead {
  readonly authorityName: string;
  readonly senderLabel: string;
  readonly date: Date;
  readonly caseId?: string;
  readonly caseworkerName?: string;
  readonly title: string;
}

export interface LaidOutLetter {
  readonly pages: readonly (readonly DrawOp[])[];
  /** The text of each page, one entry per drawn line (what a reader sees). */
  readonly text: readonly (readonly string[])[];
}

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const SIZES = { p: 11, h1: 16, h2: 14, h3: 12 } as const;

/** `12. juni 2025` (Danish long date, in Danish local time). */
export function danishDate(d: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(d);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return `${get('day')}. ${MONTHS[get('month') - 1] ?? ''} ${get('year')}`;
}

function rightAligned(w: PageWriter, m: FontMetrics, text: string, y: number, size: number): void {
  w.draw({ kind: 'text', x: PAGE.width - PAGE.right - m.width(text, 'regular', size), y, text, font: 'regular', size });
}

function letterhead(w: PageWriter, m: FontMetrics, h: Letterhead): void {
  const top = w.y;
  w.wrap([{ text: h.authorityName, bold: true }], { x: PAGE.left, width: CONTENT_WIDTH * 0.55, size: 16 });
  w.wrap([{ text: h.senderLabel }], { x: PAGE.left, width: CONTENT_WIDTH * 0.55, size: 10 });
  const facts = [`Dato: ${danishDate(h.date)}`, ...(h.caseId ? [`Sagsnr.: ${h.caseId}`] : []), ...(h.caseworkerName ? [`Sagsbehandler: ${h.caseworkerName}`] : [])];
  const firstBaseline = top - 16 * 1.35; // level with the authority's name
  facts.forEach((text, i) => rightAligned(w, m, text, firstBaseline - i * 13, 9));
  w.y = Math.min(w.y, firstBaseline - (facts.length - 1) * 13) - 14;
  w.draw({ kind: 'line', x1: PAGE.left, y1: w.y, x2: PAGE.width - PAGE.right, y2: w.y, width: 0.6 });
  w.y -= 16;
  w.wrap([{ text: h.title, bold: true }], { x: PAGE.left, width: CONTENT_WIDTH, size: 15 });
  w.y -= 10;
}

function paragraph(w: PageWriter, m: FontMetrics, b: Extract<BodyBlock, { kind: 'paragraph' }>): void {
  const size = SIZES[b.style];
  const indent = b.indent * 18;
  if (b.style !== 'p') w.y -= size * 0.4;
  const lineHeight = size * 1.35;
  w.ensure(lineHeight); // the first line lands on this page, so the bullet can go beside it
  const page = w.ops;
  const firstY = w.y - lineHeight;
  const lines = w.wrap(b.runs, { x: PAGE.left + indent, width: CONTENT_WIDTH - indent, size, bold: b.style !== 'p' });
  if (b.bullet !== undefined && lines.length > 0) {
    page.push({ kind: 'text', x: PAGE.left + indent - 4 - m.width(b.bullet, 'regular', size), y: firstY, text: b.bullet, font: 'regular', size });
  }
  w.y -= b.style === 'p' ? 6 : 4;
}

function table(w: PageWriter, rows: readonly (readonly (readonly TextRun[])[])[]): void {
  const columns = Math.max(1, ...rows.map((r) => r.length));
  const colWidth = CONTENT_WIDTH / columns;
  for (const row of rows) {
    w.ensure(20);
    const top = w.y;
    let bottom = top;
    row.forEach((cell, i) => {
      w.y = top;
      w.wrap(cell, { x: PAGE.left + i * colWidth + 4, width: colWidth - 8, size: 10 });
      bottom = Math.min(bottom, w.y);
    });
    w.y = bottom - 4;
    w.draw({ kind: 'line', x1: PAGE.left, y1: w.y, x2: PAGE.left + columns * colWidth, y2: w.y, width: 0.4 });
  }
  w.y -= 8;
}

function image(w: PageWriter, contentId: string, size: { width: number; height: number } | undefined): void {
  if (size === undefined) return;
  // Pixels at 96 dpi → points, never wider than the text, never taller than half a page.
  const scale = Math.min(0.75, CONTENT_WIDTH / size.width, (PAGE.height / 2) / size.height);
  const width = size.width * scale;
  const height = size.height * scale;
  w.ensure(height + 6);
  w.y -= height;
  w.draw({ kind: 'image', contentId, x: PAGE.left, y: w.y, width, height });
  w.y -= 8;
}

function footers(w: PageWriter, m: FontMetrics, h: Letterhead): void {
  const total = w.pages.length;
  w.pages.forEach((ops, i) => {
    const text = `Side ${i + 1} af ${total}`;
    ops.push({ kind: 'text', x: PAGE.left, y: 40, text: h.authorityName, font: 'regular', size: 8 });
    ops.push({ kind: 'text', x: PAGE.width - PAGE.right - m.width(text, 'regular', 8), y: 40, text, font: 'regular', size: 8 });
  });
}

export function layoutLetter(h: Letterhead, blocks: readonly BodyBlock[], m: FontMetrics, imageSize: (contentId: string) => { width: number; height: number } | undefined): LaidOutLetter {
  const w = new PageWriter(m);
  letterhead(w, m, h);
  w.onNewPage = (writer) => {
    writer.draw({ kind: 'text', x: PAGE.left, y: PAGE.height - 40, text: `${h.authorityName} · ${h.title}`, font: 'regular', size: 8 });
  };
  for (const b of blocks) {
    if (b.kind === 'paragraph') paragraph(w, m, b);
    else if (b.kind === 'table') table(w, b.rows);
    else image(w, b.contentId, imageSize(b.contentId));
  }
  footers(w, m, h);
  return { pages: w.pages, text: w.pages.map(pageText) };
}

/** Text ops grouped into lines (same baseline), top to bottom, left to right. */
function pageText(ops: readonly DrawOp[]): string[] {
  const byLine = new Map<number, { x: number; text: string }[]>();
  for (const op of ops) if (op.kind === 'text') byLine.set(Math.round(op.y), [...(byLine.get(Math.round(op.y)) ?? []), { x: op.x, text: op.text }]);
  return [...byLine.entries()].sort(([a], [b]) => b - a).map(([, parts]) => parts.sort((a, b) => a.x - b.x).map((p) => p.text).join(' '));
}
