// A measure's figure for the same quarter last year, from the plan's Updates history: what a
// cumulative (year-to-date) measure's direction of travel compares with. direction.formula.ts
// finds the same figure with COUNTIFS/SUMIFS over the Updates table, so the rules match exactly:
// period label and ID compared whole and regardless of case, rows without a figure ignored, and
// (should the history hold the quarter twice) the figures added, as SUMIFS does.
import { Period, periodLabel } from "../model/period";
import { Update } from "../model/plan";

export type HistoryRow = Pick<Update, "period" | "itemId" | "value">;

/** "2023/24 Q2" for the period 2024/25 Q2: the label the Updates table records it under. */
export function sameQuarterLastYear(period: Period): string {
  return periodLabel({ startYear: period.startYear - 1, quarter: period.quarter });
}

/** The history's figure for `measureId` in the same quarter last year, or null when it has none. */
export function lastYearFigure(history: readonly HistoryRow[], measureId: string, period: Period): number | null {
  const label = sameQuarterLastYear(period).toLowerCase();
  const id = measureId.toLowerCase();
  let found = false;
  let sum = 0;
  for (const u of history) {
    if (u.value === null || u.period.toLowerCase() !== label || u.itemId.toLowerCase() !== id) continue;
    found = true;
    sum += u.value;
  }
  return found ? sum : null;
}

/** Every measure's last-year figure at once, keyed by lower-case ID (one pass over the history). */
export function lastYearFigures(history: readonly HistoryRow[], period: Period): Map<string, number> {
  const label = sameQuarterLastYear(period).toLowerCase();
  const out = new Map<string, number>();
  for (const u of history) {
    if (u.value === null || u.period.toLowerCase() !== label) continue;
    const id = u.itemId.toLowerCase();
    out.set(id, (out.get(id) ?? 0) + u.value);
  }
  return out;
}
