/**
 * Writes SF1601's `kombi_request` (no namespace): `KombiValgKode` first, then the MeMo
 * `memo:Message`, then `fjernprint:ForsendelseISamling` (digital-post-wire.md §2.3). UTF-8,
 * declared.
 * @module
 */

export type KombiValgKode = 'Automatisk Valg' | 'Digital Post' | 'Fysisk Post' | 'NemSMS';

export interface KombiRequestParts {
  readonly code: KombiValgKode;
  /** MeMo XML (an XML declaration, if any, is removed). */
  readonly memoXml?: string;
  /** From {@link writeForsendelseI}. */
  readonly forsendelseIXml?: string;
}

export function writeKombiRequest(parts: KombiRequestParts): string {
  const memo = parts.memoXml?.replace(/^\uFEFF?<\?xml[^?]*\?>\s*/, '') ?? '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kombi_request><KombiValgKode>${parts.code}</KombiValgKode>${memo}${parts.forsendelseIXml ?? ''}</kombi_request>`;
}

const encoder = new TextEncoder();

/**
 * The same request as bytes, around a MeMo already written as UTF-8 without an XML declaration
 * (`writeMemoBytes`): the letter's 70 KB of text is not built as a string and encoded again,
 * which cost the sender about a tenth of its CPU per letter.
 */
export function writeKombiRequestBytes(code: KombiValgKode, memo: Uint8Array, forsendelseIXml?: string): Uint8Array {
  const head = encoder.encode(`<?xml version="1.0" encoding="UTF-8"?>\n<kombi_request><KombiValgKode>${code}</KombiValgKode>`);
  const tail = encoder.encode(`${forsendelseIXml ?? ''}</kombi_request>`);
  const out = new Uint8Array(head.length + memo.length + tail.length);
  out.set(head, 0);
  out.set(memo, head.length);
  out.set(tail, head.length + memo.length);
  return out;
}
