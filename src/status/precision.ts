// Both faces of each status compare numbers the same way, so the TypeScript answer and the
// spreadsheet's answer agree on floating-point edges (0.3 - 0.27 against 10% of 0.3).

/** Every status comparison rounds to this many decimal places first (ROUND(x, 9) in the formulas). */
export const COMPARE_DECIMALS = 9;
const SCALE = 10 ** COMPARE_DECIMALS;

/** Spreadsheet ROUND(x, 9): half away from zero. */
export function roundForCompare(x: number): number {
  return x < 0 ? -Math.round(-x * SCALE) / SCALE : Math.round(x * SCALE) / SCALE;
}

/** Relative size below which spreadsheet engines treat a difference as zero (HyperFormula's precisionEpsilon). */
const SUBTRACTION_EPSILON = 1e-13;

/**
 * The formula `a-b`: spreadsheet engines return 0 when the difference is only representation noise
 * relative to a. Mirroring that keeps large values (budgets in £m) on the same side of a band edge.
 */
export function subtract(a: number, b: number): number {
  const d = a - b;
  return Math.abs(d) < SUBTRACTION_EPSILON * Math.abs(a) ? 0 : d;
}
