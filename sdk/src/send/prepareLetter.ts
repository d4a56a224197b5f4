/**
 * Turns a client letter into a {@link PreparedLetter}: fills the sender from the client's
 * configuration, builds and validates the MeMo, checks limits, and fixes the letter's identity
 * (message UUID, transaction id and time) once, before any attempt.
 * @module
 */
import { PostbudError } from '../errors/PostbudError.js';
import { createMemoMessage } from '../memo/factories/createMemoMessage.js';
import type { LetterInput } from '../memo/letterInput.js';
import type { MemoMessage } from '../memo/model.js';
import { assertValidMemo } from '../memo/validation/validateMemo.js';
import { transactionTime } from '../sf1601/Sf1601Client.js';
import type { ResolvedClientConfig } from '../client/ClientOptions.js';
import { checkLetterLimits } from './checkLetterLimits.js';
import { isMemoMessage, type ClientLetter } from './ClientLetter.js';
import { recipientOf, type PreparedLetter } from './PreparedLetter.js';
import type { Channel } from './SendResult.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function buildMessage(letter: ClientLetter, channel: Channel, config: ResolvedClientConfig): MemoMessage {
  if (isMemoMessage(letter)) return letter;
  const input: LetterInput = {
    ...letter,
    memoVersion: letter.memoVersion ?? config.memoVersion,
    ...(channel === 'nemsms' ? { messageType: 'NEMSMS' } : {}),
    sender: letter.sender ?? {
      id: config.sender.cvr,
      label: config.sender.label,
      ...(config.sender.contactPoint ? { contactPoint: config.sender.contactPoint } : {}),
    },
  };
  return createMemoMessage(input, { now: config.now, uuid: config.uuid });
}

export function prepareLetter(letter: ClientLetter, channel: Channel, transactionId: string | undefined, config: ResolvedClientConfig): PreparedLetter {
  const message = buildMessage(letter, channel, config);
  if (channel === 'nemsms' && message.MessageHeader.messageType !== 'NEMSMS') {
    throw new PostbudError('CHANNEL_NOT_POSSIBLE', 'The nemsms channel needs a NEMSMS message (messageType NEMSMS, text in notification, no documents).');
  }
  checkLetterLimits(message, config);
  assertValidMemo(message);
  if (transactionId !== undefined && !UUID_V4.test(transactionId)) {
    throw new PostbudError('LETTER_INPUT_INVALID', `transactionId must be a v4 UUID; got "${transactionId.slice(0, 40)}".`);
  }
  return Object.freeze({
    message,
    messageUUID: message.MessageHeader.messageUUID,
    transactionId: transactionId ?? config.uuid(),
    transactionTime: transactionTime(config.now()),
    recipient: recipientOf(message),
  });
}
