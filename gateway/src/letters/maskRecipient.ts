/**
 * The recipient as the ledger and the audit trail keep it: never a CPR number in clear.
 * @module
 */
import { maskCpr } from '@postbud/sdk';
import type { LetterInput } from '@postbud/sdk';

export function maskRecipient(r: LetterInput['recipient']): string {
  if (r.type === 'cpr') return `cpr:${maskCpr(r.cpr)}`;
  return `cvr:${r.cvr}${r.pNumber === undefined ? '' : `/p:${r.pNumber}`}`;
}
