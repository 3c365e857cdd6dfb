// KPI RAG for a quarter: that quarter's actual against that quarter's target (the quarterly
// target if given, else the annual target), with the council's tolerances. rag.formula.ts is the
// same rule as a sheet formula; the two must agree exactly (test/status/rag.property.test.ts).
import { Tolerances } from "../model/framework";
import { Quarter } from "../model/period";
import { Measure } from "../model/plan";
import { roundForCompare, subtract } from "./precision";

export type Rag = "Green" | "Amber" | "Red" | "M" | "Data only";
export const RAGS: readonly Rag[] = ["Green", "Amber", "Red", "M", "Data only"];

export type RagInput = Pick<
  Measure,
  | "type" | "polarity" | "frequency" | "annualTarget"
  | "q1Target" | "q2Target" | "q3Target" | "q4Target"
  | "q1Actual" | "q2Actual" | "q3Actual" | "q4Actual"
  | "greenWithin" | "amberWithin"
>;

type Targets = Pick<RagInput, "annualTarget" | "q1Target" | "q2Target" | "q3Target" | "q4Target">;
type Actuals = Pick<RagInput, "q1Actual" | "q2Actual" | "q3Actual" | "q4Actual">;

/** The target the quarter is judged against: its own trajectory target, else the annual target. */
export function targetFor(m: Targets, quarter: Quarter): number | null {
  const q = quarter === 1 ? m.q1Target : quarter === 2 ? m.q2Target : quarter === 3 ? m.q3Target : m.q4Target;
  return q ?? m.annualTarget;
}

export function actualFor(m: Actuals, quarter: Quarter): number | null {
  return quarter === 1 ? m.q1Actual : quarter === 2 ? m.q2Actual : quarter === 3 ? m.q3Actual : m.q4Actual;
}

/**
 * Green when the shortfall is at most greenWithin% of |target|, Amber when at most amberWithin%,
 * else Red. The shortfall is target - actual for High, actual - target for Low, and the distance
 * either side for Target. A zero target has no tolerance: met is Green, any miss is Red.
 * M: no actual yet, no target, no polarity, or an Annual measure before Q4.
 * Per-measure tolerances (percent) override the council defaults; either may be any number.
 */
export function measureRag(m: RagInput, quarter: Quarter, defaults: Tolerances): Rag {
  if (m.type === "Contextual Indicator") return "Data only";
  if (m.frequency === "Annual" && quarter < 4) return "M";
  const actual = actualFor(m, quarter);
  const target = targetFor(m, quarter);
  if (actual === null || target === null) return "M";
  const polarity = m.polarity;
  if (polarity !== "High" && polarity !== "Low" && polarity !== "Target") return "M";
  // Same operand order as the formula, so subtraction noise is treated identically.
  const shortfall = polarity === "Target" ? Math.abs(subtract(actual, target)) : subtract(actual, target) * (polarity === "Low" ? 1 : -1);
  const greenWithin = m.greenWithin ?? defaults.greenWithin;
  const amberWithin = m.amberWithin ?? defaults.amberWithin;
  if (roundForCompare(subtract(shortfall, (Math.abs(target) * greenWithin) / 100)) <= 0) return "Green";
  if (roundForCompare(subtract(shortfall, (Math.abs(target) * amberWithin) / 100)) <= 0) return "Amber";
  return "Red";
}
