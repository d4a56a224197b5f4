/**
 * Copies caller-supplied plain data (arrays and objects) into fresh objects, leaving out
 * `undefined` properties, so the message can be frozen without freezing the caller's objects.
 * @module
 */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function cloneData<T>(value: T): T {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => cloneData(item)) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) copy[key] = cloneData(item);
  }
  return copy as T;
}
