/**
 * After the receipt is shown: close and discard the draft where Outlook can (Mailbox 1.14),
 * otherwise report that the caseworker must delete it themselves.
 * @module
 */
import type { MailboxAdapter } from '../../office/MailboxAdapter.js';

export type FinishOutcome = 'closed' | 'manual';

export async function finishDraft(mailbox: Pick<MailboxAdapter, 'supportsMailbox' | 'closeAndDiscard'>): Promise<FinishOutcome> {
  if (!mailbox.supportsMailbox('1.14')) return 'manual';
  try {
    await mailbox.closeAndDiscard();
    return 'closed'; // usually never reached: Outlook ends the add-in when the draft closes
  } catch {
    return 'manual'; // e.g. an inline reply, which closeAsync cannot close
  }
}
