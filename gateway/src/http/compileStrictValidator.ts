/**
 * A JSON Schema validator that checks types as sent. Fastify's own validator coerces (for
 * query strings, where everything arrives as text): in a JSON body that would turn
 * `"title": 42` into `"42"` and accept it. Letter bodies are validated here instead.
 * @module
 */
import { Ajv } from 'ajv';
import type { ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its default import is the module object, whose
// `default` is the plugin (at runtime the module object is the plugin itself).
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

export interface StrictValidator {
  /** True when `value` is valid; otherwise false with `errors` set. */
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const ajv = new Ajv({ allErrors: false, coerceTypes: false, useDefaults: false, strict: true, strictRequired: false, allowUnionTypes: true });
addFormats(ajv);

/** Compiles `schema` once; types must match exactly (no coercion), unknown keywords are refused at compile time. */
export function compileStrictValidator(schema: Readonly<Record<string, unknown>>): StrictValidator {
  return ajv.compile(schema as Record<string, unknown>) as StrictValidator;
}
