/**
 * A small, strict, namespace-aware XML tokenizer for reading MeMo safely and fast (measured
 * faster than saxes for MeMo-sized documents). It never processes a DTD: any `<!DOCTYPE` or
 * `<!ENTITY` is refused, only the five predefined entities and numeric character references
 * are expanded, so no entity expansion attack or external fetch is possible. Depth,
 * attribute count and name length are bounded.
 * @module
 */
import { PostbudError } from '../../errors/PostbudError.js';

export interface XmlAttribute {
  readonly uri: string;
  readonly local: string;
  readonly qname: string;
  readonly value: string;
}

/** Receives the document's events; a class instance, so no closures are created per element. */
export interface XmlHandler {
  openElement(uri: string, local: string, qname: string, attributes: readonly XmlAttribute[], offset: number): void;
  /** Character data (entities expanded, line ends normalised); may arrive in several pieces. */
  text(value: string, offset: number): void;
  /** `end`: the offset just after the end tag's `>` (or the self-closing tag's `/>`). */
  closeElement(end: number): void;
}

export interface XmlLimits {
  readonly maxDepth: number;
  readonly maxAttributes: number;
  readonly maxNameLength: number;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const NAME_START = 'A-Za-z_\\u00C0-\\uFFFF';
const NAME_CHAR = '\\w.\\-\\u00B7-\\uFFFF';
const QNAME = `[${NAME_START}][${NAME_CHAR}]*(?::[${NAME_START}][${NAME_CHAR}]*)?`;
const QNAME_FULL = new RegExp(`^${QNAME}$`);
const ATTR_RE = new RegExp(`[ \\t\\r\\n]+(${QNAME})[ \\t\\r\\n]*=[ \\t\\r\\n]*(?:"([^"<]*)"|'([^'<]*)')`, 'y');
const TAG_END_RE = /[ \t\r\n]*(\/?)>/y;
const END_TAG_RE = /[ \t\r\n]*>/y;
const WHITESPACE_ONLY = /^[ \t\r\n]*$/;
// One scan finds both forbidden characters and surrogates (which need a closer look): each
// whole-document regex scan costs about 1.5 ns per character, a lot for 50 MB of base64.
const FORBIDDEN_OR_SURROGATE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const REFERENCE = /&(?:#x([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|([A-Za-z_][\w.\-]*))?;?/g;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const NO_ATTRIBUTES: readonly XmlAttribute[] = Object.freeze([]);

interface QName {
  readonly qname: string;
  /** The name's UTF-16 code units, compared against the input without creating strings. */
  readonly codes: Uint16Array;
  readonly prefix: string;
  readonly local: string;
  /** The namespace the prefix resolved to while the bindings had generation `generation`. */
  uri: string;
  generation: number;
}

/** Whether `xml` holds the name `codes` at `at` (allocation-free; faster than slicing or startsWith). */
function holdsAt(xml: string, at: number, codes: Uint16Array): boolean {
  for (let i = 0; i < codes.length; i++) if (xml.charCodeAt(at + i) !== codes[i]) return false;
  return true;
}
const NAME_BUCKETS = 256;

/**
 * Checked names, split at the colon, in buckets by (length, first and last character), shared by
 * all parses: MeMo uses a few dozen names, so each is checked once per process and then found
 * without slicing or hashing. Bounded, so hostile documents cannot grow it without limit.
 */
const NAMES: (QName[] | undefined)[] = new Array<QName[] | undefined>(NAME_BUCKETS);
const MAX_CACHED_NAMES = 2000;
let cachedNames = 0;
/** Source of generation numbers; unique per document and per change of bindings. */
let generations = 0;

/** A PostbudError with the position (1-based line and column) of `offset` in `xml`. */
export function xmlError(code: 'MEMO_XML_MALFORMED' | 'MEMO_XML_FORBIDDEN' | 'MEMO_XML_LIMIT_EXCEEDED' | 'MEMO_NOT_MEMO', xml: string, offset: number, message: string): PostbudError {
  let line = 1;
  let lineStart = 0;
  for (let i = xml.indexOf('\n'); i >= 0 && i < offset; i = xml.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const column = offset - lineStart + 1;
  return new PostbudError(code, `${message} (line ${line}, column ${column}).`, { details: { line, column } });
}

/**
 * `namespaceConstants`: namespace URIs the handler compares against. A declared URI equal to one
 * of them is passed on as that very string, so the handler's checks compare by identity instead
 * of character by character (a measurable share of parsing a small MeMo).
 */
export function tokenizeXml(xml: string, handler: XmlHandler, limits: XmlLimits, namespaceConstants: readonly string[] = []): void {
  new Tokenizer(xml, handler, limits, namespaceConstants).run();
}

class Tokenizer {
  readonly #xml: string;
  readonly #handler: XmlHandler;
  readonly #limits: XmlLimits;
  readonly #namespaceConstants: readonly string[];
  readonly #open: QName[] = [];
  /** In-scope namespace bindings, with per-element undo lists (null: the element declared none). */
  readonly #bindings = new Map<string, string>([['xml', XML_NS], ['', '']]);
  readonly #undo: ([string, string | undefined][] | null)[] = [];
  #rootSeen = false;
  /** Changes whenever namespace bindings change (and per document), invalidating the URIs cached on QNames. */
  #generation = ++generations;

  constructor(xml: string, handler: XmlHandler, limits: XmlLimits, namespaceConstants: readonly string[]) {
    this.#xml = xml;
    this.#handler = handler;
    this.#limits = limits;
    this.#namespaceConstants = namespaceConstants;
  }

  run(): void {
    const xml = this.#xml;
    if (FORBIDDEN_OR_SURROGATE.test(xml)) this.#checkCharacters();
    let pos = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (xml.startsWith('<?xml', pos) && /^<\?xml[ \t\r\n?]/.test(xml.slice(pos, pos + 6))) pos = this.#skipPi(pos);
    const length = xml.length;
    while (pos < length) {
      const lt = xml.indexOf('<', pos);
      const end = lt < 0 ? length : lt;
      if (end > pos) this.#text(pos, end);
      if (lt < 0) break;
      pos = this.#markup(lt);
    }
    if (this.#open.length > 0) throw this.#malformed(length, `The document ends before <${this.#open[this.#open.length - 1]!.qname}> is closed (truncated?)`);
    if (!this.#rootSeen) throw this.#malformed(length, 'The document has no root element');
  }

  /** The slow path, only for documents holding surrogates or forbidden characters. */
  #checkCharacters(): void {
    const xml = this.#xml;
    const bad = FORBIDDEN_CHAR.exec(xml);
    if (bad) throw this.#malformed(bad.index, `Character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`);
    // Only strings can hold unpaired surrogates (decoded bytes cannot).
    const lone = LONE_SURROGATE.exec(xml);
    if (lone) throw this.#malformed(lone.index, 'The text holds an unpaired UTF-16 surrogate, which is not a character');
  }

  #malformed(offset: number, message: string): PostbudError {
    return xmlError('MEMO_XML_MALFORMED', this.#xml, offset, message);
  }

  #markup(lt: number): number {
    const xml = this.#xml;
    if (xml.indexOf('>', lt) < 0) throw this.#malformed(lt, 'The document ends inside a tag (truncated?)');
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) return this.#endTag(lt);
    if (next === 0x3f /* ? */) {
      if (/^<\?xml[ \t\r\n?]/i.test(xml.slice(lt, lt + 6))) throw this.#malformed(lt, 'An XML declaration is only allowed at the very start of the document');
      return this.#skipPi(lt);
    }
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) return this.#comment(lt);
      if (xml.startsWith('<![CDATA[', lt)) return this.#cdata(lt);
      if (xml.startsWith('<!DOCTYPE', lt) || xml.startsWith('<!ENTITY', lt)) {
        throw xmlError('MEMO_XML_FORBIDDEN', xml, lt, 'DTDs and entity declarations (<!DOCTYPE, <!ENTITY) are refused in MeMo for safety; remove the document type declaration');
      }
      throw this.#malformed(lt, 'Unknown markup declaration');
    }
    return this.#startTag(lt);
  }

  #skipPi(lt: number): number {
    const end = this.#xml.indexOf('?>', lt + 2);
    if (end < 0) throw this.#malformed(lt, 'Unterminated processing instruction');
    return end + 2;
  }

  #comment(lt: number): number {
    const end = this.#xml.indexOf('-->', lt + 4);
    if (end < 0) throw this.#malformed(lt, 'Unterminated comment');
    if (this.#xml.indexOf('--', lt + 4) < end) throw this.#malformed(lt, "'--' is not allowed inside a comment");
    return end + 3;
  }

  #cdata(lt: number): number {
    const start = lt + 9;
    const end = this.#xml.indexOf(']]>', start);
    if (end < 0) throw this.#malformed(lt, 'Unterminated CDATA section');
    if (this.#open.length === 0) throw this.#malformed(lt, 'CDATA outside the root element');
    const raw = this.#xml.slice(start, end);
    this.#handler.text(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw, start);
    return end + 3;
  }

  #text(start: number, end: number): void {
    const raw = this.#xml.slice(start, end);
    if (this.#open.length === 0) {
      if (!WHITESPACE_ONLY.test(raw)) throw this.#malformed(start, this.#rootSeen ? 'Text after the root element' : 'Text before the root element (is this XML?)');
      return;
    }
    // indexOf is far faster than a regex scan over long text (base64 attachments).
    const special = raw.indexOf('&') >= 0 || raw.indexOf('\r') >= 0;
    this.#handler.text(special ? this.#decode(raw.replace(/\r\n?/g, '\n'), start) : raw, start);
  }

  /** Expands the predefined entities and character references; anything else is an error. */
  #decode(raw: string, offset: number): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(REFERENCE, (match: string, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (!match.endsWith(';') || match.length < 3) throw this.#malformed(offset, "A bare '&' must be written as &amp;");
      if (name !== undefined) {
        const value = PREDEFINED[name];
        if (value === undefined) throw xmlError('MEMO_XML_FORBIDDEN', this.#xml, offset, `Entity &${name}; is not defined: only &lt; &gt; &amp; &quot; &apos; and character references are allowed`);
        return value;
      }
      const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec!, 10);
      const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
      if (!allowed) throw this.#malformed(offset, `Character reference ${match} is not an XML character`);
      return String.fromCodePoint(code);
    });
  }

  #startTag(lt: number): number {
    const xml = this.#xml;
    if (this.#rootSeen && this.#open.length === 0) throw this.#malformed(lt, 'A second root element');
    let pos = lt + 1;
    for (let c = xml.charCodeAt(pos); pos < xml.length && !(c === 0x3e || c === 0x2f || c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d); c = xml.charCodeAt(++pos));
    const name = this.#name(lt + 1, pos);
    const qname = name.qname;
    let raw: [string, string, number][] | null = null; // most elements have no attributes
    for (; xml.charCodeAt(pos) !== 0x3e; ) {
      ATTR_RE.lastIndex = pos;
      const a = ATTR_RE.exec(xml);
      if (!a) break;
      raw ??= [];
      if (raw.length >= this.#limits.maxAttributes) throw xmlError('MEMO_XML_LIMIT_EXCEEDED', xml, pos, `More than ${this.#limits.maxAttributes} attributes on <${qname}>`);
      if (a[1]!.length > this.#limits.maxNameLength) throw xmlError('MEMO_XML_LIMIT_EXCEEDED', xml, pos, `A name is longer than ${this.#limits.maxNameLength} characters`);
      for (const r of raw) if (r[0] === a[1]) throw this.#malformed(pos, `Attribute ${a[1]} appears twice on <${qname}>`);
      raw.push([a[1]!, a[2] ?? a[3] ?? '', pos]);
      pos = ATTR_RE.lastIndex;
    }
    let selfClosing = false;
    if (xml.charCodeAt(pos) !== 0x3e) {
      TAG_END_RE.lastIndex = pos;
      const close = TAG_END_RE.exec(xml);
      if (!close) throw this.#malformed(pos, `Malformed start tag <${qname}> (attribute values need quotes and must not contain '<')`);
      selfClosing = close[1] === '/';
      pos = TAG_END_RE.lastIndex - 1;
    }
    if (this.#open.length >= this.#limits.maxDepth) throw xmlError('MEMO_XML_LIMIT_EXCEEDED', xml, lt, `Elements are nested deeper than ${this.#limits.maxDepth} levels`);
    if (raw === null) this.#push(name, null, NO_ATTRIBUTES, lt);
    else this.#openElement(name, raw, lt);
    if (selfClosing) this.#closeElement(pos + 1);
    return pos + 1;
  }

  /** The checked, split name at `start..end`. */
  #name(start: number, end: number): QName {
    const xml = this.#xml;
    const bucket = (NAMES[(end - start + xml.charCodeAt(start) * 7 + xml.charCodeAt(end - 1) * 13) & (NAME_BUCKETS - 1)] ??= []);
    for (const known of bucket) if (known.codes.length === end - start && holdsAt(xml, start, known.codes)) return known;
    const name = xml.slice(start, end);
    if (name.length > this.#limits.maxNameLength) throw xmlError('MEMO_XML_LIMIT_EXCEEDED', xml, start, `A name is longer than ${this.#limits.maxNameLength} characters`);
    if (!QNAME_FULL.test(name)) throw this.#malformed(start, name === '' ? "'<' not followed by an element name (write '<' in text as &lt;)" : `"${name.slice(0, 40)}" is not a valid XML name`);
    const colon = name.indexOf(':');
    const codes = new Uint16Array(name.length);
    for (let i = 0; i < name.length; i++) codes[i] = name.charCodeAt(i);
    const parsed: QName = { qname: name, codes, prefix: colon < 0 ? '' : name.slice(0, colon), local: colon < 0 ? name : name.slice(colon + 1), uri: '', generation: -1 };
    if (cachedNames < MAX_CACHED_NAMES) {
      cachedNames++;
      bucket.push(parsed);
    }
    return parsed;
  }

  #openElement(element: QName, raw: readonly [string, string, number][], lt: number): void {
    let undo: [string, string | undefined][] | null = null;
    for (const [name, value, at] of raw) {
      if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
      const uri = this.#constant(this.#decode(value, at));
      const prefix = name === 'xmlns' ? '' : name.slice(6);
      if (prefix === 'xmlns' || prefix === 'xml' || (prefix !== '' && uri === '')) throw this.#malformed(at, `Namespace declaration ${name} is not allowed`);
      (undo ??= []).push([prefix, this.#bindings.get(prefix)]);
      this.#bindings.set(prefix, uri);
      this.#generation = ++generations;
    }
    const attributes: XmlAttribute[] = [];
    for (const [name, value, at] of raw) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        attributes.push({ uri: XMLNS_NS, local: name === 'xmlns' ? '' : name.slice(6), qname: name, value });
        continue;
      }
      const colon = name.indexOf(':');
      const uri = colon < 0 ? '' : this.#resolve(name.slice(0, colon), at);
      attributes.push({ uri, local: colon < 0 ? name : name.slice(colon + 1), qname: name, value: this.#decode(value.replace(/\r\n?|[\t\n]/g, ' '), at) });
    }
    this.#push(element, undo, attributes, lt);
  }

  #constant(uri: string): string {
    for (const known of this.#namespaceConstants) if (known === uri) return known;
    return uri;
  }

  #push(name: QName, undo: [string, string | undefined][] | null, attributes: readonly XmlAttribute[], lt: number): void {
    if (name.generation !== this.#generation) {
      name.uri = this.#resolve(name.prefix, lt);
      name.generation = this.#generation;
    }
    const uri = name.uri;
    this.#open.push(name);
    this.#undo.push(undo);
    this.#rootSeen = true;
    this.#handler.openElement(uri, name.local, name.qname, attributes, lt);
  }

  #resolve(prefix: string, offset: number): string {
    const uri = this.#bindings.get(prefix);
    if (uri === undefined) throw this.#malformed(offset, `Namespace prefix '${prefix}' is not declared`);
    return uri;
  }

  #endTag(lt: number): number {
    const expected = this.#open[this.#open.length - 1];
    if (expected !== undefined && holdsAt(this.#xml, lt + 2, expected.codes)) {
      const after = lt + 2 + expected.codes.length;
      if (this.#xml.charCodeAt(after) === 0x3e) {
        this.#closeElement(after + 1);
        return after + 1;
      }
      END_TAG_RE.lastIndex = after;
      if (END_TAG_RE.exec(this.#xml)) {
        this.#closeElement(END_TAG_RE.lastIndex);
        return END_TAG_RE.lastIndex;
      }
    }
    const found = /^<\/([^\s>]*)/.exec(this.#xml.slice(lt, lt + 300))?.[1] ?? '';
    throw this.#malformed(lt, expected === undefined ? `End tag </${found}> without a start tag` : `End tag </${found}> does not match <${expected.qname}>`);
  }

  #closeElement(end: number): void {
    this.#open.pop();
    const undo = this.#undo.pop();
    if (undo) this.#generation = ++generations;
    if (undo) for (let i = undo.length - 1; i >= 0; i--) {
      const [prefix, previous] = undo[i]!;
      if (previous === undefined) this.#bindings.delete(prefix);
      else this.#bindings.set(prefix, previous);
    }
    this.#handler.closeElement(end);
  }
}
