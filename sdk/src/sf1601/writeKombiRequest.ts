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
