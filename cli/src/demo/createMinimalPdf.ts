/**
 * A tiny, valid one-page PDF (A4, Helvetica) with a few lines of text, built by hand so the
 * demo and tests need no PDF library. The cross-reference table holds exact byte offsets,
 * which is what makes the file valid rather than merely PDF-looking.
 * @module
 */

/** PDF string literal: backslash, parentheses escaped; non-Latin-1 characters replaced. */
function pdfString(text: string): string {
  const latin1 = text.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
  return `(${latin1.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

function contentStream(lines: readonly string[]): string {
  const body = lines.map((line, i) => `${i === 0 ? '' : '0 -18 Td '}${pdfString(line)} Tj`).join('\n');
  return `BT\n/F1 12 Tf\n72 770 Td\n${body}\nET\n`;
}

/** Returns the bytes of a one-page PDF showing `lines` (Latin-1 text; other characters become `?`). */
export function createMinimalPdf(lines: readonly string[]): Uint8Array {
  const stream = contentStream(lines);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}endstream`,
  ];
  // The binary comment line tells tools the file holds 8-bit data.
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefOffset = Buffer.byteLength(pdf, 'latin1');
  const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}
