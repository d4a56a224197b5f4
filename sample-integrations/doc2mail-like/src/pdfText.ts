/**
 * Just enough PDF reading for a print driver: the text shown by each content stream's `Tj` /
 * `TJ` operators (literal and hex strings, FlateDecode streams), so a marked line such as
 * `##DP-MODTAGER: 010190-1234##` can be found. Not a general PDF parser: fonts with custom
 * encodings (CID fonts) are not decoded.
 * @module
 */
import { inflateSync } from 'node:zlib';

function streams(pdf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream', at, 'latin1');
    if (start < 0) break;
    const dictStart = pdf.lastIndexOf('<<', start, 'latin1');
    const dict = pdf.subarray(Math.max(0, dictStart), start).toString('latin1');
    let bodyStart = start + 6;
    if (pdf[bodyStart] === 0x0d) bodyStart++;
    if (pdf[bodyStart] === 0x0a) bodyStart++;
    const end = pdf.indexOf('endstream', bodyStart, 'latin1');
    if (end < 0) break;
    const body = pdf.subarray(bodyStart, end);
    try {
      out.push(/FlateDecode/.test(dict) ? inflateSync(body) : body);
    } catch {
      // An image or a stream we cannot inflate: no text in it for us.
    }
    at = end + 9;
  }
  return out;
}

function literal(s: string): string {
  return s.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_m, e: string) => {
    const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    return map[e] ?? String.fromCharCode(parseInt(e, 8));
  });
}

function hex(s: string): string {
  const clean = s.replace(/\s+/g, '');
  let out = '';
  for (let i = 0; i < clean.length; i += 2) out += String.fromCharCode(parseInt(clean.slice(i, i + 2).padEnd(2, '0'), 16));
  return out;
}

/** Text of every shown string, one line per text-showing operator. */
export function pdfText(pdf: Uint8Array): string {
  const lines: string[] = [];
  const op = /(\[(?:[^\]\\]|\\.)*\])\s*TJ|(\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f\s]*>)\s*(?:Tj|'|")/g;
  for (const s of streams(Buffer.from(pdf))) {
    const text = s.toString('latin1');
    for (const m of text.matchAll(op)) {
      const parts = m[1] !== undefined ? [...m[1].matchAll(/\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f\s]*>/g)].map((p) => p[0]) : [m[2] ?? ''];
      lines.push(parts.map((p) => (p.startsWith('(') ? literal(p.slice(1, -1)) : hex(p.slice(1, -1)))).join(''));
    }
  }
  return lines.join('\n');
}

/** The recipient named on a marked line (`##DP-MODTAGER: <CPR or CVR>##`), if the PDF has one. */
export function findMarkedRecipient(pdf: Uint8Array): string | undefined {
  return /##\s*DP-MODTAGER:\s*([0-9][0-9 -]{7,11})\s*##/.exec(pdfText(pdf))?.[1]?.replace(/[\s-]/g, '');
}
