/**
 * The letter's title comes from the mail subject. Citizens see it in their inbox, so a
 * generic one ("Brev", "Vedr.") earns a warning.
 * @module
 */

const REPLY_PREFIX = /^\s*((re|sv|aw|fw|fwd|vs|videresend|tr)\s*(\[\d+\])?\s*:\s*)+/i;

const GENERIC = new Set([
  '', 'brev', 'besked', 'vedr', 'vedr.', 'vedrørende', 'henvendelse', 'info', 'information', 'orientering',
  'til orientering', 'svar', 'test', 'digital post', 'post', 'sag', 'dokument', 'bilag', 'letter', 'message',
  'regarding', 're', 'document', 'mail', 'e-mail', 'email', '(intet emne)', '(no subject)', 'intet emne', 'no subject',
]);

/** The largest title length the pane accepts (MeMo `Title` allows more; inboxes show less). */
export const MAX_TITLE_LENGTH = 100;

export function titleFromSubject(subject: string): string {
  return subject.replace(REPLY_PREFIX, '').replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_LENGTH);
}

export function isGenericTitle(title: string): boolean {
  const t = title.trim().toLowerCase().replace(/[!.:]+$/, '');
  return t.length < 4 || GENERIC.has(t) || GENERIC.has(`${t}.`);
}
