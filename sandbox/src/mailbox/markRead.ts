/**
 * Opening a letter in the mailbox marks it read once and emits a "read" event.
 * @module
 */
import type { SandboxContext } from '../SandboxContext.js';
import type { LetterRecord } from '../store/records.js';

export function markRead(ctx: SandboxContext, letter: LetterRecord): LetterRecord {
  if (letter.readAt !== null || (letter.status !== 'delivered' && letter.status !== 'printed')) return letter;
  const now = new Date();
  const updated = { ...letter, readAt: now.toISOString() };
  ctx.store.updateLetter(letter.id, { readAt: updated.readAt });
  ctx.statusFeed.recordRead(updated, now);
  return updated;
}
