// The shared shape of a benchmark row; src/bench/run.ts prints them all as one table.
export interface BenchRow {
  area: string;
  measure: string;
  value: number;
  unit: string;
  /** The budget, where the issue sets one. */
  budget?: number;
  /** true when value must be at most budget. */
  ok?: boolean;
}

export function timeMs(fn: () => void, repeats = 5): number {
  fn(); // warm-up so the JIT does not count
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}

export async function timeMsAsync(fn: () => Promise<void>, repeats = 3): Promise<number> {
  await fn();
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}
