/**
 * The replyability report: per sender system and period, letters sent, share reply-enabled,
 * replies received and median time to reply; as data, CSV and a printable table.
 * @module
 */
import type { Ledger } from '../ledger/Ledger.js';
import type { ReplyabilityRow } from '../ledger/records.js';

export interface ReplyabilityReport {
  readonly from: string;
  readonly to: string;
  readonly rows: readonly (ReplyabilityRow & { readonly replyEnabledShare: number })[];
}

const DAY_MS = 86_400_000;

/** Default period: the last 30 days. */
export async function buildReplyabilityReport(
  ledger: Ledger,
  options: { readonly from?: string; readonly to?: string; readonly senderSystems?: readonly string[]; readonly now?: Date } = {},
): Promise<ReplyabilityReport> {
  const now = options.now ?? new Date();
  const to = options.to ?? now.toISOString();
  const from = options.from ?? new Date(Date.parse(to) - 30 * DAY_MS).toISOString();
  const rows = (await ledger.replyability({ from, to }))
    .filter((r) => options.senderSystems === undefined || options.senderSystems.includes(r.senderSystem))
    .map((r) => ({ ...r, replyEnabledShare: r.lettersSent === 0 ? 0 : Math.round((r.replyEnabled / r.lettersSent) * 1000) / 1000 }));
  return { from, to, rows };
}

const HEADERS = ['senderSystem', 'lettersSent', 'replyEnabled', 'replyEnabledShare', 'repliesReceived', 'medianHoursToReply', 'replyTurnedOff', 'replyOffReasons', 'physical'] as const;

/** `Fortroligt (2); (none given) (1)`. */
export function formatOffReasons(reasons: ReplyabilityRow['replyOffReasons']): string {
  return reasons.map((r) => `${r.reason} (${r.count})`).join('; ');
}

function csvCell(v: unknown): string {
  const s = v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function replyabilityCsv(report: ReplyabilityReport): string {
  const cell = (r: ReplyabilityReport['rows'][number], h: (typeof HEADERS)[number]) => csvCell(h === 'replyOffReasons' ? formatOffReasons(r.replyOffReasons) : r[h]);
  return [HEADERS.join(','), ...report.rows.map((r) => HEADERS.map((h) => cell(r, h)).join(','))].join('\r\n') + '\r\n';
}

/** A fixed-width table for terminals (`postbud report`). */
export function replyabilityTable(report: ReplyabilityReport): string {
  const head = ['Sender system', 'Sent', 'Reply-enabled', 'Share', 'Replies', 'Median h', 'Reply off', 'Physical'];
  const body = report.rows.map((r) => [r.senderSystem, String(r.lettersSent), String(r.replyEnabled), `${Math.round(r.replyEnabledShare * 100)}%`, String(r.repliesReceived), r.medianHoursToReply === undefined ? '-' : String(r.medianHoursToReply), String(r.replyTurnedOff), String(r.physical)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const reasons = report.rows.filter((r) => r.replyOffReasons.length > 0).map((r) => `  ${r.senderSystem}: reply switched off because ${formatOffReasons(r.replyOffReasons)}`);
  return [`Replyability ${report.from} – ${report.to}`, line(head), ...body.map(line), ...(body.length === 0 ? ['(no letters sent in this period)'] : []), ...reasons].join('\n') + '\n';
}
