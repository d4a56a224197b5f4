/**
 * Checks what the caseworker typed as recipient before anything is looked up.
 * @module
 */
import { checkCpr, checkCvr, checkPNumber } from '@postbud/sdk';
import type { Recipient } from '../../gateway/types.js';

/** `cpr`: a citizen; `cvr`: a whole company; `cvr-p`: one production unit of a company. */
export type RecipientMode = 'cpr' | 'cvr' | 'cvr-p';

export type RecipientProblem = 'cprFormat' | 'cprDate' | 'cvrInvalid' | 'pNumberMissing' | 'pNumberInvalid';

export interface RecipientForm {
  readonly mode: RecipientMode;
  readonly cpr?: string;
  readonly cvr?: string;
  readonly pNumber?: string;
}

export type RecipientCheck =
  | { readonly ok: true; readonly recipient: Recipient }
  | { readonly ok: false; readonly problem: RecipientProblem };

export function validateRecipient(form: RecipientForm, now: Date = new Date()): RecipientCheck {
  if (form.mode === 'cpr') {
    const text = (form.cpr ?? '').trim();
    if (!/^\d{6}-?\d{4}$/.test(text)) return { ok: false, problem: 'cprFormat' };
    const cpr = checkCpr(text, now);
    return cpr.ok ? { ok: true, recipient: { type: 'cpr', cpr: cpr.value } } : { ok: false, problem: 'cprDate' };
  }
  const cvr = checkCvr(form.cvr ?? '');
  if (!cvr.ok) return { ok: false, problem: 'cvrInvalid' };
  if (form.mode === 'cvr') return { ok: true, recipient: { type: 'cvr', cvr: cvr.value } };
  if (!form.pNumber?.trim()) return { ok: false, problem: 'pNumberMissing' };
  const p = checkPNumber(form.pNumber);
  return p.ok ? { ok: true, recipient: { type: 'cvr', cvr: cvr.value, pNumber: p.value } } : { ok: false, problem: 'pNumberInvalid' };
}
