/**
 * Reads the text a PDF really draws: inflates every content stream and decodes the hex
 * strings of `Tj` operators (pdf-lib writes standard-font text as WinAnsi hex strings).
 */
import * as zlib from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';

export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const doc = await PDFDocument.load(bytes);
  const chunks: string[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    const filter = obj.dict.get(PDFName.of('Filter'));
    let content: Buffer;
    try {
      content = filter?.toString() === '/FlateDecode' ? zlib.inflateSync(obj.contents) : Buffer.from(obj.contents);
    } catch {
      continue;
    }
    const source = content.toString('latin1');
    for (const m of source.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) chunks.push(Buffer.from(m[1] as string, 'hex').toString('latin1'));
  }
  return { pages: doc.getPageCount(), text: chunks.join('\n') };
}

/** A small valid PNG (solid colour), built with zlib: no image files in the repository. */
export function aPng(width = 40, height = 20): Uint8Array {
  // zlib.crc32 exists from Node 20.15; @types/node may not declare it yet.
  const crc32 = (zlib as unknown as { crc32: (data: Buffer) => number }).crc32;
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x5a)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}

