/**
 * A small, safe XML reader for service answers (kombi_response, PKO_PostStatus, envelopes):
 * collects the text of leaf elements with their local-name paths. Built on saxes; DTDs are
 * refused, so no entity expansion can happen. Not for MeMo (use `parseMemo`).
 * @module
 */
import { SaxesParser } from 'saxes';
import { PostbudError } from '../errors/PostbudError.js';
import type { PostbudErrorCode } from '../errors/codes.js';

export interface XmlLeaf {
  /** Local names from the root, joined by `/`, e.g. `kombi_response/TransmissionID`. */
  readonly path: string;
  readonly name: string;
  readonly namespace: string;
  readonly text: string;
}

/** Largest answer read. @unit characters */
export const MAX_SERVICE_XML_CHARS = 10_000_000;

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/** Reads all leaf elements. Throws `errorCode` (default RESPONSE_INVALID) on malformed XML or a DTD. */
export function readXmlLeaves(xml: string, errorCode: PostbudErrorCode = 'RESPONSE_INVALID'): XmlLeaf[] {
  if (xml.length > MAX_SERVICE_XML_CHARS) throw new PostbudError(errorCode, `The XML answer is larger than ${MAX_SERVICE_XML_CHARS} characters.`, { fault: 'server' });
  const parser = new SaxesParser({ xmlns: true, position: false });
  const leaves: XmlLeaf[] = [];
  const stack: { name: string; ns: string; text: string; children: number }[] = [];
  let failure: Error | undefined;
  parser.on('doctype', () => {
    failure ??= new Error('a DOCTYPE is not allowed');
  });
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children++;
    stack.push({ name: localName(tag.name), ns: tag.uri ?? '', text: '', children: 0 });
  });
  const onText = (text: string): void => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const path = stack.map((s) => s.name).join('/');
    const top = stack.pop();
    if (top && top.children === 0) leaves.push({ path, name: top.name, namespace: top.ns, text: top.text.trim() });
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    failure ??= error instanceof Error ? error : new Error(String(error));
  }
  if (failure) throw new PostbudError(errorCode, `The XML answer could not be read: ${failure.message}`, { fault: 'server', cause: failure });
  return leaves;
}

/** The text of the first leaf whose local name is one of `names`. */
export function leafText(leaves: readonly XmlLeaf[], ...names: string[]): string | undefined {
  return leaves.find((leaf) => names.includes(leaf.name))?.text;
}
