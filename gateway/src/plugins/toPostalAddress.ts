/**
 * The API's postal address (one street line, post code, city) in the SDK's fjernprint form:
 * structured (street, house number, floor, door) when the street line reads as a Danish
 * address, otherwise free address lines.
 * @module
 */
import type { PostalAddress } from '@postbud/sdk';
import type { ApiPostalAddress } from './ApiLetterDocument.js';

// "Kastanjealle 3B, 2. th" → street, building, floor, door.
const DANISH = /^(.+?)\s+([1-9]\d{0,2}[A-Za-z]?)(?:\s*,\s*(\d{1,2}|st|kl)\.?(?:\s+(\w{1,4})\.?)?)?$/i;

export function toPostalAddress(a: ApiPostalAddress): PostalAddress {
  const country = (a.country ?? 'DK').toUpperCase();
  const m = country === 'DK' ? DANISH.exec(a.street.trim()) : null;
  if (m !== null) {
    return {
      name: a.name, street: m[1] as string, building: (m[2] as string).toUpperCase(), postCode: a.postCode.trim(),
      ...(m[3] ? { floor: m[3].toLowerCase() } : {}), ...(m[4] ? { suite: m[4].toLowerCase() } : {}),
    };
  }
  return { name: a.name, lines: [a.street.trim(), `${a.postCode.trim()} ${a.city.trim()}`], postCode: a.postCode.trim(), countryCode: country };
}
