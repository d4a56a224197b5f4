/**
 * Whether a letter can be answered from the mailbox, and if not, why (shown to the user).
 * @module
 */
import type { SandboxContext } from '../SandboxContext.js';
import type { LetterRecord } from '../store/records.js';
import type { Authority, ContactPointRecord } from '../world/worldTypes.js';

export type ReplyBlock = 'not-delivered' | 'not-reply-enabled' | 'deadline-passed' | 'no-contact-point' | 'unknown-contact-point' | 'inactive-contact-point';

export type ReplyEligibility =
  | { readonly ok: true; readonly authority: Authority; readonly contactPoint: ContactPointRecord }
  | { readonly ok: false; readonly reason: ReplyBlock };

export function replyEligibility(ctx: SandboxContext, letter: LetterRecord, now: Date = new Date()): ReplyEligibility {
  if (letter.status !== 'delivered' || letter.channel !== 'digital') return { ok: false, reason: 'not-delivered' };
  if (!letter.reply) return { ok: false, reason: 'not-reply-enabled' };
  if (letter.replyBy !== null && Date.parse(letter.replyBy) < now.getTime()) return { ok: false, reason: 'deadline-passed' };
  if (letter.contactPointId === null) return { ok: false, reason: 'no-contact-point' };
  const found = ctx.world.contactPoint(letter.contactPointId);
  if (!found) return { ok: false, reason: 'unknown-contact-point' };
  // An invisible contact point still receives replies: it only cannot be found for new letters.
  if (!found.contactPoint.active) return { ok: false, reason: 'inactive-contact-point' };
  return { ok: true, authority: found.authority, contactPoint: found.contactPoint };
}
