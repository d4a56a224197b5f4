/**
 * Escapes base64 file content for element text. Compact base64 has nothing to escape, and one
 * native decode (isXsdBase64's check) proves that faster than the escaper's regex scan of the
 * whole text; anything else goes through escapeText, which also refuses characters XML cannot hold.
 * @module
 */
import { decodesWhole } from '../validation/xsdBase64.js';
import { escapeText } from './escapeXml.js';

export function escapeBase64(base64: string): string {
  return decodesWhole(base64) ? base64 : escapeText(base64);
}
