/**
 * Reads a `kombi_request` envelope: `KombiValgKode`, an optional `memo:Message` (cut out of the
 * source text verbatim, with the namespace declarations it inherits, so that the MeMo parser and
 * the XSD validator see exactly what was sent) and an optional `fjernprint:ForsendelseI`.
 * @module
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { readForsendelseI, type ForsendelseI } from './forsendelseI.js';

export const MEMO_NS = 'https://DigitalPost.dk/MeMo-1';
export const FJERNPRINT_NS = 'urn:oio:fjernprint:1.0.0';

export interface KombiEnvelope {
  readonly kombiValgKode: string | null;
  readonly memoXml: string | null;
  readonly forsendelseXml: string | null;
  readonly forsendelse: ForsendelseI | null;
}

export class KombiEnvelopeError extends Error {
  override readonly name = 'KombiEnvelopeError';
}

interface Cut {
  start: number;
  openEnd: number;
  depth: number;
  inherited: Record<string, string>;
  own: Record<string, string>;
}

function withInheritedNamespaces(xml: string, cut: Cut, end: number): string {
  const missing = Object.entries(cut.inherited).filter(([prefix]) => !(prefix in cut.own));
  const source = xml.slice(cut.start, end);
  if (missing.length === 0) return source;
  const decls = missing.map(([p, uri]) => ` ${p === '' ? 'xmlns' : `xmlns:${p}`}="${uri.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join('');
  const nameEnd = /^<[^\s/>]+/.exec(source)![0].length;
  return source.slice(0, nameEnd) + decls + source.slice(nameEnd);
}

export function readKombiEnvelope(xml: string): KombiEnvelope {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: SaxesTagNS[] = [];
  const scopes: Record<string, string>[] = [];
  let kombiValgKode: string | null = null;
  let codeText: string | null = null;
  let memoCut: Cut | null = null;
  let printCut: Cut | null = null;
  let memoXml: string | null = null;
  let forsendelseXml: string | null = null;
  let rootSeen = false;

  parser.on('doctype', () => {
    throw new KombiEnvelopeError('DTDs are not allowed in a kombi_request.');
  });
  parser.on('opentag', (tag) => {
    const parentScope = scopes[scopes.length - 1] ?? {};
    scopes.push({ ...parentScope, ...tag.ns });
    const depth = stack.length;
    stack.push(tag);
    if (depth === 0) {
      rootSeen = true;
      if (tag.local !== 'kombi_request' || tag.uri !== '') throw new KombiEnvelopeError(`The root element must be kombi_request (no namespace), not ${tag.name}.`);
      return;
    }
    if (depth === 1 && tag.local === 'KombiValgKode') codeText = '';
    const isMemo = depth === 1 && tag.local === 'Message' && tag.uri === MEMO_NS;
    const isPrint = tag.local === 'ForsendelseI' && tag.uri === FJERNPRINT_NS && (depth === 1 || (depth === 2 && stack[1]?.local === 'ForsendelseISamling'));
    if ((isMemo && memoCut) || (isPrint && printCut)) throw new KombiEnvelopeError(`kombi_request may hold only one ${tag.local}.`);
    if (isMemo || isPrint) {
      const start = xml.lastIndexOf('<', parser.position - 1);
      const cut: Cut = { start, openEnd: parser.position, depth, inherited: parentScope, own: tag.ns };
      if (isMemo) memoCut = cut;
      else printCut = cut;
      if (tag.isSelfClosing) closeCut(cut, isMemo);
    }
  });
  const closeCut = (cut: Cut, isMemo: boolean) => {
    const text = withInheritedNamespaces(xml, cut, parser.position);
    if (isMemo) memoXml = text;
    else forsendelseXml = text;
  };
  parser.on('text', (t) => {
    if (codeText !== null) codeText += t;
  });
  parser.on('closetag', (tag) => {
    const depth = stack.length - 1;
    stack.pop();
    scopes.pop();
    if (depth === 1 && tag.local === 'KombiValgKode') {
      kombiValgKode = (codeText ?? '').trim();
      codeText = null;
    }
    if (memoCut && memoCut.depth === depth && tag.local === 'Message' && memoXml === null && !tag.isSelfClosing) closeCut(memoCut, true);
    if (printCut && printCut.depth === depth && tag.local === 'ForsendelseI' && forsendelseXml === null && !tag.isSelfClosing) closeCut(printCut, false);
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    if (err instanceof KombiEnvelopeError) throw err;
    throw new KombiEnvelopeError(`The kombi_request is not well-formed XML: ${(err as Error).message}`);
  }
  if (!rootSeen) throw new KombiEnvelopeError('The body holds no XML element.');
  const fx = forsendelseXml as string | null;
  return { kombiValgKode, memoXml, forsendelseXml: fx, forsendelse: fx === null ? null : readForsendelseI(fx) };
}
