/**
 * Recursive `Object.freeze` for plain data. Typed arrays are left as they are: freezing one
 * with elements throws, and file bytes belong to the caller anyway.
 * @module
 */

function freezeObject(value: object): void {
  if (Object.isFrozen(value) || ArrayBuffer.isView(value)) return;
  // Children are tested before the call: most values are strings, which need no call at all.
  if (Array.isArray(value)) {
    for (const item of value as readonly unknown[]) if (typeof item === 'object' && item !== null) freezeObject(item);
  } else {
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null) freezeObject(item);
    }
  }
  Object.freeze(value);
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) freezeObject(value);
  return value;
}
