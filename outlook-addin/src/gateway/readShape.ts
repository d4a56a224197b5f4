/**
 * Small narrowing helpers for JSON from the gateway: the add-in trusts no response shape.
 * @module
 */
import { PostbudError } from '@postbud/sdk';

export type JsonObject = Readonly<Record<string, unknown>>;

function invalid(what: string): PostbudError {
  return new PostbudError('RESPONSE_INVALID', `The gateway answered with an unexpected ${what}. Ask IT to check that the add-in and the gateway are the same version.`, { fault: 'server' });
}

export function asObject(value: unknown, what: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(what);
  return value as JsonObject;
}

export function asArray(value: unknown, what: string): readonly unknown[] {
  if (!Array.isArray(value)) throw invalid(what);
  return value;
}

export function str(obj: JsonObject, key: string, what: string): string {
  const v = obj[key];
  if (typeof v !== 'string') throw invalid(`${what} (${key})`);
  return v;
}

export function optStr(obj: JsonObject, key: string): string | undefined {
  const v = obj[key];
  return typeof v === 'string' ? v : undefined;
}

export function num(obj: JsonObject, key: string, what: string): number {
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw invalid(`${what} (${key})`);
  return v;
}

export function optNum(obj: JsonObject, key: string): number | undefined {
  const v = obj[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function oneOf<T extends string>(obj: JsonObject, key: string, allowed: readonly T[], what: string): T {
  const v = obj[key];
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw invalid(`${what} (${key})`);
  return v as T;
}
