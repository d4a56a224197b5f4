import { describe, expect, it } from '@jest/globals';
import { scaleRows } from './benchRows.js';

const runs = (...rates: number[]) => rates.map((lettersPerSecond) => ({ lettersPerSecond, peakRssMb: 140 }));
const find = (rows: ReturnType<typeof scaleRows>, metric: string) => rows.find((r) => r.metric === metric);
const WORST = 'worst rate of a larger batch ÷ rate of a smaller one, same round';

describe('scaleRows', () => {
  it('fails a fall between the two larger batches even when the smallest batch is slowest', () => {
    // 1k is slow (a young process), 50k falls 13 % below 10k: largest ÷ smallest alone would pass.
    const rows = scaleRows({ 1000: runs(780, 790, 800), 10000: runs(1350, 1360, 1370), 50000: runs(1175, 1180, 1190) });
    const worst = find(rows, WORST);
    expect(worst?.median).toBeCloseTo(1190 / 1370, 4); // the median round
    expect(worst?.pass).toBe(false);
    expect(find(rows, 'rate at 50000 ÷ rate at 10000, same round')?.median).toBeCloseTo(1190 / 1370, 4);
    expect(find(rows, 'rate at 10000 ÷ rate at 1000, same round')?.median).toBeCloseTo(1360 / 790, 3);
  });

  it('compares runs of the same round, so drift of the machine between rounds is not read as scaling', () => {
    // Each round is 30 % faster than the one before; within a round 50k is 3 % below 10k.
    const rows = scaleRows({ 10000: runs(1000, 1300, 1690, 2197, 2856), 50000: runs(970, 1261, 1639, 2131, 2770) });
    const worst = find(rows, WORST);
    expect(worst?.min).toBeGreaterThan(0.96);
    expect(worst?.max).toBeLessThan(0.98);
    expect(worst?.pass).toBe(true);
  });

  it('keeps the sender RSS target for the largest batch', () => {
    const rows = scaleRows({ 1000: runs(900), 50000: [{ lettersPerSecond: 900, peakRssMb: 320 }] });
    expect(find(rows, 'sender peak RSS at 50000')?.pass).toBe(false);
    expect(find(rows, WORST)?.pass).toBe(true);
  });
});
