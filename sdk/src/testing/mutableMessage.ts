/**
 * Mutable copies of frozen messages, for tests that break a valid message on purpose.
 * @module
 */
import type { MemoMessage } from '../memo/model.js';

export type MutableNode = { [key: string]: unknown };

/** A deep, unfrozen copy (typed arrays are copied too). Stream content cannot be copied. */
export function thawMessage(message: MemoMessage): MutableNode {
  return structuredClone(message) as unknown as MutableNode;
}

/** Sets `value` at `path` (keys and array indexes), creating missing objects on the way. */
export function setAt(root: MutableNode, path: readonly (string | number)[], value: unknown): MutableNode {
  let node: MutableNode = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = String(path[i]);
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[key] as MutableNode;
  }
  const last = String(path[path.length - 1]);
  if (value === undefined) delete node[last];
  else node[last] = value;
  return root;
}

/** The value at `path`, or undefined. */
export function getAt(root: MutableNode, path: readonly (string | number)[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as MutableNode)[String(key)];
  }
  return node;
}
