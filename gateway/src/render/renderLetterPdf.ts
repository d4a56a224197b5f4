/**
 * Renders a mail body as a real PDF letter with pdf-lib: sanitised HTML → text model →
 * layout → PDF (Helvetica: its WinAnsi encoding covers æ, ø, å, Æ, Ø, Å; other characters
 * become "?"), with PNG/JPEG inline images embedded where the body names them (`cid:`).
 * @module
 */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { PDFFont, PDFImage } from 'pdf-lib';
import { layoutLetter } from './layoutLetter.js';
import type { LaidOutLetter, Letterhead } from './layoutLetter.js';
import { PAGE } from './PageWriter.js';
import type { FontKey, FontMetrics } from './PageWriter.js';
import { sanitizeHtml } from './sanitizeHtml.js';

export interface InlineImage {
  /** As referenced from the body: `<img src="cid:<contentId>">`. */
  readonly contentId: string;
  readonly bytes: Uint8Array;
}

export interface RenderedLetter {
  readonly pdf: Uint8Array;
  /** What was laid out: the text of each page (for tests and previews). */
  readonly layout: LaidOutLetter;
}

const FONTS: Readonly<Record<FontKey, StandardFonts>> = {
  regular: StandardFonts.Helvetica, bold: StandardFonts.HelveticaBold, italic: StandardFonts.HelveticaOblique, boldItalic: StandardFonts.HelveticaBoldOblique,
};

function imageKind(bytes: Uint8Array): 'png' | 'jpg' | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpg';
  return undefined;
}

async function embedImages(doc: PDFDocument, images: readonly InlineImage[]): Promise<Map<string, PDFImage>> {
  const out = new Map<string, PDFImage>();
  for (const img of images) {
    const kind = imageKind(img.bytes);
    try {
      if (kind === 'png') out.set(img.contentId, await doc.embedPng(img.bytes));
      else if (kind === 'jpg') out.set(img.contentId, await doc.embedJpg(img.bytes));
    } catch {
      // A damaged image is left out rather than failing the whole letter.
    }
  }
  return out;
}

/** Replaces characters the standard font cannot encode. */
function encodable(font: PDFFont): (text: string) => string {
  const supported = new Set(font.getCharacterSet());
  return (text) => [...text].map((ch) => (supported.has(ch.codePointAt(0) ?? 0) ? ch : ch === '\t' ? ' ' : '?')).join('');
}

export async function renderLetterPdf(head: Letterhead, html: string, images: readonly InlineImage[] = []): Promise<RenderedLetter> {
  const doc = await PDFDocument.create();
  doc.setTitle(head.title);
  doc.setAuthor(head.authorityName);
  doc.setCreator('Postbud gateway');
  doc.setProducer('Postbud (pdf-lib)');
  doc.setLanguage('da-DK');
  doc.setCreationDate(head.date);
  const fonts = Object.fromEntries(await Promise.all(Object.entries(FONTS).map(async ([k, f]) => [k, await doc.embedFont(f)] as const))) as Record<FontKey, PDFFont>;
  const clean = encodable(fonts.regular);
  const metrics: FontMetrics = { width: (text, font, size) => fonts[font].widthOfTextAtSize(clean(text), size) };
  const embedded = await embedImages(doc, images);
  const layout = layoutLetter(head, sanitizeHtml(html), metrics, (id) => embedded.get(id));
  for (const ops of layout.pages) {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    for (const op of ops) {
      if (op.kind === 'text') {
        page.drawText(clean(op.text), { x: op.x, y: op.y, size: op.size, font: fonts[op.font], color: rgb(0.1, 0.1, 0.1) });
        if (op.underline) page.drawLine({ start: { x: op.x, y: op.y - 1.5 }, end: { x: op.x + metrics.width(op.text, op.font, op.size), y: op.y - 1.5 }, thickness: 0.5 });
      } else if (op.kind === 'line') page.drawLine({ start: { x: op.x1, y: op.y1 }, end: { x: op.x2, y: op.y2 }, thickness: op.width, color: rgb(0.4, 0.4, 0.4) });
      else {
        const img = embedded.get(op.contentId);
        if (img) page.drawImage(img, { x: op.x, y: op.y, width: op.width, height: op.height });
      }
    }
  }
  return { pdf: await doc.save(), layout };
}
