/**
 * Replyability figures per sender system: letters sent, how many were reply-enabled, replies
 * received and the median time to the first reply. Pure, so every ledger can share it.
 * @module
 */
import type { ReplyabilityRow } from './records.js';

export interface ReplyabilityInput {
  readonly senderSystem: string;
  readonly replyEnabled: boolean;
  readonly sentAt: string;
  /** Reception times of replies to this letter. */
  readonly replyTimes: readonly string[];
  readonly physical?: boolean;
  readonly replyTurnedOff?: boolean;
  readonly replyOffReason?: string;
}

function offReasons(list: readonly ReplyabilityInput[]): { reason: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const l of list) if (l.replyTurnedOff) counts.set(l.replyOffReason?.trim() || '(none given)', (counts.get(l.replyOffReason?.trim() || '(none given)') ?? 0) + 1);
  return [...counts.entries()].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function computeReplyability(letters: readonly ReplyabilityInput[]): ReplyabilityRow[] {
  const bySystem = new Map<string, ReplyabilityInput[]>();
  for (const l of letters) bySystem.set(l.senderSystem, [...(bySystem.get(l.senderSystem) ?? []), l]);
  return [...bySystem.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([senderSystem, list]) => {
      const hours = list
        .filter((l) => l.replyTimes.length > 0)
        .map((l) => (Math.min(...l.replyTimes.map((t) => Date.parse(t))) - Date.parse(l.sentAt)) / 3_600_000);
      const m = median(hours);
      return {
        senderSystem,
        lettersSent: list.length,
        replyEnabled: list.filter((l) => l.replyEnabled).length,
        repliesReceived: list.reduce((n, l) => n + l.replyTimes.length, 0),
        replyTurnedOff: list.filter((l) => l.replyTurnedOff).length,
        replyOffReasons: offReasons(list),
        physical: list.filter((l) => l.physical).length,
        ...(m === undefined ? {} : { medianHoursToReply: Math.round(m * 10) / 10 }),
      };
    });
}
