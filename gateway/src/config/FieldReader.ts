/**
 * Reads fields of an untyped config object and records a plain-words issue for every
 * missing or wrongly typed field, so one run reports all mistakes instead of the first.
 * @module
 */
import { configError } from './ConfigIssue.js';
import type { ConfigIssue } from './ConfigIssue.js';

export type RawObject = Readonly<Record<string, unknown>>;

export function isRawObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class FieldReader {
  readonly issues: ConfigIssue[] = [];

  object(raw: unknown, path: string): RawObject {
    if (isRawObject(raw)) return raw;
    if (raw !== undefined) this.wrongType(path, 'et objekt', 'an object');
    else this.missing(path);
    return {};
  }

  string(obj: RawObject, key: string, path: string, fallback?: string): string {
    const v = obj[key];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (v === undefined && fallback !== undefined) return fallback;
    if (v === undefined) this.missing(`${path}.${key}`);
    else this.wrongType(`${path}.${key}`, 'en tekst', 'a non-empty text');
    return fallback ?? '';
  }

  optionalString(obj: RawObject, key: string, path: string): string | undefined {
    if (obj[key] === undefined) return undefined;
    return this.string(obj, key, path);
  }

  number(obj: RawObject, key: string, path: string, fallback: number, min = 0): number {
    const v = obj[key];
    if (v === undefined) return fallback;
    if (typeof v === 'number' && Number.isFinite(v) && v >= min) return v;
    this.wrongType(`${path}.${key}`, `et tal ≥ ${min}`, `a number ≥ ${min}`);
    return fallback;
  }

  optionalNumber(obj: RawObject, key: string, path: string, min = 0): number | undefined {
    return obj[key] === undefined ? undefined : this.number(obj, key, path, min, min);
  }

  boolean(obj: RawObject, key: string, path: string, fallback: boolean): boolean {
    const v = obj[key];
    if (v === undefined) return fallback;
    if (typeof v === 'boolean') return v;
    this.wrongType(`${path}.${key}`, 'true eller false', 'true or false');
    return fallback;
  }

  oneOf<T extends string>(obj: RawObject, key: string, path: string, allowed: readonly T[], fallback?: T): T {
    const v = obj[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    const list = allowed.join(', ');
    this.issues.push(
      configError('CONFIG_VALUE', `${path}.${key}`, `skal være en af: ${list}`, `must be one of: ${list}`),
    );
    return fallback ?? (allowed[0] as T);
  }

  stringList(obj: RawObject, key: string, path: string): readonly string[] {
    const v = obj[key];
    if (v === undefined) return [];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    this.wrongType(`${path}.${key}`, 'en liste af tekster', 'a list of texts');
    return [];
  }

  array(obj: RawObject, key: string, path: string): readonly unknown[] {
    const v = obj[key];
    if (v === undefined) return [];
    if (Array.isArray(v)) return v;
    this.wrongType(`${path}.${key}`, 'en liste', 'a list');
    return [];
  }

  private missing(path: string): void {
    this.issues.push(configError('CONFIG_MISSING', path, 'mangler', 'is missing'));
  }

  private wrongType(path: string, da: string, en: string): void {
    this.issues.push(configError('CONFIG_TYPE', path, `skal være ${da}`, `must be ${en}`));
  }
}
