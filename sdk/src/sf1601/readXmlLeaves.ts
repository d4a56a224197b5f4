/**
 * A small, safe XML reader for service answers (kombi_response, PKO_PostStatus, envelopes):
 * collects the text of leaf elements with their local-name paths. Built on the SDK's own strict
 * tokenizer (DTDs refused, so no entity expansion can happen), which is several times cheaper
 * than a general SAX parser on these small answers, read once per letter. Not for MeMo (use `parseMemo`).
 * @module
 */
import { PostbudError } from '../errors/PostbudError.js';
import type { PostbudErrorCode } from '../errors/codes.js';
import { tokenizeXml, type XmlAttribute, type XmlHandler } from '../memo/xml/tokenizeXml.js';

export interface XmlLeaf {
  /** Local names from the root, joined by `/`, e.g. `kombi_response/TransmissionID`. */
  readonly path: string;
  readonly name: string;
  readonly namespace: string;
  readonly text: string;
}

/** Largest answer read. @unit characters */
export const MAX_SERVICE_XML_CHARS = 10_000_000;

const LIMITS = Object.freeze({ maxDepth: 64, maxAttributes: 64, maxNameLength: 256 });

class LeafCollector implements XmlHandler {
  readonly leaves: XmlLeaf[] = [];
  readonly #stack: { name: string; ns: string; text: string; children: number }[] = [];

  openElement(uri: string, local: string, _qname: string, _attributes: readonly XmlAttribute[]): void {
    const parent = this.#stack[this.#stack.length - 1];
    if (parent) parent.children++;
    this.#stack.push({ name: local, ns: uri, text: '', children: 0 });
  }

  text(value: string): void {
    const top = this.#stack[this.#stack.length - 1];
    if (top) top.text += value;
  }

  closeElement(): void {
    const path = this.#stack.map((s) => s.name).join('/');
    const top = this.#stack.pop();
    if (top && top.children === 0) this.leaves.push({ path, name: top.name, namespace: top.ns, text: top.text.trim() });
  }
}

/** Reads all leaf elements. Throws `errorCode` (default RESPONSE_INVALID) on malformed XML or a DTD. */
export function readXmlLeaves(xml: string, errorCode: PostbudErrorCode = 'RESPONSE_INVALID'): XmlLeaf[] {
  if (xml.length > MAX_SERVICE_XML_CHARS) throw new PostbudError(errorCode, `The XML answer is larger than ${MAX_SERVICE_XML_CHARS} characters.`, { fault: 'server' });
  const collector = new LeafCollector();
  try {
    tokenizeXml(xml, collector, LIMITS);
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    throw new PostbudError(errorCode, `The XML answer could not be read: ${failure.message}`, { fault: 'server', cause: failure });
  }
  return collector.leaves;
}

/** The text of the first leaf whose local name is one of `names`. */
export function leafText(leaves: readonly XmlLeaf[], ...names: string[]): string | undefined {
  return leaves.find((leaf) => names.includes(leaf.name))?.text;
}
