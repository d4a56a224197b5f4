/**
 * The error the factory throws for input it cannot turn into a MeMo message.
 * @module
 */
import { PostbudError } from '../../errors/PostbudError.js';

/** `field` is the LetterInput path (e.g. `reply.replyBy`), kept in `details.field` for programs. */
export function letterInputError(field: string, problem: string): PostbudError {
  return new PostbudError('LETTER_INPUT_INVALID', `Letter input ${field}: ${problem}`, { details: { field } });
}
