/**
 * The reply toggle follows the sender system's policy: forced on, forced off, or the
 * caseworker's choice starting from the policy's default.
 * @module
 */
import type { ReplyPolicy } from '../../gateway/types.js';

export interface ReplyOption {
  readonly editable: boolean;
  readonly on: boolean;
  /** Which explanation the pane shows next to the toggle. */
  readonly reason: 'forcedOn' | 'forcedOff' | 'choice';
}

export function replyOption(policy: ReplyPolicy, chosen?: boolean): ReplyOption {
  if (policy.policy === 'always') return { editable: false, on: true, reason: 'forcedOn' };
  if (policy.policy === 'never') return { editable: false, on: false, reason: 'forcedOff' };
  return { editable: true, on: chosen ?? policy.defaultOn, reason: 'choice' };
}

/** The default reply-by date (`YYYY-MM-DD`, local calendar), when the policy has one. */
export function defaultReplyBy(policy: ReplyPolicy, now: Date = new Date()): string | undefined {
  if (policy.replyByDays === undefined) return undefined;
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + policy.replyByDays);
  return isoDate(d);
}

export function isoDate(d: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A reply-by date must be a real date after today. */
export function isValidReplyBy(value: string, now: Date = new Date()): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (isoDate(d) !== value) return false;
  return value > isoDate(now);
}

/**
 * The pane asks for a reason (optional) when the caseworker turns reply off although the
 * policy's default is on: the gateway records it for the replyability report.
 */
export function asksOffReason(policy: ReplyPolicy, on: boolean): boolean {
  return policy.policy === 'caseworker-choice' && policy.defaultOn && !on;
}

/** The reply-by date (`YYYY-MM-DD`) as the end of that local day, in ISO 8601 (the API's date-time). */
export function replyByDateTime(date: string): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(y, m - 1, d, 23, 59, 59).toISOString();
}
