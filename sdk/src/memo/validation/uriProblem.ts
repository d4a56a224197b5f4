/**
 * xs:anyURI as libxml2 checks it: characters a URI cannot hold unescaped (space, non-ASCII,
 * `<>"{}|\^\`'`) are tolerated, then the result must parse as an RFC 3986 URI reference.
 * This covers the failures seen in practice: bad `%` escapes, a second `#`, a colon before
 * any `/` without a valid scheme, stray brackets and non-numeric ports.
 * @module
 */
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;
const BAD_PERCENT = /%(?![0-9A-Fa-f]{2})/;
const AUTHORITY = /^\/\/([^/?#]*)/;
const HOST_PORT = /^(?:[^@]*@)?(\[[0-9A-Fa-f:.]+\]|[^[\]:]*)(?::(\d*))?$/;

/** Why `value` is not an xs:anyURI, or null. */
export function uriProblem(value: string): string | null {
  if (BAD_PERCENT.test(value)) return 'has a "%" that is not followed by two hexadecimal digits';
  const hash = value.indexOf('#');
  if (hash >= 0 && value.indexOf('#', hash + 1) >= 0) return 'has more than one "#"';
  const end = value.search(/[/?#]/);
  const head = end < 0 ? value : value.slice(0, end);
  const colon = head.indexOf(':');
  let rest = value;
  if (colon >= 0) {
    if (!SCHEME.test(head.slice(0, colon))) return 'has a ":" before any "/" but no valid scheme such as "https:"';
    rest = value.slice(colon + 1);
  }
  const authority = AUTHORITY.exec(rest);
  const beforeFragment = hash >= 0 ? rest.slice(0, rest.indexOf('#')) : rest;
  if (authority) {
    if (!HOST_PORT.test(authority[1]!)) return 'has an invalid host or port';
    if (/[[\]]/.test(beforeFragment.slice(authority[0].length))) return 'has "[" or "]" outside an IPv6 host';
  } else if (/[[\]]/.test(beforeFragment)) {
    return 'has "[" or "]" outside an IPv6 host';
  }
  return null;
}
