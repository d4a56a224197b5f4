/**
 * The letter a client sends: a {@link LetterInput} whose sender may be left out (the client's
 * configured authority is used), or a ready {@link MemoMessage}.
 * @module
 */
import type { LetterInput, SenderInput } from '../memo/letterInput.js';
import type { MemoMessage } from '../memo/model.js';

export type ClientLetterInput = Omit<LetterInput, 'sender'> & { readonly sender?: SenderInput };

export type ClientLetter = ClientLetterInput | MemoMessage;

export function isMemoMessage(letter: ClientLetter): letter is MemoMessage {
  return typeof letter === 'object' && letter !== null && 'MessageHeader' in letter;
}
