/** Chooses the UI language from Outlook's display language: English for `en-*`, else Danish. */
import { da } from './da.js';
import { en } from './en.js';
import type { Messages } from './Messages.js';

export function pickMessages(displayLanguage: string | undefined): Messages {
  return /^en(-|$)/i.test(displayLanguage ?? '') ? en : da;
}
