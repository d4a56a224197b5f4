/**
 * Placeholders for required elements missing from parsed XML, so the typed model stays usable
 * (e.g. for `postbud memo format`). The parser reports each missing element as REQUIRED; the
 * placeholders are empty texts, empty arrays and objects whose required children are filled
 * the same way. Booleans are optional in the model and stay absent.
 * @module
 */
import type { MemoVersion } from '../model.js';
import { inVersion } from '../schema/memoSchema.js';
import type { ComplexSpec, ElementSpec } from '../schema/memoSchema.js';

function placeholderObject(spec: ComplexSpec, version: MemoVersion): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  for (const child of spec.children) {
    if (child.min > 0 && inVersion(child, version)) fillRequired(obj, child, version);
  }
  return obj;
}

/** Sets `obj[child.name]` to a placeholder if absent. */
export function fillRequired(obj: Record<string, unknown>, child: ElementSpec, version: MemoVersion): void {
  if (obj[child.name] !== undefined) return;
  if (child.max > 1) {
    obj[child.name] = [];
  } else if (typeof child.type !== 'string') {
    obj[child.name] = placeholderObject(child.type, version);
  } else if (child.type === 'base64') {
    obj[child.name] = { kind: 'base64', base64: '' };
  } else if (child.type !== 'boolean') {
    obj[child.name] = '';
  }
}
