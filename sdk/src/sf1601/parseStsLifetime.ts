/**
 * The SAML token's expiry: from the STS `Lifetime` (a `%m/%d/%Y %H:%M:%S` string, an ISO
 * string, or `{Created, Expires}`), else from the assertion's `Conditions/@NotOnOrAfter`.
 * @module
 */

const US_DATETIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2})$/;

function parseDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const us = US_DATETIME.exec(value.trim());
  if (us) {
    const [, mo, d, y, h, mi, s] = us.map(Number) as [number, number, number, number, number, number, number];
    return Date.UTC(y, mo - 1, d, h, mi, s);
  }
  const iso = Date.parse(value);
  return Number.isNaN(iso) ? undefined : iso;
}

function decodeBase64Text(base64: string): string {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(base64.replace(/\s+/g, '')), (c) => c.charCodeAt(0)));
  } catch {
    return '';
  }
}

/** Expiry in epoch milliseconds, or undefined when neither source tells. */
export function parseStsLifetime(lifetime: unknown, assertionBase64: string): number | undefined {
  if (lifetime !== null && typeof lifetime === 'object') {
    const expires = parseDate((lifetime as Record<string, unknown>)['Expires']);
    if (expires !== undefined) return expires;
  }
  const direct = parseDate(lifetime);
  if (direct !== undefined) return direct;
  const notOnOrAfter = /NotOnOrAfter="([^"]+)"/.exec(decodeBase64Text(assertionBase64))?.[1];
  return parseDate(notOnOrAfter);
}
