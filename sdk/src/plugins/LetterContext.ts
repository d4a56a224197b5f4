/**
 * What the gateway tells a plugin when it asks for a letter: who asks and under which policy.
 * @module
 */

/** @public */
export interface LetterContext {
  /** The sender system id from the configuration. */
  readonly senderSystemId: string;
  /** The caseworker (the identity token's subject) on whose behalf the letter is sent. */
  readonly caseworker: string;
  /** The authority's CVR number. */
  readonly authorityCvr: string;
  /** The sender label configured for this sender system. */
  readonly senderLabel: string;
  /** The authority's name (for letterheads). */
  readonly authorityName?: string;
  /** The caseworker's display name from the identity token, when it has one. */
  readonly caseworkerName?: string;
}
