/**
 * Builds the typed MeMo model from tokenizer events, driven by the schema table. Structure the
 * model cannot hold (unknown elements, wrong order, too many, missing required elements, text
 * where only elements belong, elements of the other MeMo version) becomes `ValidationIssue`s,
 * never exceptions, so that any schema-shaped MeMo can still be read, shown and reformatted.
 * @module
 */
import { MEMO_NAMESPACES } from '../model.js';
import type { MemoMessage, MemoVersion } from '../model.js';
import { inVersion, memoSchema } from '../schema/memoSchema.js';
import type { ComplexSpec, ElementSpec } from '../schema/memoSchema.js';
import type { MemoIssueCode, ValidationIssue } from '../validation/ValidationIssue.js';
import { xmlError } from './tokenizeXml.js';
import type { XmlAttribute, XmlHandler } from './tokenizeXml.js';
import { fillRequired } from './fillRequired.js';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XMLNS = 'http://www.w3.org/2000/xmlns/';
const WHITESPACE_ONLY = /^[ \t\r\n]*$/;

/** A complex type compiled for reading: children by local name (unique within every MeMo type). */
interface ReadType {
  readonly spec: ComplexSpec;
  readonly byLocal: ReadonlyMap<string, ReadChild>;
}
interface ReadChild {
  readonly index: number;
  readonly spec: ElementSpec;
  readonly uri: string;
  readonly type: ReadType | null;
}

function compileType(spec: ComplexSpec, seen: Map<ComplexSpec, ReadType>): ReadType {
  const known = seen.get(spec);
  if (known) return known;
  const byLocal = new Map<string, ReadChild>();
  const type: ReadType = { spec, byLocal };
  seen.set(spec, type);
  spec.children.forEach((c, index) => {
    byLocal.set(c.name, { index, spec: c, uri: MEMO_NAMESPACES[c.ns], type: typeof c.type === 'string' ? null : compileType(c.type, seen) });
  });
  return type;
}
const READ_TYPES: Readonly<Record<MemoVersion, ReadType>> = {
  '1.1': compileType(memoSchema('1.1'), new Map()),
  '1.2': compileType(memoSchema('1.2'), new Map()),
};

interface Frame {
  /** null: inside an element that is being skipped. */
  readonly type: ReadType | null;
  readonly spec: ComplexSpec | null;
  readonly obj: Record<string, unknown>;
  readonly path: string;
  /** Index in `spec.children` of the last child seen (for order checks). */
  last: number;
  readonly counts: number[];
  textReported: boolean;
}

interface SimpleOpen {
  readonly spec: ElementSpec;
  readonly frame: Frame;
  /** Parent path; the element's own path is built only when an issue needs it. */
  readonly parentPath: string;
  text: string;
}

function childPath(parentPath: string, spec: ElementSpec, count: number): string {
  return spec.max > 1 ? `${parentPath}/${spec.name}[${count}]` : `${parentPath}/${spec.name}`;
}

/**
 * The `XmlHandler` behind `parseMemo`. Feed it the events of a `memo:Message` element yourself
 * when the MeMo sits inside a larger document you tokenize anyway (an SF1601 `kombi_request`),
 * instead of cutting the MeMo out and tokenizing it a second time; then read `message` and
 * `issues`. `xml` is the text the event offsets point into (used for error positions).
 */
export class MemoTreeBuilder implements XmlHandler {
  readonly issues: ValidationIssue[] = [];
  readonly #xml: string;
  readonly #frames: Frame[] = [];
  #version: MemoVersion = '1.2';
  #root: Record<string, unknown> | null = null;
  #simple: SimpleOpen | null = null;
  /** Depth inside an element that is being skipped (or a child of a simple element). */
  #skipDepth = 0;

  constructor(xml: string) {
    this.#xml = xml;
  }

  get message(): MemoMessage {
    return this.#root as unknown as MemoMessage;
  }

  #issue(path: string, code: MemoIssueCode, message: string): void {
    this.issues.push({ path, code, message });
  }

  openElement(uri: string, local: string, qname: string, attributes: readonly XmlAttribute[], offset: number): void {
    if (this.#skipDepth > 0) {
      this.#skipDepth++;
      return;
    }
    if (this.#root === null) return this.#openRoot(uri, local, qname, attributes, offset);
    if (this.#simple) {
      this.#issue(`${this.#simple.parentPath}/${this.#simple.spec.name}/${local}`, 'UNEXPECTED_ELEMENT', `<${qname}> is not allowed inside ${this.#simple.spec.name}, which holds only text.`);
      this.#skipDepth = 1;
      return;
    }
    const frame = this.#frames[this.#frames.length - 1]!;
    const child = frame.type?.byLocal.get(local);
    if (child === undefined || child.uri !== uri) {
      this.#issue(`${frame.path}/${local}`, 'UNEXPECTED_ELEMENT', `<${qname}> (namespace ${uri || 'none'}) is not a child of ${frame.spec?.name ?? 'this element'} in MeMo ${this.#version}.`);
      this.#skipDepth = 1;
      return;
    }
    this.#child(frame, child, attributes);
  }

  #child(frame: Frame, child: ReadChild, attributes: readonly XmlAttribute[]): void {
    const { spec, index } = child;
    const count = ++frame.counts[index]!;
    const extra = count > spec.max;
    // Paths of simple elements are built only for issues (most elements never need one).
    if (extra || index < frame.last || spec.versions !== undefined || attributes.length > 0 || typeof spec.type !== 'string') {
      this.#checkChild(frame, spec, index, count, attributes);
    }
    frame.last = Math.max(frame.last, index);
    if (typeof spec.type === 'string') {
      // An extra single occurrence is reported and dropped: the model holds one value.
      this.#simple = { spec, frame: extra && spec.max === 1 ? this.#detached(frame) : frame, parentPath: frame.path, text: '' };
      return;
    }
    const obj: Record<string, unknown> = {};
    if (spec.max > 1) ((frame.obj[spec.name] ??= []) as unknown[]).push(obj);
    else if (!extra) frame.obj[spec.name] = obj;
    this.#frames.push({ type: child.type, spec: spec.type, obj, path: childPath(frame.path, spec, count), last: -1, counts: new Array<number>(spec.type.children.length).fill(0), textReported: false });
  }

  #checkChild(frame: Frame, spec: ElementSpec, index: number, count: number, attributes: readonly XmlAttribute[]): void {
    const path = childPath(frame.path, spec, count);
    if (!inVersion(spec, this.#version)) {
      this.#issue(path, 'VERSION_MISMATCH', `${spec.name} exists only in MeMo ${spec.versions!.join(', ')}, but this message is MeMo ${this.#version}.`);
    }
    if (index < frame.last) {
      this.#issue(path, 'ELEMENT_ORDER', `${spec.name} is out of order: the XSD requires it before ${frame.spec!.children[frame.last]!.name}.`);
    }
    if (count > spec.max) this.#issue(path, 'TOO_MANY', `${spec.name} occurs ${count} times; at most ${spec.max} allowed.`);
    this.#checkAttributes(attributes, path);
  }

  #detached(frame: Frame): Frame {
    return { type: frame.type, spec: frame.spec, obj: {}, path: frame.path, last: 0, counts: [], textReported: true };
  }

  #openRoot(uri: string, local: string, qname: string, attributes: readonly XmlAttribute[], offset: number): void {
    if (uri !== MEMO_NAMESPACES.memo || local !== 'Message') {
      throw xmlError('MEMO_NOT_MEMO', this.#xml, offset, `The root element is <${qname}>${uri ? ` in namespace ${uri}` : ' without namespace'}, not a MeMo Message (${MEMO_NAMESPACES.memo})`);
    }
    const root: Record<string, unknown> = {};
    const byName = new Map(attributes.filter((a) => a.uri === '').map((a) => [a.local, a.value]));
    this.#version = this.#readVersion(root, byName.get('memoVersion'), byName.get('memoSchVersion'));
    this.#checkAttributes(attributes, '/Message', ['memoVersion', 'memoSchVersion']);
    this.#root = root;
    const type = READ_TYPES[this.#version];
    const spec = type.spec;
    this.#frames.push({ type, spec, obj: root, path: '/Message', last: -1, counts: new Array<number>(spec.children.length).fill(0), textReported: false });
  }

  #readVersion(root: Record<string, unknown>, memoVersion: string | undefined, memoSchVersion: string | undefined): MemoVersion {
    const number = memoVersion === undefined ? NaN : Number(memoVersion.trim());
    let version: MemoVersion;
    if (number === 1.1 || number === 1.2) {
      version = number === 1.1 ? '1.1' : '1.2';
    } else {
      version = memoSchVersion === undefined ? '1.2' : '1.1';
      if (memoVersion === undefined) this.#issue('/Message/@memoVersion', 'REQUIRED', `The memoVersion attribute is missing; read as MeMo ${version}.`);
      else this.#issue('/Message/@memoVersion', 'VERSION_MISMATCH', `memoVersion "${memoVersion}" is neither 1.1 nor 1.2; read as MeMo ${version}.`);
    }
    root.memoVersion = version;
    if (memoSchVersion !== undefined) {
      root.memoSchVersion = memoSchVersion;
      if (version === '1.2') this.#issue('/Message/@memoSchVersion', 'VERSION_MISMATCH', 'memoSchVersion was removed in MeMo 1.2; remove the attribute (or declare memoVersion="1.1").');
    } else if (version === '1.1') {
      this.#issue('/Message/@memoSchVersion', 'REQUIRED', 'MeMo 1.1 requires the memoSchVersion attribute (value 1.1.0).');
    }
    return version;
  }

  /** Namespace declarations and xsi:* (schemaLocation, …) are fine anywhere; other attributes are not MeMo. */
  #checkAttributes(attributes: readonly XmlAttribute[], path: string, allowed: readonly string[] = []): void {
    for (const a of attributes) {
      if (a.uri === XMLNS || a.uri === XSI || (a.uri === '' && allowed.includes(a.local))) continue;
      this.#issue(`${path}/@${a.qname}`, 'UNEXPECTED_ELEMENT', `Attribute ${a.qname} is not part of MeMo.`);
    }
  }

  text(value: string): void {
    if (this.#skipDepth > 0) return;
    if (this.#simple) {
      this.#simple.text += value;
      return;
    }
    const frame = this.#frames[this.#frames.length - 1];
    if (frame && !frame.textReported && !WHITESPACE_ONLY.test(value)) {
      frame.textReported = true;
      this.#issue(frame.path, 'UNEXPECTED_TEXT', `${frame.spec?.name ?? 'This element'} holds elements only, but contains the text "${value.trim().slice(0, 40)}".`);
    }
  }

  closeElement(): void {
    if (this.#skipDepth > 0) {
      this.#skipDepth--;
      return;
    }
    if (this.#simple) {
      this.#closeSimple(this.#simple);
      this.#simple = null;
      return;
    }
    const frame = this.#frames.pop()!;
    if (frame.spec) this.#closeComplex(frame, frame.spec);
  }

  #closeSimple(open: SimpleOpen): void {
    const { spec, frame, text } = open;
    if (spec.type === 'base64') {
      frame.obj[spec.name] = { kind: 'base64', base64: text };
    } else if (spec.type === 'boolean') {
      const lexical = text.trim();
      if (lexical === 'true' || lexical === '1') frame.obj[spec.name] = true;
      else if (lexical === 'false' || lexical === '0') frame.obj[spec.name] = false;
      else this.#issue(childPath(open.parentPath, spec, 1), 'BOOLEAN', `${spec.name} must be true or false (or 1/0), not "${lexical.slice(0, 40)}".`);
    } else if (spec.max > 1) {
      ((frame.obj[spec.name] ??= []) as unknown[]).push(text);
    } else {
      frame.obj[spec.name] = text;
    }
  }

  #closeComplex(frame: Frame, spec: ComplexSpec): void {
    for (let i = 0; i < spec.children.length; i++) {
      const child = spec.children[i]!;
      if (frame.counts[i]! >= child.min || !inVersion(child, this.#version)) continue;
      const where = `${frame.path}/${child.name}${child.max > 1 ? `[${frame.counts[i]! + 1}]` : ''}`;
      this.#issue(where, 'REQUIRED', `${child.name} is required in ${spec.name}${child.min > 1 ? ` (at least ${child.min})` : ''}.`);
      fillRequired(frame.obj, child, this.#version);
    }
    if (spec.choice) {
      const present = spec.choice.filter((name) => frame.obj[name] !== undefined);
      if (present.length > 1) this.#issue(frame.path, 'CHOICE', `${spec.name} may hold only one of ${spec.choice.join(' and ')}.`);
    }
  }
}
