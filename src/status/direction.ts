// Direction of travel: is the measure moving the right way? Q1-Q3 compare with the previous
// quarter (Q1 with the baseline, last year's outturn); Q4 compares with the same point 12 months
// earlier, which is the baseline. direction.formula.ts is the same rule as a sheet formula.
import { Quarter } from "../model/period";
import { Measure } from "../model/plan";
import { roundForCompare, subtract } from "./precision";
import { actualFor, targetFor } from "./rag";

export type Direction = "Improving" | "Maintained" | "Declining" | "M";
export const DIRECTIONS: readonly Direction[] = ["Improving", "Maintained", "Declining", "M"];

export type DirectionInput = Pick<
  Measure,
  | "polarity" | "frequency" | "baseline" | "annualTarget"
  | "q1Target" | "q2Target" | "q3Target" | "q4Target"
  | "q1Actual" | "q2Actual" | "q3Actual" | "q4Actual"
>;

/** The figure this quarter is compared with. */
export function comparatorFor(m: DirectionInput, quarter: Quarter): number | null {
  return quarter === 2 ? m.q1Actual : quarter === 3 ? m.q2Actual : m.baseline;
}

/**
 * High: a higher figure is Improving; Low: a lower one; Target: closer to this quarter's target
 * (targetFor) is Improving. Equal to 9 decimal places is Maintained.
 * M: no polarity (direction means nothing without one), either figure missing, Target polarity
 * without a target, or an Annual measure before Q4 (it has no in-year figures).
 * Contextual indicators get a direction when they have a polarity: travel is still informative.
 */
export function directionOfTravel(m: DirectionInput, quarter: Quarter): Direction {
  if (m.frequency === "Annual" && quarter < 4) return "M";
  const now = actualFor(m, quarter);
  const before = comparatorFor(m, quarter);
  if (now === null || before === null) return "M";
  let change: number;
  if (m.polarity === "High" || m.polarity === "Low") {
    change = subtract(now, before) * (m.polarity === "Low" ? -1 : 1);
  } else if (m.polarity === "Target") {
    const target = targetFor(m, quarter);
    if (target === null) return "M";
    change = subtract(Math.abs(subtract(before, target)), Math.abs(subtract(now, target)));
  } else {
    return "M";
  }
  const rounded = roundForCompare(change);
  return rounded > 0 ? "Improving" : rounded < 0 ? "Declining" : "Maintained";
}
