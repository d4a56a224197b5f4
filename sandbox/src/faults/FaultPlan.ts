/**
 * Fault injection: error rates per kind, drawn from a seeded generator so that a run can be
 * repeated exactly, plus a queue of one-off faults ("the next kombi call is dropped") for tests.
 *
 * Spec syntax (`--faults`): comma-separated `kind=rate[:param]`, e.g.
 * `500=0.1,503=0.05:2,429=0.05:1,reset=0.02,drop=0.05,slow=0.1:1500,sts=0.1,expire=0.05`.
 * The param is Retry-After seconds for 503/429 and the delay in ms for `slow`.
 * @module
 */
import type { FaultScope } from '../http/Router.js';

export type FaultKind = '500' | '503' | '429' | 'reset' | 'drop' | 'slow' | 'sts' | 'expire';

export const FAULT_KINDS: readonly FaultKind[] = ['500', '503', '429', 'reset', 'drop', 'slow', 'sts', 'expire'];

export interface FaultRate {
  readonly kind: FaultKind;
  readonly rate: number;
  readonly param?: number;
}

export interface QueuedFault {
  readonly kind: FaultKind;
  /** Only requests whose path starts with this are hit (default: any wire API request). */
  readonly pathPrefix?: string;
  readonly param?: number;
  remaining: number;
}

export interface FaultDecision {
  readonly kind: FaultKind;
  readonly param?: number;
}

const DEFAULT_PARAMS: Readonly<Record<FaultKind, number | undefined>> = {
  '500': undefined,
  '503': 1,
  '429': 1,
  reset: undefined,
  drop: undefined,
  slow: 2000,
  sts: undefined,
  expire: undefined,
};

export function parseFaultSpec(spec: string): FaultRate[] {
  const rates: FaultRate[] = [];
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z0-9]+)=([0-9.]+)(?::([0-9.]+))?$/.exec(part);
    if (!m) throw new Error(`Fault spec part "${part}" is not kind=rate[:param] (e.g. 503=0.1:2).`);
    const kind = m[1] as FaultKind;
    if (!FAULT_KINDS.includes(kind)) throw new Error(`Unknown fault kind "${m[1]}"; known: ${FAULT_KINDS.join(', ')}.`);
    const rate = Number(m[2]);
    if (!(rate >= 0 && rate <= 1)) throw new Error(`Fault rate for ${kind} must be between 0 and 1, got ${m[2]}.`);
    const param = m[3] === undefined ? DEFAULT_PARAMS[kind] : Number(m[3]);
    rates.push(param === undefined ? { kind, rate } : { kind, rate, param });
  }
  return rates;
}

/** mulberry32: tiny, fast, good enough for reproducible fault sequences. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function appliesTo(kind: FaultKind, scope: FaultScope): boolean {
  if (scope === 'none') return false;
  if (kind === 'sts') return scope === 'sts';
  if (kind === 'expire') return scope === 'service';
  return true;
}

export class FaultPlan {
  #rates: FaultRate[] = [];
  #random: () => number = mulberry32(1);
  #seed = 1;
  readonly #queue: QueuedFault[] = [];

  constructor(spec = '', seed = 1) {
    this.configure(spec, seed);
  }

  configure(spec: string, seed: number = this.#seed): void {
    this.#rates = parseFaultSpec(spec);
    this.#seed = seed;
    this.#random = mulberry32(seed);
  }

  enqueue(fault: Omit<QueuedFault, 'remaining'> & { times?: number }): void {
    const queued: QueuedFault = { kind: fault.kind, remaining: fault.times ?? 1 };
    if (fault.pathPrefix !== undefined) Object.assign(queued, { pathPrefix: fault.pathPrefix });
    if (fault.param !== undefined) Object.assign(queued, { param: fault.param });
    this.#queue.push(queued);
  }

  clear(): void {
    this.#rates = [];
    this.#queue.length = 0;
    this.#random = mulberry32(this.#seed);
  }

  describe(): { seed: number; rates: readonly FaultRate[]; queued: readonly QueuedFault[] } {
    return { seed: this.#seed, rates: [...this.#rates], queued: this.#queue.map((q) => ({ ...q })) };
  }

  /** Decides the faults for one request: at most one failure plus, independently, slowness. */
  decide(scope: FaultScope, path: string): FaultDecision[] {
    if (scope === 'none') return [];
    const queued = this.#queue.find((q) => appliesTo(q.kind, scope) && (q.pathPrefix === undefined || path.startsWith(q.pathPrefix)));
    if (queued) {
      queued.remaining -= 1;
      if (queued.remaining <= 0) this.#queue.splice(this.#queue.indexOf(queued), 1);
      return [queued.param === undefined ? { kind: queued.kind } : { kind: queued.kind, param: queued.param }];
    }
    const decisions: FaultDecision[] = [];
    for (const r of this.#rates) {
      if (!appliesTo(r.kind, scope)) continue;
      // Always draw, so the sequence for one kind does not depend on whether another fired.
      const hit = this.#random() < r.rate;
      if (!hit) continue;
      if (r.kind === 'slow' || decisions.every((d) => d.kind === 'slow')) {
        decisions.push(r.param === undefined ? { kind: r.kind } : { kind: r.kind, param: r.param });
      }
    }
    return decisions;
  }
}
