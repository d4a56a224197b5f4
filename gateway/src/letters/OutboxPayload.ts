/**
 * What the outbox keeps for a letter until it reaches a final state: the complete letter
 * (messageUUID fixed), the channel policy in force when it was accepted and, for physical
 * post, the address it goes to.
 * @module
 */
import type { LetterInput, PostalAddress } from '@postbud/sdk';
import type { ChannelPolicy } from '../config/GatewayConfig.js';

export interface OutboxPayload {
  readonly letter: LetterInput;
  readonly channel: ChannelPolicy;
  /** Fjernprint address when the recipient could not receive Digital Post at intake (or may not later). */
  readonly physical?: { readonly address: PostalAddress };
}
