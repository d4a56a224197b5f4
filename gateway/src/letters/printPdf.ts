/**
 * The PDF that fjernprint prints: the letter's main document followed by its PDF
 * attachments, merged into one file with pdf-lib, so the citizen on paper gets what the
 * citizen in Digital Post gets. Letters with non-PDF attachments cannot be printed whole and
 * are refused at intake ({@link unprintableFiles}).
 * @module
 */
import { PDFDocument } from 'pdf-lib';
import type { FileInput, LetterInput } from '@postbud/sdk';

function isPdf(f: FileInput): boolean {
  return /pdf/i.test(f.encodingFormat ?? '') || /\.pdf$/i.test(f.filename);
}

function bytesOf(f: FileInput): Uint8Array | undefined {
  const c = f.content;
  if (c instanceof Uint8Array) return c;
  if ('base64' in c) return new Uint8Array(Buffer.from(c.base64, 'base64'));
  return undefined;
}

/** Files of the letter that fjernprint cannot print (names). */
export function unprintableFiles(letter: LetterInput): string[] {
  const main = letter.mainDocument?.files ?? [];
  const bad = main.length !== 1 ? main.map((f) => f.filename) : main.filter((f) => !isPdf(f)).map((f) => f.filename);
  return [...bad, ...(letter.attachments ?? []).flatMap((d) => d.files).filter((f) => !isPdf(f)).map((f) => f.filename)];
}

/** One PDF of the main document and every PDF attachment; undefined when there is nothing to merge. */
export async function printPdf(letter: LetterInput): Promise<Uint8Array | undefined> {
  const attachments = (letter.attachments ?? []).flatMap((d) => d.files).filter(isPdf);
  const main = letter.mainDocument?.files[0];
  if (main === undefined || attachments.length === 0) return undefined; // the SDK prints the main document as it is
  const merged = await PDFDocument.create();
  for (const f of [main, ...attachments]) {
    const bytes = bytesOf(f);
    if (bytes === undefined) continue;
    const src = await PDFDocument.load(bytes, { ignoreEncryption: true });
    for (const page of await merged.copyPages(src, src.getPageIndices())) merged.addPage(page);
  }
  return merged.save();
}
