/**
 * `parseMemo`: reads MeMo 1.1 and 1.2 XML (any namespace prefixes) into the typed model, safely:
 * no DTDs, no entity expansion beyond the predefined ones, bounded size and depth. Malformed or
 * hostile input throws a PostbudError; structural problems are returned as issues.
 * @module
 */
import { PostbudError } from '../../errors/PostbudError.js';
import { MEMO_NAMESPACES } from '../model.js';
import type { MemoMessage } from '../model.js';
import type { ValidationIssue } from '../validation/ValidationIssue.js';
import { MemoTreeBuilder } from './MemoTreeBuilder.js';
import { tokenizeXml } from './tokenizeXml.js';

export interface ParseMemoOptions {
  /** Largest accepted document in bytes (UTF-8). Default 150 MB (NgDP's limit is about 100 MB of attachments, base64-inflated). */
  readonly maxBytes?: number;
  /** Deepest element nesting accepted. Default 32 (MeMo needs 7). */
  readonly maxDepth?: number;
  /** Most attributes on one element (namespace declarations included). Default 64. */
  readonly maxAttributes?: number;
  /** Longest element or attribute name. Default 256. */
  readonly maxNameLength?: number;
}

export interface ParsedMemo {
  readonly message: MemoMessage;
  /** Structural problems found while reading (order, unknown or missing elements, …); empty for schema-valid structure. */
  readonly issues: readonly ValidationIssue[];
}

const DEFAULTS = Object.freeze({ maxBytes: 150 * 1024 * 1024, maxDepth: 32, maxAttributes: 64, maxNameLength: 256 });
/** The builder compares element namespaces with these very strings. */
const NAMESPACE_URIS: readonly string[] = Object.freeze(Object.values(MEMO_NAMESPACES));
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Parses MeMo XML. Throws `MEMO_XML_MALFORMED` (with line and column), `MEMO_XML_FORBIDDEN`
 * (DTD, entity declarations, undefined entities), `MEMO_XML_LIMIT_EXCEEDED` or `MEMO_NOT_MEMO`.
 */
export function parseMemo(xml: string | Uint8Array, options: ParseMemoOptions = {}): ParsedMemo {
  const limits = {
    maxBytes: options.maxBytes ?? DEFAULTS.maxBytes,
    maxDepth: options.maxDepth ?? DEFAULTS.maxDepth,
    maxAttributes: options.maxAttributes ?? DEFAULTS.maxAttributes,
    maxNameLength: options.maxNameLength ?? DEFAULTS.maxNameLength,
  };
  const text = typeof xml === 'string' ? checkStringSize(xml, limits.maxBytes) : decode(xml, limits.maxBytes);
  const builder = new MemoTreeBuilder(text);
  tokenizeXml(text, builder, limits, NAMESPACE_URIS);
  return { message: builder.message, issues: builder.issues };
}

function tooLarge(bytes: number, maxBytes: number): PostbudError {
  return new PostbudError('MEMO_XML_LIMIT_EXCEEDED', `The XML is ${bytes} bytes, more than the limit of ${maxBytes} bytes (option maxBytes).`, {
    details: { bytes, maxBytes },
  });
}

function checkStringSize(xml: string, maxBytes: number): string {
  // UTF-8 needs at most 3 bytes per UTF-16 unit: count exactly only when the cheap bound says it may be too large.
  if (xml.length > maxBytes) throw tooLarge(xml.length, maxBytes);
  if (xml.length * 3 > maxBytes) {
    const bytes = new TextEncoder().encode(xml).length;
    if (bytes > maxBytes) throw tooLarge(bytes, maxBytes);
  }
  return xml;
}

function decode(bytes: Uint8Array, maxBytes: number): string {
  if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) {
    throw new PostbudError('MEMO_XML_MALFORMED', 'The XML is encoded as UTF-16; MeMo must be UTF-8. Convert the file to UTF-8.');
  }
  let text: string;
  try {
    text = decoder.decode(bytes); // strips a UTF-8 BOM
  } catch (cause) {
    throw new PostbudError('MEMO_XML_MALFORMED', 'The XML is not valid UTF-8. MeMo must be UTF-8 encoded; convert the file (or check that it is XML at all).', { cause });
  }
  const declared = /^<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']/.exec(text.slice(0, 200));
  if (declared && !/^utf-?8$/i.test(declared[1]!)) {
    throw new PostbudError('MEMO_XML_MALFORMED', `The XML declares encoding "${declared[1]}"; MeMo must be UTF-8. Convert the file to UTF-8 and fix the declaration.`);
  }
  return text;
}
