/**
 * Checks and assembles what fjernprint needs: a non-empty PDF and a usable postal address.
 * Fails before anything is sent, saying what to fix.
 * @module
 */
import { PostbudError } from '../errors/PostbudError.js';
import type { MemoMessage } from '../memo/model.js';
import { base64ToBytes } from '../transport/base64.js';
import type { PhysicalPostOptions, PostalAddress } from './PhysicalLetter.js';

function invalid(problem: string): PostbudError {
  return new PostbudError('PHYSICAL_LETTER_INVALID', `Physical post (fjernprint): ${problem}`);
}

function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

// The ForsendelseI is XML: XML 1.0 cannot carry C0 controls but tab/LF/CR, U+FFFE/U+FFFF or
// unpaired surrogates (escaping does not help), so such an address fails here, before sending.
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkCharacters(address: PostalAddress): void {
  const lines = (address.lines ?? []).map((line, i) => [`lines[${i}]`, line] as const);
  for (const [field, value] of [...Object.entries(address).filter(([k]) => k !== 'lines'), ...lines]) {
    if (typeof value !== 'string') continue;
    const m = UNPRINTABLE.exec(value);
    if (m) throw invalid(`physical.address.${field} contains the character U+${value.charCodeAt(m.index).toString(16).toUpperCase().padStart(4, '0')} at position ${m.index + 1}, which cannot be printed or sent; remove it.`);
  }
}

export function checkPostalAddress(address: PostalAddress | undefined): void {
  if (!address) throw invalid('give physical.address with the recipient\'s name and postal address.');
  checkCharacters(address);
  if (!address.name?.trim()) throw invalid('physical.address.name is required (the name printed on the envelope).');
  if (address.name.length > 130) throw invalid('physical.address.name is longer than 130 characters.');
  if (address.lines && address.lines.length > 0) {
    if (address.lines.length > 6) throw invalid('physical.address.lines has more than 6 lines.');
    const long = address.lines.find((line) => line.length > 34);
    if (long !== undefined) throw invalid(`the address line "${long}" is longer than 34 characters.`);
    return;
  }
  if (!address.street?.trim() || !address.building?.trim() || !address.postCode?.trim()) {
    throw invalid('physical.address needs street, building and postCode (or up to six address lines).');
  }
  if (!/^[1-9]\d{0,2}[A-Z]?$/.test(address.building)) throw invalid(`building "${address.building}" must be a house number such as 12 or 12B.`);
  if (!/^\d{4}$/.test(address.postCode)) throw invalid(`postCode "${address.postCode}" must be four digits.`);
}

async function collect(open: () => AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of open()) {
    chunks.push(chunk);
    length += chunk.byteLength;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** The PDF to print: `physical.pdf`, else the main document's single PDF file. */
export async function physicalPdf(message: MemoMessage, options: PhysicalPostOptions): Promise<Uint8Array> {
  let pdf = options.pdf;
  if (pdf === undefined) {
    const files = message.MessageBody?.MainDocument.File ?? [];
    const file = files[0];
    if (files.length !== 1 || !file) throw invalid('the main document must be exactly one PDF file, or pass physical.pdf.');
    if (!/pdf/i.test(file.encodingFormat) && !/\.pdf$/i.test(file.filename)) throw invalid(`"${file.filename}" is not a PDF; fjernprint prints PDF only.`);
    const content = file.content;
    pdf = content.kind === 'bytes' ? content.bytes : content.kind === 'base64' ? base64ToBytes(content.base64) : await collect(content.open);
  }
  if (pdf.byteLength === 0) throw invalid('the PDF is empty.');
  if (!isPdf(pdf)) throw invalid('the file is not a PDF (it does not start with %PDF-); fjernprint prints PDF only.');
  return pdf;
}
