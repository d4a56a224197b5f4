/**
 * What the pane remembers per draft (in `item.sessionData`) when it is closed and reopened.
 * @module
 */
import type { RecipientMode } from '../recipient/validateRecipient.js';

export interface DraftState {
  readonly mode: RecipientMode;
  readonly cpr: string;
  readonly cvr: string;
  readonly pNumber: string;
  readonly companyName: string;
  readonly senderSystemId: string;
  readonly contactPointId: string;
  /** The caseworker's own reply choice, when the policy leaves it to them. */
  readonly replyChosen?: boolean;
  readonly replyBy: string;
  /** Why the caseworker turned reply off where the policy's default is on (optional). */
  readonly replyOffReason: string;
  readonly title: string;
  readonly caseId: string;
  readonly kle: string;
  /** Created at the first press of Send and kept until the send is definitely refused. */
  readonly idempotencyKey?: string;
  /** Set once the gateway accepted the letter: the draft must never be sent again. */
  readonly sentLetterId?: string;
}

export const EMPTY_DRAFT: DraftState = Object.freeze({
  mode: 'cpr', cpr: '', cvr: '', pNumber: '', companyName: '', senderSystemId: '', contactPointId: '',
  replyBy: '', replyOffReason: '', title: '', caseId: '', kle: '',
});
