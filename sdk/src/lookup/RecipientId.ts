/**
 * Recipient identifiers for lookups: a CPR number, a CVR number, or a CVR number with the
 * P-number of one production unit. Strings are recognised by length (10 digits or
 * `DDMMYY-NNNN` = CPR, 8 digits = CVR, `CVR/P-number` = both).
 * @module
 */
import { PostbudError } from '../errors/PostbudError.js';
import { parseCpr } from '../identifiers/cpr.js';
import { parseCvr } from '../identifiers/cvr.js';
import { maskCpr } from '../identifiers/mask.js';
import { parsePNumber } from '../identifiers/pNumber.js';

export type RecipientId =
  | string
  | { readonly cpr: string }
  | { readonly cvr: string; readonly pNumber?: string };

export type NormalisedRecipient =
  | { readonly type: 'cpr'; readonly cpr: string }
  | { readonly type: 'cvr'; readonly cvr: string; readonly pNumber?: string };

/** Validates and normalises; throws CPR_INVALID / CVR_INVALID / P_NUMBER_INVALID before anything is sent. */
export function normaliseRecipient(id: RecipientId): NormalisedRecipient {
  if (typeof id === 'string') {
    const raw = id.trim();
    const withP = /^(\d{8})\s*[/:]\s*(\d+)$/.exec(raw);
    if (withP) return { type: 'cvr', cvr: parseCvr(withP[1] ?? ''), pNumber: parsePNumber(withP[2] ?? '') };
    if (/^\d{8}$/.test(raw)) return { type: 'cvr', cvr: parseCvr(raw) };
    if (/^\d{6}-?\d{4}$/.test(raw)) return { type: 'cpr', cpr: parseCpr(raw) };
    throw new PostbudError('LETTER_INPUT_INVALID', `"${maskCpr(raw).slice(0, 24)}" is not a recipient id: give a CPR number (10 digits), a CVR number (8 digits) or CVR/P-number.`);
  }
  if ('cpr' in id) return { type: 'cpr', cpr: parseCpr(id.cpr) };
  const cvr = parseCvr(id.cvr);
  return id.pNumber === undefined ? { type: 'cvr', cvr } : { type: 'cvr', cvr, pNumber: parsePNumber(id.pNumber) };
}

/** A display form safe for logs: CPR masked. */
export function describeRecipient(recipient: NormalisedRecipient): string {
  if (recipient.type === 'cpr') return `CPR ${maskCpr(recipient.cpr)}`;
  return recipient.pNumber ? `CVR ${recipient.cvr} P ${recipient.pNumber}` : `CVR ${recipient.cvr}`;
}
