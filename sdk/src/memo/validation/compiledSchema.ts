/**
 * The schema table ({@link memoSchema}) compiled once per MeMo version into the shape the
 * validator walks: children with their model key, cardinality, version availability and
 * whether their being required is a version difference (to report VERSION_MISMATCH), and the
 * business rule of each complex element.
 * @module
 */
import type { MemoVersion } from '../model.js';
import { inVersion, memoSchema } from '../schema/memoSchema.js';
import type { ComplexSpec, ElementSpec, SimpleKind } from '../schema/memoSchema.js';
import { BUSINESS_RULES } from './businessRules.js';
import type { BusinessRule } from './businessRules.js';

export interface CompiledElement {
  readonly key: string;
  readonly min: number;
  readonly max: number;
  readonly array: boolean;
  /** False when the element belongs to another MeMo version only. */
  readonly available: boolean;
  /** Required here but optional in the other version (1.1's mandatory, legalNotification). */
  readonly requiredByVersion: boolean;
  readonly kind: SimpleKind | null;
  readonly complex: CompiledComplex | null;
}

export interface CompiledComplex {
  readonly name: string;
  readonly children: readonly CompiledElement[];
  readonly choice: readonly string[] | null;
  /** NgDP's rule for this element, if it has one (run when business rules are on). */
  readonly businessRule: BusinessRule | null;
}

function compileComplex(spec: ComplexSpec, version: MemoVersion, other: ComplexSpec | undefined): CompiledComplex {
  const children = spec.children.map((c) => compileElement(c, version, other?.children.find((o) => o.name === c.name)));
  const businessRule = Object.hasOwn(BUSINESS_RULES, spec.name) ? BUSINESS_RULES[spec.name]! : null;
  return Object.freeze({ name: spec.name, children: Object.freeze(children), choice: spec.choice ?? null, businessRule });
}

function compileElement(spec: ElementSpec, version: MemoVersion, other: ElementSpec | undefined): CompiledElement {
  const complex = typeof spec.type === 'string'
    ? null
    : compileComplex(spec.type, version, other !== undefined && typeof other.type !== 'string' ? other.type : undefined);
  return Object.freeze({
    key: spec.name,
    min: spec.min,
    max: spec.max,
    array: spec.max > 1,
    available: inVersion(spec, version),
    requiredByVersion: spec.min > 0 && other !== undefined && other.min === 0,
    kind: typeof spec.type === 'string' ? spec.type : null,
    complex,
  });
}

const COMPILED: Readonly<Record<MemoVersion, CompiledComplex>> = Object.freeze({
  '1.1': compileComplex(memoSchema('1.1'), '1.1', memoSchema('1.2')),
  '1.2': compileComplex(memoSchema('1.2'), '1.2', memoSchema('1.1')),
});

export function compiledSchema(version: MemoVersion): CompiledComplex {
  return COMPILED[version];
}
