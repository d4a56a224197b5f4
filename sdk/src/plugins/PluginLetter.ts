/**
 * What a plugin's `toLetter` returns: a letter, plus what the gateway needs to send it as
 * physical post (fjernprint) when the recipient cannot receive Digital Post.
 * @module
 */
import type { LetterInput } from '../memo/letterInput.js';
import type { PostalAddress } from '../send/PhysicalLetter.js';

/** @public */
export type PluginLetter = LetterInput & {
  /**
   * The recipient's postal address, when the sender system knows it. Under the `auto`
   * channel policy a recipient without Digital Post then gets the letter as physical post.
   * Without it the gateway asks its recipient directory (CPR/CVR register).
   */
  readonly physicalAddress?: PostalAddress;
};
