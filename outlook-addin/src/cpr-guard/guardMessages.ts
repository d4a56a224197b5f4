/**
 * The Smart Alerts dialog texts. `actionLabel` must stay within Outlook's 20-character limit
 * for `cancelLabel`; the error message within 500 characters.
 * @module
 */
export interface GuardMessages {
  readonly message: (masked: readonly string[]) => string;
  readonly actionLabel: string;
}

const da: GuardMessages = {
  message: (masked) => `Mailen ser ud til at indeholde et CPR-nummer (${masked.slice(0, 3).join(', ')}). Almindelig e-mail må ikke bruges til følsomme personoplysninger. Send brevet som Digital Post i stedet, eller fjern nummeret.`,
  actionLabel: 'Til Digital Post',
};

const en: GuardMessages = {
  message: (masked) => `This mail seems to contain a CPR number (${masked.slice(0, 3).join(', ')}). Ordinary e-mail must not carry sensitive personal data. Send the letter as Digital Post instead, or remove the number.`,
  actionLabel: 'Use Digital Post',
};

export function guardMessages(displayLanguage: string | undefined): GuardMessages {
  return /^en(-|$)/i.test(displayLanguage ?? '') ? en : da;
}
