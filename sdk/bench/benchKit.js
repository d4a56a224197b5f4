// Measuring helpers for the SDK benchmarks: warm-up, repeated timed runs, median/min/max.
// Plain JavaScript on purpose: the bench runs the built dist exactly as users get it.

/**
 * Runs `fn` repeatedly for at least `ms` milliseconds. Returns operations per wall-clock second
 * and per CPU second of this process (user + system, all its threads, so GC helpers count too).
 * On a machine shared with other work the CPU rate is the steadier estimate of what one
 * uncontended core does; the wall rate is what this run actually got.
 */
export function ratePerSecond(fn, ms) {
  let count = 0;
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(ms * 1e6));
  let now = start;
  while (now < deadline) {
    fn();
    count++;
    now = process.hrtime.bigint();
  }
  const cpu = process.cpuUsage(cpuStart);
  return { wall: count / (Number(now - start) / 1e9), cpu: count / ((cpu.user + cpu.system) / 1e6) };
}

export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/**
 * Warm-up (JIT, caches), then `runs` timed runs of `ms` each: wall-clock summary plus the CPU-time
 * median, min and max. A full GC is forced once, before the warm-up, so garbage of the previous
 * case is not charged to this one. It is not forced between runs: a forced (testing) GC with no
 * result alive throws away the maps of short-lived objects and with them the optimised code
 * that used them, so the next run would measure re-optimisation (parse measured 5× slower in
 * the first 300 ms after `gc()`). Natural GCs during the runs are counted as they happen.
 */
export function measureRate(fn, { runs, ms, warmupMs }) {
  globalThis.gc?.();
  ratePerSecond(fn, warmupMs);
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const rate = ratePerSecond(fn, ms);
    wall.push(rate.wall);
    cpu.push(rate.cpu);
  }
  const cpuSummary = summarize(cpu);
  return { ...summarize(wall), cpuMedian: cpuSummary.median, cpuMin: cpuSummary.min, cpuMax: cpuSummary.max };
}

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Prints rows as an aligned plain-text table. */
export function printTable(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

export { fmt };
