/**
 * Minimal multipart/form-data parser for the mailbox's reply form (text field + one file).
 * @module
 */
export interface FormPart {
  readonly name: string;
  readonly filename: string | null;
  readonly contentType: string | null;
  readonly data: Buffer;
}

export function parseMultipart(body: Buffer, contentType: string): FormPart[] | null {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    const start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) return null;
    const raw = body.subarray(start + 2, next - 2); // skip CRLF after delimiter and before the next one
    const headerEnd = raw.indexOf('\r\n\r\n');
    if (headerEnd === -1) return null;
    const headers = raw.subarray(0, headerEnd).toString('utf8');
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) return null;
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
    const type = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim() ?? null;
    parts.push({ name, filename, contentType: type, data: raw.subarray(headerEnd + 4) });
    pos = next;
  }
  return parts;
}
