// KPI RAG for a quarter: that quarter's actual against that quarter's target (the quarterly
// target if given, else the annual target, or its share to date for a cumulative measure), with
// the council's tolerances. An annual measure is rated on the figure of the quarter it is reported
// in, from that quarter on. rag.formula.ts is the same rule as a sheet formula; the two must agree
// exactly (test/status/rag.property.test.ts).
import { Tolerances } from "../model/framework";
import { Quarter } from "../model/period";
import { Measure } from "../model/plan";
import { roundForCompare, subtract } from "./precision";

export type Rag = "Green" | "Amber" | "Red" | "M" | "Data only";
export const RAGS: readonly Rag[] = ["Green", "Amber", "Red", "M", "Data only"];

export type RagInput = Pick<
  Measure,
  | "type"
  | "polarity"
  | "frequency"
  | "annualTarget"
  | "q1Target"
  | "q2Target"
  | "q3Target"
  | "q4Target"
  | "q1Actual"
  | "q2Actual"
  | "q3Actual"
  | "q4Actual"
  | "greenWithin"
  | "amberWithin"
  | "cumulative"
  | "reportedIn"
>;

type Targets = Pick<RagInput, "annualTarget" | "q1Target" | "q2Target" | "q3Target" | "q4Target"> & Partial<Pick<RagInput, "cumulative" | "frequency">>;
type Actuals = Pick<RagInput, "q1Actual" | "q2Actual" | "q3Actual" | "q4Actual">;
type Timing = Pick<RagInput, "frequency" | "reportedIn">;

/**
 * The target the quarter is judged against: its own trajectory target, else the annual target.
 * A cumulative (year-to-date) measure without a trajectory target is judged against the annual
 * target's share so far (a quarter of it at Q1, half at Q2): the year's target at Q1 is no test.
 */
export function targetFor(m: Targets, quarter: Quarter): number | null {
  const q = quarter === 1 ? m.q1Target : quarter === 2 ? m.q2Target : quarter === 3 ? m.q3Target : m.q4Target;
  if (q !== null) return q;
  if (m.cumulative === true && m.frequency !== "Annual" && m.annualTarget !== null) return (m.annualTarget * quarter) / 4;
  return m.annualTarget;
}

/** The quarter an annual measure's figure is published in: its "Reported in" quarter, Q4 when blank. */
function reportedInQuarter(m: Pick<RagInput, "reportedIn">): Quarter {
  return m.reportedIn === "Q1" ? 1 : m.reportedIn === "Q2" ? 2 : m.reportedIn === "Q3" ? 3 : 4;
}

/**
 * The quarter whose figures rate the measure at `quarter`: the quarter itself, or for an annual
 * measure the quarter it is reported in (its one figure stands for the rest of the year); null
 * for an annual measure before its figure is due.
 */
export function ratedQuarter(m: Timing, quarter: Quarter): Quarter | null {
  if (m.frequency !== "Annual") return quarter;
  const reported = reportedInQuarter(m);
  return quarter < reported ? null : reported;
}

/** Year-to-date target (Wirral scorecard: "year to date plan"): the target the RAG uses at this quarter. */
export function ytdTarget(m: Targets & Timing, quarter: Quarter): number | null {
  const q = ratedQuarter(m, quarter);
  return q === null ? null : targetFor(m, q);
}

/** Year-to-date actual ("year to date performance"): the figure the RAG uses at this quarter. */
export function ytdActual(m: Actuals & Timing, quarter: Quarter): number | null {
  const q = ratedQuarter(m, quarter);
  return q === null ? null : actualFor(m, q);
}

export function actualFor(m: Actuals, quarter: Quarter): number | null {
  return quarter === 1 ? m.q1Actual : quarter === 2 ? m.q2Actual : quarter === 3 ? m.q3Actual : m.q4Actual;
}

/**
 * Green when the shortfall is at most greenWithin% of |target|, Amber when at most amberWithin%,
 * else Red. The shortfall is target - actual for High, actual - target for Low, and the distance
 * either side for Target. A zero target has no tolerance: met is Green, any miss is Red.
 * M: no actual yet, no target, no polarity, or an Annual measure before its "Reported in" quarter.
 * Per-measure tolerances (percent) override the council defaults; either may be any number.
 */
export function measureRag(m: RagInput, quarter: Quarter, defaults: Tolerances): Rag {
  if (m.type === "Contextual Indicator") return "Data only";
  const rated = ratedQuarter(m, quarter);
  if (rated === null) return "M";
  const actual = actualFor(m, rated);
  const target = targetFor(m, rated);
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
