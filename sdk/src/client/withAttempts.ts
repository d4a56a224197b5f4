/**
 * Completes a route's answer with what the client saw of the attempts: how many there were,
 * and whether an earlier one may have been accepted while its answer was lost. In that case a
 * success on the retry is (possibly) the original receipt, so it counts as a duplicate.
 * @module
 */
import type { RouteSendAnswer, SendResult } from '../send/SendResult.js';
import type { AttemptFate } from './AttemptRecorder.js';

export function withAttempts(answer: RouteSendAnswer, fates: readonly AttemptFate[]): SendResult {
  // The last attempt is the one that answered; only the earlier ones can have been lost.
  const recoveredAfterLostResponse = fates.slice(0, -1).includes('unknown');
  return Object.freeze({
    ...answer,
    duplicate: answer.duplicate || recoveredAfterLostResponse,
    attempts: Math.max(1, fates.length),
    recoveredAfterLostResponse,
  });
}
