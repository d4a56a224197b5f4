/**
 * Fictional letters for load: a PDF-shaped document of a given size (a real PDF header and
 * trailer around a comment block, enough for MeMo's PDF checks), and the gateway's JSON
 * letter request.
 * @module
 */
import { randomBytes } from 'node:crypto';

/** A citizen of the sandbox world who can receive Digital Post (fictional). */
export const ANNA_CPR = '0101901234';

export function pdfOfSize(bytes: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1');
  const tail = Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  const fill = Math.max(0, bytes - head.length - tail.length);
  // Random bytes inside a stream-like block: base64 of random data does not compress, like real PDFs.
  return Buffer.concat([head, randomBytes(fill), tail]);
}

export interface GatewayLetterOptions {
  readonly title: string;
  readonly pdfBase64: string;
  readonly cpr?: string;
  readonly reply?: boolean;
  readonly caseId?: string;
}

export function gatewayLetterJson(o: GatewayLetterOptions): string {
  return JSON.stringify({
    senderSystem: 'outlook', recipient: { type: 'cpr', cpr: o.cpr ?? ANNA_CPR }, title: o.title,
    ...(o.reply === undefined ? {} : { reply: { enabled: o.reply } }), ...(o.caseId ? { caseId: o.caseId } : {}),
    files: [{ filename: 'brev.pdf', contentType: 'application/pdf', base64: o.pdfBase64 }],
  });
}
