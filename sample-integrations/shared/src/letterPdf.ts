/**
 * Makes a small A4 PDF letter with pdf-lib (compressed content streams, like real office
 * output). Used for fixtures and by the samples' demo runs; the text is fictional.
 * @module
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';

export interface LetterPdfInput {
  readonly title: string;
  readonly lines: readonly string[];
}

/** Lines longer than this are wrapped, so a letter stays readable. */
const WRAP = 90;

function wrap(line: string): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > WRAP) {
    const cut = rest.lastIndexOf(' ', WRAP) > 0 ? rest.lastIndexOf(' ', WRAP) : WRAP;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  out.push(rest);
  return out;
}

export async function letterPdf(input: LetterPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(input.title);
  doc.setProducer('Postbud sample integrations');
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  page.drawText(input.title, { x: 56, y: 770, size: 15, font: bold });
  let y = 740;
  for (const line of input.lines.flatMap(wrap)) {
    page.drawText(line, { x: 56, y, size: 10.5, font });
    y -= 15;
    if (y < 60) break;
  }
  return doc.save({ useObjectStreams: false });
}
