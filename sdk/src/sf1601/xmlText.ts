/**
 * Escaping for the SF1601 envelopes this SDK writes by hand (kombi_request, ForsendelseI).
 * @module
 */

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `<name>text</name>` with escaping, or '' when text is undefined. */
export function element(name: string, text: string | number | undefined): string {
  return text === undefined ? '' : `<${name}>${escapeXml(String(text))}</${name}>`;
}
