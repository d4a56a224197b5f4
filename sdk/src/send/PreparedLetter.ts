/**
 * A letter ready to send: its MeMo and its identity, created once before the first attempt
 * and reused on every retry (so a retry can never become a second letter).
 * @module
 */
import type { MemoMessage } from '../memo/model.js';
import type { NormalisedRecipient } from '../lookup/RecipientId.js';

export interface PreparedLetter {
  readonly message: MemoMessage;
  readonly messageUUID: string;
  readonly transactionId: string;
  /** UTC `yyyy-MM-ddTHH:mm:ssZ`, fixed with the transaction id. */
  readonly transactionTime: string;
  readonly recipient: NormalisedRecipient;
}

/** The recipient of a MeMo, as a lookup id (P-number from AttentionData when present). */
export function recipientOf(message: MemoMessage): NormalisedRecipient {
  const r = message.MessageHeader.Recipient;
  if (r.idType === 'CPR') return { type: 'cpr', cpr: r.recipientID };
  const pNumber = r.AttentionData?.ProductionUnit?.productionUnitNumber;
  return pNumber ? { type: 'cvr', cvr: r.recipientID, pNumber } : { type: 'cvr', cvr: r.recipientID };
}
