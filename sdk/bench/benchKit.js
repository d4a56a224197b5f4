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

/** Warm-up (JIT, caches), then `runs` timed runs of `ms` each: wall-clock summary plus the CPU-time median. */
export function measureRate(fn, { runs, ms, warmupMs }) {
  ratePerSecond(fn, warmupMs);
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const rate = ratePerSecond(fn, ms);
    wall.push(rate.wall);
    cpu.push(rate.cpu);
  }
  return { ...summarize(wall), cpuMedian: summarize(cpu).median };
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
