/**
 * Reads a `kombi_request` envelope: `KombiValgKode`, an optional `memo:Message` (cut out of the
 * source text verbatim, with the namespace declarations it inherits, so that the XSD validator
 * and the mailbox see exactly what was sent) and an optional `fjernprint:ForsendelseI`.
 *
 * The MeMo is also read into the SDK's model in the same pass (its events go to a
 * `MemoTreeBuilder`), so a letter is tokenized once, not once for the envelope and again for the
 * MeMo: that second pass was about a tenth of the sandbox's CPU per 50 KB letter.
 *
 * Uses the SDK's strict tokenizer (no DTDs, no entities beyond the predefined five): it skips a
 * 50 KB base64 attachment with a few native string searches, where a general SAX parser visits
 * every character, which made the envelope the sandbox's biggest cost per letter.
 * @module
 */
import { isPostbudError, MEMO_NAMESPACES, MemoTreeBuilder, PostbudError, tokenizeXml, type ParsedMemo, type XmlAttribute, type XmlHandler } from '@postbud/sdk';
import { readForsendelseI, type ForsendelseI } from './forsendelseI.js';

export const MEMO_NS = 'https://DigitalPost.dk/MeMo-1';
export const FJERNPRINT_NS = 'urn:oio:fjernprint:1.0.0';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const LIMITS = Object.freeze({ maxDepth: 64, maxAttributes: 64, maxNameLength: 256 });
/** The nesting parseMemo allows, counted from memo:Message. */
const MEMO_MAX_DEPTH = 32;
/** Passed to the tokenizer so that the builder's namespace checks compare by identity. */
const MEMO_NAMESPACE_URIS: readonly string[] = Object.freeze(Object.values(MEMO_NAMESPACES));

export interface KombiEnvelope {
  readonly kombiValgKode: string | null;
  readonly memoXml: string | null;
  /** Where memoXml is in the source text, when it is a verbatim cut (no inherited namespace declarations added). */
  readonly memoSpan: { readonly start: number; readonly end: number } | null;
  /** memoXml read into the SDK's model as `parseMemo(memoXml)` gives it, or the error it would throw. */
  readonly memo: ParsedMemo | Error | null;
  readonly forsendelseXml: string | null;
  readonly forsendelse: ForsendelseI | null;
}

export class KombiEnvelopeError extends Error {
  override readonly name = 'KombiEnvelopeError';
}

type Scope = Readonly<Record<string, string>>;

interface Cut {
  readonly start: number;
  readonly depth: number;
  readonly inherited: Scope;
  readonly own: Scope;
}

function withInheritedNamespaces(xml: string, cut: Cut, end: number): string {
  const missing = Object.entries(cut.inherited).filter(([prefix]) => !(prefix in cut.own));
  const source = xml.slice(cut.start, end);
  if (missing.length === 0) return source;
  // Values are kept as written in the source (entity references and all), so only '"' needs escaping.
  const decls = missing.map(([p, raw]) => ` ${p === '' ? 'xmlns' : `xmlns:${p}`}="${raw.replace(/"/g, '&quot;')}"`).join('');
  const nameEnd = /^<[^\s/>]+/.exec(source)![0].length;
  return source.slice(0, nameEnd) + decls + source.slice(nameEnd);
}

/** Collects the envelope's parts from the tokenizer's events. */
class EnvelopeReader implements XmlHandler {
  kombiValgKode: string | null = null;
  memoXml: string | null = null;
  memoSpan: { start: number; end: number } | null = null;
  forsendelseXml: string | null = null;
  readonly #xml: string;
  /** Per open element: its local name and the namespace declarations in scope (as written). */
  readonly #open: { local: string; scope: Scope }[] = [];
  #codeText: string | null = null;
  #memoCut: Cut | null = null;
  #printCut: Cut | null = null;
  /** Reading the MeMo: its builder and the depth inside memo:Message (0 once it has closed). */
  #memoBuilder: MemoTreeBuilder | null = null;
  #memoDepth = 0;
  memo: ParsedMemo | Error | null = null;

  constructor(xml: string) {
    this.#xml = xml;
  }

  openElement(uri: string, local: string, qname: string, attributes: readonly XmlAttribute[], offset: number): void {
    const depth = this.#open.length;
    const parentScope = this.#open[depth - 1]?.scope ?? {};
    const own: Record<string, string> = {};
    for (const a of attributes) if (a.uri === XMLNS_NS) own[a.local] = a.value;
    this.#open.push({ local, scope: Object.keys(own).length === 0 ? parentScope : { ...parentScope, ...own } });
    if (depth === 0) {
      if (local !== 'kombi_request' || uri !== '') throw new KombiEnvelopeError(`The root element must be kombi_request (no namespace), not ${qname}.`);
      return;
    }
    if (depth === 1 && local === 'KombiValgKode') this.#codeText = '';
    const isMemo = depth === 1 && local === 'Message' && uri === MEMO_NS;
    const isPrint = local === 'ForsendelseI' && uri === FJERNPRINT_NS && (depth === 1 || (depth === 2 && this.#open[1]?.local === 'ForsendelseISamling'));
    if ((isMemo && this.#memoCut) || (isPrint && this.#printCut)) throw new KombiEnvelopeError(`kombi_request may hold only one ${local}.`);
    if (isMemo) {
      this.#memoCut = { start: offset, depth, inherited: parentScope, own };
      this.#memoBuilder = new MemoTreeBuilder(this.#xml);
    } else if (isPrint) {
      this.#printCut = { start: offset, depth, inherited: parentScope, own };
    }
    if (this.#memoBuilder !== null && this.memo === null) this.#memoOpen(uri, local, qname, attributes, offset);
  }

  #memoOpen(uri: string, local: string, qname: string, attributes: readonly XmlAttribute[], offset: number): void {
    if (++this.#memoDepth > MEMO_MAX_DEPTH) {
      this.memo = new PostbudError('MEMO_XML_LIMIT_EXCEEDED', `The MeMo's elements are nested deeper than ${MEMO_MAX_DEPTH} levels (at <${qname}>).`);
      return;
    }
    try {
      this.#memoBuilder!.openElement(uri, local, qname, attributes, offset);
    } catch (err) {
      this.memo = err as Error;
    }
  }

  text(value: string): void {
    if (this.#codeText !== null) this.#codeText += value;
    if (this.#memoBuilder !== null && this.memo === null) this.#memoBuilder.text(value);
  }

  closeElement(end: number): void {
    if (this.#memoBuilder !== null && this.memo === null) {
      this.#memoBuilder.closeElement();
      if (--this.#memoDepth === 0) this.memo = { message: this.#memoBuilder.message, issues: this.#memoBuilder.issues };
    }
    const depth = this.#open.length - 1;
    const local = this.#open.pop()!.local;
    if (depth === 1 && local === 'KombiValgKode') {
      this.kombiValgKode = (this.#codeText ?? '').trim();
      this.#codeText = null;
    }
    if (this.#memoCut?.depth === depth && local === 'Message' && this.memoXml === null) {
      this.memoXml = withInheritedNamespaces(this.#xml, this.#memoCut, end);
      if (this.memoXml.length === end - this.#memoCut.start) this.memoSpan = { start: this.#memoCut.start, end };
    }
    if (this.#printCut?.depth === depth && local === 'ForsendelseI' && this.forsendelseXml === null) this.forsendelseXml = withInheritedNamespaces(this.#xml, this.#printCut, end);
  }
}

export function readKombiEnvelope(xml: string): KombiEnvelope {
  const reader = new EnvelopeReader(xml);
  try {
    tokenizeXml(xml, reader, LIMITS, MEMO_NAMESPACE_URIS);
  } catch (err) {
    if (err instanceof KombiEnvelopeError) throw err;
    if (isPostbudError(err) && err.code === 'MEMO_XML_FORBIDDEN') throw new KombiEnvelopeError(`DTDs and entity declarations are not allowed in a kombi_request: ${err.message}`);
    if (isPostbudError(err) && err.code === 'MEMO_XML_LIMIT_EXCEEDED') throw new KombiEnvelopeError(`The kombi_request is too deeply nested or has too many attributes: ${err.message}`);
    throw new KombiEnvelopeError(`The kombi_request is not well-formed XML: ${(err as Error).message}`);
  }
  const fx = reader.forsendelseXml;
  return { kombiValgKode: reader.kombiValgKode, memoXml: reader.memoXml, memoSpan: reader.memoSpan, memo: reader.memo, forsendelseXml: fx, forsendelse: fx === null ? null : readForsendelseI(fx) };
}
