/**
 * Finds CPR numbers in clear in log text: ten digits, or DDMMYY-NNNN, whose first six digits
 * form a real date (so message UUID fragments and counters are not mistaken for CPRs unless
 * they look exactly like one). Masked numbers (`010190-****`) do not match.
 * @module
 */
const CANDIDATE = /(?<![0-9A-Za-z])(\d{2})(\d{2})(\d{2})-?(\d{4})(?![0-9A-Za-z*])/g;

function isDate(dd: number, mm: number, yy: number): boolean {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  const days = new Date(Date.UTC(2000 + yy, mm, 0)).getUTCDate();
  return dd <= days;
}

/** Each offending line (trimmed to 200 characters), empty when none. */
export function findUnmaskedCpr(text: string): string[] {
  const hits: string[] = [];
  for (const line of text.split('\n')) {
    for (const m of line.matchAll(CANDIDATE)) {
      if (isDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
        hits.push(line.slice(Math.max(0, (m.index ?? 0) - 80), (m.index ?? 0) + 120));
        break;
      }
    }
  }
  return hits;
}
