/**
 * What happens to an accepted letter: delivered, printed, or failed with a reason, decided by
 * the recipient's registration in the fictional world. The FejlKode values other than
 * `memo.invalid` are the sandbox's own (the real list is not public; see docs/sandbox.md).
 * @module
 */
import type { World } from '../world/World.js';
import type { LetterSummary } from '../store/records.js';
import type { StatusFailure } from '../status/StatusFeed.js';

export type Outcome = { readonly kind: 'delivered' | 'printed' } | { readonly kind: 'failed'; readonly failure: StatusFailure };

export function deliveryOutcome(world: World, letter: LetterSummary): Outcome {
  if (letter.channel === 'physical') return { kind: 'printed' };
  const id = letter.recipientId ?? '';
  const party = world.party(id);
  if (letter.channel === 'nemsms') {
    if (world.hasNemSms(id)) return { kind: 'delivered' };
    return fail('recipient.nemsms.not.subscribed', 'Modtageren er ikke tilmeldt NemSMS.');
  }
  if (!party) return fail('recipient.unknown', 'Modtageren findes ikke i Digital Post.');
  switch (party.mailbox.publicRegistrationStatus) {
    case 'REGISTERED':
      return { kind: 'delivered' };
    case 'EXEMPT':
      return fail('recipient.exempt', `Modtageren er fritaget for Digital Post${party.mailbox.exemptionReason ? ` (${party.mailbox.exemptionReason})` : ''}.`);
    case 'CLOSED':
      return fail('recipient.closed', 'Modtagerens postkasse er lukket.');
    default:
      return fail('recipient.not.registered', 'Modtageren er endnu ikke tilmeldt Digital Post.');
  }
}

function fail(fejlKode: string, fejlTekst: string): Outcome {
  return { kind: 'failed', failure: { fejlKode, fejlTekst } };
}
