// Direction of travel: is the measure moving the right way? Q1-Q3 compare with the previous
// quarter (Q1 with the baseline, last year's outturn); Q4 compares with the same point 12 months
// earlier, which is the baseline. A cumulative (year-to-date) measure always compares with the same
// quarter last year, from the Updates history (history.ts); an annual measure compares its one
// figure with the baseline. direction.formula.ts is the same rule as a sheet formula.
import { Quarter } from "../model/period";
import { Measure } from "../model/plan";
import { roundForCompare, subtract } from "./precision";
import { actualFor, ratedQuarter, targetFor } from "./rag";

export type Direction = "Improving" | "Maintained" | "Declining" | "M";
export const DIRECTIONS: readonly Direction[] = ["Improving", "Maintained", "Declining", "M"];

export type DirectionInput = Pick<
  Measure,
  "polarity" | "frequency" | "baseline" | "annualTarget" | "q1Target" | "q2Target" | "q3Target" | "q4Target" | "q1Actual" | "q2Actual" | "q3Actual" | "q4Actual" | "cumulative" | "reportedIn"
>;

/**
 * The figure this quarter is compared with. `lastYear` is the measure's figure for the same quarter
 * last year from the Updates history (lastYearFigure), null when the history does not hold it.
 * Cumulative: last year's same quarter; without it, only Q4 has a comparison (the baseline, last
 * year's outturn, is the year-end running total); Q1-Q3 have none: a running total always grows
 * on the quarter before. Annual: the baseline. Otherwise the previous quarter, or the baseline at Q1 and Q4.
 */
export function comparatorFor(m: DirectionInput, quarter: Quarter, lastYear: number | null = null): number | null {
  if (m.frequency === "Annual") return m.baseline;
  if (m.cumulative === true) return lastYear ?? (quarter === 4 ? m.baseline : null);
  return quarter === 2 ? m.q1Actual : quarter === 3 ? m.q2Actual : m.baseline;
}

/**
 * High: a higher figure is Improving; Low: a lower one; Target: closer to this quarter's target
 * (targetFor) is Improving. Equal to 9 decimal places is Maintained.
 * M: no polarity (direction means nothing without one), either figure missing, Target polarity
 * without a target, or an Annual measure before its "Reported in" quarter.
 * Contextual indicators get a direction when they have a polarity: travel is still informative.
 */
export function directionOfTravel(m: DirectionInput, quarter: Quarter, lastYear: number | null = null): Direction {
  const rated = ratedQuarter(m, quarter);
  if (rated === null) return "M";
  const now = actualFor(m, rated);
  const before = comparatorFor(m, quarter, lastYear);
  if (now === null || before === null) return "M";
  let change: number;
  if (m.polarity === "High" || m.polarity === "Low") {
    change = subtract(now, before) * (m.polarity === "Low" ? -1 : 1);
  } else if (m.polarity === "Target") {
    const target = targetFor(m, rated);
    if (target === null) return "M";
    change = subtract(Math.abs(subtract(before, target)), Math.abs(subtract(now, target)));
  } else {
    return "M";
  }
  const rounded = roundForCompare(change);
  return rounded > 0 ? "Improving" : rounded < 0 ? "Declining" : "Maintained";
}
