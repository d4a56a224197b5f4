/**
 * Turns the raw results of benchmark runs into table rows (median, min, max, target, pass)
 * and the Markdown table that `npm run bench` prints.
 * @module
 */
import { summarize } from '../support/stats.js';

export interface BenchRow {
  readonly group: string;
  readonly metric: string;
  readonly unit: string;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
  /** e.g. `≥ 1000`; empty when the figure is informative only. */
  readonly target: string;
  readonly pass: boolean | null;
}

type Raw = Record<string, unknown>;

function at(o: unknown, dotted: string): number {
  let v: unknown = o;
  for (const k of dotted.split('.')) v = typeof v === 'object' && v !== null ? (v as Raw)[k] : undefined;
  return typeof v === 'number' ? v : Number.NaN;
}

/** A row from per-run samples; `goal` is `{ atLeast }` or `{ atMost }`. */
export function row(group: string, metric: string, unit: string, samples: readonly number[], goal?: { atLeast?: number; atMost?: number }): BenchRow {
  const s = summarize(samples.filter((x) => Number.isFinite(x)));
  const target = goal?.atLeast !== undefined ? `≥ ${goal.atLeast}` : goal?.atMost !== undefined ? `≤ ${goal.atMost}` : '';
  const pass = goal === undefined || s.runs === 0 ? null : goal.atLeast !== undefined ? s.median >= goal.atLeast : s.median <= (goal.atMost as number);
  return { group, metric, unit, ...s, target, pass };
}

export function sdkRows(sdk: Raw): BenchRow[] {
  const results = (sdk['results'] ?? {}) as Record<string, Raw>;
  return Object.values(results).map((r) => {
    const higher = r['higherIsBetter'] !== false;
    const target = typeof r['target'] === 'number' ? r['target'] : undefined;
    return {
      group: 'SDK MeMo (sdk/bench)', metric: String(r['label']), unit: String(r['unit']),
      median: at(r, 'median'), min: at(r, 'min'), max: at(r, 'max'), runs: at(r, 'runs'),
      target: target === undefined ? '' : `${higher ? '≥' : '≤'} ${target}`, pass: typeof r['pass'] === 'boolean' ? r['pass'] : null,
    };
  });
}

export function e2eRows(runs: readonly Raw[]): BenchRow[] {
  const n = at(runs[0], 'requested');
  return [
    row('SDK → sandbox (loopback, light validation)', `${n} letters, 50 KB PDF, concurrency 32`, 'letters/s', runs.map((r) => at(r, 'lettersPerSecond')), { atLeast: 1000 }),
    row('SDK → sandbox (loopback, light validation)', 'sender peak RSS', 'MB', runs.map((r) => at(r, 'peakRssMb')), { atMost: 300 }),
    row('SDK → sandbox (loopback, light validation)', 'failed letters', 'letters', runs.map((r) => at(r, 'failed')), { atMost: 0 }),
  ];
}

/**
 * Scaling rows. `byCount[n][i]` is the i-th run at batch size n; runAll interleaves the sizes in
 * rounds, so run i of every size was taken at about the same time and machine drift does not
 * pass for a cost of batch size. The target (the rate must not fall by more than 10 % as the
 * batch grows) is checked for every pair of sizes, not only the largest against the smallest:
 * per round, the worst of rate(larger) ÷ rate(smaller).
 */
export function scaleRows(byCount: Readonly<Record<string, readonly Raw[]>>): BenchRow[] {
  const g = 'Cost per letter as the batch grows';
  const counts = Object.keys(byCount).map(Number).sort((a, b) => a - b);
  const rates = (n: number) => (byCount[n] ?? []).map((r) => at(r, 'lettersPerSecond'));
  const rows = counts.map((n) => row(g, `${n} letters`, 'letters/s', rates(n)));
  if (counts.length < 2) return rows;
  const rounds = Math.min(...counts.map((n) => rates(n).length));
  /** Per round, rate(large) ÷ rate(small). */
  const ratios = (small: number, large: number) => Array.from({ length: rounds }, (_, r) => (rates(large)[r] as number) / (rates(small)[r] as number));
  for (let i = 1; i < counts.length; i += 1) {
    const small = counts[i - 1] as number;
    const large = counts[i] as number;
    rows.push(row(g, `rate at ${large} ÷ rate at ${small}, same round`, 'ratio', ratios(small, large)));
  }
  const allPairs = counts.flatMap((small, i) => counts.slice(i + 1).map((large) => ratios(small, large)));
  const worst = Array.from({ length: rounds }, (_, r) => Math.min(...allPairs.map((pair) => pair[r] as number)));
  rows.push(row(g, 'worst rate of a larger batch ÷ rate of a smaller one, same round', 'ratio', worst, { atLeast: 0.9 }));
  const last = counts[counts.length - 1] as number;
  rows.push(row(g, `sender peak RSS at ${last}`, 'MB', (byCount[last] ?? []).map((r) => at(r, 'peakRssMb')), { atMost: 300 }));
  return rows;
}

export function gatewayRows(runs: readonly Raw[]): BenchRow[] {
  const g = 'Gateway (load from a second process)';
  const col = (k: string) => runs.map((r) => at(r, k));
  return [
    row(g, 'lookups (cached), 8 workers', 'req/s', col('lookupMax.rate'), { atLeast: 500 }),
    row(g, 'lookup p99 at 500 req/s', 'ms', col('lookupAt500.p99'), { atMost: 10 }),
    row(g, 'lookups answered at the 500 req/s schedule', 'req/s', col('lookupAt500.rate'), { atLeast: 500 }),
    row(g, 'letter acceptance (100 KB) achieved at a 100 req/s schedule', 'req/s', col('accept100.rate'), { atLeast: 100 }),
    row(g, 'letter acceptance p99 at 100 req/s', 'ms', col('accept100.p99'), { atMost: 50 }),
    row(g, 'letter acceptance, 8 workers back to back', 'req/s', col('burst.rate')),
    row(g, 'outbox drain', 'letters/s', col('drain.rate')),
    row(g, 'SDK → sandbox, same letters, concurrency 20 (sandbox speed)', 'letters/s', col('drain.directRate')),
    row(g, 'outbox drain ÷ sandbox speed', 'ratio', col('drain.ratio'), { atLeast: 0.8 }),
    row(g, 'gateway peak RSS', 'MB', col('gatewayPeakRssMb')),
  ];
}

export function addinRows(r: Raw): BenchRow[] {
  const samples = Array.isArray(r['firstInteractiveMs']) ? (r['firstInteractiveMs'] as number[]) : [];
  return [
    row('Outlook add-in', 'task pane initial bundle (gzip)', 'KB', [at(r, 'initialKb')], { atMost: 200 }),
    row('Outlook add-in', 'task pane with the lazy MSAL chunk (gzip)', 'KB', [at(r, 'totalKb')], { atMost: 200 }),
    row('Outlook add-in', 'time to first interactive render (headless Chromium)', 'ms', samples, { atMost: 500 }),
  ];
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return '–';
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);
}

export function markdownTable(rows: readonly BenchRow[]): string {
  const lines = ['| group | metric | median | min | max | runs | target | pass |', '| --- | --- | ---: | ---: | ---: | ---: | --- | --- |'];
  for (const r of rows) {
    const pass = r.pass === null ? '' : r.pass ? 'yes' : '**no**';
    lines.push(`| ${r.group} | ${r.metric} | ${fmt(r.median)} ${r.unit} | ${fmt(r.min)} | ${fmt(r.max)} | ${r.runs} | ${r.target} | ${pass} |`);
  }
  return lines.join('\n');
}
