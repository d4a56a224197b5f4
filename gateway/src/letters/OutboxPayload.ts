/**
 * What the outbox keeps for a letter until it reaches a final state: the complete letter
 * (messageUUID fixed) and the channel policy in force when it was accepted.
 * @module
 */
import type { LetterInput } from '@postbud/sdk';
import type { ChannelPolicy } from '../config/GatewayConfig.js';

export interface OutboxPayload {
  readonly letter: LetterInput;
  readonly channel: ChannelPolicy;
}
